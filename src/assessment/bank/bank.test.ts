import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BASIC_TOPICS,
  ITEM_BANK,
  SIMULATION_KINDS,
  areaOf,
  catBank,
  startParameters,
  validateEntry,
} from './index';
import { categoryProbs, difficulty } from '../irt';

const digcomp = JSON.parse(
  fs.readFileSync(
    path.join(import.meta.dirname, '../../vocabulary/digcomp/digcomp-2.2.json'),
    'utf8',
  ),
) as { areas: { id: string; competences: { id: string }[] }[] };

describe('the item bank', () => {
  it('has at least 150 items with unique ids, all valid', () => {
    expect(ITEM_BANK.length).toBeGreaterThanOrEqual(150);
    expect(new Set(ITEM_BANK.map((e) => e.id)).size).toBe(ITEM_BANK.length);
    expect(ITEM_BANK.flatMap(validateEntry)).toEqual([]);
  });

  it('uses only DigComp 2.2 competences and covers every competence', () => {
    const known = new Set(digcomp.areas.flatMap((a) => a.competences.map((c) => c.id)));
    for (const e of ITEM_BANK) expect(known.has(e.competence), e.id).toBe(true);
    for (const c of known)
      expect(
        ITEM_BANK.some((e) => e.competence === c),
        c,
      ).toBe(true);
  });

  it('covers levels 1–6 in all five areas with scored items', () => {
    for (const area of ['1', '2', '3', '4', '5']) {
      for (const level of [1, 2, 3, 4, 5, 6]) {
        const n = ITEM_BANK.filter(
          (e) => e.type !== 'self_rating' && areaOf(e.competence) === area && e.level === level,
        ).length;
        expect(n, `area ${area} level ${level}`).toBeGreaterThan(0);
      }
    }
  });

  it('has every item type, every practice simulation and every self-service basic', () => {
    const types = new Set(ITEM_BANK.map((e) => e.type));
    expect([...types].sort()).toEqual(['knowledge', 'self_rating', 'simulation']);
    const kinds = new Set(ITEM_BANK.flatMap((e) => (e.type === 'simulation' ? [e.kind] : [])));
    expect([...kinds].sort()).toEqual([...SIMULATION_KINDS].sort());
    for (const topic of BASIC_TOPICS) {
      expect(
        ITEM_BANK.some((e) => e.basic === topic && e.type !== 'self_rating'),
        topic,
      ).toBe(true);
      expect(
        ITEM_BANK.some((e) => e.basic === topic && e.type === 'self_rating'),
        topic,
      ).toBe(true);
    }
  });

  it('places the right answer in different positions', () => {
    const positions = new Set(
      ITEM_BANK.flatMap((e) => (e.type === 'self_rating' ? [] : [e.correct])),
    );
    expect(positions.size).toBeGreaterThanOrEqual(3);
  });

  it('never asks for real credentials in a practice task', () => {
    for (const e of ITEM_BANK) {
      if (e.type !== 'simulation') continue;
      const text = JSON.stringify(e.text).toLowerCase();
      expect(text).not.toMatch(/(din|your) (rigtige|real) (adgangskode|password|kode|code)/);
      expect(e.text.da.task.startsWith('Øvelse')).toBe(true);
      expect(e.text.en.task.startsWith('Practice')).toBe(true);
    }
  });
});

describe('start parameters', () => {
  it('make higher DigComp levels harder', () => {
    const b = [1, 2, 3, 4, 5, 6].map((level) =>
      difficulty(
        startParameters({ type: 'knowledge', level: level as 1 }) as { a: number; d: number },
      ),
    );
    for (let i = 1; i < b.length; i++) expect(b[i]!).toBeGreaterThan(b[i - 1]!);
  });
  it('give self-ratings ordered categories', () => {
    const m = startParameters({ type: 'self_rating', level: 3 });
    expect(m.kind).toBe('grm');
    expect(categoryProbs(m, 3)[3]!).toBeGreaterThan(categoryProbs(m, -3)[3]!);
  });
  it('feed the adaptive engine', () => {
    const bank = catBank();
    expect(bank.filter((i) => i.scored).length).toBeGreaterThanOrEqual(100);
    expect(new Set(bank.map((i) => i.area)).size).toBe(5);
  });
});

describe('the CV upload practice', () => {
  const upload = ITEM_BANK.find((e) => e.id === 's-cv-upload');

  it('is a Jobnet practice task with a real upload, attached = right', () => {
    expect(upload).toMatchObject({ type: 'simulation', kind: 'jobnet_cv', correct: 0 });
    expect(upload?.type === 'simulation' && upload.upload?.accept).toContain('.pdf');
  });

  it('is refused when its outcomes or its file rules are wrong', () => {
    if (upload?.type !== 'simulation') throw new Error('missing');
    expect(validateEntry({ ...upload, correct: 1 })).toHaveLength(1);
    expect(validateEntry({ ...upload, upload: { accept: ['pdf'], maxKb: 100 } })).toHaveLength(1);
    expect(validateEntry({ ...upload, upload: { accept: ['.pdf'], maxKb: 0 } })).toHaveLength(1);
  });
});

describe('interactive practice tasks', () => {
  const find = (id: string) => {
    const e = ITEM_BANK.find((x) => x.id === id);
    if (e?.type !== 'simulation') throw new Error(`${id} is not a practice task`);
    return e;
  };

  it('a code display must show six digits', () => {
    const e = find('s-mitid-2');
    expect(validateEntry(e)).toEqual([]);
    expect(validateEntry({ ...e, login: { ...e.login!, code: '12345' } })).toEqual([
      's-mitid-2: a code display shows six digits',
    ]);
  });

  it('an inbox must point at one of its letters, with as many letters in both languages', () => {
    const e = find('s-post-2');
    expect(validateEntry(e)).toEqual([]);
    expect(validateEntry({ ...e, reply: { letter: 9 } })).toEqual([
      's-post-2: the letter to answer is out of range',
    ]);
    const fewer = { ...e.text.en, letters: e.text.en.letters!.slice(1) };
    expect(validateEntry({ ...e, text: { ...e.text, en: fewer } })).toEqual([
      's-post-2: an inbox needs at least 2 letters, as many in da as in en',
    ]);
  });

  it('has two outcomes with "done right" first, and one kind of interaction', () => {
    const e = find('s-mitid-1');
    expect(validateEntry({ ...e, correct: 1 })).toContain(
      's-mitid-1: an interactive task has two outcomes, done right (0) and not (1)',
    );
    expect(validateEntry({ ...e, reply: { letter: 0 } })).toContain(
      's-mitid-1: one interactive practice per item',
    );
  });
});
