import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../platform/testing/cli';
import { validateScheduleInput, violations } from './scheduler/schedule.model';

let dir: string;
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchmaking-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const EXAMPLE = {
  slots: 8,
  companies: [{ id: 'c1', tables: 2 }],
  candidates: [{ id: 'p1', maxMeetings: 4 }],
  preferences: [{ company: 'c1', candidate: 'p1', weight: 5 }],
  unavailable: [
    { candidate: 'p1', slot: 0 },
    { company: 'c1', slot: 7 },
  ],
};

describe('digiloft matchmaking schedule', () => {
  it('prints the optimal schedule of the issue example as JSON', async () => {
    const r = await runCli([
      'matchmaking',
      'schedule',
      '--input',
      file('a.json', JSON.stringify(EXAMPLE)),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ status: 'optimal', objective: 5, candidatesMet: 1 });
    const meetings = out.meetings as {
      company: string;
      candidate: string;
      slot: number;
      table: number;
    }[];
    expect(meetings).toHaveLength(1);
    expect(Object.keys(meetings[0]!)).toEqual(['company', 'candidate', 'slot', 'table']);
    expect(violations(validateScheduleInput(EXAMPLE), meetings)).toEqual([]);
  });

  it('with --fair meets more candidates at a lower weight', async () => {
    const input = {
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
    const f = file('b.json', JSON.stringify(input));
    const plain = JSON.parse(
      (await runCli(['matchmaking', 'schedule', '--input', f, '--json'])).stdout,
    );
    const fair = JSON.parse(
      (await runCli(['matchmaking', 'schedule', '--input', f, '--json', '--fair'])).stdout,
    );
    expect(plain).toMatchObject({ objective: 40, candidatesMet: 2 });
    expect(fair).toMatchObject({ objective: 31, candidatesMet: 3 });
  });

  it.each([
    ['malformed JSON', '{"slots": 8,', /not valid JSON/],
    [
      'an unknown id',
      JSON.stringify({ ...EXAMPLE, preferences: [{ company: 'c9', candidate: 'p1', weight: 1 }] }),
      /unknown company "c9"/,
    ],
    [
      'a negative weight',
      JSON.stringify({ ...EXAMPLE, preferences: [{ company: 'c1', candidate: 'p1', weight: -2 }] }),
      /weight/,
    ],
  ])('refuses %s with exit 2 and a clear message', async (_, text, message) => {
    const r = await runCli([
      'matchmaking',
      'schedule',
      '--input',
      file('bad.json', text),
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('refuses a missing file with exit 2', async () => {
    const r = await runCli(['matchmaking', 'schedule', '--input', path.join(dir, 'none.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot read/);
  });
});
