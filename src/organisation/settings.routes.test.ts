import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { buildMunicipality, buildUser } from '../app/testing/factories';
import { municipalMailServer, SMTP_LOGIN } from '../app/testing/mail';
import { enqueue, MAX_ATTEMPTS } from '../platform/messaging/outbox';
import { outbox } from '../platform/messaging/outbox.schema';
import { auditLog } from '../platform/audit';
import { mailSettings } from './organisation.schema';
import type { DeliveryView, MailSettingsView } from './settings.contract';

let t: TestApp;
let m: { id: string };
let admin: string;
let caseworker: string;
let otherAdmin: string;

beforeAll(async () => {
  t = await createTestApp();
  m = await buildMunicipality(t.ctx.db);
  admin = await t.login((await buildUser(t.ctx.db, m.id, ['admin'])).email);
  caseworker = await t.login((await buildUser(t.ctx.db, m.id, ['caseworker'])).email);
  const other = await buildMunicipality(t.ctx.db);
  otherAdmin = await t.login((await buildUser(t.ctx.db, other.id, ['admin'])).email);
}, 60_000);
afterAll(async () => t.close());

const call = (method: 'GET' | 'PUT' | 'POST', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const settings = (over: object = {}) => ({
  enabled: true,
  host: '127.0.0.1',
  port: 2525,
  security: 'none',
  username: SMTP_LOGIN.user,
  password: SMTP_LOGIN.pass,
  fromAddress: 'noreply@kk.dk',
  fromName: 'Jobcenter København',
  ...over,
});

describe('the mail server setting', () => {
  it('is saved with the password encrypted, never shown or written to the audit', async () => {
    const empty = await call('GET', '/api/settings/mail', admin);
    expect(empty.json<MailSettingsView>()).toMatchObject({ configured: false, hasPassword: false });
    const res = await call('PUT', '/api/settings/mail', admin, settings());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(SMTP_LOGIN.pass);
    expect(res.json<MailSettingsView>()).toMatchObject({
      configured: true,
      host: '127.0.0.1',
      username: SMTP_LOGIN.user,
      hasPassword: true,
    });
    const [row] = await t.ctx.db
      .select()
      .from(mailSettings)
      .where(eq(mailSettings.municipalityId, m.id));
    expect(row!.passwordCipher).not.toContain(SMTP_LOGIN.pass);
    expect(t.ctx.cipher.decrypt(row!.passwordCipher!)).toBe(SMTP_LOGIN.pass);
    // Left out, the saved password stays.
    const without: Record<string, unknown> = settings({ fromName: 'Jobcenteret' });
    delete without.password;
    const kept = await call('PUT', '/api/settings/mail', admin, without);
    expect(kept.json<MailSettingsView>()).toMatchObject({
      hasPassword: true,
      fromName: 'Jobcenteret',
    });
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'settings.mail.set'));
    expect(audit.length).toBe(2);
    expect(JSON.stringify(audit)).not.toContain(SMTP_LOGIN.pass);
    // Another municipality's admin sees only their own (none).
    expect(
      (await call('GET', '/api/settings/mail', otherAdmin)).json<MailSettingsView>().configured,
    ).toBe(false);
  });

  it('refuses bad input with a clear 400 and other roles with 403, changing nothing', async () => {
    for (const [over, message] of [
      [{ host: 'smtp server!' }, /mailserverens navn/],
      [{ port: 70_000 }, /.+/],
      [{ fromAddress: 'ikke en adresse' }, /.+/],
      [{ username: null, password: 'x' }, /brugernavn/],
    ] as const) {
      const res = await call('PUT', '/api/settings/mail', admin, settings(over));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(message);
    }
    expect((await call('PUT', '/api/settings/mail', caseworker, settings())).statusCode).toBe(403);
    expect((await call('POST', '/api/settings/mail/check', caseworker)).statusCode).toBe(403);
    expect((await call('GET', '/api/settings/delivery', caseworker)).statusCode).toBe(403);
    expect((await call('GET', '/api/settings/mail', admin)).json<MailSettingsView>()).toMatchObject(
      {
        host: '127.0.0.1',
        port: 2525,
        fromName: 'Jobcenteret',
      },
    );
    // Nothing saved yet: nothing to test.
    expect((await call('POST', '/api/settings/mail/check', otherAdmin)).statusCode).toBe(400);
  });

  it('tests the connection against the real server: fine, a wrong password, nobody there', async () => {
    const server = await municipalMailServer(t, admin);
    try {
      const ok = await call('POST', '/api/settings/mail/check', admin);
      expect(ok.json()).toEqual({ ok: true, reason: null });
      await call(
        'PUT',
        '/api/settings/mail',
        admin,
        settings({ port: server.port, password: 'forkert' }),
      );
      const wrong = await call('POST', '/api/settings/mail/check', admin);
      expect(wrong.json()).toMatchObject({ ok: false, reason: expect.stringMatching(/535/) });
    } finally {
      await server.close();
    }
    await call('PUT', '/api/settings/mail', admin, settings({ port: 1 }));
    const down = await call('POST', '/api/settings/mail/check', admin);
    expect(down.json()).toMatchObject({ ok: false, reason: expect.stringMatching(/ECONNREFUSED/) });
  });
});

describe('delivery through the mail server', () => {
  const T0 = new Date('2026-12-01T09:00:00Z');
  const mail = (kind: string, recipient: string) =>
    enqueue(t.ctx.db, m.id, {
      channel: 'email',
      kind,
      recipient,
      subject: `Besked til ${recipient}`,
      body: 'Hej',
      sendAfter: T0,
    });

  it('marks a refused recipient failed at once with the server’s reason', async () => {
    const server = await municipalMailServer(t, admin, { refuse: (a) => a.startsWith('ukendt@') });
    try {
      await mail('survey_link', 'ukendt@example.dk');
      await mail('survey_link', 'kendt@example.dk');
      expect(await server.deliver(T0)).toEqual({ sent: 1, failed: 1 });
      await server.waitFor(1);
      expect(server.received.map((x) => x.envelopeTo)).toEqual([['kendt@example.dk']]);
    } finally {
      await server.close();
    }
    const v = (await call('GET', '/api/settings/delivery', admin)).json<DeliveryView>();
    expect(v.kinds.find((k) => k.kind === 'survey_link')).toMatchObject({
      channel: 'email',
      sent: 1,
      failed: 1,
      queued: 0,
      // The server named the address; the kept reason does not.
      lastError: '550 5.1.1 <adresse>: Recipient address rejected: Mailbox unavailable',
    });
  });

  it('keeps a message queued while the server is down, then fails it with the reason after the retries', async () => {
    const server = await municipalMailServer(t, admin);
    await server.close(); // the settings point at a port nobody answers any more
    await mail('course_place', 'borger@example.dk');
    let at = T0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect((await server.deliver(at)).failed).toBe(1);
      const [row] = await t.ctx.db.select().from(outbox).where(eq(outbox.kind, 'course_place'));
      expect(row!.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(row!.failedAt).toBeNull();
        const v = (await call('GET', '/api/settings/delivery', admin)).json<DeliveryView>();
        expect(v.kinds.find((k) => k.kind === 'course_place')).toMatchObject({
          queued: 1,
          failed: 0,
        });
      }
      at = new Date(row!.sendAfter.getTime() + 1000);
    }
    const v = (await call('GET', '/api/settings/delivery', admin)).json<DeliveryView>();
    expect(v.kinds.find((k) => k.kind === 'course_place')).toMatchObject({
      queued: 0,
      failed: 1,
      lastError: expect.stringMatching(/ECONNREFUSED/),
    });
    // Given up: never tried again.
    expect(await server.deliver(new Date(at.getTime() + 86_400_000))).toEqual({
      sent: 0,
      failed: 0,
    });
  });
});
