// The Kompetencer files as the trainer reads them from a folder (the repository keeps a copy in
// ./kompetencer with its licence; ../shared/reference/kompetencer is the same data).
import fs from 'node:fs';
import path from 'node:path';
import { CorpusError, parseConll, parseSnippets, type Sentence, type Snippet } from './corpus';

export const BUNDLED_DATA = new URL('./kompetencer/', import.meta.url).pathname;

export interface TrainingData {
  sentences: Sentence[];
  danish: Snippet[];
  /** English snippets (distant supervision), used for transfer. */
  english: Snippet[];
  /** English held-out snippets, where the digital groups are frequent enough to measure. */
  englishDev: Snippet[];
}

function read(dir: string, file: string, required: boolean): string | null {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    if (required)
      throw new CorpusError(`${full} is missing: --data must be the Kompetencer folder.`);
    return null;
  }
  try {
    return fs.readFileSync(full, 'utf8');
  } catch {
    throw new CorpusError(`Cannot read ${full}.`);
  }
}

export function readTrainingData(dir: string): TrainingData {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new CorpusError(`${dir} is not a folder.`);
  const conll = read(dir, 'kompetencer_danish_train.conll', true)!;
  const da = read(dir, '2_da_train.tsv', true)!;
  const en = read(dir, '1_en_train.tsv', false);
  const dev = read(dir, '3_en_dev.tsv', false);
  return {
    sentences: parseConll(conll, true),
    danish: parseSnippets(da, true),
    english: en ? parseSnippets(en, true) : [],
    englishDev: dev ? parseSnippets(dev, true) : [],
  };
}
