// The job-ad model as one object: two taggers (skills, knowledge) each backed by the phrases seen
// in training, and the group classifier. Built from the Kompetencer data by `demand train`
// (Zhang, Jensen & Plank, LREC 2022, MIT licence); the committed file is read at run time with
// no downloads.
import fs from 'node:fs';
import { CorpusError, spansOf, type EscoGroup, type Sentence, type Snippet } from './corpus';
import { tag, trainTagger, type TaggerWeights } from './tagger.model';
import { classify, trainClassifier, type ClassifierWeights } from './classifier.model';
import { dictionaryTagger, mergeTags } from './phrases.model';

export interface JobAdModel {
  version: 1;
  source: string;
  skill: TaggerWeights;
  knowledge: TaggerWeights;
  /** Phrases marked as spans in training (lower case, tokens joined by spaces), by kind. */
  phrases: { Skill: string[]; Knowledge: string[] };
  groups: ClassifierWeights;
}

export const DEFAULT_MODEL_FILE = new URL('./job-ad-model.json', import.meta.url);

/** The Danish examples count this many times an English one in the classifier's training. */
export const DANISH_WEIGHT = 5;
export const TAGGER_EPOCHS = 30;
export const CLASSIFIER_EPOCHS = 10;

export function trainJobAdModel(
  sentences: readonly Sentence[],
  danish: readonly Snippet[],
  transfer: readonly Snippet[],
  onStep: (label: string) => void = () => {},
): JobAdModel {
  const skill = trainTagger(
    'Skill',
    sentences.map((s) => ({ tokens: s.tokens, tags: s.skill })),
    { epochs: TAGGER_EPOCHS },
  );
  onStep('skills');
  const knowledge = trainTagger(
    'Knowledge',
    sentences.map((s) => ({ tokens: s.tokens, tags: s.knowledge })),
    { epochs: TAGGER_EPOCHS },
  );
  onStep('knowledge');
  const inDanish = new Set<Snippet>(danish);
  const groups = trainClassifier([...danish, ...transfer], {
    epochs: CLASSIFIER_EPOCHS,
    weightOf: (s) => (inDanish.has(s) ? DANISH_WEIGHT : 1),
  });
  onStep('groups');
  const phrasesOf = (kind: 'Skill' | 'Knowledge') => {
    const out = new Set<string>();
    for (const s of sentences)
      for (const span of spansOf(kind === 'Skill' ? s.skill : s.knowledge))
        out.add(s.tokens.slice(span.start, span.end).join(' ').toLowerCase());
    return [...out].sort();
  };
  return {
    version: 1,
    source:
      'Kompetencer (Zhang, Jensen & Plank, LREC 2022; github.com/jjzha/kompetencer, MIT licence)',
    skill,
    knowledge,
    phrases: { Skill: phrasesOf('Skill'), Knowledge: phrasesOf('Knowledge') },
    groups,
  };
}

function phraseTagger(kind: string, phrases: readonly string[]) {
  // The dictionary tagger takes tagged sentences; each phrase is one, wholly inside its span.
  return dictionaryTagger(
    kind,
    phrases.map((p) => {
      const tokens = p.split(' ');
      return { tokens, tags: tokens.map((_, i) => (i === 0 ? `B-${kind}` : `I-${kind}`)) };
    }),
  );
}

export interface TaggedToken {
  token: string;
  skill: string;
  knowledge: string;
}

export class JobAdAnalyser {
  private readonly bySkillPhrase: (tokens: readonly string[]) => string[];
  private readonly byKnowledgePhrase: (tokens: readonly string[]) => string[];

  constructor(readonly model: JobAdModel) {
    this.bySkillPhrase = phraseTagger('Skill', model.phrases.Skill);
    this.byKnowledgePhrase = phraseTagger('Knowledge', model.phrases.Knowledge);
  }

  static load(file: string | URL = DEFAULT_MODEL_FILE): JobAdAnalyser {
    const model = JSON.parse(fs.readFileSync(file, 'utf8')) as JobAdModel;
    if (model.version !== 1 || !model.skill || !model.knowledge || !model.groups)
      throw new CorpusError(`${String(file)} is not a job-ad model file.`);
    return new JobAdAnalyser(model);
  }

  tag(sentences: readonly (readonly string[])[]): TaggedToken[][] {
    const skill = tag(this.model.skill, sentences);
    const knowledge = tag(this.model.knowledge, sentences);
    return sentences.map((tokens, i) => {
      const s = mergeTags('Skill', this.bySkillPhrase(tokens), skill[i]!);
      const k = mergeTags('Knowledge', this.byKnowledgePhrase(tokens), knowledge[i]!);
      return tokens.map((token, j) => ({ token, skill: s[j]!, knowledge: k[j]! }));
    });
  }

  classify(snippets: readonly string[]): EscoGroup[] {
    return classify(this.model.groups, snippets);
  }
}

let shared: JobAdAnalyser | null = null;
/** The committed model, read once per process. */
export function jobAdAnalyser(): JobAdAnalyser {
  shared ??= JobAdAnalyser.load();
  return shared;
}
