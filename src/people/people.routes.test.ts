import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { buildCitizen, buildMunicipality, buildUser } from '../app/testing/factories';
import { auditLog } from '../platform/audit';
import { citizens } from './people.schema';

let t: TestApp;
let m: { id: string };
let cw: { id: string; email: string };
let other: { id: string; email: string };
let cwCookie: string;
let otherCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  m = await buildMunicipality(t.ctx.db);
  cw = await buildUser(t.ctx.db, m.id, ['caseworker']);
  other = await buildUser(t.ctx.db, m.id, ['caseworker']);
  cwCookie = await t.login(cw.email);
  otherCookie = await t.login(other.email);
});
afterAll(async () => t.close());

const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object, method: 'POST' | 'PATCH' = 'POST') =>
  t.app.inject({ method, url, headers: { cookie }, payload });

describe('caseload', () => {
  it('lists only the caseworker’s own citizens, filtered in the query', async () => {
    const mine = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
      firstName: 'Minesen',
    });
    const theirs = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: other.id,
      firstName: 'Andresen',
    });
    const res = await get('/api/citizens', cwCookie);
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((c: { id: string }) => c.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const res2 = await get('/api/citizens', otherCookie);
    expect(res2.json().map((c: { id: string }) => c.id)).toEqual([theirs.id]);
  });

  it('searches by name and shows masked CPR only', async () => {
    await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
      firstName: 'Søgeborger',
      cpr: '120390-1111',
    });
    const res = await get('/api/citizens?q=s%C3%B8geborger', cwCookie);
    expect(res.json()).toHaveLength(1);
    expect(res.json()[0].cprMasked).toBe('120390-xxxx');
    expect(res.body).not.toContain('1203901111');
  });

  it('refuses a CPR number in the URL', async () => {
    const res = await get('/api/citizens?q=120390-1111', cwCookie);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('cpr_in_url');
  });

  it('looks a citizen up by CPR in the body, within the caseload only', async () => {
    const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
      cpr: '0204881234',
    });
    const res = await post('/api/citizens/lookup', cwCookie, { cpr: '020488-1234' });
    expect(res.json()).toEqual({ id: c.id });
    expect(
      (await post('/api/citizens/lookup', otherCookie, { cpr: '020488-1234' })).statusCode,
    ).toBe(404);
    expect((await post('/api/citizens/lookup', cwCookie, { cpr: '020488' })).statusCode).toBe(400);
  });
});

describe('create citizen', () => {
  const valid = {
    cpr: '150792-3457',
    firstName: 'Ny',
    lastName: 'Borgersen',
    employmentGoal: 'Lagermedarbejder',
  };

  it('creates a citizen on the caseworker’s own caseload, CPR encrypted at rest', async () => {
    const res = await post('/api/citizens', cwCookie, valid);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      cprMasked: '150792-xxxx',
      birthDate: '1992-07-15',
      caseworker: { id: cw.id },
      permissions: { update: true, flagVulnerable: true, addNote: true },
    });
    const [row] = await t.ctx.db.select().from(citizens).where(eq(citizens.id, res.json().id));
    expect(row!.cprCipher).not.toContain('1507923457');
    expect(t.ctx.cipher.decrypt(row!.cprCipher)).toBe('1507923457');
  });

  it('accepts a number that fails modulus 11', async () => {
    const res = await post('/api/citizens', cwCookie, { ...valid, cpr: '010180-1000' });
    expect(res.statusCode).toBe(201);
  });

  it.each([
    ['310290-1234', 'cpr_date'],
    ['010150-5000', 'cpr_date'],
    ['12345', 'cpr_format'],
    ['0101a0-1234', 'cpr_format'],
  ])('rejects %s with %s and creates nothing', async (cpr, code) => {
    const before = await t.ctx.db.select().from(citizens);
    const res = await post('/api/citizens', cwCookie, { ...valid, cpr });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(await t.ctx.db.select().from(citizens)).toHaveLength(before.length);
  });

  it('refuses a duplicate CPR with 409', async () => {
    const res = await post('/api/citizens', cwCookie, { ...valid, firstName: 'Igen' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('cpr_taken');
  });

  it('names no record to a caseworker who may not see it, and logs the try on it', async () => {
    // The same citizen, looked up and created by another caseworker: neither answer says
    // whose record it is or offers it; the lookup is a 404 as for a stranger.
    const lookup = await post('/api/citizens/lookup', otherCookie, { cpr: valid.cpr });
    expect(lookup.statusCode).toBe(404);
    const res = await post('/api/citizens', otherCookie, { ...valid, firstName: 'Igen' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('cpr_unavailable');
    expect(res.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(res.json().error.message).toContain('administrator');
    const [existing] = await t.ctx.db
      .select()
      .from(citizens)
      .where(eq(citizens.firstName, valid.firstName));
    const logged = await t.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.citizenId, existing!.id), eq(auditLog.action, 'citizen.create_refused')),
      );
    expect(logged).toHaveLength(1);
  });

  it('refuses a non-caseworker as caseworker', async () => {
    const analyst = await buildUser(t.ctx.db, m.id, ['analyst']);
    const res = await post('/api/citizens', cwCookie, {
      ...valid,
      cpr: '150792-3999',
      caseworkerId: analyst.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('caseworker_invalid');
  });
});

describe('profile', () => {
  it('shows the profile to the own caseworker, 404 to others', async () => {
    const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
    });
    const res = await get(`/api/citizens/${c.id}`, cwCookie);
    expect(res.statusCode).toBe(200);
    expect(res.json().cprMasked).toMatch(/^\d{6}-xxxx$/);
    expect((await get(`/api/citizens/${c.id}`, otherCookie)).statusCode).toBe(404);
  });

  it('edits contact details, flags digital vulnerability with a reason, and adds notes', async () => {
    const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
    });
    const edit = await post(
      `/api/citizens/${c.id}`,
      cwCookie,
      { phone: '+45 11 22 33 44', employmentGoal: 'Kok' },
      'PATCH',
    );
    expect(edit.json()).toMatchObject({ phone: '+45 11 22 33 44', employmentGoal: 'Kok' });

    const noReason = await post(`/api/citizens/${c.id}/vulnerability`, cwCookie, {
      vulnerable: true,
    });
    expect(noReason.statusCode).toBe(400);
    const flag = await post(`/api/citizens/${c.id}/vulnerability`, cwCookie, {
      vulnerable: true,
      reason: 'Kan ikke logge på Digital Post',
    });
    expect(flag.json()).toMatchObject({
      digitallyVulnerable: true,
      vulnerableReason: 'Kan ikke logge på Digital Post',
    });
    expect(flag.json().vulnerableFlaggedAt).not.toBeNull();

    const note = await post(`/api/citizens/${c.id}/notes`, cwCookie, {
      body: 'Aftalt værkstedsbesøg',
    });
    expect(note.statusCode).toBe(201);
    expect(note.json().notes[0]).toMatchObject({ body: 'Aftalt værkstedsbesøg' });

    const vulnerable = await get('/api/citizens?vulnerable=true', cwCookie);
    expect(vulnerable.json().map((x: { id: string }) => x.id)).toContain(c.id);

    const unflag = await post(`/api/citizens/${c.id}/vulnerability`, cwCookie, {
      vulnerable: false,
    });
    expect(unflag.json()).toMatchObject({ digitallyVulnerable: false, vulnerableReason: null });

    const actions = await t.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.citizenId, c.id));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'citizen.update',
        'citizen.flag_vulnerable',
        'citizen.note.create',
        'citizen.unflag_vulnerable',
      ]),
    );
  });

  it('a hand-over moves the citizen to the other caseload', async () => {
    const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
    });
    const res = await post(`/api/citizens/${c.id}`, cwCookie, { caseworkerId: other.id }, 'PATCH');
    expect(res.json().permissions.update).toBe(false);
    expect((await get(`/api/citizens/${c.id}`, cwCookie)).statusCode).toBe(404);
    expect((await get(`/api/citizens/${c.id}`, otherCookie)).statusCode).toBe(200);
  });

  it('others get 404 on every write and nothing changes', async () => {
    const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
      firstName: 'Urørt',
    });
    expect(
      (await post(`/api/citizens/${c.id}`, otherCookie, { firstName: 'Ændret' }, 'PATCH'))
        .statusCode,
    ).toBe(404);
    expect((await post(`/api/citizens/${c.id}/notes`, otherCookie, { body: 'x' })).statusCode).toBe(
      404,
    );
    const [row] = await t.ctx.db.select().from(citizens).where(eq(citizens.id, c.id));
    expect(row!.firstName).toBe('Urørt');
  });
});

describe('citizen: own data and who has looked at it', () => {
  it('shows the citizen their profile and every lookup with date and purpose, as CSV and JSON', async () => {
    const user = await buildUser(t.ctx.db, m.id, ['citizen']);
    const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
      userId: user.id,
    });
    await get(`/api/citizens/${c.id}`, cwCookie);
    const cookie = await t.login(user.email);

    const me = await get('/api/me/citizen', cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: c.id, caseworker: { id: cw.id } });
    expect(me.json()).not.toHaveProperty('notes');

    const log = await get('/api/me/audit', cookie);
    const entries: {
      action: string;
      purpose: string;
      actorRole: string;
      self: boolean;
      at: string;
    }[] = log.json();
    const byCaseworker = entries.find((e) => e.action === 'citizen.read' && !e.self);
    expect(byCaseworker).toMatchObject({ purpose: 'case_management', actorRole: 'caseworker' });
    expect(entries.find((e) => e.action === 'citizen.read' && e.self)).toMatchObject({
      purpose: 'self_access',
    });

    const csv = await get('/api/me/audit/export?format=csv', cookie);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="digiloft-opslag-.*\.csv"/,
    );
    // For a Danish Excel (the citizen reads Danish): semicolons and a BOM; plain CSV on request.
    expect(csv.body).toContain('\uFEFFtidspunkt;handling;formaal');
    expect(csv.body).toContain('citizen.read;case_management;caseworker');
    const plain = await get('/api/me/audit/export?format=rfc4180', cookie);
    expect(plain.body).toMatch(/^tidspunkt,handling,formaal/);
    // The same lookups, and the first export itself (it is a lookup of one's own data too).
    expect(parse(plain.body, { columns: true }).length).toBe(
      parse(csv.body, { bom: true, delimiter: ';', columns: true }).length + 1,
    );

    const json = await get('/api/me/audit/export?format=json', cookie);
    expect(JSON.parse(json.body).entries.length).toBeGreaterThanOrEqual(3);
    expect((await get('/api/me/audit/export?format=xml', cookie)).statusCode).toBe(400);
  });

  it('a citizen without a record gets 404, and cannot read anyone else', async () => {
    const user = await buildUser(t.ctx.db, m.id, ['citizen']);
    const cookie = await t.login(user.email);
    expect((await get('/api/me/citizen', cookie)).statusCode).toBe(404);
    const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
    });
    expect((await get(`/api/citizens/${c.id}`, cookie)).statusCode).toBe(403);
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.citizenId, c.id), eq(auditLog.actorId, user.id)));
    expect(rows).toHaveLength(0);
  });
});
