// A pasted job ad → the skill and knowledge phrases in it, each with its ESCO group and, where
// digital, the DigComp competence: what the consultant sees highlighted, corrects and saves.
import { spansOf, tokenize, type EscoGroup } from './corpus';
import { DEFAULT_COMPETENCE, digitalCompetenceOf, isDigitalGroup } from './digital-terms';
import type { JobAdAnalyser } from './job-ad-model';

export interface FoundPhrase {
  kind: 'skill' | 'knowledge';
  text: string;
  sentence: number;
  /** Token positions in the sentence, end exclusive. */
  start: number;
  end: number;
  group: EscoGroup;
  /** The DigComp competence, when the phrase is digital. */
  competence: string | null;
}

export interface AdAnalysis {
  sentences: string[][];
  phrases: FoundPhrase[];
}

export function analyseAd(analyser: JobAdAnalyser, text: string): AdAnalysis {
  const sentences = tokenize(text);
  const tagged = analyser.tag(sentences);
  const found: Omit<FoundPhrase, 'group' | 'competence'>[] = [];
  tagged.forEach((tokens, sentence) => {
    for (const kind of ['skill', 'knowledge'] as const)
      for (const span of spansOf(tokens.map((t) => t[kind])))
        found.push({
          kind,
          sentence,
          start: span.start,
          end: span.end,
          text: sentences[sentence]!.slice(span.start, span.end).join(' '),
        });
  });
  found.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
  const groups = analyser.classify(found.map((p) => p.text));
  const phrases = found.map((p, i) => {
    const group = groups[i]!;
    const named = digitalCompetenceOf(p.text);
    const competence = named ?? (isDigitalGroup(group) ? DEFAULT_COMPETENCE[group]! : null);
    return { ...p, group, competence };
  });
  return { sentences, phrases };
}
