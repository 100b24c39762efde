import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app';
import { buildMunicipality, buildSite, buildUser } from '../testing/factories';
import { outbox } from '../../platform/messaging/outbox.schema';
import { parsePublicUrl } from '../../platform/config';

// Links handed out (messages, calendar files, QR codes, badges) come from the configured
// public address. A caller who sets Host or X-Forwarded-Host must not put their own site into
// a confirmation that the jobcentre sends to somebody else.
const PUBLIC = 'https://digiloft.kk.example';
const EVIL = { host: 'login-mitid.evil.example', 'x-forwarded-host': 'login-mitid.evil.example' };

let t: TestApp;
let site: { id: string };
let m: { id: string };
let ementor: string;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-26T07:00:00Z')); // Thursday 08:00 in Copenhagen
  t = await createTestApp({ trustProxy: true, publicUrl: PUBLIC });
  m = await buildMunicipality(t.ctx.db);
  site = await buildSite(t.ctx.db, m.id);
  const e = await buildUser(t.ctx.db, m.id, ['ementor']);
  ementor = await t.login(e.email);
  const admin = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
  const shift = await t.app.inject({
    method: 'POST',
    url: `/api/workshops/${site.id}/shifts`,
    headers: { cookie: admin },
    payload: { userId: e.id, day: '2026-11-27', start: '09:00', end: '13:00' },
  });
  expect(shift.statusCode, shift.body).toBe(201);
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

const noEvil = (text: string) => expect(text).not.toContain('evil.example');

describe('links handed out', () => {
  it('a booking confirmation and its calendar file link to the configured address', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/workshops/${site.id}/appointments`,
      headers: EVIL,
      payload: {
        day: '2026-11-27',
        start: '10:00',
        firstName: 'Hanne',
        topic: 'mitid',
        email: 'hanne@example.dk',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    noEvil(res.body);
    // The calendar event is named within the configured address (its link stays out of it).
    expect(res.json().ics).toMatch(/^UID:[0-9a-f-]{36}@digiloft\.kk\.example$/m);
    const queued = await t.ctx.db.select().from(outbox).where(isNull(outbox.sentAt));
    expect(queued.length).toBeGreaterThan(0);
    for (const q of queued) noEvil(q.body);
    const confirmation = queued.find((q) => q.subject === 'Din tid i det digitale værksted');
    expect(confirmation?.body).toContain(`${PUBLIC}/vaerksted/aftale#`);
  });

  it('QR codes for test codes, the test poster and the door poster use it too', async () => {
    for (const [method, url] of [
      ['POST', '/api/test-codes'],
      ['GET', '/api/test-poster'],
      ['GET', `/api/workshops/${site.id}/door-poster`],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        headers: { ...EVIL, cookie: ementor },
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
      noEvil(res.body);
      expect(res.json().url, url).toMatch(new RegExp(`^${PUBLIC}/`));
    }
  });

  it('an Open Badge issuer profile and revocation list name the configured address', async () => {
    for (const url of [`/api/badges/issuers/${m.id}`, `/api/badges/revocations/${m.id}`]) {
      const res = await t.app.inject({ url, headers: EVIL });
      expect(res.statusCode, res.body).toBe(200);
      noEvil(res.body);
      expect(res.json().id).toMatch(new RegExp(`^${PUBLIC}/api/badges/`));
    }
  });
});

describe('the public address is checked at start-up', () => {
  it('takes an origin, and refuses paths, queries, credentials and other schemes', () => {
    expect(parsePublicUrl('https://digiloft.kk.dk/')).toEqual({
      url: 'https://digiloft.kk.dk',
      warning: null,
    });
    expect(parsePublicUrl('http://localhost:3000').warning).toBeNull();
    expect(parsePublicUrl('http://digiloft.kk.dk').warning).toMatch(/plain http/);
    for (const bad of [
      'digiloft.kk.dk',
      'ftp://digiloft.kk.dk',
      'https://digiloft.kk.dk/app',
      'https://digiloft.kk.dk/?x=1',
      'https://user:pw@digiloft.kk.dk',
      'javascript:alert(1)',
    ])
      expect(() => parsePublicUrl(bad), bad).toThrow(/PUBLIC_URL/);
  });
});
