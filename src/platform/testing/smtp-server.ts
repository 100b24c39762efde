// A real SMTP server for tests (the smtp-server package) on 127.0.0.1: it receives what the app
// sends, parsed (mailparser), and can refuse recipients or demand a login like a real one.
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface TestSmtpServer {
  port: number;
  received: (ParsedMail & { envelopeTo: string[] })[];
  /** Waits until at least n messages have arrived (or throws after a few seconds). */
  waitFor(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpServer(
  opts: {
    /** Recipients refused with 550 (permanently). */
    refuse?: (address: string) => boolean;
    /** When set, a login with these is required. */
    login?: { user: string; pass: string };
  } = {},
): Promise<TestSmtpServer> {
  const received: TestSmtpServer['received'] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: !opts.login,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (opts.login && auth.username === opts.login.user && auth.password === opts.login.pass)
        return callback(null, { user: auth.username });
      return callback(new Error('535 5.7.8 Authentication credentials invalid'));
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (opts.refuse?.(address.address)) {
        // As Postfix says it: the address is in the reply.
        const err = new Error(
          `5.1.1 <${address.address}>: Recipient address rejected: Mailbox unavailable`,
        ) as Error & { responseCode: number };
        err.responseCode = 550;
        return callback(err);
      }
      return callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(
            Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }),
          );
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    async waitFor(n) {
      for (let i = 0; i < 100 && received.length < n; i++)
        await new Promise((r) => setTimeout(r, 50));
      if (received.length < n) throw new Error(`expected ${n} messages, got ${received.length}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
