import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../platform/random';
import {
  schedule,
  ScheduleInputError,
  validateScheduleInput,
  violations,
  type Meeting,
  type ScheduleInput,
} from './schedule.model';

/** Every schedule of a tiny instance: each wished pair meets in one slot or not at all. */
function bruteForce(input: ScheduleInput) {
  const pairs = input.preferences.filter((p) => p.weight > 0);
  let best = { weight: -1, met: -1 };
  let bestFair = { weight: -1, met: -1 };
  const choice = new Array<number>(pairs.length).fill(-1);
  const visit = (i: number) => {
    if (i === pairs.length) {
      const meetings: Meeting[] = [];
      const tableUse = new Map<string, number>();
      pairs.forEach((p, k) => {
        const s = choice[k]!;
        if (s < 0) return;
        const key = `${p.company}@${s}`;
        const table = tableUse.get(key) ?? 0;
        tableUse.set(key, table + 1);
        meetings.push({ company: p.company, candidate: p.candidate, slot: s, table });
      });
      if (violations(input, meetings).length > 0) return;
      const weight = pairs.reduce((w, p, k) => w + (choice[k]! >= 0 ? p.weight : 0), 0);
      const met = new Set(meetings.map((m) => m.candidate)).size;
      if (weight > best.weight) best = { weight, met };
      if (met > bestFair.met || (met === bestFair.met && weight > bestFair.weight))
        bestFair = { weight, met };
      return;
    }
    for (let s = -1; s < input.slots; s++) {
      choice[i] = s;
      visit(i + 1);
    }
  };
  visit(0);
  return { best, bestFair };
}

function randomInstance(seed: number, size: { c: number; p: number; s: number }): ScheduleInput {
  const r = mulberry32(seed);
  const companies = Array.from({ length: size.c }, (_, i) => ({
    id: `c${i}`,
    tables: 1 + Math.floor(r() * 2),
  }));
  const candidates = Array.from({ length: size.p }, (_, i) => ({
    id: `p${i}`,
    ...(r() < 0.5 ? { maxMeetings: 1 + Math.floor(r() * 2) } : {}),
  }));
  const preferences: ScheduleInput['preferences'] = [];
  for (const c of companies)
    for (const p of candidates)
      if (r() < 0.6)
        preferences.push({ company: c.id, candidate: p.id, weight: 1 + Math.floor(r() * 5) });
  const unavailable: NonNullable<ScheduleInput['unavailable']> = [];
  for (let s = 0; s < size.s; s++) {
    for (const c of companies) if (r() < 0.2) unavailable.push({ company: c.id, slot: s });
    for (const p of candidates) if (r() < 0.2) unavailable.push({ candidate: p.id, slot: s });
  }
  return { slots: size.s, companies, candidates, preferences, unavailable };
}

describe('schedule', () => {
  it('solves the issue example: one meeting, not in the slots either side marked', async () => {
    const r = await schedule({
      slots: 8,
      companies: [{ id: 'c1', tables: 2 }],
      candidates: [{ id: 'p1', maxMeetings: 4 }],
      preferences: [{ company: 'c1', candidate: 'p1', weight: 5 }],
      unavailable: [
        { candidate: 'p1', slot: 0 },
        { company: 'c1', slot: 7 },
      ],
    });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBe(5);
    expect(r.candidatesMet).toBe(1);
    expect(r.meetings).toHaveLength(1);
    expect(r.meetings[0]!.slot).not.toBe(0);
    expect(r.meetings[0]!.slot).not.toBe(7);
    expect(r.meetings[0]!.table).toBe(0);
  });

  it('fills every table of a company in a slot before a candidate waits', async () => {
    const r = await schedule({
      slots: 1,
      companies: [{ id: 'c', tables: 3 }],
      candidates: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
      preferences: ['a', 'b', 'c', 'd'].map((p, i) => ({
        company: 'c',
        candidate: p,
        weight: i + 1,
      })),
    });
    expect(r.objective).toBe(2 + 3 + 4);
    expect(r.meetings.map((m) => m.table).sort()).toEqual([0, 1, 2]);
  });

  it('with --fair gives a meeting to more candidates than the heaviest schedule does', async () => {
    // One table each, two slots: the heaviest schedule gives all four places to p and q.
    const input: ScheduleInput = {
      slots: 2,
      companies: [
        { id: 'x', tables: 1 },
        { id: 'y', tables: 1 },
      ],
      candidates: [{ id: 'p' }, { id: 'q' }, { id: 'r' }],
      preferences: [
        { company: 'x', candidate: 'p', weight: 10 },
        { company: 'y', candidate: 'p', weight: 10 },
        { company: 'x', candidate: 'q', weight: 10 },
        { company: 'y', candidate: 'q', weight: 10 },
        { company: 'x', candidate: 'r', weight: 1 },
      ],
    };
    const plain = await schedule(input);
    const fair = await schedule(input, { fair: true });
    expect(plain.objective).toBe(40);
    expect(plain.candidatesMet).toBe(2);
    expect(fair.candidatesMet).toBe(3);
    expect(fair.objective).toBe(31); // r at x once, then the best of the rest
    expect(violations(input, fair.meetings)).toEqual([]);
  });

  it('matches brute force on 60 small random instances, plain and fair', async () => {
    for (let seed = 1; seed <= 60; seed++) {
      const input = randomInstance(seed, { c: 2, p: 3, s: 2 + (seed % 2) });
      const { best, bestFair } = bruteForce(input);
      const plain = await schedule(input);
      const fair = await schedule(input, { fair: true });
      expect(violations(input, plain.meetings), `seed ${seed}`).toEqual([]);
      expect(violations(input, fair.meetings), `seed ${seed}`).toEqual([]);
      expect(plain.status).toBe('optimal');
      expect(plain.objective, `seed ${seed}`).toBe(best.weight);
      expect(plain.bound).toBe(plain.objective);
      expect(fair.candidatesMet, `seed ${seed}`).toBe(bestFair.met);
      expect(fair.objective, `seed ${seed}`).toBe(bestFair.weight);
    }
  });

  it('keeps pinned meetings (in their slot) and never schedules a forbidden one, like brute force', async () => {
    for (let seed = 100; seed < 130; seed++) {
      const input = randomInstance(seed, { c: 2, p: 3, s: 3 });
      const wished = input.preferences;
      if (wished.length < 3) continue;
      const [a, b] = [wished[0]!, wished[wished.length - 1]!];
      const constrained: ScheduleInput = {
        ...input,
        pinned: [{ company: a.company, candidate: a.candidate }],
        forbidden: [{ company: b.company, candidate: b.candidate }],
      };
      const r = await schedule(constrained);
      // Brute force over the same instance with the rules as filters.
      const reference = bruteForce({
        ...constrained,
        preferences: wished.filter((p) => p !== b),
      });
      if (r.status === 'infeasible') {
        expect(reference.best.weight, `seed ${seed}`).toBe(-1);
        continue;
      }
      expect(violations(constrained, r.meetings), `seed ${seed}`).toEqual([]);
      expect(r.meetings.some((m) => m.company === a.company && m.candidate === a.candidate)).toBe(
        true,
      );
      expect(r.meetings.some((m) => m.company === b.company && m.candidate === b.candidate)).toBe(
        false,
      );
      expect(r.objective, `seed ${seed}`).toBe(reference.best.weight);
    }
  });

  it('pins a meeting to its slot, and says why when a pin cannot be kept', async () => {
    const base: ScheduleInput = {
      slots: 3,
      companies: [{ id: 'c', tables: 1 }],
      candidates: [{ id: 'p' }],
      preferences: [{ company: 'c', candidate: 'p', weight: 2 }],
      unavailable: [{ candidate: 'p', slot: 1 }],
    };
    const pinned = await schedule({ ...base, pinned: [{ company: 'c', candidate: 'p', slot: 2 }] });
    expect(pinned.meetings).toEqual([{ company: 'c', candidate: 'p', slot: 2, table: 0 }]);
    const clash = await schedule({ ...base, pinned: [{ company: 'c', candidate: 'p', slot: 1 }] });
    expect(clash.status).toBe('infeasible');
    expect(clash.reason).toMatch(/cannot attend/);
    expect(clash.meetings).toEqual([]);
    const both = await schedule({
      ...base,
      pinned: [{ company: 'c', candidate: 'p' }],
      forbidden: [{ company: 'c', candidate: 'p' }],
    });
    expect(both.status).toBe('infeasible');
    expect(both.reason).toMatch(/pinned and forbidden/);
  });

  it('breaks no rule on 40 random medium instances (property)', async () => {
    for (let seed = 500; seed < 540; seed++) {
      const input = randomInstance(seed, { c: 4, p: 12, s: 4 });
      for (const fair of [false, true]) {
        const r = await schedule(input, { fair });
        expect(r.status).toBe('optimal');
        expect(violations(input, r.meetings), `seed ${seed} fair ${fair}`).toEqual([]);
        expect(r.candidatesMet).toBe(new Set(r.meetings.map((m) => m.candidate)).size);
        const weights = new Map(
          input.preferences.map((p) => [`${p.company}/${p.candidate}`, p.weight]),
        );
        expect(r.objective).toBe(
          r.meetings.reduce((s, m) => s + weights.get(`${m.company}/${m.candidate}`)!, 0),
        );
      }
    }
  });

  it('treats weight 0 as "not wished": such a pair never meets', async () => {
    const r = await schedule({
      slots: 2,
      companies: [{ id: 'c', tables: 2 }],
      candidates: [{ id: 'p' }, { id: 'q' }],
      preferences: [
        { company: 'c', candidate: 'p', weight: 0 },
        { company: 'c', candidate: 'q', weight: 1 },
      ],
    });
    expect(r.meetings.map((m) => m.candidate)).toEqual(['q']);
  });
});

describe('validateScheduleInput', () => {
  const ok = {
    slots: 2,
    companies: [{ id: 'c', tables: 1 }],
    candidates: [{ id: 'p' }],
    preferences: [{ company: 'c', candidate: 'p', weight: 1 }],
  };
  it.each([
    [{ ...ok, slots: 0 }, /slots/],
    [{ ...ok, preferences: [{ company: 'x', candidate: 'p', weight: 1 }] }, /unknown company "x"/],
    [
      { ...ok, preferences: [{ company: 'c', candidate: 'z', weight: 1 }] },
      /unknown candidate "z"/,
    ],
    [{ ...ok, preferences: [{ company: 'c', candidate: 'p', weight: -1 }] }, /weight/],
    [{ ...ok, unavailable: [{ candidate: 'p', slot: 2 }] }, /slot from 0 to 1/],
    [{ ...ok, unavailable: [{ slot: 1 }] }, /either a company or a candidate/],
    [{ ...ok, companies: [{ id: 'c', tables: 0 }] }, /tables/],
    [{ ...ok, candidates: [{ id: 'p' }, { id: 'p' }] }, /listed twice/],
    [[], /JSON object/],
  ])('refuses bad input %#', (input, message) => {
    expect(() => validateScheduleInput(input)).toThrow(ScheduleInputError);
    expect(() => validateScheduleInput(input)).toThrow(message);
  });
  it('accepts the issue example unchanged', () => {
    expect(validateScheduleInput({ ...ok, unavailable: [] })).toMatchObject(ok);
  });
});
