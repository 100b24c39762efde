// How well the job-ad models do on data they did not train on, beside the baselines they must
// beat: k-fold cross-validation over the Danish train split (the test split is kept away from
// us), exact-match span F1 for the tagger, accuracy and macro-F1 for the group classifier.
import { spansOf, type EscoGroup, type Sentence, type Snippet } from './corpus';
import { tag, trainTagger, type TrainOptions } from './tagger.model';
import { dictionaryTagger, mergeTags } from './phrases.model';
import { classify, mostFrequent, trainClassifier } from './classifier.model';

export interface SpanScore {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function score(gold: number, predicted: number, correct: number): SpanScore {
  const precision = ratio(correct, predicted);
  const recall = ratio(correct, gold);
  const f1 = ratio(2 * precision * recall, precision + recall);
  return { gold, predicted, correct, precision, recall, f1 };
}

/** Exact-match span F1: a predicted span counts only with the same first and last token. */
export function spanScore(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): SpanScore {
  let g = 0;
  let p = 0;
  let c = 0;
  gold.forEach((tags, i) => {
    const gs = spansOf(tags);
    const ps = spansOf(predicted[i] ?? []);
    g += gs.length;
    p += ps.length;
    const keys = new Set(gs.map((s) => `${s.start}:${s.end}`));
    c += ps.filter((s) => keys.has(`${s.start}:${s.end}`)).length;
  });
  return score(g, p, c);
}

/** Fold of each item: round robin over a seeded shuffle, so folds are the same every run. */
export function folds(n: number, k: number, seed = 7): number[] {
  let a = seed >>> 0;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    const j = a % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const fold = new Array<number>(n);
  order.forEach((item, pos) => (fold[item] = pos % k));
  return fold;
}

export type Kind = 'Skill' | 'Knowledge';
const tagsOf = (s: Sentence, kind: Kind) => (kind === 'Skill' ? s.skill : s.knowledge);

export interface TaggerEvaluation {
  /** What ships: the tagger's spans added to the phrase matches. */
  model: SpanScore;
  /** The perceptron tagger alone. */
  tagger: SpanScore;
  /** The baseline: the training spans as a dictionary. */
  dictionary: SpanScore;
}

export function crossValidateTagger(
  sentences: readonly Sentence[],
  kind: Kind,
  k: number,
  opts: TrainOptions & { onFold?: (fold: number) => void } = {},
): TaggerEvaluation {
  const fold = folds(sentences.length, k);
  const gold: string[][] = [];
  const model: string[][] = [];
  const alone: string[][] = [];
  const dict: string[][] = [];
  for (let f = 0; f < k; f++) {
    const train = sentences
      .filter((_, i) => fold[i] !== f)
      .map((s) => ({ tokens: s.tokens, tags: tagsOf(s, kind) }));
    const test = sentences.filter((_, i) => fold[i] === f);
    const weights = trainTagger(kind, train, opts);
    const byDict = dictionaryTagger(kind, train);
    const tagged = tag(
      weights,
      test.map((s) => s.tokens),
    );
    test.forEach((s, i) => {
      gold.push(tagsOf(s, kind));
      const matched = byDict(s.tokens);
      alone.push(tagged[i]!);
      dict.push(matched);
      model.push(mergeTags(kind, matched, tagged[i]!));
    });
    opts.onFold?.(f + 1);
  }
  return {
    model: spanScore(gold, model),
    tagger: spanScore(gold, alone),
    dictionary: spanScore(gold, dict),
  };
}

export interface GroupScore {
  n: number;
  accuracy: number;
  /** Mean F1 over the groups in the gold labels. */
  macroF1: number;
  /** Precision and recall of one group each (the digital ones: S5, K06). */
  perGroup: Record<string, { support: number; precision: number; recall: number }>;
}

export function groupScore(
  gold: readonly EscoGroup[],
  predicted: readonly EscoGroup[],
  report: readonly string[] = ['S5', 'K06'],
): GroupScore {
  const labels = [...new Set(gold)];
  const prf = (label: string) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === label && g === label) tp++;
      else if (p === label) fp++;
      else if (g === label) fn++;
    });
    return score(tp + fn, tp + fp, tp);
  };
  const correct = gold.filter((g, i) => g === predicted[i]).length;
  const perGroup: GroupScore['perGroup'] = {};
  for (const label of report) {
    const s = prf(label);
    perGroup[label] = { support: s.gold, precision: s.precision, recall: s.recall };
  }
  return {
    n: gold.length,
    accuracy: ratio(correct, gold.length),
    macroF1: ratio(
      labels.reduce((sum, l) => sum + prf(l).f1, 0),
      labels.length,
    ),
    perGroup,
  };
}

export interface ClassifierEvaluation {
  model: GroupScore;
  mostFrequent: GroupScore;
}

/**
 * k-fold over the Danish snippets; each fold trains on the other Danish folds plus, when given,
 * every `transfer` snippet (the English data), weighted below the Danish ones.
 */
export function crossValidateClassifier(
  danish: readonly Snippet[],
  transfer: readonly Snippet[],
  k: number,
  opts: { danishWeight?: number; epochs?: number; onFold?: (fold: number) => void } = {},
): ClassifierEvaluation {
  const fold = folds(danish.length, k);
  const gold: EscoGroup[] = [];
  const model: EscoGroup[] = [];
  const majority: EscoGroup[] = [];
  const inDanish = new Set<Snippet>(danish);
  for (let f = 0; f < k; f++) {
    const trainDa = danish.filter((_, i) => fold[i] !== f);
    const test = danish.filter((_, i) => fold[i] === f);
    const weights = trainClassifier([...trainDa, ...transfer], {
      ...(opts.epochs ? { epochs: opts.epochs } : {}),
      weightOf: (s) => (inDanish.has(s) ? (opts.danishWeight ?? 1) : 1),
    });
    const top = mostFrequent(trainDa);
    const predicted = classify(
      weights,
      test.map((s) => s.text),
    );
    test.forEach((s, i) => {
      gold.push(s.group);
      model.push(predicted[i]!);
      majority.push(top);
    });
    opts.onFold?.(f + 1);
  }
  return { model: groupScore(gold, model), mostFrequent: groupScore(gold, majority) };
}

export interface JobAdEvaluation {
  folds: number;
  sentences: number;
  skills: TaggerEvaluation;
  knowledge: TaggerEvaluation;
  /** k-fold over the Danish snippets (English always in training). */
  groups: ClassifierEvaluation;
  /** Trained on all Danish and English training snippets, scored on the English dev split. */
  groupsEnglishDev: ClassifierEvaluation | null;
}

/** Every figure the README reports, from the data alone (about a minute on two cores). */
export function evaluateJobAdModels(
  data: {
    sentences: readonly Sentence[];
    danish: readonly Snippet[];
    english: readonly Snippet[];
    englishDev: readonly Snippet[];
  },
  opts: {
    k?: number;
    taggerEpochs: number;
    classifierEpochs: number;
    danishWeight: number;
    onStep?: (done: number, total: number) => void;
  },
): JobAdEvaluation {
  const k = opts.k ?? 10;
  const total = 3 * k + (data.englishDev.length > 0 ? 1 : 0);
  let done = 0;
  const tick = () => opts.onStep?.(++done, total);
  const skills = crossValidateTagger(data.sentences, 'Skill', k, {
    epochs: opts.taggerEpochs,
    onFold: tick,
  });
  const knowledge = crossValidateTagger(data.sentences, 'Knowledge', k, {
    epochs: opts.taggerEpochs,
    onFold: tick,
  });
  const groups = crossValidateClassifier(data.danish, data.english, k, {
    danishWeight: opts.danishWeight,
    epochs: opts.classifierEpochs,
    onFold: tick,
  });
  let groupsEnglishDev: ClassifierEvaluation | null = null;
  if (data.englishDev.length > 0) {
    const train = [...data.danish, ...data.english];
    const inDanish = new Set<Snippet>(data.danish);
    const weights = trainClassifier(train, {
      epochs: opts.classifierEpochs,
      weightOf: (s) => (inDanish.has(s) ? opts.danishWeight : 1),
    });
    const gold = data.englishDev.map((s) => s.group);
    const top = mostFrequent(train);
    groupsEnglishDev = {
      model: groupScore(
        gold,
        classify(
          weights,
          data.englishDev.map((s) => s.text),
        ),
      ),
      mostFrequent: groupScore(
        gold,
        gold.map(() => top),
      ),
    };
    tick();
  }
  return {
    folds: k,
    sentences: data.sentences.length,
    skills,
    knowledge,
    groups,
    groupsEnglishDev,
  };
}
