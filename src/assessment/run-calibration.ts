// A calibration run from the answers of completed tests: scored items by the 2PL, self-ratings
// by the graded response model, each fitted on its own (a self-rating is what the citizen says,
// not what they showed). Pure: the route loads and stores.
import type { CalibrationRun, LanguageDif } from './assessment.schema';
import type { StoredItem } from './assessment.store';
import {
  calibrate2pl,
  calibrateGrm,
  mantelHaenszel,
  thetaStratum,
  DIF_MIN_PER_GROUP,
  type DifRecord,
  type IrtItem,
} from './irt';

export interface Answer {
  assessmentId: string;
  itemId: string;
  score: number;
  /** The test's language and final ability estimate (for DIF; a test without one is left out). */
  language?: string;
  theta?: number | null;
}

/** The language every other is set against: the test was written and first fitted in Danish. */
export const DIF_REFERENCE_LANGUAGE = 'da';

/**
 * Mantel–Haenszel DIF of every scored item for each language against Danish, matched on the
 * test's ability estimate in bands (the tests are adaptive: see DifRecord.stratum).
 */
export function difByLanguage(
  scored: readonly StoredItem[],
  answers: readonly Answer[],
  minPerGroup = DIF_MIN_PER_GROUP,
): LanguageDif[] {
  const column = new Map(scored.map((i, j) => [i.id, j]));
  const tests = new Map<string, { language: string; theta: number; answers: (0 | 1 | null)[] }>();
  for (const a of answers) {
    const j = column.get(a.itemId);
    if (j === undefined || a.language === undefined || a.theta === null || a.theta === undefined)
      continue;
    const test = tests.get(a.assessmentId) ?? {
      language: a.language,
      theta: a.theta,
      answers: scored.map(() => null),
    };
    test.answers[j] = a.score === 1 ? 1 : 0;
    tests.set(a.assessmentId, test);
  }
  const all = [...tests.values()];
  const reference = all.filter((t) => t.language === DIF_REFERENCE_LANGUAGE);
  const languages = [...new Set(all.map((t) => t.language))]
    .filter((l) => l !== DIF_REFERENCE_LANGUAGE)
    .sort();
  return languages.map((language) => {
    const focal = all.filter((t) => t.language === language);
    const records: DifRecord[] = [...reference, ...focal].map((t) => ({
      group: t.language === language ? 'focal' : 'reference',
      answers: t.answers,
      stratum: thetaStratum(t.theta),
    }));
    const results = mantelHaenszel(records, scored.length, minPerGroup);
    return {
      language,
      tests: focal.length,
      referenceTests: reference.length,
      items: results
        .filter((r) => r.focal > 0)
        .map((r) => ({
          itemId: scored[r.item]!.id,
          key: scored[r.item]!.key,
          reference: r.reference,
          focal: r.focal,
          deltaDif: r.deltaDif,
          se: r.se,
          p: r.p,
          etsClass: r.etsClass,
        })),
    };
  });
}

const location = (m: IrtItem) =>
  m.kind === '2pl' ? -m.d / m.a : -m.d.reduce((s, v) => s + v, 0) / m.d.length / m.a;

/** Rows of one response pattern per test, one column per chosen item. */
function patternsOf(
  chosen: StoredItem[],
  answers: readonly Answer[],
  score: (x: number) => number,
) {
  const column = new Map(chosen.map((i, j) => [i.id, j]));
  const rows = new Map<string, (number | null)[]>();
  for (const a of answers) {
    const j = column.get(a.itemId);
    if (j === undefined) continue;
    const row = rows.get(a.assessmentId) ?? chosen.map(() => null);
    row[j] = score(a.score);
    rows.set(a.assessmentId, row);
  }
  return [...rows.values()];
}

/** Null when fewer than two scored items have `minResponses` answers. */
export function buildCalibration(
  items: readonly StoredItem[],
  answers: readonly Answer[],
  minResponses: number,
): CalibrationRun | null {
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(a.itemId, (counts.get(a.itemId) ?? 0) + 1);
  const enough = (i: StoredItem) => (counts.get(i.id) ?? 0) >= minResponses;
  const scored = items.filter((i) => i.entry.type !== 'self_rating' && enough(i));
  if (scored.length < 2) return null;
  const ratings = items.filter(
    (i) => i.entry.type === 'self_rating' && i.model.kind === 'grm' && enough(i),
  );

  const row = (item: StoredItem, params: IrtItem) => ({
    itemId: item.id,
    key: item.key,
    responses: counts.get(item.id) ?? 0,
    old: { a: item.model.a, b: location(item.model) },
    new: { a: params.a, b: location(params) },
    params,
  });

  // Scored answers are 0 or 1 (or missing), as the mapping above makes them.
  const patterns = patternsOf(scored, answers, (x) => (x === 1 ? 1 : 0)) as (0 | 1 | null)[][];
  const fit = calibrate2pl({
    itemIds: scored.map((i) => i.id),
    patterns,
    counts: patterns.map(() => 1),
  });
  const out: CalibrationRun['items'] = fit.items.map((f, j) =>
    row(scored[j]!, { kind: '2pl', a: f.a, d: f.d }),
  );

  let selfRatings: CalibrationRun['selfRatings'] = null;
  if (ratings.length >= 2) {
    const categories = ratings.map((i) => (i.model.kind === 'grm' ? i.model.d.length + 1 : 2));
    const graded = patternsOf(ratings, answers, (x) => x).map((p) =>
      p.map((x, j) =>
        x === null ? null : Math.min(Math.max(Math.round(x), 0), categories[j]! - 1),
      ),
    );
    const g = calibrateGrm({
      itemIds: ratings.map((i) => i.id),
      categories,
      patterns: graded,
      counts: graded.map(() => 1),
    });
    g.items.forEach((f, j) => out.push(row(ratings[j]!, { kind: 'grm', a: f.a, d: f.d })));
    selfRatings = { respondents: graded.length, logLik: g.logLik, converged: g.converged };
  }

  return {
    respondents: patterns.length,
    logLik: fit.logLik,
    iterations: fit.iterations,
    converged: fit.converged,
    minResponses,
    selfRatings,
    items: out,
    dif: difByLanguage(
      items.filter((i) => i.entry.type !== 'self_rating'),
      answers,
    ),
  };
}
