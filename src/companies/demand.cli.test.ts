import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../platform/testing/cli';
import { BUNDLED_DATA } from './job-ads/training-data';

let dir: string;
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demand-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const TAGS = /^(B-Skill|I-Skill|O)$/;
const KTAGS = /^(B-Knowledge|I-Knowledge|O)$/;

describe('digiloft demand', () => {
  it('tag prints every token of every sentence in input order, with a skill and a knowledge tag', async () => {
    const input = file(
      'ad.conll',
      'Du\tO\tO\nkan\tO\tO\narbejde\tB-Skill\tO\nselvstændigt\tI-Skill\tO\n\t\t\nKendskab\nto\tx\ty\tz\nSQL\n\n\n',
    );
    const r = await runCli(['demand', 'tag', '--input', input, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      sentences: { token: string; skill: string; knowledge: string }[][];
    };
    expect(out.sentences.map((s) => s.map((t) => t.token))).toEqual([
      ['Du', 'kan', 'arbejde', 'selvstændigt'],
      ['Kendskab', 'to', 'SQL'],
    ]);
    for (const t of out.sentences.flat()) {
      expect(Object.keys(t)).toEqual(['token', 'skill', 'knowledge']);
      expect(t.skill).toMatch(TAGS);
      expect(t.knowledge).toMatch(KTAGS);
    }
    // A phrase the model was trained on is found again.
    expect(out.sentences[0]!.slice(2).map((t) => t.skill)).toEqual(['B-Skill', 'I-Skill']);
  });

  it('classify prints one ESCO group per line, in order', async () => {
    const input = file('snippets.tsv', 'arbejde selvstændigt\tA1\nsamarbejde\nengelsk\n');
    const r = await runCli(['demand', 'classify', '--input', input, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { labels } = JSON.parse(r.stdout) as { labels: string[] };
    expect(labels).toHaveLength(3);
    for (const l of labels) expect(l).toMatch(/^(S[1-8]|K(0\d|10|99)|A[12]|L1|T)$/);
    // Training snippets come back with their own group.
    expect(labels[1]).toBe('S1');
  });

  it('refuses bad input with exit 2 and a clear message', async () => {
    const cases: [string[], RegExp][] = [
      [['demand', 'tag', '--input', path.join(dir, 'missing.conll'), '--json'], /Cannot read/],
      [['demand', 'tag', '--input', file('empty.conll', '\n\n\t\n'), '--json'], /no tokens/],
      [
        ['demand', 'tag', '--input', file('text.conll', 'Vi søger en udvikler\n'), '--json'],
        /one token a line/,
      ],
      [['demand', 'classify', '--input', file('blank.tsv', '\n'), '--json'], /no snippets/],
      [['demand', 'classify', '--input', file('cols.tsv', '\tS1\n'), '--json'], /empty/],
      [
        [
          'demand',
          'classify',
          '--input',
          file('x.tsv', 'a\n'),
          '--model',
          file('bad.json', '{"a":1}'),
        ],
        /not a job-ad model/,
      ],
      [['demand', 'train', '--data', dir, '--out', path.join(dir, 'm.json')], /missing/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('train rebuilds the model from the data, and the commands read it with --model', async () => {
    const out = path.join(dir, 'model.json');
    const r = await runCli(['demand', 'train', '--data', BUNDLED_DATA, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/263 sentences, 138 Danish/);
    // The committed model is this one: training is deterministic.
    const committed = fs.readFileSync(
      new URL('./job-ads/job-ad-model.json', import.meta.url),
      'utf8',
    );
    expect(fs.readFileSync(out, 'utf8')).toBe(committed);
    const c = await runCli([
      'demand',
      'classify',
      '--input',
      file('one.tsv', 'samarbejde\n'),
      '--json',
      '--model',
      out,
    ]);
    expect(JSON.parse(c.stdout)).toEqual({ labels: ['S1'] });
  });
});
