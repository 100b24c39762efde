// A municipality's mail going to a real SMTP server started by the test: the admin saves it as
// the mail server through the settings route, and the outbox worker sends through it.
import { expect } from 'vitest';
import { deliverDue, LogSender } from '../../platform/messaging/outbox';
import { startSmtpServer, type TestSmtpServer } from '../../platform/testing/smtp-server';
import { mailSenderFor } from '../../organisation';
import type { TestApp } from './test-app';

export const SMTP_LOGIN = { user: 'digiloft', pass: 'smtp-hemmelighed' };

export async function municipalMailServer(
  t: TestApp,
  adminCookie: string,
  opts: Parameters<typeof startSmtpServer>[0] = {},
): Promise<TestSmtpServer & { deliver: (now?: Date) => ReturnType<typeof deliverDue> }> {
  const server = await startSmtpServer({ login: SMTP_LOGIN, ...opts });
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/settings/mail',
    headers: { cookie: adminCookie },
    payload: {
      enabled: true,
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      username: SMTP_LOGIN.user,
      password: SMTP_LOGIN.pass,
      fromAddress: 'noreply@jobcenter.example.dk',
      fromName: 'Jobcenteret',
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  const senderFor = mailSenderFor(t.ctx.cipher, new LogSender(() => {}));
  return { ...server, deliver: (now) => deliverDue(t.ctx.db, senderFor, now) };
}
