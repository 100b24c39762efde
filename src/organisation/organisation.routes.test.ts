import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { buildMunicipality, buildSite, buildUser } from '../app/testing/factories';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../platform/audit/audit.schema';
import { listUsers } from './organisation.store';

let t: TestApp;
let m: { id: string };
let adminCookie: string;
let admin: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  m = await buildMunicipality(t.ctx.db);
  admin = await buildUser(t.ctx.db, m.id, ['admin']);
  adminCookie = await t.login((await listUsers(t.ctx.db, m.id, { role: 'admin' }))[0]!.email);
});
afterAll(async () => t.close());

const as = (cookie: string) => ({ cookie });

describe('admin: users', () => {
  it('creates a user who can then log in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: as(adminCookie),
      payload: {
        email: 'ny.mentor@test.invalid',
        name: 'Ny Mentor',
        roles: ['ementor'],
        password: 'a long password 1',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Ny Mentor', roles: ['ementor'], active: true });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const cookie = await t.login('ny.mentor@test.invalid', 'a long password 1');
    const session = await t.app.inject({ url: '/api/auth/session', headers: as(cookie) });
    expect(session.json().user.roles).toEqual(['ementor']);
  });

  it('refuses a duplicate e-mail (any case) with 409 and creates nothing', async () => {
    const before = (await listUsers(t.ctx.db, m.id, { includeInactive: true })).length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: as(adminCookie),
      payload: {
        email: 'NY.MENTOR@test.invalid',
        name: 'Dup',
        roles: ['ementor'],
        password: 'a long password 1',
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
    expect((await listUsers(t.ctx.db, m.id, { includeInactive: true })).length).toBe(before);
  });

  it('tells another municipality nothing about an address in use here; each logs in on its own', async () => {
    const m2 = await buildMunicipality(t.ctx.db);
    await buildUser(t.ctx.db, m2.id, ['admin'], { email: 'admin.m2@test.invalid' });
    const admin2 = await t.login('admin.m2@test.invalid');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: as(admin2),
      payload: {
        email: 'ny.mentor@test.invalid', // in use in the first municipality
        name: 'Samme adresse',
        roles: ['ementor'],
        password: 'another long password',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    // Each account logs in with its own password, into its own municipality.
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ny.mentor@test.invalid', password: 'a long password 1' },
    });
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ny.mentor@test.invalid', password: 'another long password' },
    });
    expect(first.json().user.municipality.id).toBe(m.id);
    expect(second.json().user.municipality.id).toBe(m2.id);
  });

  it.each([
    [{ email: 'bad', name: 'X', roles: ['admin'], password: 'a long password 1' }],
    [{ email: 'x@test.invalid', name: 'X', roles: [], password: 'a long password 1' }],
    [{ email: 'x@test.invalid', name: 'X', roles: ['king'], password: 'a long password 1' }],
    [{ email: 'x@test.invalid', name: 'X', roles: ['admin'], password: 'short' }],
    [{ email: 'x@test.invalid', name: '', roles: ['admin'], password: 'a long password 1' }],
  ])('rejects invalid input %j with 400', async (payload) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: as(adminCookie),
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.fields.length).toBeGreaterThan(0);
  });

  it('edits roles and deactivates a user, ending their sessions', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['caseworker']);
    const cookie = await t.login(u.email);
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      headers: as(adminCookie),
      payload: { roles: ['caseworker', 'ementor'], name: 'Omdøbt' },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ roles: ['caseworker', 'ementor'], name: 'Omdøbt' });
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      headers: as(adminCookie),
      payload: { active: false },
    });
    expect(off.json().active).toBe(false);
    expect((await t.app.inject({ url: '/api/sites', headers: as(cookie) })).statusCode).toBe(401);
    const list = await t.app.inject({ url: '/api/users', headers: as(adminCookie) });
    expect(list.json().map((x: { id: string }) => x.id)).not.toContain(u.id);
    const all = await t.app.inject({
      url: '/api/users?includeInactive=true',
      headers: as(adminCookie),
    });
    expect(all.json().map((x: { id: string }) => x.id)).toContain(u.id);
  });

  it('audits who changed which of a user’s fields, never the values', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['caseworker']);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      headers: as(adminCookie),
      payload: { roles: ['caseworker', 'analyst'], password: 'another long secret 9' },
    });
    expect(res.statusCode).toBe(200);
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, u.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'user.update',
      actorId: admin.id,
      purpose: 'administration',
      details: { fields: ['password', 'roles'] },
    });
    expect(JSON.stringify(rows[0])).not.toContain('another long secret');
  });

  it('a new password of one’s own ends one’s other sessions, and keeps this one', async () => {
    const me = await buildUser(t.ctx.db, m.id, ['admin']);
    const here = await t.login(me.email);
    const phone = await t.login(me.email);
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      headers: as(here),
      payload: { password: 'a brand new long password' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await t.app.inject({ url: '/api/sites', headers: as(phone) })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/sites', headers: as(here) })).statusCode).toBe(200);
    await t.login(me.email, 'a brand new long password');
  });

  it('will not let an admin lock themselves out', async () => {
    const self = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${admin.id}`,
      headers: as(adminCookie),
      payload: { active: false },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('cannot_deactivate_self');
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${admin.id}`,
      headers: as(adminCookie),
      payload: { roles: ['analyst'] },
    });
    expect(demote.json().error.code).toBe('cannot_remove_own_admin');
    const me = await t.app.inject({ url: `/api/users/${admin.id}`, headers: as(adminCookie) });
    expect(me.json()).toMatchObject({
      active: true,
      roles: ['admin'],
      permissions: { deactivate: false },
    });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = await t.app.inject({
      url: '/api/users/00000000-0000-4000-8000-000000000000',
      headers: as(adminCookie),
    });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: '/api/users/nope', headers: as(adminCookie) })).statusCode,
    ).toBe(400);
  });

  it('searches users by name', async () => {
    await buildUser(t.ctx.db, m.id, ['analyst'], { name: 'Zacharias Søgbar' });
    const res = await t.app.inject({ url: '/api/users?q=s%C3%B8gbar', headers: as(adminCookie) });
    expect(res.json().map((u: { name: string }) => u.name)).toEqual(['Zacharias Søgbar']);
  });
});

describe('admin: sites', () => {
  it('creates, lists and edits sites', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: as(adminCookie),
      payload: {
        name: 'Jobcenter Test, Prøvevej',
        address: 'Prøvevej 1',
        postalCode: '2500',
        city: 'Valby',
        hasWorkshop: true,
      },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${id}`,
      headers: as(adminCookie),
      payload: { active: false },
    });
    // A PATCH changes only what it names.
    expect(patch.json()).toMatchObject({ active: false, hasWorkshop: true, city: 'Valby' });
    const list = await t.app.inject({ url: '/api/sites', headers: as(adminCookie) });
    expect(list.json().map((s: { id: string }) => s.id)).toContain(id);
  });

  it('refuses a duplicate name and a bad postal code', async () => {
    const s = await buildSite(t.ctx.db, m.id, { name: 'Unikt Sted' });
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: as(adminCookie),
      payload: { name: 'unikt sted', address: 'x', postalCode: '2500', city: 'x' },
    });
    expect(dup.statusCode).toBe(409);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/sites/${s.id}`,
      headers: as(adminCookie),
      payload: { postalCode: '25' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('names stay on one line', () => {
  it('refuses a site name with a line break (it would break calendar files and CSV)', async () => {
    const payload = {
      name: 'Kantine\nSUMMARY:Gratis',
      address: 'Prøvevej 1',
      postalCode: '2500',
      city: 'Valby',
      hasWorkshop: true,
      active: true,
    };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: as(adminCookie),
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'name', message: 'Må kun fylde én linje.' }]);
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: as(`${adminCookie}; dl_lang=en`),
      payload,
    });
    expect(en.json().error.fields[0].message).toBe('Must fit on one line.');
  });
});
