import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableName, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { createTestApp, type TestApp } from '../testing/test-app';
import { buildCitizen, buildMunicipality, buildUser } from '../testing/factories';
import { ROLES } from '../../platform/auth/roles';
import { TABLES as schema } from '../tables';

// Bad input of every shape, sent to every route by a user who holds every role: the answer is
// always a 4xx (or a harmless 2xx where the input is optional), never a 5xx, and a rejected
// request leaves every table as it was.

const BODIES: unknown[] = [
  undefined,
  {},
  [],
  'plain text',
  42,
  {
    email: 5,
    password: {},
    name: [],
    roles: 'admin',
    cpr: 123,
    vulnerable: 'yes',
    body: null,
    locale: 'xx',
  },
  { cpr: '0'.repeat(10_000), firstName: 'x'.repeat(10_000), lastName: '\u0000' },
  { roles: ['admin', 'emperor'], siteId: 'not-a-uuid', caseworkerId: '../../etc/passwd' },
  { vulnerable: true, reason: '' },
  { a: { b: { c: { d: { e: { f: [1, [2, [3]]] } } } } } },
];
const IDS = ['not-a-uuid', '00000000-0000-4000-8000-000000000000', "1' or '1'='1", '%00'];
const QUERIES = [
  '',
  '?q=' + 'x'.repeat(5000),
  '?q=a&q=b',
  '?includeInactive=maybe',
  '?format=exe',
  '?role=king',
  '?vulnerable=1',
];

let t: TestApp;
let cookie: string;
const tables = Object.values(schema).filter((v): v is PgTable => v instanceof PgTable);

/** Row counts of every table, in one query (this runs twice per request of the sweep). */
async function snapshot() {
  const [row] = await t.ctx.db
    .select(
      Object.fromEntries(
        tables.map((table) => [
          getTableName(table),
          sql<number>`(select count(*) from ${table})::int`,
        ]),
      ),
    )
    .from(sql`(select 1) as one`);
  return row as Record<string, number>;
}

beforeAll(async () => {
  t = await createTestApp();
  const m = await buildMunicipality(t.ctx.db);
  const everyone = await buildUser(t.ctx.db, m.id, [...ROLES]);
  await buildCitizen(t.ctx.db, t.ctx.cipher, {
    municipalityId: m.id,
    caseworkerId: everyone.id,
    userId: everyone.id,
  });
  cookie = await t.login(everyone.email);
  // The item bank is copied into a municipality on first use; do that before counting rows.
  await t.app.inject({ url: '/api/assessment/items', headers: { cookie } });
});
afterAll(async () => t.close());

describe('bad input never causes a 5xx and changes nothing', () => {
  it('holds for every route', async () => {
    const routes = t.app
      .routeTable()
      .filter(
        (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
      )
      .filter((r) => r.url !== '/api/auth/logout');
    expect(routes.length).toBeGreaterThan(15);
    // The snapshot really counts: every table, and the rows made above.
    const start = await snapshot();
    expect(Object.keys(start)).toHaveLength(tables.length);
    expect(start.users).toBeGreaterThan(0);
    expect(start.citizens).toBe(1);
    let sent = 0;
    for (const route of routes) {
      const ids = route.url.includes(':id') ? IDS : [''];
      for (const id of ids) {
        const base = route.url.replace(':id', encodeURIComponent(id));
        const variants: { url: string; body?: unknown }[] =
          route.method === 'GET'
            ? QUERIES.map((q) => ({ url: base + q }))
            : BODIES.map((body) => ({ url: base, body }));
        for (const v of variants) {
          const before = await snapshot();
          const res = await t.app.inject({
            method: route.method as 'GET',
            url: v.url,
            headers: {
              cookie,
              ...(v.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(v.body !== undefined ? { payload: JSON.stringify(v.body) } : {}),
          });
          sent++;
          expect(
            res.statusCode,
            `${route.method} ${v.url} ${JSON.stringify(v.body)?.slice(0, 80)}`,
          ).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.json().error.message.length).toBeGreaterThan(0);
            expect(await snapshot(), `${route.method} ${v.url} changed data`).toEqual(before);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
  }, 300_000);

  it('refuses control characters in any text of any route, in one place, changing nothing', async () => {
    const routes = t.app
      .routeTable()
      .filter(
        (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
      );
    const before = await snapshot();
    const BAD = ['\u0000', '\u001b[31m', 'a\rb', '\u007f', '\ud800'];
    let refused = 0;
    for (const route of routes) {
      for (const bad of BAD) {
        // A lone surrogate cannot travel in a URL (it is not UTF-8); it goes in the body.
        const enc = bad === '\ud800' ? '' : encodeURIComponent(bad);
        const get = route.method === 'GET';
        const url =
          route.url.replace(':id', '00000000-0000-4000-8000-000000000000') +
          (get || enc ? `?q=x${enc || '%00'}` : '');
        const body = get ? undefined : { ...FIELDS, note: `Ring ${bad}` };
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: {
            cookie,
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          ...(body ? { payload: JSON.stringify(body) } : {}),
        });
        const where = `${route.method} ${route.url} ${JSON.stringify(bad)}`;
        expect(res.statusCode, where).toBe(400);
        expect(res.json().error.code, where).toBe('invalid_characters');
        refused++;
      }
      if (route.url.includes(':id')) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: route.url.replace(':id', '%00'),
          headers: { cookie },
        });
        expect(res.json().error?.code, `${route.method} ${route.url} id`).toBe(
          'invalid_characters',
        );
      }
    }
    expect(refused).toBeGreaterThan(100);
    expect(await snapshot()).toEqual(before);
  });
});

/** A body with the text fields routes take, each harmless: only the `note` is bad. */
const FIELDS = {
  email: 'a@b.dk',
  firstName: 'Anna',
  name: 'Navn',
  q: 'søgning',
  reason: 'grund',
  topic: 'mitid',
};
