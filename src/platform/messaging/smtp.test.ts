import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../testing/smtp-server';
import { PermanentSendError, type OutgoingMessage } from './outbox';
import { checkSmtp, SmtpSender, type SmtpSettings } from './smtp';

let server: TestSmtpServer;
const LOGIN = { user: 'digiloft', pass: 'hemmeligt' };

beforeAll(async () => {
  server = await startSmtpServer({ refuse: (a) => a.startsWith('findes.ikke@'), login: LOGIN });
});
afterAll(async () => server.close());

const settings = (over: Partial<SmtpSettings> = {}): SmtpSettings => ({
  host: '127.0.0.1',
  port: server.port,
  security: 'none',
  username: LOGIN.user,
  password: LOGIN.pass,
  fromAddress: 'noreply@kk.dk',
  fromName: 'Jobcenter København',
  ...over,
});

const mail = (recipient: string): OutgoingMessage => ({
  channel: 'email',
  kind: 'appointment_confirmation',
  recipient,
  subject: 'Din tid i Det Digitale Værksted',
  body: 'Hej\n\nDu har fået en tid på Lærkevej, tirsdag kl. 10.00.',
});

describe('e-mail over SMTP', () => {
  it('delivers a message with its sender, recipient, subject and Danish body intact', async () => {
    const sender = new SmtpSender(settings());
    await sender.send(mail('borger@example.dk'));
    sender.close();
    await server.waitFor(1);
    const got = server.received.at(-1)!;
    expect(got.envelopeTo).toEqual(['borger@example.dk']);
    expect(got.from?.value[0]).toEqual({ address: 'noreply@kk.dk', name: 'Jobcenter København' });
    expect(got.subject).toBe('Din tid i Det Digitale Værksted');
    expect(got.text?.trim()).toBe('Hej\n\nDu har fået en tid på Lærkevej, tirsdag kl. 10.00.');
    expect(got.headers.get('x-digiloft-kind')).toBe('appointment_confirmation');
  });

  it('calls a refused recipient permanent, with the server’s reply', async () => {
    const sender = new SmtpSender(settings());
    const err = await sender.send(mail('findes.ikke@example.dk')).catch((e: unknown) => e);
    sender.close();
    expect(err).toBeInstanceOf(PermanentSendError);
    expect((err as Error).message).toMatch(/550.*Recipient address rejected/);
  });

  it('leaves a server that is down or a wrong login to the retries', async () => {
    const down = new SmtpSender(settings({ port: 1 }));
    const err = await down.send(mail('borger@example.dk')).catch((e: unknown) => e);
    down.close();
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(PermanentSendError);
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
    const wrong = new SmtpSender(settings({ password: 'forkert' }));
    const refused = await wrong.send(mail('borger@example.dk')).catch((e: unknown) => e);
    wrong.close();
    expect(refused).not.toBeInstanceOf(PermanentSendError);
    expect((refused as Error).message).toMatch(/535/);
  });

  it('tests a connection: fine, wrong password, nobody there', async () => {
    expect(await checkSmtp(settings())).toEqual({ ok: true });
    const wrong = await checkSmtp(settings({ password: 'forkert' }));
    expect(wrong).toMatchObject({ ok: false, reason: expect.stringMatching(/535/) });
    const nobody = await checkSmtp(settings({ port: 1 }));
    expect(nobody).toMatchObject({ ok: false, reason: expect.stringMatching(/ECONNREFUSED/) });
  });
});
