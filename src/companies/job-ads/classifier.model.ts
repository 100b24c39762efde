// Which ESCO group a skill or knowledge phrase belongs to (S1–S8, K00–K10, K99, A1–A2, L1, T):
// a multiclass averaged perceptron over words and character n-grams. Character n-grams carry
// across Danish compounds ("kørselsdisponering") and across languages where the words are shared
// ("software", "excel", "it"), which is how the English snippets can help.
import { mulberry32 } from '../../platform/random';
import type { EscoGroup, Snippet } from './corpus';
import { compact, expand } from './weights';

export interface ClassifierWeights {
  labels: EscoGroup[];
  /** Feature → its weights by label, sparse and scaled (weights.ts). */
  features: Record<string, number[]>;
}

/** Averaged weights smaller than this are dropped from the file (they decide almost nothing). */
const MIN_WEIGHT = 1;

const expanded = new WeakMap<ClassifierWeights, Map<string, Float64Array>>();

/** The features of one snippet. */
export function snippetFeatures(text: string): string[] {
  const lw = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const words = lw.match(/[\p{L}\p{N}]+/gu) ?? [];
  const f = new Set<string>(['bias']);
  for (const w of words) f.add(`w=${w}`);

  if (words[0]) f.add(`first=${words[0]}`);
  f.add(`nw=${Math.min(words.length, 6)}`);
  for (const w of words) {
    const padded = `<${w}>`;
    for (const n of [3, 4])
      for (let i = 0; i + n <= padded.length; i++) f.add(`c${n}=${padded.slice(i, i + n)}`);
  }
  return [...f];
}

export function classify(model: ClassifierWeights, texts: readonly string[]): EscoGroup[] {
  let rows = expanded.get(model);
  if (!rows) {
    rows = expand(model.features, model.labels.length);
    expanded.set(model, rows);
  }
  return texts.map((text) => {
    const scores = new Float64Array(model.labels.length);
    for (const f of snippetFeatures(text)) {
      const row = rows.get(f);
      if (row) for (let k = 0; k < row.length; k++) scores[k]! += row[k]!;
    }
    let best = 0;
    for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
    return model.labels[best]!;
  });
}

export interface ClassifierTraining {
  epochs?: number;
  seed?: number;
  /** Weight of each example (e.g. the Danish snippets above the English ones). */
  weightOf?: (s: Snippet) => number;
  /** Averaged weights below this are left out of the model (default MIN_WEIGHT). */
  minWeight?: number;
  onEpoch?: (epoch: number, epochs: number) => void;
}

export function trainClassifier(
  data: readonly Snippet[],
  opts: ClassifierTraining = {},
): ClassifierWeights {
  const labels = [...new Set(data.map((d) => d.group))].sort();
  const L = labels.length;
  const index = new Map(labels.map((l, i) => [l, i]));
  const w = new Map<string, { v: Float64Array; total: Float64Array; at: Float64Array }>();
  let step = 1;
  const bump = (f: string, k: number, by: number) => {
    let e = w.get(f);
    if (!e) {
      e = { v: new Float64Array(L), total: new Float64Array(L), at: new Float64Array(L) };
      w.set(f, e);
    }
    e.total[k]! += (step - e.at[k]!) * e.v[k]!;
    e.at[k] = step;
    e.v[k]! += by;
  };
  const feats = data.map((d) => snippetFeatures(d.text));
  const gold = data.map((d) => index.get(d.group)!);
  const weights = data.map((d) => opts.weightOf?.(d) ?? 1);
  const random = mulberry32(opts.seed ?? 1);
  const order = data.map((_, i) => i);
  const epochs = opts.epochs ?? 10;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const s of order) {
      const scores = new Float64Array(L);
      for (const f of feats[s]!) {
        const e = w.get(f);
        if (e) for (let k = 0; k < L; k++) scores[k]! += e.v[k]!;
      }
      let pred = 0;
      for (let k = 1; k < L; k++) if (scores[k]! > scores[pred]!) pred = k;
      if (pred !== gold[s]) {
        for (const f of feats[s]!) {
          bump(f, gold[s]!, weights[s]!);
          bump(f, pred, -weights[s]!);
        }
      }
      step++;
    }
    opts.onEpoch?.(epoch, epochs);
  }
  const rows = new Map(
    [...w].map(([f, e]) => [
      f,
      labels.map((_, k) => (e.total[k]! + (step - e.at[k]!) * e.v[k]!) / step),
    ]),
  );
  return { labels, features: compact(rows, opts.minWeight ?? MIN_WEIGHT) };
}

/** The group seen most often in training: the baseline a classifier must beat. */
export function mostFrequent(data: readonly Snippet[]): EscoGroup {
  const counts = new Map<EscoGroup, number>();
  for (const d of data) counts.set(d.group, (counts.get(d.group) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}
