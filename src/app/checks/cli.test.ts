import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { PROJECT_ROOT, openAndMigrate } from '../../platform/bootstrap';
import { loadConfig } from '../../platform/config';
import { auditLog } from '../../platform/audit/audit.schema';
import { runCli } from '../../platform/testing/cli';
import { DEFAULT_CAT } from '../../assessment/cat';
import { LOTTERY_ALGORITHM, drawLottery, seedCommitment } from '../../pilots/pilots.model';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'digiloft-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', CPR_KEY: '' };

const cli = (...args: string[]) => runCli(args, env);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('bin/digiloft', () => {
  it('documents every command with --help', async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'seed', 'users']) expect(top.stdout).toContain(cmd);
    for (const args of [['serve'], ['migrate'], ['seed'], ['users', 'create']]) {
      const help = await cli(...args, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Usage: digiloft');
    }
  });

  it('migrates, seeds the demo once, and creates a user', async () => {
    expect((await cli('migrate')).code).toBe(0);
    const seeded = await cli('seed', '--demo', '--citizens', '20', '--json');
    expect(seeded.code).toBe(0);
    expect(JSON.parse(seeded.stdout)).toEqual({ created: true, users: 12, citizens: 20 });
    const again = await cli('seed', '--demo', '--json');
    expect(JSON.parse(again.stdout)).toEqual({ created: false, users: 0, citizens: 0 });

    const created = await cli(
      'users',
      'create',
      '--email',
      'ny.admin@test.invalid',
      '--name',
      'Ny Admin',
      '--role',
      'admin',
      'analyst',
      '--municipality',
      '0101',
      '--password',
      'a very long password',
      '--json',
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      email: 'ny.admin@test.invalid',
      roles: ['admin', 'analyst'],
    });
    // No one was logged in: the installation created the user, and the audit log says so.
    const database = await openAndMigrate(loadConfig(env));
    try {
      const rows = await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, JSON.parse(created.stdout).id));
      expect(rows).toMatchObject([
        { action: 'user.create', actorId: null, actorRole: 'system', purpose: 'administration' },
      ]);
    } finally {
      await database.close();
    }
    // The generated CPR key sits beside the embedded data, readable by its owner only.
    expect(fs.statSync(path.join(dataDir, 'cpr.key')).mode & 0o777).toBe(0o600);
  });

  it('register import checks every row, writes all or nothing, and reports as JSON', async () => {
    const good = path.join(dataDir, 'register.csv');
    // People who are not citizens of the municipality: counted and skipped.
    fs.writeFileSync(
      good,
      'cpr,week,benefit,employed,education\n0101901234,2026-W01,dagpenge,0,0\n0101901234,2026-W02,,1,0\n',
    );
    const ok = await cli('register', 'import', '--input', good, '--municipality', '0101', '--json');
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      rows: 2,
      imported: 0,
      unknownPeople: 2,
      problems: [],
      problemCount: 0,
    });
    const bad = path.join(dataDir, 'register-bad.csv');
    fs.writeFileSync(bad, 'cpr,week,benefit,employed,education\n123,2026-W01,løn,0,0\n');
    const refused = await cli('register', 'import', '--input', bad, '--municipality', '0101');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Nothing imported: 2 problems');
    expect(refused.stderr).toContain('line 2, cpr: cpr_format');
    const nowhere = await cli('register', 'import', '--input', good, '--municipality', '9999');
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('No municipality with code 9999');
  });

  it('pilots verify-lottery checks a published lottery record offline', async () => {
    const applicants = Array.from({ length: 9 }, () => crypto.randomUUID());
    const seed = crypto.randomBytes(32).toString('hex');
    const draw = drawLottery(applicants, 4, seed);
    const record = {
      pilotId: crypto.randomUUID(),
      algorithm: LOTTERY_ALGORITHM,
      commitment: seedCommitment(seed),
      committedAt: '2026-11-02T09:00:00.000Z',
      seed,
      drawnAt: '2026-11-20T09:00:00.000Z',
      capacity: 4,
      applicants,
      participants: draw.participants,
      controls: draw.controls,
    };
    const file = path.join(dataDir, 'lottery.json');
    fs.writeFileSync(file, JSON.stringify(record));
    const ok = await cli('pilots', 'verify-lottery', '--input', file);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('The lottery checks out.');
    // A participant swapped for a control: the draw does not give these groups.
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...record,
        participants: [draw.controls[0], ...draw.participants.slice(1)],
        controls: [draw.participants[0], ...draw.controls.slice(1)],
      }),
    );
    const tampered = await cli('pilots', 'verify-lottery', '--input', file, '--json');
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.stdout)).toEqual({
      commitmentMatches: true,
      drawMatches: false,
      valid: false,
    });
    fs.writeFileSync(file, '{"seed": 1}');
    const junk = await cli('pilots', 'verify-lottery', '--input', file);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('is not a lottery record');
  });

  it('refuses bad input with a clear message and exit code 2', async () => {
    const dup = await cli(
      'users',
      'create',
      '--email',
      'ny.admin@test.invalid',
      '--name',
      'X',
      '--role',
      'admin',
      '--municipality',
      '0101',
      '--password',
      'a very long password',
    );
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('already exists');
    const short = await cli(
      'users',
      'create',
      '--email',
      'x@test.invalid',
      '--name',
      'X',
      '--role',
      'admin',
      '--municipality',
      '0101',
      '--password',
      'short',
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('12 characters');
    const badRole = await cli(
      'users',
      'create',
      '--email',
      'x@test.invalid',
      '--name',
      'X',
      '--role',
      'king',
      '--municipality',
      '0101',
    );
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('Allowed choices');
  });

  it('irt calibrate reproduces mirt on LSAT7 and irt score scores every row', async () => {
    const fixture = path.join(PROJECT_ROOT, 'src/assessment/irt/fixtures/lsat7.csv');
    const cal = await cli(
      'irt',
      'calibrate',
      '--input',
      fixture,
      '--count-column',
      'count',
      '--model',
      '2pl',
      '--json',
    );
    expect(cal.code).toBe(0);
    const params = JSON.parse(cal.stdout) as {
      items: { id: string; a: number; d: number; b: number }[];
      logLik: number;
    };
    expect(params.items.map((i) => i.id)).toEqual(['item1', 'item2', 'item3', 'item4', 'item5']);
    expect(params.items[2]!.a).toBeCloseTo(1.706, 2);
    expect(params.logLik).toBeCloseTo(-2658.805, 1);
    const file = path.join(dataDir, 'params.json');
    fs.writeFileSync(file, cal.stdout);
    for (const method of ['eap', 'map']) {
      const scored = await cli(
        'irt',
        'score',
        '--items',
        file,
        '--input',
        fixture,
        '--method',
        method,
        '--json',
      );
      expect(scored.code).toBe(0);
      const { scores } = JSON.parse(scored.stdout) as { scores: { theta: number; se: number }[] };
      expect(scores).toHaveLength(32);
      // Rows are sorted from all-wrong to all-right.
      expect(scores[0]!.theta).toBeLessThan(scores[31]!.theta);
      expect(scores.every((s) => s.se > 0 && s.se < 1)).toBe(true);
    }
    const bad = await cli('irt', 'score', '--items', fixture, '--input', fixture, '--json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not valid JSON');
  });

  it('assessment simulate compares the adaptive test with the full bank', async () => {
    const res = await cli('assessment', 'simulate', '--respondents', '60', '--json');
    expect(res.code).toBe(0);
    const r = JSON.parse(res.stdout) as Record<string, number>;
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining(['mean_items', 'fixed_form_items', 'agreement', 'mean_se']),
    );
    expect(r.mean_items).toBeGreaterThanOrEqual(6);
    expect(r.mean_items).toBeLessThanOrEqual(DEFAULT_CAT.maxItems);
    expect(r.median_items).toBeLessThanOrEqual(r.p90_items!);
    expect(r.mean_items).toBeLessThan(r.fixed_form_items!);
    expect(r.agreement).toBeGreaterThan(0.8);
    const bad = await cli('assessment', 'simulate', '--respondents', 'many');
    expect(bad.code).toBe(2);
  });
});
