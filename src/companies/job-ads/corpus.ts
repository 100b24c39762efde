// Reading the job-ad data: CoNLL sentences (a token a line, a blank line between sentences) and
// snippet files (`snippet <tab> group`). Parsers throw CorpusError with a message a person can act
// on; the CLI turns it into exit code 2.

import { ESCO_GROUPS, type EscoGroup } from '../companies.constants';

export { ESCO_GROUPS, type EscoGroup };

export class CorpusError extends Error {}

export type SkillTag = 'B-Skill' | 'I-Skill' | 'O';
export type KnowledgeTag = 'B-Knowledge' | 'I-Knowledge' | 'O';

export interface Sentence {
  tokens: string[];
  skill: SkillTag[];
  knowledge: KnowledgeTag[];
}

const SKILL_TAGS = new Set<string>(['B-Skill', 'I-Skill', 'O']);
const KNOWLEDGE_TAGS = new Set<string>(['B-Knowledge', 'I-Knowledge', 'O']);

/**
 * Token lines into sentences. A line with nothing but white space ends a sentence (the Kompetencer
 * files separate sentences with tab-only lines). Only the first column is read unless `labelled`.
 */
export function parseConll(text: string, labelled: false): string[][];
export function parseConll(text: string, labelled: true): Sentence[];
export function parseConll(text: string, labelled: boolean): string[][] | Sentence[] {
  const sentences: Sentence[] = [];
  let current: Sentence = { tokens: [], skill: [], knowledge: [] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      if (current.tokens.length > 0) sentences.push(current);
      current = { tokens: [], skill: [], knowledge: [] };
      return;
    }
    const cols = line.split('\t');
    // An empty first column beside other columns stays an (empty) token: the output keeps one
    // entry per input line. Words separated by spaces mean running text, not a token a line.
    const token = cols[0]!.trim();
    if (/\s/.test(token))
      throw new CorpusError(
        `Line ${i + 1}: the first column holds several words ("${token.slice(0, 40)}"); expected one token a line, sentences separated by a blank line.`,
      );
    current.tokens.push(token);
    if (labelled) {
      // A tag the data cannot have (one stray line in the corpus reads "Udd") counts as outside.
      const s = cols[1]?.trim() ?? 'O';
      const k = cols[2]?.trim() ?? 'O';
      current.skill.push((SKILL_TAGS.has(s) ? s : 'O') as SkillTag);
      current.knowledge.push((KNOWLEDGE_TAGS.has(k) ? k : 'O') as KnowledgeTag);
    }
  });
  if (current.tokens.length > 0) sentences.push(current);
  if (sentences.length === 0) throw new CorpusError('The input holds no tokens.');
  return labelled ? sentences : sentences.map((s) => s.tokens);
}

const GROUP_SET = new Set<string>(ESCO_GROUPS);
export const isEscoGroup = (code: string): code is EscoGroup => GROUP_SET.has(code);

export interface Snippet {
  text: string;
  group: EscoGroup;
}

/**
 * Snippet lines: the first column is the snippet. With `labelled`, the second is its ESCO group;
 * lines with a code outside ESCO's groups (the distantly supervised English data has a few, such
 * as "skill") are left out.
 */
export function parseSnippets(text: string, labelled: false): string[];
export function parseSnippets(text: string, labelled: true): Snippet[];
export function parseSnippets(text: string, labelled: boolean): string[] | Snippet[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new CorpusError('The input holds no snippets.');
  if (!labelled)
    return lines.map((line, i) => {
      const snippet = line.split('\t')[0]!.trim();
      if (snippet === '')
        throw new CorpusError(`Line ${i + 1}: the first column (the snippet) is empty.`);
      return snippet;
    });
  const out: Snippet[] = [];
  for (const line of lines) {
    const [snippet, code] = line.split('\t').map((c) => c.trim());
    if (snippet && code && isEscoGroup(code)) out.push({ text: snippet, group: code });
  }
  if (out.length === 0) throw new CorpusError('No line has a snippet and an ESCO group.');
  return out;
}

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

/** The spans a BIO sequence marks (an I- without its B- starts a span, as conlleval reads it). */
export function spansOf(tags: readonly string[]): Span[] {
  const spans: Span[] = [];
  let start = -1;
  tags.forEach((tag, i) => {
    if (tag.startsWith('B-') || (tag.startsWith('I-') && start < 0)) {
      if (start >= 0) spans.push({ start, end: i });
      start = i;
    } else if (tag === 'O' && start >= 0) {
      spans.push({ start, end: i });
      start = -1;
    }
  });
  if (start >= 0) spans.push({ start, end: tags.length });
  return spans;
}

/** Splits running text (a pasted ad) into sentences of tokens shaped like the corpus's. */
export function tokenize(text: string): string[][] {
  const sentences: string[][] = [];
  for (const block of text.split(/\n\s*\n|(?<=[.!?])\s+(?=[A-ZÆØÅ0-9•\-–])|\n(?=\s*[•\-–*])/u)) {
    const tokens = block.match(/[\p{L}\p{N}]+(?:[-'’./@][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
    if (tokens.length > 0) sentences.push(tokens);
  }
  return sentences;
}
