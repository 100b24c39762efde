import { mulberry32, normal } from '../../platform/random';
import { categoryProbs, eap, information, type IrtItem } from '../irt';
import {
  DEFAULT_CAT,
  classify,
  selectionPoint,
  posterior,
  predictDecision,
  remainingInformation,
  selectNext,
  shouldStop,
  startState,
  update,
  type BankItem,
  type CatSettings,
  type CutScores,
} from './cat.model';

export interface SimulationResult {
  respondents: number;
  mean_items: number;
  /** Test lengths: half of the tests end within `median_items`, nine in ten within `p90_items`. */
  median_items: number;
  p90_items: number;
  /** Share of respondents whose adaptive triage equals the full bank's. */
  agreement: number;
  /** Share of tests that reached the maximum length undecided (the result says so). */
  stopped_at_cap: number;
  /** Agreement among the tests that stopped confident, the results shown as certain. */
  confident_agreement: number;
  /** Items a fixed form (best items at the cut scores) needs to reach the same agreement. */
  fixed_form_items: number;
  fixed_form_agreement: number;
  mean_se: number;
  bank_items: number;
  /** With a time per item (opts.seconds): the test's minutes, and the share done within 15. */
  median_minutes?: number;
  p90_minutes?: number;
  within_15_minutes?: number;
  /** With opts.promisedMinutes: the share done within what the start page promises. */
  within_promised_minutes?: number;
}

function answer(model: IrtItem, theta: number, rand: () => number): number {
  const probs = categoryProbs(model, theta);
  let u = rand();
  for (let k = 0; k < probs.length; k++) {
    u -= probs[k]!;
    if (u <= 0) return k;
  }
  return probs.length - 1;
}

/**
 * Simulated citizens (θ ~ N(0,1)) answer every scored item of the bank. The full bank's
 * triage is the reference; the adaptive test and fixed forms of growing length are compared
 * with it on the same answers.
 */
export function simulate(
  bank: readonly BankItem[],
  cuts: CutScores,
  opts: {
    respondents: number;
    seed?: number;
    settings?: CatSettings;
    onProgress?: (done: number, total: number) => void;
    /** Seconds a citizen spends on an item, and on what every test has besides (start, consent). */
    seconds?: { item: (id: string) => number; fixed: number };
    promisedMinutes?: number;
  },
): SimulationResult {
  const settings = opts.settings ?? DEFAULT_CAT;
  // Separate streams: the simulated citizens and their answers do not depend on the settings,
  // so runs with different settings compare the same people.
  const people = mulberry32(opts.seed ?? 1);
  const rand = mulberry32((opts.seed ?? 1) + 0x9e3779b9);
  const scored = bank.filter((i) => i.scored);
  const index = new Map(scored.map((item, j) => [item.id, j]));
  const models = scored.map((i) => i.model);

  // Fixed form: items ordered by information summed at the two cut scores.
  const order = scored
    .map((item, j) => ({
      j,
      info: information(item.model, cuts.foundation) + information(item.model, cuts.jobGoal),
    }))
    .sort((a, b) => b.info - a.info)
    .map((x) => x.j);

  const allAnswers: number[][] = [];
  const reference: string[] = [];
  let items = 0;
  const lengths: number[] = [];
  const minutes: number[] = [];
  let agree = 0;
  let capped = 0;
  let cappedAgree = 0;
  let seSum = 0;
  for (let r = 0; r < opts.respondents; r++) {
    const theta = normal(people);
    const answers = models.map((m) => answer(m, theta, people));
    allAnswers.push(answers);
    const full = classify(eap(models, answers).theta, cuts);
    reference.push(full);

    let state = startState();
    for (;;) {
      const p = posterior(state, cuts);
      const decision = predictDecision(p, remainingInformation(scored, state, p.theta), cuts);
      const stop = shouldStop(state, decision, settings, scored.length - state.administered.length);
      if (stop) {
        items += state.administered.length;
        lengths.push(state.administered.length);
        if (opts.seconds) {
          const { item, fixed } = opts.seconds;
          minutes.push((fixed + state.administered.reduce((s, id) => s + item(id), 0)) / 60);
        }
        seSum += p.se;
        if (decision.group === full) agree++;
        if (stop === 'max_items') {
          capped++;
          if (decision.group === full) cappedAgree++;
        }
        break;
      }
      const next = selectNext(scored, state, selectionPoint(p.theta, cuts), settings, rand)!;
      state = update(state, next, answers[index.get(next.id)!]!);
    }
    opts.onProgress?.(r + 1, opts.respondents);
  }
  const agreement = agree / opts.respondents;

  // Shortest fixed form whose triage agrees with the full bank at least as often.
  const fixedAgreement = (length: number) => {
    const picked = order.slice(0, length);
    const sub = picked.map((j) => models[j]!);
    let ok = 0;
    allAnswers.forEach((answers, r) => {
      if (
        classify(
          eap(
            sub,
            picked.map((j) => answers[j]!),
          ).theta,
          cuts,
        ) === reference[r]
      )
        ok++;
    });
    return ok / allAnswers.length;
  };
  let lo = 1;
  let hi = scored.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fixedAgreement(mid) >= agreement) hi = mid;
    else lo = mid + 1;
  }
  return {
    respondents: opts.respondents,
    mean_items: items / opts.respondents,
    median_items: lengths.sort((a, b) => a - b)[Math.floor(lengths.length / 2)] ?? 0,
    p90_items: lengths[Math.floor(lengths.length * 0.9)] ?? 0,
    agreement,
    stopped_at_cap: capped / opts.respondents,
    confident_agreement:
      capped === opts.respondents ? 0 : (agree - cappedAgree) / (opts.respondents - capped),
    fixed_form_items: lo,
    fixed_form_agreement: fixedAgreement(lo),
    mean_se: seSum / opts.respondents,
    bank_items: scored.length,
    ...(opts.seconds && {
      median_minutes: minutes.sort((a, b) => a - b)[Math.floor(minutes.length / 2)] ?? 0,
      p90_minutes: minutes[Math.floor(minutes.length * 0.9)] ?? 0,
      within_15_minutes: minutes.filter((m) => m <= 15).length / minutes.length,
    }),
    ...(opts.seconds &&
      opts.promisedMinutes !== undefined && {
        within_promised_minutes:
          minutes.filter((m) => m <= opts.promisedMinutes!).length / minutes.length,
      }),
  };
}
