import { describe, expect, it } from 'vitest';
import { CorpusError, parseConll, parseSnippets, spansOf, tokenize } from './corpus';
import { tag, trainTagger } from './tagger.model';
import { classify, mostFrequent, trainClassifier } from './classifier.model';
import { folds, groupScore, spanScore } from './evaluate.model';
import { dictionaryTagger, mergeTags } from './phrases.model';
import { digitalCompetenceOf } from './digital-terms';
import { jobAdAnalyser } from './job-ad-model';
import { analyseAd } from './analyse';

describe('reading the data', () => {
  it('splits sentences at blank and white-space-only lines and keeps the tags', () => {
    const s = parseConll(
      'Vi\tO\tO\nkan\tB-Skill\tO\nlide\tI-Skill\tO\n\t\t\nSQL\tO\tB-Knowledge\n\n\n',
      true,
    );
    expect(s).toHaveLength(2);
    expect(s[0]).toEqual({
      tokens: ['Vi', 'kan', 'lide'],
      skill: ['O', 'B-Skill', 'I-Skill'],
      knowledge: ['O', 'O', 'O'],
    });
    expect(s[1]!.knowledge).toEqual(['B-Knowledge']);
  });

  it('reads only the first column when unlabelled, and refuses what is not a token a line', () => {
    expect(parseConll('a\tx\ty\tz\nb\n\nc', false)).toEqual([['a', 'b'], ['c']]);
    expect(() => parseConll('\n \n\t\n', false)).toThrow(CorpusError);
    expect(() => parseConll('Vi søger en udvikler\n', false)).toThrow(/several words/);
  });

  it('keeps snippets with an ESCO group and leaves other codes out', () => {
    expect(parseSnippets('excel\tK06\nfoo\tskill\n\nsamarbejde\tS1\n', true)).toEqual([
      { text: 'excel', group: 'K06' },
      { text: 'samarbejde', group: 'S1' },
    ]);
    expect(parseSnippets('a\tS1\nb\n', false)).toEqual(['a', 'b']);
    expect(() => parseSnippets('\n\n', false)).toThrow(CorpusError);
    expect(() => parseSnippets('\tS1\n', false)).toThrow(/empty/);
  });

  it('reads BIO spans as conlleval does', () => {
    expect(spansOf(['O', 'B-X', 'I-X', 'O', 'I-X', 'B-X', 'B-X'])).toEqual([
      { start: 1, end: 3 },
      { start: 4, end: 5 },
      { start: 5, end: 6 },
      { start: 6, end: 7 },
    ]);
  });

  it('splits running Danish text into sentences of tokens', () => {
    expect(
      tokenize('Vi søger en it-supporter. Du har kendskab til Office 365!\n\n• Teams'),
    ).toEqual([
      ['Vi', 'søger', 'en', 'it-supporter', '.'],
      ['Du', 'har', 'kendskab', 'til', 'Office', '365', '!'],
      ['•', 'Teams'],
    ]);
  });
});

describe('measures', () => {
  it('counts a span only when both ends match', () => {
    const s = spanScore([['B-S', 'I-S', 'O', 'B-S']], [['B-S', 'O', 'O', 'B-S']]);
    expect(s).toMatchObject({
      gold: 2,
      predicted: 2,
      correct: 1,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
  });

  it('scores groups by accuracy, macro-F1 over the gold groups, and per group', () => {
    const g = groupScore(['S1', 'S1', 'K06', 'S5'], ['S1', 'K06', 'K06', 'S1']);
    expect(g.accuracy).toBe(0.5);
    // S1: P 1/2, R 1/2 → F1 .5; K06: P 1/2 R 1 → .667; S5: 0.
    expect(g.macroF1).toBeCloseTo((0.5 + 2 / 3 + 0) / 3, 6);
    expect(g.perGroup.K06).toEqual({ support: 1, precision: 0.5, recall: 1 });
    expect(g.perGroup.S5).toEqual({ support: 1, precision: 0, recall: 0 });
  });

  it('deals the folds the same way every run, evenly', () => {
    const f = folds(23, 5);
    expect(folds(23, 5)).toEqual(f);
    const sizes = [0, 1, 2, 3, 4].map((k) => f.filter((x) => x === k).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});

describe('the models', () => {
  it('a dictionary of training spans finds them again, longest first', () => {
    const d = dictionaryTagger('Skill', [
      { tokens: ['arbejde', 'selvstændigt'], tags: ['B-Skill', 'I-Skill'] },
      { tokens: ['arbejde'], tags: ['B-Skill'] },
    ]);
    expect(d(['Du', 'kan', 'Arbejde', 'selvstændigt'])).toEqual(['O', 'O', 'B-Skill', 'I-Skill']);
    expect(
      mergeTags('Skill', ['B-Skill', 'O', 'O', 'O'], ['B-Skill', 'I-Skill', 'O', 'B-Skill']),
    ).toEqual(['B-Skill', 'O', 'O', 'B-Skill']);
  });

  it('the tagger learns a pattern from context, for words it never saw', () => {
    const data = ['excel', 'word', 'python', 'sql', 'teams', 'sap'].flatMap((tool) => [
      {
        tokens: ['Du', 'har', 'kendskab', 'til', tool, '.'],
        tags: ['O', 'O', 'O', 'O', 'B-K', 'O'],
      },
      { tokens: ['Vi', 'bruger', tool, 'dagligt'], tags: ['O', 'O', 'O', 'O'] },
    ]);
    const model = trainTagger('K', data, { epochs: 10 });
    expect(tag(model, [['Du', 'har', 'kendskab', 'til', 'navision', '.']])[0]).toEqual([
      'O',
      'O',
      'O',
      'O',
      'B-K',
      'O',
    ]);
    // An inside tag never follows an outside one.
    expect(tag(model, [['navision']])[0]![0]).not.toBe('I-K');
  });

  it('the classifier learns groups and beats the most frequent one', () => {
    const data = [
      ...['excel', 'regneark i excel', 'excel og word', 'microsoft excel'].map((text) => ({
        text,
        group: 'K06' as const,
      })),
      ...[
        'samarbejde',
        'samarbejde med kolleger',
        'godt samarbejde',
        'samarbejde på tværs',
        'samarbejde i teams',
      ].map((text) => ({ text, group: 'S1' as const })),
    ];
    // A toy set's averaged weights are small: keep them all.
    const model = trainClassifier(data, { epochs: 10, minWeight: 0 });
    expect(classify(model, ['avanceret excel', 'tæt samarbejde'])).toEqual(['K06', 'S1']);
    expect(mostFrequent(data)).toBe('S1');
  });

  it('names the DigComp competence of digital phrases only', () => {
    expect(digitalCompetenceOf('programmering i Python')).toBe('3.4');
    expect(digitalCompetenceOf('Excel på et højt niveau')).toBe('1.3');
    expect(digitalCompetenceOf('erfaring med IT')).toBe('5.2');
    expect(digitalCompetenceOf('arbejde selvstændigt')).toBeNull();
    // Short stems only as whole words: "it" is not in "kvalitet", "word" not in "password".
    expect(digitalCompetenceOf('sans for kvalitet')).toBeNull();
  });
});

describe('analysing an ad with the committed model', () => {
  it('finds phrases seen in training, with their group, and digital ones with a competence', () => {
    const a = analyseAd(
      jobAdAnalyser(),
      'Vi søger en medarbejder der kan arbejde selvstændigt. Du har erfaring med Excel og IT.',
    );
    expect(a.sentences).toHaveLength(2);
    const texts = a.phrases.map((p) => p.text.toLowerCase());
    expect(texts).toContain('arbejde selvstændigt');
    for (const p of a.phrases) {
      expect(a.sentences[p.sentence]!.slice(p.start, p.end).join(' ')).toBe(p.text);
      expect(p.group).toMatch(/^(S[1-8]|K(0\d|10|99)|A[12]|L1|T)$/);
    }
  });
});
