// A sequence tagger for skill and knowledge spans in Danish job-ad sentences: a first-order
// structured perceptron (Collins 2002) with averaged weights, over word, affix, shape and context
// features, decoded by Viterbi under the BIO rule (an inside tag only continues its own span).
// Small data (263 sentences) wants a model this size: it trains in a second on a CPU, runs
// anywhere Node runs, and its weights fit in a small JSON file.
import { mulberry32 } from '../../platform/random';
import { compact, expand, SCALE } from './weights';

export interface TaggerWeights {
  /** Tag names, `O` first, then `B-X`, `I-X`. */
  tags: string[];
  /** Feature → its non-zero weights by tag, sparse and scaled (weights.ts). */
  features: Record<string, number[]>;
  /** Row: previous tag (last row: sentence start); column: tag (plain weights). */
  transitions: number[][];
}

function shape(word: string): string {
  return word
    .replace(/[A-ZÆØÅ]/g, 'X')
    .replace(/[a-zæøå]/g, 'x')
    .replace(/\d/g, 'd')
    .replace(/(.)\1+/g, '$1');
}

const lower = (w: string | undefined) => (w === undefined ? '<none>' : w.toLowerCase());

/** What the tagger sees at one token. */
export function featuresAt(tokens: readonly string[], i: number): string[] {
  const w = tokens[i]!;
  const lw = w.toLowerCase();
  const prev = lower(tokens[i - 1]);
  const next = lower(tokens[i + 1]);
  const f = [
    'bias',
    `w=${lw}`,
    `sh=${shape(w)}`,
    `p2=${lw.slice(0, 2)}`,
    `p3=${lw.slice(0, 3)}`,
    `s2=${lw.slice(-2)}`,
    `s3=${lw.slice(-3)}`,
    `s4=${lw.slice(-4)}`,
    `w-1=${prev}`,
    `w+1=${next}`,
    `w-2=${lower(tokens[i - 2])}`,
    `w+2=${lower(tokens[i + 2])}`,
    `w-1w=${prev}|${lw}`,
    `ww+1=${lw}|${next}`,
    `s3-1=${prev.slice(-3)}`,
    `s3+1=${next.slice(-3)}`,
    `len=${Math.min(lw.length, 12)}`,
    `p5=${lw.slice(0, 5)}`,
    `p5-1=${prev.slice(0, 5)}`,
    `p5+1=${next.slice(0, 5)}`,
    `w-2w-1=${lower(tokens[i - 2])}|${prev}`,
  ];
  if (i === 0) f.push('first');
  if (i === tokens.length - 1) f.push('last');
  if (/^[A-ZÆØÅ]/.test(w)) f.push('cap');
  if (/[-/]/.test(w)) f.push('hyphen');
  return f;
}

/** Which tag may follow which: `I-X` only after `B-X` or `I-X`. */
function allowed(tags: readonly string[]): boolean[][] {
  const start = tags.length;
  return [...tags.map((t) => t), null].map((prev, p) =>
    tags.map((tag) => {
      if (!tag.startsWith('I-')) return true;
      if (p === start || prev === null) return false;
      const kind = tag.slice(2);
      return prev === `B-${kind}` || prev === `I-${kind}`;
    }),
  );
}

type Scorer = (feature: string, tag: number) => number;

function viterbi(
  tags: readonly string[],
  ok: boolean[][],
  feats: string[][],
  weight: Scorer,
  trans: (prev: number, tag: number) => number,
): number[] {
  const T = tags.length;
  const n = feats.length;
  const score: Float64Array[] = [];
  const back: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const emit = new Float64Array(T);
    for (const f of feats[i]!) for (let t = 0; t < T; t++) emit[t]! += weight(f, t);
    const s = new Float64Array(T).fill(-Infinity);
    const b = new Int32Array(T).fill(-1);
    for (let t = 0; t < T; t++) {
      if (i === 0) {
        if (ok[T]![t]) s[t] = emit[t]! + trans(T, t);
        continue;
      }
      for (let p = 0; p < T; p++) {
        if (!ok[p]![t] || score[i - 1]![p] === -Infinity) continue;
        const v = score[i - 1]![p]! + trans(p, t) + emit[t]!;
        if (v > s[t]!) {
          s[t] = v;
          b[t] = p;
        }
      }
    }
    score.push(s);
    back.push(b);
  }
  let best = 0;
  for (let t = 1; t < T; t++) if (score[n - 1]![t]! > score[n - 1]![best]!) best = t;
  const path = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    path[i] = best;
    best = back[i]![best]!;
  }
  return path;
}

const expanded = new WeakMap<TaggerWeights, Map<string, Float64Array>>();
function dense(model: TaggerWeights) {
  let rows = expanded.get(model);
  if (!rows) {
    rows = expand(model.features, model.tags.length);
    expanded.set(model, rows);
  }
  return rows;
}

/** Tags each sentence with the trained weights. */
export function tag(model: TaggerWeights, sentences: readonly (readonly string[])[]): string[][] {
  const ok = allowed(model.tags);
  const rows = dense(model);
  const weight: Scorer = (f, t) => rows.get(f)?.[t] ?? 0;
  const trans = (p: number, t: number) => model.transitions[p]![t]!;
  return sentences.map((tokens) => {
    if (tokens.length === 0) return [];
    const feats = tokens.map((_, i) => featuresAt(tokens, i));
    return viterbi(model.tags, ok, feats, weight, trans).map((t) => model.tags[t]!);
  });
}

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  /** Called after each epoch (for a progress bar). */
  onEpoch?: (epoch: number, epochs: number) => void;
}

/** Trains averaged perceptron weights on tagged sentences (tags: `O`, `B-X`, `I-X`). */
export function trainTagger(
  kind: string,
  data: readonly { tokens: readonly string[]; tags: readonly string[] }[],
  opts: TrainOptions = {},
): TaggerWeights {
  const tags = ['O', `B-${kind}`, `I-${kind}`];
  const T = tags.length;
  const index = new Map(tags.map((t, i) => [t, i]));
  const ok = allowed(tags);
  // Averaging by time stamps: each weight keeps its running total up to its last change.
  const w = new Map<string, { v: Float64Array; total: Float64Array; at: Float64Array }>();
  const tw = {
    v: new Float64Array((T + 1) * T),
    total: new Float64Array((T + 1) * T),
    at: new Float64Array((T + 1) * T),
  };
  let step = 1;
  const entry = (f: string) => {
    let e = w.get(f);
    if (!e) {
      e = { v: new Float64Array(T), total: new Float64Array(T), at: new Float64Array(T) };
      w.set(f, e);
    }
    return e;
  };
  const bump = (
    e: { v: Float64Array; total: Float64Array; at: Float64Array },
    k: number,
    by: number,
  ) => {
    e.total[k]! += (step - e.at[k]!) * e.v[k]!;
    e.at[k] = step;
    e.v[k]! += by;
  };
  const epochs = opts.epochs ?? 12;
  const random = mulberry32(opts.seed ?? 1);
  const order = data.map((_, i) => i);
  const feats = data.map((s) => s.tokens.map((_, i) => featuresAt(s.tokens, i)));
  const gold = data.map((s) => s.tags.map((t) => index.get(t) ?? 0));
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const s of order) {
      if (feats[s]!.length === 0) continue;
      const pred = viterbi(
        tags,
        ok,
        feats[s]!,
        (f, t) => w.get(f)?.v[t] ?? 0,
        (p, t) => tw.v[p * T + t]!,
      );
      const g = gold[s]!;
      for (let i = 0; i < g.length; i++) {
        const gp = i === 0 ? T : g[i - 1]!;
        const pp = i === 0 ? T : pred[i - 1]!;
        if (g[i] === pred[i] && gp === pp) continue;
        if (g[i] !== pred[i])
          for (const f of feats[s]![i]!) {
            const e = entry(f);
            bump(e, g[i]!, 1);
            bump(e, pred[i]!, -1);
          }
        bump(tw, gp * T + g[i]!, 1);
        bump(tw, pp * T + pred[i]!, -1);
      }
      step++;
    }
    opts.onEpoch?.(epoch, epochs);
  }
  const avg = (e: { v: Float64Array; total: Float64Array; at: Float64Array }, k: number) =>
    (e.total[k]! + (step - e.at[k]!) * e.v[k]!) / step;
  const rows = new Map([...w].map(([f, e]) => [f, tags.map((_, k) => avg(e, k))]));
  const features = compact(rows, 0);
  const transitions = Array.from({ length: T + 1 }, (_, p) =>
    tags.map((_, t) => Math.round(avg(tw, p * T + t) * SCALE) / SCALE),
  );
  return { tags, features, transitions };
}
