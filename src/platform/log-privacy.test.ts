import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/test-app';
import { buildMunicipality, buildUser } from './testing/factories';
import { createLogger } from './logging';
import { CPR_PATTERN } from '../people';

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
  it('mask a CPR number put in a path by mistake', async () => {
    output = '';
    await t.app.inject({ url: '/api/citizens/0101851234' });
    expect(output).toContain('[cpr]');
    expect(output).not.toContain('0101851234');
  });
});
