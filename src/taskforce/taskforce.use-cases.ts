// The taskforce's use cases: the indicators and the journey (aggregates of every area's data,
// small counts hidden), the actions per recommendation, and the centres.
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import type { UseCase } from '../platform/use-case';
import { writeAudit } from '../platform/audit';
import { authorize } from '../platform/policy';
import { conflict, invalid, notFound } from '../platform/errors';
import { clock, copenhagenDay } from '../platform/clock';
import { followUpEnrolments, learningOffersOf } from '../learning';
import { shiftMinutes } from '../workshops';
import { budgetSummary, type BudgetLine, type BudgetSettings } from './budget.model';
import { matchmakingEventsOf } from '../matching';
import { pilotOutcomes, pilotSummaries } from '../pilots';
import { findMunicipality, listSites } from '../organisation';
import { committeeDocx, committeePdf, type ReportData } from './committee-report';
import { gatherFacts } from './follow-up-facts';
import { freshCounts, recount } from './indicator-counts';
import {
  breakdowns,
  computeIndicators,
  monthCountsOf,
  targetOf,
  type Period,
  type SiteScope,
} from './indicators.model';
import { journey, journeyPeople, type Cohort } from './journey.model';
import { followUpPolicy } from './taskforce.policy';
import type {
  ActionInput,
  ActionView,
  CentreInput,
  CentresView,
  CentreView,
  FollowUpQuery,
  IndicatorsView,
  JourneyView,
  PilotsView,
  BudgetInput,
  BudgetView,
  SpendingInput,
  ReportInput,
  ReportView,
  TargetsInput,
  TargetsView,
} from './taskforce.contract';
import {
  findAction,
  insertAction,
  insertCentre,
  listActions,
  listCentres,
  renameCentre,
  setCentreSites,
  updateAction,
  findBudget,
  saveBudget,
  listSpending,
  insertSpending,
  listReports,
  findReport,
  insertReport,
  monthCounts,
  listTargets,
  saveTargets,
  type ActionRow,
} from './taskforce.store';
import { INDICATORS, type ActionLinkKind, type Recommendation } from './taskforce.constants';

const here = (uc: UseCase) => ({ municipalityId: uc.actor.municipalityId });

/** The last twelve months up to today, unless the query says otherwise. */
export function periodOf(q: { from?: string; to?: string }, today: string): Period {
  const to = q.to ?? today;
  if (q.from) return { from: q.from, to };
  const [y, m] = to.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
  return { from: start, to };
}

/** The sites a query counts: one site, a centre's sites, or (null) the whole municipality. */
async function scopeOf(
  uc: UseCase,
  site: string | undefined,
  sites: { id: string; name: string }[],
) {
  if (!site)
    return {
      scope: null as SiteScope,
      view: { kind: 'municipality' as const, id: null, name: 'municipality' },
    };
  const centre = (await listCentres(uc.tx, uc.actor.municipalityId)).find((c) => c.id === site);
  if (centre)
    return {
      scope: new Set(centre.siteIds) as SiteScope,
      view: { kind: 'centre' as const, id: centre.id, name: centre.name },
    };
  const one = sites.find((s) => s.id === site);
  if (!one) throw invalid('scope_unknown');
  return {
    scope: new Set([one.id]) as SiteScope,
    view: { kind: 'site' as const, id: one.id, name: one.name },
  };
}

async function audited(uc: UseCase, action: string, details: Record<string, unknown>) {
  await writeAudit(uc.tx, uc.audit, {
    action,
    entity: 'strategy',
    purpose: 'strategy_follow_up',
    details,
  });
}

export async function indicatorsView(uc: UseCase, q: FollowUpQuery): Promise<IndicatorsView> {
  authorize(followUpPolicy, uc.actor, 'read', here(uc));
  const m = uc.actor.municipalityId;
  const period = periodOf(q, copenhagenDay(clock.now()));
  const [sites, countedAt, pilots, targets] = await Promise.all([
    listSites(uc.tx, m),
    freshCounts(uc.tx, m, clock.now()),
    pilotSummaries(uc.tx, m),
    listTargets(uc.tx, m),
  ]);
  const { scope, view } = await scopeOf(uc, q.site, sites);
  await audited(uc, 'taskforce.indicators.read', { ...period, site: q.site ?? null });
  // Summed in SQL from the day counts once, for the indicators and the breakdowns.
  const counts = monthCountsOf(await monthCounts(uc.tx, m, scope && [...scope], period));
  return {
    period,
    countedAt: countedAt.toISOString(),
    scope: view,
    indicators: computeIndicators(counts, pilots, scope, period, targets),
    breakdowns: breakdowns(counts, period),
  };
}

/** The municipality's own targets over the defaults; the others keep theirs. */
export async function setTargets(uc: UseCase, input: TargetsInput): Promise<TargetsView> {
  authorize(followUpPolicy, uc.actor, 'act', here(uc));
  const m = uc.actor.municipalityId;
  await saveTargets(uc.tx, m, input.targets, uc.actor.userId);
  await audited(uc, 'taskforce.targets.set', {
    targets: Object.fromEntries(input.targets.map((x) => [x.indicator, x.target])),
  });
  const own = await listTargets(uc.tx, m);
  return {
    targets: INDICATORS.map((indicator) => ({ indicator, target: targetOf(indicator, own) })),
  };
}

/** Counts the indicators afresh now (what was just recorded shows at once). */
export async function recountIndicators(uc: UseCase) {
  authorize(followUpPolicy, uc.actor, 'read', here(uc));
  const countedAt = await recount(uc.tx, uc.actor.municipalityId, clock.now());
  await audited(uc, 'taskforce.indicators.recount', {});
  return { countedAt: countedAt.toISOString() };
}

/**
 * Every pilot's verdict and effect beside what it cost: per participant and per exit to work
 * (the budget over the participants the register shows in work within the follow-up).
 */
export async function pilotsView(uc: UseCase, cipher: CprCipher): Promise<PilotsView> {
  authorize(followUpPolicy, uc.actor, 'read', here(uc));
  const pilots = await pilotOutcomes(uc, cipher);
  await audited(uc, 'taskforce.pilots.read', { pilots: pilots.length });
  return {
    pilots: pilots.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      startsOn: p.startsOn,
      verdict: p.verdict,
      effect: p.effect,
      budgetDkk: p.budgetDkk,
      participants: p.participants,
      exits: p.exits,
      costPerParticipant: p.participants > 0 ? Math.round(p.budgetDkk / p.participants) : null,
      costPerExit: p.exits ? Math.round(p.budgetDkk / p.exits) : null,
    })),
  };
}

export async function journeyView(
  uc: UseCase,
  q: FollowUpQuery & { cohort: Cohort },
): Promise<JourneyView> {
  authorize(followUpPolicy, uc.actor, 'read', here(uc));
  const period = periodOf(q, copenhagenDay(clock.now()));
  const gathered = await gatherFacts(uc.tx, uc.actor.municipalityId);
  const { scope, view } = await scopeOf(uc, q.site, gathered.sites);
  const names = new Map(gathered.sites.map((s) => [s.id, s.name]));
  await audited(uc, 'taskforce.journey.read', {
    ...period,
    site: q.site ?? null,
    cohort: q.cohort,
  });
  const j = journey(journeyPeople(gathered.facts), scope, period, q.cohort, (id) =>
    id ? (names.get(id) ?? id) : '—',
  );
  return { ...j, scope: view, cohort: q.cohort };
}

/** Names of what actions can be linked to, by kind. */
async function linkNames(uc: UseCase) {
  const m = uc.actor.municipalityId;
  const [pilots, offers, events] = await Promise.all([
    pilotSummaries(uc.tx, m),
    learningOffersOf(uc.tx, m, true),
    matchmakingEventsOf(uc.tx, m),
  ]);
  return {
    pilot: pilots.map((p) => ({ id: p.id, name: p.name })),
    offer: offers.map((o) => ({ id: o.id, name: o.name })),
    event: events.map((e) => ({ id: e.event.id, name: e.event.name })),
  } satisfies Record<ActionLinkKind, { id: string; name: string }[]>;
}

export async function linkTargets(uc: UseCase) {
  authorize(followUpPolicy, uc.actor, 'act', here(uc));
  return linkNames(uc);
}

function actionView(
  row: ActionRow,
  today: string,
  centres: Map<string, string>,
  names: Awaited<ReturnType<typeof linkNames>>,
): ActionView {
  return {
    id: row.id,
    recommendation: row.recommendation,
    title: row.title,
    owner: row.owner,
    centre: row.centreId ? { id: row.centreId, name: centres.get(row.centreId) ?? '' } : null,
    dueOn: row.dueOn,
    status: row.status,
    late: row.dueOn < today && (row.status === 'planned' || row.status === 'in_progress'),
    notes: row.notes,
    links: row.links.map((l) => ({
      ...l,
      name: names[l.kind].find((x) => x.id === l.id)?.name ?? '',
    })),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function viewsOf(uc: UseCase, rows: ActionRow[]) {
  const today = copenhagenDay(clock.now());
  const centres = new Map(
    (await listCentres(uc.tx, uc.actor.municipalityId)).map((c) => [c.id, c.name]),
  );
  const names = await linkNames(uc);
  return rows.map((r) => actionView(r, today, centres, names));
}

export async function listActionsView(
  uc: UseCase,
  recommendation?: Recommendation,
): Promise<ActionView[]> {
  authorize(followUpPolicy, uc.actor, 'read', here(uc));
  return viewsOf(uc, await listActions(uc.tx, uc.actor.municipalityId, recommendation));
}

async function checkLinks(
  uc: UseCase,
  links: readonly { kind: ActionLinkKind; id: string }[],
  centreId: string | null | undefined,
) {
  if (links.length > 0) {
    const names = await linkNames(uc);
    for (const l of links)
      if (!names[l.kind].some((x) => x.id === l.id))
        throw invalid('action_link_unknown', 'action_link_unknown', { kind: l.kind });
  }
  if (centreId) {
    const centres = await listCentres(uc.tx, uc.actor.municipalityId);
    if (!centres.some((c) => c.id === centreId)) throw invalid('centre_unknown');
  }
}

export async function createAction(uc: UseCase, input: ActionInput) {
  authorize(followUpPolicy, uc.actor, 'act', here(uc));
  await checkLinks(uc, input.links, input.centreId);
  const row = await insertAction(uc.tx, {
    ...input,
    municipalityId: uc.actor.municipalityId,
    createdBy: uc.actor.userId,
  });
  await audited(uc, 'taskforce.action.create', { id: row.id, recommendation: row.recommendation });
  return (await viewsOf(uc, [row]))[0]!;
}

export async function changeAction(
  uc: UseCase,
  id: string,
  patch: Partial<Pick<ActionInput, 'status' | 'dueOn' | 'notes' | 'owner' | 'links'>>,
) {
  authorize(followUpPolicy, uc.actor, 'act', here(uc));
  const had = await findAction(uc.tx, uc.actor.municipalityId, id);
  if (!had) throw notFound();
  if (patch.links) await checkLinks(uc, patch.links, null);
  const row = await updateAction(uc.tx, uc.actor.municipalityId, id, patch);
  await audited(uc, 'taskforce.action.update', { id, ...patch });
  return (await viewsOf(uc, [row]))[0]!;
}

export async function centresView(uc: UseCase): Promise<CentresView> {
  authorize(followUpPolicy, uc.actor, 'read', here(uc));
  const m = uc.actor.municipalityId;
  const [centres, sites] = await Promise.all([listCentres(uc.tx, m), listSites(uc.tx, m)]);
  const names = new Map(sites.map((s) => [s.id, s.name]));
  return {
    centres: centres.map((c) => centreView(c, names)),
    sites: sites.map((s) => ({
      id: s.id,
      name: s.name,
      centreId: centres.find((c) => c.siteIds.includes(s.id))?.id ?? null,
    })),
  };
}

function centreView(
  c: { id: string; name: string; siteIds: string[] },
  names: Map<string, string>,
): CentreView {
  return {
    id: c.id,
    name: c.name,
    sites: c.siteIds.map((id) => ({ id, name: names.get(id) ?? '' })),
  };
}

/** Creates a centre (no id) or gives an existing one its name and exactly these sites. */
export async function saveCentre(uc: UseCase, id: string | null, input: CentreInput) {
  authorize(followUpPolicy, uc.actor, 'defineCentres', here(uc));
  const m = uc.actor.municipalityId;
  const [centres, sites] = await Promise.all([listCentres(uc.tx, m), listSites(uc.tx, m)]);
  const names = new Map(sites.map((s) => [s.id, s.name]));
  if (id !== null && !centres.some((c) => c.id === id)) throw notFound();
  if (centres.some((c) => c.id !== id && c.name.toLowerCase() === input.name.toLowerCase()))
    throw conflict('centre_name_taken');
  for (const s of input.siteIds) {
    if (!names.has(s)) throw invalid('centre_site_unknown');
    const other = centres.find((c) => c.id !== id && c.siteIds.includes(s));
    if (other) throw conflict('centre_site_taken', { site: names.get(s)!, centre: other.name });
  }
  const centreId = id ?? (await insertCentre(uc.tx, m, input.name)).id;
  if (id) await renameCentre(uc.tx, m, id, input.name);
  const siteIds = [...new Set(input.siteIds)];
  await setCentreSites(uc.tx, m, centreId, siteIds);
  await audited(uc, id ? 'taskforce.centre.update' : 'taskforce.centre.create', {
    id: centreId,
    sites: siteIds.length,
  });
  return centreView({ id: centreId, name: input.name, siteIds }, names);
}

/** The strategy's own figure until the municipality sets its own. */
export const DEFAULT_BUDGET: BudgetSettings = {
  totalDkk: 2_200_000,
  startsOn: '2020-01-01',
  endsOn: '2021-12-31',
  ementorRateDkk: 400,
};

export async function budgetView(uc: UseCase): Promise<BudgetView> {
  authorize(followUpPolicy, uc.actor, 'read', here(uc));
  const m = uc.actor.municipalityId;
  const row = await findBudget(uc.tx, m);
  const settings: BudgetSettings = row
    ? {
        totalDkk: row.totalDkk,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        ementorRateDkk: row.ementorRateDkk,
      }
    : DEFAULT_BUDGET;
  const [pilots, minutes, enrolments, recorded] = await Promise.all([
    pilotSummaries(uc.tx, m),
    shiftMinutes(uc.tx, m),
    followUpEnrolments(uc.tx, m),
    listSpending(uc.tx, m),
  ]);
  const names = new Map(pilots.map((p) => [p.id, p.name]));
  const lines: BudgetLine[] = [
    ...pilots.map((p) => ({
      kind: 'pilot' as const,
      name: p.name,
      committed: [{ on: p.startsOn, dkk: p.budgetDkk }],
      spent: recorded
        .filter((r) => r.kind === 'pilot' && r.pilotId === p.id)
        .map((r) => ({ on: r.on, dkk: r.amountDkk })),
    })),
    {
      kind: 'ementor',
      name: 'eMentor',
      // The rota is planned ahead: committed when on the rota, spent once the month is here.
      committed: minutes.map((x) => ({
        on: `${x.month}-01`,
        dkk: Math.round((x.n / 60) * settings.ementorRateDkk),
      })),
      spent: minutes
        .filter((x) => `${x.month}-01` <= copenhagenDay(clock.now()))
        .map((x) => ({
          on: `${x.month}-01`,
          dkk: Math.round((x.n / 60) * settings.ementorRateDkk),
        })),
    },
    {
      kind: 'course',
      name: 'course',
      // Places bought from providers outside the jobcentre, paid when taken.
      committed: enrolments
        .filter((e) => e.priceDkk > 0 && e.providerKind !== 'jobcentre')
        .map((e) => ({ on: e.on, dkk: e.priceDkk })),
      spent: [
        ...enrolments
          .filter((e) => e.priceDkk > 0 && e.providerKind !== 'jobcentre')
          .map((e) => ({ on: e.on, dkk: e.priceDkk })),
        ...recorded.filter((r) => r.kind === 'course').map((r) => ({ on: r.on, dkk: r.amountDkk })),
      ],
    },
    {
      kind: 'other',
      name: 'other',
      committed: recorded
        .filter((r) => r.kind === 'other')
        .map((r) => ({ on: r.on, dkk: r.amountDkk })),
      spent: recorded
        .filter((r) => r.kind === 'other')
        .map((r) => ({ on: r.on, dkk: r.amountDkk })),
    },
  ];
  await audited(uc, 'taskforce.budget.read', {});
  return {
    settings,
    ...budgetSummary(settings, lines, copenhagenDay(clock.now())),
    recorded: recorded.map((r) => ({
      id: r.id,
      kind: r.kind,
      pilot: r.pilotId ? (names.get(r.pilotId) ?? null) : null,
      description: r.description,
      on: r.on,
      amountDkk: r.amountDkk,
    })),
  };
}

export async function setBudget(uc: UseCase, input: BudgetInput) {
  authorize(followUpPolicy, uc.actor, 'act', here(uc));
  await saveBudget(uc.tx, {
    municipalityId: uc.actor.municipalityId,
    ...input,
    updatedBy: uc.actor.userId,
  });
  await audited(uc, 'taskforce.budget.update', { ...input });
  return budgetView(uc);
}

export async function recordSpending(uc: UseCase, input: SpendingInput) {
  authorize(followUpPolicy, uc.actor, 'act', here(uc));
  if (input.pilotId) {
    const pilots = await pilotSummaries(uc.tx, uc.actor.municipalityId);
    if (!pilots.some((p) => p.id === input.pilotId)) throw invalid('pilot_unknown');
  }
  const row = await insertSpending(uc.tx, {
    municipalityId: uc.actor.municipalityId,
    ...input,
    createdBy: uc.actor.userId,
  });
  await audited(uc, 'taskforce.spending.create', {
    id: row.id,
    kind: row.kind,
    amount: row.amountDkk,
  });
  return budgetView(uc);
}

const toView = (r: {
  id: string;
  title: string;
  issuedOn: string;
  periodFrom: string;
  periodTo: string;
}): ReportView => ({
  id: r.id,
  title: r.title,
  issuedOn: r.issuedOn,
  period: { from: r.periodFrom, to: r.periodTo },
});

export async function listReportsView(uc: UseCase): Promise<ReportView[]> {
  authorize(followUpPolicy, uc.actor, 'read', here(uc));
  return (await listReports(uc.tx, uc.actor.municipalityId)).map(toView);
}

/**
 * Generates the committee report from the live data with the taskforce's texts, and keeps it
 * exactly as issued: later changes in the data do not change an issued report.
 */
export async function issueReport(uc: UseCase, cipher: CprCipher, input: ReportInput) {
  authorize(followUpPolicy, uc.actor, 'act', here(uc));
  const m = uc.actor.municipalityId;
  // A report stands at the moment it is issued, not at the last timed count.
  await recount(uc.tx, m, clock.now());
  const [indicators, pilots, budget, actions, municipality] = await Promise.all([
    indicatorsView(uc, { from: input.from, to: input.to }),
    pilotsView(uc, cipher),
    budgetView(uc),
    listActionsView(uc),
    findMunicipality(uc.tx, m),
  ]);
  const data: ReportData = {
    title: input.title,
    municipality: municipality?.name ?? '',
    issuedOn: copenhagenDay(clock.now()),
    indicators,
    pilots,
    budget,
    actions,
    texts: input.texts,
  };
  const [pdf, docx] = await Promise.all([committeePdf(data), committeeDocx(data)]);
  const row = await insertReport(uc.tx, {
    municipalityId: m,
    title: input.title,
    issuedOn: data.issuedOn,
    periodFrom: indicators.period.from,
    periodTo: indicators.period.to,
    texts: input.texts,
    pdfBase64: pdf.toString('base64'),
    docxBase64: docx.toString('base64'),
    issuedBy: uc.actor.userId,
  });
  await audited(uc, 'taskforce.report.issue', { id: row.id, ...indicators.period });
  return toView({
    id: row.id,
    title: input.title,
    issuedOn: data.issuedOn,
    periodFrom: indicators.period.from,
    periodTo: indicators.period.to,
  });
}

/** An issued report's file, as it was issued. */
export async function reportFile(uc: UseCase, id: string, kind: 'pdf' | 'docx') {
  authorize(followUpPolicy, uc.actor, 'read', here(uc));
  const row = await findReport(uc.tx, uc.actor.municipalityId, id);
  if (!row) throw notFound();
  return {
    name: `udvalgsrapport-${row.issuedOn}.${kind}`,
    file: Buffer.from(kind === 'pdf' ? row.pdfBase64 : row.docxBase64, 'base64'),
  };
}
