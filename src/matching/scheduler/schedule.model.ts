// The matchmaking scheduler: who meets whom in which time slot at which table. A mixed-integer
// programme solved by HiGHS (one binary per wanted pair and slot both sides can attend):
//   each pair at most once (exactly once when pinned), a candidate in one meeting a slot, a
//   company in at most `tables` meetings a slot, a candidate in at most `maxMeetings` meetings;
//   maximise the total weight — or, `fair`, first the number of candidates with a meeting and
//   then the weight among the schedules that reach it (two solves, the first's optimum fixed).
// Tables are handed out afterwards in slot order: any numbering within a slot is equally good.
import loadHighs from 'highs';

export interface ScheduleInput {
  slots: number;
  companies: { id: string; tables: number }[];
  candidates: { id: string; maxMeetings?: number }[];
  preferences: { company: string; candidate: string; weight: number }[];
  unavailable?: ({ candidate: string; slot: number } | { company: string; slot: number })[];
  /** Meetings the consultant insists on (in a given slot, or in any). */
  pinned?: { company: string; candidate: string; slot?: number }[];
  /** Meetings the consultant rules out whatever the wishes say. */
  forbidden?: { company: string; candidate: string }[];
}

export interface Meeting {
  company: string;
  candidate: string;
  slot: number;
  table: number;
}

export type ScheduleStatus = 'optimal' | 'time_limit' | 'infeasible';

export interface ScheduleResult {
  status: ScheduleStatus;
  /** The total weight of the meetings. */
  objective: number;
  /** The proven upper bound on the objective (equal to it when optimal). */
  bound: number;
  /** (bound − objective) / max(1, objective). */
  gap: number;
  candidatesMet: number;
  meetings: Meeting[];
  /** Why no schedule exists (status infeasible): the pins cannot all be kept. */
  reason?: string;
}

export interface ScheduleOptions {
  fair?: boolean;
  /** Seconds for the whole run; the best schedule found so far is returned when it runs out. */
  timeLimit?: number;
  /** Told when each solve starts (for a CLI's progress lines). */
  onPhase?: (phase: string) => void;
}

export class ScheduleInputError extends Error {}

const pairKey = (company: string, candidate: string) => `${company}\u0000${candidate}`;

/** Checks the input's ids, numbers and references; throws a ScheduleInputError saying what. */
export function validateScheduleInput(input: unknown): ScheduleInput {
  const fail = (msg: string): never => {
    throw new ScheduleInputError(msg);
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    fail('The input must be a JSON object.');
  const o = input as Record<string, unknown>;
  const slots = o.slots;
  if (!Number.isInteger(slots) || (slots as number) < 1 || (slots as number) > 200)
    fail('"slots" must be a whole number from 1 to 200.');
  const nSlots = slots as number;
  const list = (name: string, optional = false): Record<string, unknown>[] => {
    const v = o[name];
    if (v === undefined && optional) return [];
    if (!Array.isArray(v)) return fail(`"${name}" must be a list.`);
    return v.map((e, i) =>
      typeof e === 'object' && e !== null && !Array.isArray(e)
        ? (e as Record<string, unknown>)
        : fail(`"${name}"[${i}] must be an object.`),
    );
  };
  const id = (v: unknown, where: string): string =>
    typeof v === 'string' && v.length > 0 ? v : fail(`${where} must be a non-empty string id.`);
  const slot = (v: unknown, where: string): number =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) < nSlots
      ? (v as number)
      : fail(`${where} must be a slot from 0 to ${nSlots - 1}.`);

  const companies = list('companies').map((c, i) => {
    const tables = c.tables;
    if (!Number.isInteger(tables) || (tables as number) < 1)
      fail(`companies[${i}].tables must be a whole number of at least 1.`);
    return { id: id(c.id, `companies[${i}].id`), tables: tables as number };
  });
  const candidates = list('candidates').map((c, i) => {
    const max = c.maxMeetings;
    if (max !== undefined && (!Number.isInteger(max) || (max as number) < 0))
      fail(`candidates[${i}].maxMeetings must be a whole number of at least 0.`);
    return {
      id: id(c.id, `candidates[${i}].id`),
      ...(max === undefined ? {} : { maxMeetings: max as number }),
    };
  });
  const companyIds = new Set<string>();
  for (const c of companies) {
    if (companyIds.has(c.id)) fail(`Company "${c.id}" is listed twice.`);
    companyIds.add(c.id);
  }
  const candidateIds = new Set<string>();
  for (const c of candidates) {
    if (candidateIds.has(c.id)) fail(`Candidate "${c.id}" is listed twice.`);
    candidateIds.add(c.id);
  }
  const company = (v: unknown, where: string) => {
    const s = id(v, where);
    return companyIds.has(s) ? s : fail(`${where}: unknown company "${s}".`);
  };
  const candidate = (v: unknown, where: string) => {
    const s = id(v, where);
    return candidateIds.has(s) ? s : fail(`${where}: unknown candidate "${s}".`);
  };

  const seen = new Set<string>();
  const preferences = list('preferences').map((p, i) => {
    const where = `preferences[${i}]`;
    const pair = {
      company: company(p.company, `${where}.company`),
      candidate: candidate(p.candidate, `${where}.candidate`),
    };
    const w = p.weight;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
      fail(`${where}.weight must be a number of at least 0.`);
    const key = pairKey(pair.company, pair.candidate);
    if (seen.has(key))
      fail(`${where}: the pair ${pair.company}–${pair.candidate} is listed twice.`);
    seen.add(key);
    return { ...pair, weight: w as number };
  });
  const unavailable = list('unavailable', true).map((u, i) => {
    const where = `unavailable[${i}]`;
    const s = slot(u.slot, `${where}.slot`);
    if ((u.company === undefined) === (u.candidate === undefined))
      fail(`${where} must name either a company or a candidate.`);
    return u.company !== undefined
      ? { company: company(u.company, `${where}.company`), slot: s }
      : { candidate: candidate(u.candidate, `${where}.candidate`), slot: s };
  });
  const pinned = list('pinned', true).map((p, i) => {
    const where = `pinned[${i}]`;
    return {
      company: company(p.company, `${where}.company`),
      candidate: candidate(p.candidate, `${where}.candidate`),
      ...(p.slot === undefined ? {} : { slot: slot(p.slot, `${where}.slot`) }),
    };
  });
  const forbidden = list('forbidden', true).map((p, i) => ({
    company: company(p.company, `forbidden[${i}].company`),
    candidate: candidate(p.candidate, `forbidden[${i}].candidate`),
  }));
  return { slots: nSlots, companies, candidates, preferences, unavailable, pinned, forbidden };
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | undefined;
const highs = () => (highsPromise ??= loadHighs());

interface Variable {
  company: string;
  candidate: string;
  slot: number;
  weight: number;
}

/** The programme's columns and rows, built once for both phases. */
function buildModel(input: ScheduleInput) {
  const forbidden = new Set((input.forbidden ?? []).map((f) => pairKey(f.company, f.candidate)));
  const pinnedPairs = new Map<string, number | undefined>();
  for (const p of input.pinned ?? []) pinnedPairs.set(pairKey(p.company, p.candidate), p.slot);
  const busy = new Set<string>();
  for (const u of input.unavailable ?? [])
    busy.add('company' in u ? `c${u.company}@${u.slot}` : `p${u.candidate}@${u.slot}`);

  const vars: Variable[] = [];
  const pairs: { key: string; cols: number[]; pinned: boolean }[] = [];
  for (const p of input.preferences) {
    const key = pairKey(p.company, p.candidate);
    const isPinned = pinnedPairs.has(key);
    if ((p.weight <= 0 && !isPinned) || forbidden.has(key)) continue;
    const cols: number[] = [];
    for (let s = 0; s < input.slots; s++) {
      if (busy.has(`c${p.company}@${s}`) || busy.has(`p${p.candidate}@${s}`)) continue;
      const pinSlot = pinnedPairs.get(key);
      if (pinSlot !== undefined && pinSlot !== s) continue;
      cols.push(vars.length);
      vars.push({ company: p.company, candidate: p.candidate, slot: s, weight: p.weight });
    }
    pairs.push({ key, cols, pinned: isPinned });
  }
  return { vars, pairs, pinnedPairs, forbidden };
}

/** Why the pins cannot be kept, if that is already plain before solving. */
function pinProblem(input: ScheduleInput, model: ReturnType<typeof buildModel>): string | null {
  const wanted = new Set(input.preferences.map((p) => pairKey(p.company, p.candidate)));
  for (const p of input.pinned ?? []) {
    const key = pairKey(p.company, p.candidate);
    if (model.forbidden.has(key))
      return `The meeting ${p.company}–${p.candidate} is both pinned and forbidden.`;
    if (!wanted.has(key))
      return `The pinned meeting ${p.company}–${p.candidate} is not among the wishes.`;
    const pair = model.pairs.find((x) => x.key === key);
    if (!pair || pair.cols.length === 0)
      return `The pinned meeting ${p.company}–${p.candidate} falls in a slot one of them cannot attend.`;
  }
  return null;
}

interface Solved {
  status: ScheduleStatus;
  found: boolean;
  values: Float64Array | number[];
  objective: number;
  bound: number;
}

/**
 * Solves max c·x over the schedule's rules (plus `extra` rows); columns after `vars` are the
 * fairness indicators y_p ≤ Σ x_p·.
 */
function solve(
  h: Highs,
  input: ScheduleInput,
  model: ReturnType<typeof buildModel>,
  cost: (col: number) => number,
  withIndicators: boolean,
  extraRow: { lower: number } | null,
  timeLimit: number,
): Solved {
  const { vars, pairs } = model;
  const candidateIndex = new Map(input.candidates.map((c, i) => [c.id, i]));
  const nx = vars.length;
  const ny = withIndicators ? input.candidates.length : 0;
  const numCols = nx + ny;
  const rows: { cols: number[]; coef: number[]; lower: number; upper: number }[] = [];
  const inf = h.infinity;

  for (const pair of pairs)
    if (pair.cols.length > 0 || pair.pinned)
      rows.push({
        cols: pair.cols,
        coef: pair.cols.map(() => 1),
        lower: pair.pinned ? 1 : -inf,
        upper: 1,
      });
  const group = (key: (v: Variable) => string) => {
    const m = new Map<string, number[]>();
    vars.forEach((v, i) => {
      const k = key(v);
      const list = m.get(k);
      if (list) list.push(i);
      else m.set(k, [i]);
    });
    return m;
  };
  for (const cols of group((v) => `${v.candidate}@${v.slot}`).values())
    if (cols.length > 1) rows.push({ cols, coef: cols.map(() => 1), lower: -inf, upper: 1 });
  const tables = new Map(input.companies.map((c) => [c.id, c.tables]));
  for (const [k, cols] of group((v) => `${v.company}@${v.slot}`)) {
    const t = tables.get(k.slice(0, k.lastIndexOf('@')))!;
    if (cols.length > t) rows.push({ cols, coef: cols.map(() => 1), lower: -inf, upper: t });
  }
  const byCandidate = group((v) => v.candidate);
  for (const c of input.candidates) {
    const cols = byCandidate.get(c.id) ?? [];
    if (c.maxMeetings !== undefined && cols.length > c.maxMeetings)
      rows.push({ cols, coef: cols.map(() => 1), lower: -inf, upper: c.maxMeetings });
    if (withIndicators) {
      // y_p − Σ x ≤ 0: a candidate counts as met only with a meeting.
      const y = nx + candidateIndex.get(c.id)!;
      rows.push({ cols: [y, ...cols], coef: [1, ...cols.map(() => -1)], lower: -inf, upper: 0 });
    }
  }
  if (extraRow) {
    const cols = Array.from({ length: ny }, (_, i) => nx + i);
    rows.push({ cols, coef: cols.map(() => 1), lower: extraRow.lower, upper: inf });
  }

  if (numCols === 0) return { status: 'optimal', found: true, values: [], objective: 0, bound: 0 };
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of rows) {
    // CSR rows must not repeat a column; every row above lists distinct columns.
    indices.push(...r.cols);
    values.push(...r.coef);
    starts.push(indices.length);
  }
  const colLower = new Float64Array(numCols);
  for (const pair of pairs) if (pair.pinned && pair.cols.length === 1) colLower[pair.cols[0]!] = 1;
  const model2 = h.createModel({
    numCols,
    numRows: rows.length,
    sense: h.constants.objectiveSense.maximize,
    colCost: Float64Array.from({ length: numCols }, (_, i) => cost(i)),
    colLower,
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: rows.map((r) => r.lower),
    rowUpper: rows.map((r) => r.upper),
    matrix: { format: 'csr', numRows: rows.length, numCols, starts, indices, values },
    integrality: new Int32Array(numCols).fill(h.constants.variableType.integer),
  });
  try {
    model2.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, timeLimit),
      mip_rel_gap: 0,
      mip_abs_gap: 1e-9,
    });
    model2.run();
    const status = model2.getModelStatus();
    const codes = h.constants.modelStatus;
    const solution = model2.getSolution();
    // 2 = a feasible primal solution is known (HiGHS's solution status "feasible").
    const hasSolution =
      status === codes.optimal || Number(model2.info.get('primal_solution_status')) === 2;
    if (status === codes.infeasible)
      return { status: 'infeasible', found: false, values: [], objective: 0, bound: 0 };
    const objective = hasSolution ? model2.getObjectiveValue() : 0;
    const dual = Number(model2.info.get('mip_dual_bound'));
    const bound = status === codes.optimal || !Number.isFinite(dual) ? objective : dual;
    return {
      status: status === codes.optimal ? 'optimal' : 'time_limit',
      found: hasSolution,
      values: hasSolution ? solution.colValue : new Float64Array(numCols),
      objective,
      bound,
    };
  } finally {
    model2.dispose();
  }
}

/** Turns chosen columns into meetings with tables numbered from 0 within each company and slot. */
function meetingsOf(vars: Variable[], chosen: ArrayLike<number>): Meeting[] {
  const used = new Map<string, number>();
  const out: Meeting[] = [];
  vars.forEach((v, i) => {
    if ((chosen[i] ?? 0) < 0.5) return;
    const key = `${v.company}@${v.slot}`;
    const table = used.get(key) ?? 0;
    used.set(key, table + 1);
    out.push({ company: v.company, candidate: v.candidate, slot: v.slot, table });
  });
  return out.sort(
    (a, b) =>
      a.slot - b.slot ||
      a.company.localeCompare(b.company) ||
      a.table - b.table ||
      a.candidate.localeCompare(b.candidate),
  );
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Finds the best schedule (see the file's header); the input must have been validated. */
export async function schedule(
  input: ScheduleInput,
  options: ScheduleOptions = {},
): Promise<ScheduleResult> {
  const h = await highs();
  const model = buildModel(input);
  const empty = (status: ScheduleStatus, reason?: string): ScheduleResult => ({
    status,
    objective: 0,
    bound: 0,
    gap: 0,
    candidatesMet: 0,
    meetings: [],
    ...(reason ? { reason } : {}),
  });
  const problem = pinProblem(input, model);
  if (problem) return empty('infeasible', problem);

  const started = performance.now();
  const limit = options.timeLimit ?? 600;
  const remaining = () => limit - (performance.now() - started) / 1000;
  const weight = (i: number) => (i < model.vars.length ? model.vars[i]!.weight : 0);

  let result: Solved;
  if (options.fair) {
    const nx = model.vars.length;
    options.onPhase?.(`1/2: most candidates with a meeting (${nx} possible meetings)`);
    const first = solve(h, input, model, (i) => (i < nx ? 0 : 1), true, null, remaining());
    if (first.status === 'infeasible')
      return empty('infeasible', 'The pins cannot all be kept within the rules.');
    const met = Math.round(first.objective);
    options.onPhase?.(`2/2: largest total weight with ${met} candidates met`);
    const second = solve(h, input, model, weight, true, { lower: met }, remaining());
    // The first phase's schedule reaches the count, so the second can only come back empty
    // when its time ran out first; then the first phase's schedule is the best known.
    result = second.found
      ? { ...second, status: first.status === 'optimal' ? second.status : 'time_limit' }
      : { ...first, status: 'time_limit', bound: Infinity };
  } else {
    options.onPhase?.(`largest total weight (${model.vars.length} possible meetings)`);
    result = solve(h, input, model, weight, false, null, remaining());
    if (result.status === 'infeasible')
      return empty('infeasible', 'The pins cannot all be kept within the rules.');
  }

  if (!result.found) return empty('time_limit', 'No schedule was found in the time allowed.');
  const meetings = meetingsOf(model.vars, result.values);
  const objective = round(meetings.reduce((s, m) => s + weightOf(input, m), 0));
  const bound = result.status === 'optimal' ? objective : round(Math.max(result.bound, objective));
  return {
    status: result.status,
    objective,
    bound,
    gap: round((bound - objective) / Math.max(1, Math.abs(objective))),
    candidatesMet: new Set(meetings.map((m) => m.candidate)).size,
    meetings,
  };
}

function weightOf(input: ScheduleInput, m: Meeting): number {
  return (
    input.preferences.find((p) => p.company === m.company && p.candidate === m.candidate)?.weight ??
    0
  );
}

/** Every rule the schedule must keep, as a list of what it breaks (empty when it keeps them). */
export function violations(input: ScheduleInput, meetings: Meeting[]): string[] {
  const out: string[] = [];
  const weights = new Map(
    input.preferences.map((p) => [pairKey(p.company, p.candidate), p.weight]),
  );
  const forbidden = new Set((input.forbidden ?? []).map((f) => pairKey(f.company, f.candidate)));
  const tables = new Map(input.companies.map((c) => [c.id, c.tables]));
  const max = new Map(input.candidates.map((c) => [c.id, c.maxMeetings ?? input.slots]));
  const busy = new Set(
    (input.unavailable ?? []).map((u) =>
      'company' in u ? `c${u.company}@${u.slot}` : `p${u.candidate}@${u.slot}`,
    ),
  );
  const pairs = new Set<string>();
  const candidateSlot = new Set<string>();
  const tableSlot = new Set<string>();
  const perCompanySlot = new Map<string, number>();
  const perCandidate = new Map<string, number>();
  for (const m of meetings) {
    const key = pairKey(m.company, m.candidate);
    const w = weights.get(key);
    const pinned = (input.pinned ?? []).some(
      (p) => p.company === m.company && p.candidate === m.candidate,
    );
    if (w === undefined || (w <= 0 && !pinned)) out.push(`${m.company}–${m.candidate} not wished`);
    if (forbidden.has(key)) out.push(`${m.company}–${m.candidate} forbidden`);
    if (pairs.has(key)) out.push(`${m.company}–${m.candidate} meet twice`);
    pairs.add(key);
    if (m.slot < 0 || m.slot >= input.slots || !Number.isInteger(m.slot))
      out.push(`slot ${m.slot} out of range`);
    if (candidateSlot.has(`${m.candidate}@${m.slot}`))
      out.push(`${m.candidate} has two meetings in slot ${m.slot}`);
    candidateSlot.add(`${m.candidate}@${m.slot}`);
    const t = tables.get(m.company) ?? 0;
    if (m.table < 0 || m.table >= t) out.push(`${m.company} has no table ${m.table}`);
    if (tableSlot.has(`${m.company}#${m.table}@${m.slot}`))
      out.push(`${m.company} table ${m.table} used twice in slot ${m.slot}`);
    tableSlot.add(`${m.company}#${m.table}@${m.slot}`);
    const cs = (perCompanySlot.get(`${m.company}@${m.slot}`) ?? 0) + 1;
    perCompanySlot.set(`${m.company}@${m.slot}`, cs);
    if (cs > t) out.push(`${m.company} over its tables in slot ${m.slot}`);
    const pc = (perCandidate.get(m.candidate) ?? 0) + 1;
    perCandidate.set(m.candidate, pc);
    if (pc > (max.get(m.candidate) ?? 0)) out.push(`${m.candidate} over maxMeetings`);
    if (busy.has(`c${m.company}@${m.slot}`)) out.push(`${m.company} unavailable in ${m.slot}`);
    if (busy.has(`p${m.candidate}@${m.slot}`)) out.push(`${m.candidate} unavailable in ${m.slot}`);
  }
  for (const p of input.pinned ?? []) {
    const m = meetings.find((x) => x.company === p.company && x.candidate === p.candidate);
    if (!m) out.push(`pinned ${p.company}–${p.candidate} missing`);
    else if (p.slot !== undefined && m.slot !== p.slot)
      out.push(`pinned ${p.company}–${p.candidate} not in slot ${p.slot}`);
  }
  return out;
}
