import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { buildMunicipality, buildUser } from '../testing/factories';
import { sql } from 'drizzle-orm';
import { createLogger } from '../../platform/logging';
import { CPR_PATTERN } from '../../people';

// Every CPR number this test sends, in the forms someone might type it.
const CPRS = ['121285-1234', '1212851234', '010190-4321', '310299-1111', '999999-9999'];

let t: TestApp;
let output = '';

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      output += chunk.toString();
      done();
    },
  });
  t = await createTestApp({ loggerInstance: createLogger('trace', sink) });
});
afterAll(async () => t.close());

describe('logs never contain CPR numbers', () => {
  it('after creating, looking up, failing and erroring with CPR numbers at trace level', async () => {
    const m = await buildMunicipality(t.ctx.db);
    const cw = await buildUser(t.ctx.db, m.id, ['caseworker']);
    const cookie = await t.login(cw.email);
    const send = (method: 'POST' | 'GET', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

    expect(
      (await send('POST', '/api/citizens', { cpr: CPRS[0], firstName: 'Log', lastName: 'Test' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await send('POST', '/api/citizens', { cpr: CPRS[1], firstName: 'Dup', lastName: 'Test' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await send('POST', '/api/citizens', { cpr: CPRS[3], firstName: 'Bad', lastName: 'Date' }))
        .statusCode,
    ).toBe(400);
    expect((await send('POST', '/api/citizens', { cpr: CPRS[4] })).statusCode).toBe(400);
    expect((await send('POST', '/api/citizens/lookup', { cpr: CPRS[0] })).statusCode).toBe(200);
    expect((await send('POST', '/api/citizens/lookup', { cpr: CPRS[2] })).statusCode).toBe(404);
    expect((await send('GET', `/api/citizens?q=${CPRS[2]}`)).statusCode).toBe(400);

    expect(output.length).toBeGreaterThan(1000); // the logger did log these requests
    const digits = output.replace(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
      '<uuid>',
    );
    for (const cpr of CPRS) {
      expect(digits).not.toContain(cpr);
      expect(digits).not.toContain(cpr.replace('-', ''));
    }
    const suspicious = digits
      .split('\n')
      .filter((line) =>
        CPR_PATTERN.test(line.replace(/"time":\d+/, '').replace(/\d+\.\d+/g, '<n>')),
      );
    expect(suspicious).toEqual([]);
  });
});

describe('log paths', () => {
  it('mask a CPR number put in a path by mistake, in any encoding', async () => {
    for (const path of [
      '0101851234',
      '010185-1234',
      '010185%201234',
      '010185%2D1234',
      '010185+1234',
    ]) {
      output = '';
      await t.app.inject({ url: `/api/citizens/${path}` });
      expect(output, path).toContain('[cpr]');
      expect(output, path).not.toMatch(/010185.{0,3}1234/);
    }
  });
});

describe('failing queries', () => {
  it('are logged without their parameters or the values PostgreSQL quotes', async () => {
    const m = await buildMunicipality(t.ctx.db);
    const cw = await buildUser(t.ctx.db, m.id, ['caseworker']);
    const cookie = await t.login(cw.email);
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/citizens',
      headers: { cookie },
      payload: { cpr: '020285-4321', firstName: 'Fejl', lastName: 'Logsen' },
    });
    expect(made.statusCode, made.body).toBe(201);
    // A broken database: every new note fails inside PostgreSQL, with its text as a parameter.
    await t.ctx.db.execute(
      sql`alter table citizen_notes add constraint broken_for_test check (length(body) < 0) not valid`,
    );
    output = '';
    const secret = 'Ringede fra 010190-1234 om MitID, anna.hemmelig@example.dk, tlf 23456789';
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/citizens/${made.json().id}/notes`,
      headers: { cookie },
      payload: { body: secret },
    });
    expect(res.statusCode).toBe(500);
    expect(output).toContain('unhandled error');
    expect(output).toContain('broken_for_test'); // what failed is still there to debug
    for (const part of ['010190', 'anna.hemmelig', '23456789', 'Ringede', 'MitID'])
      expect(output, part).not.toContain(part);
    await t.ctx.db.execute(sql`alter table citizen_notes drop constraint broken_for_test`);
  });
});
