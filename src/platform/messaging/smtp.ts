// E-mail over SMTP (nodemailer): a municipality's own mail server, with its host, port, TLS and
// credentials. A 5xx reply to the message or its recipient is a refusal no retry can mend
// (PermanentSendError); anything else (the server down, a refused login, a 4xx "try later") is
// left to the outbox's retries.
import nodemailer, { type Transporter } from 'nodemailer';
import { PermanentSendError, type MessageSender, type OutgoingMessage } from './outbox';

export type SmtpSecurity = 'tls' | 'starttls' | 'none';

export interface SmtpSettings {
  host: string;
  port: number;
  /** tls: TLS from the first byte (465); starttls: upgrade required (587); none: plain (tests). */
  security: SmtpSecurity;
  username: string | null;
  password: string | null;
  fromAddress: string;
  fromName: string;
}

/** Gives up on a server that does not answer, instead of holding the outbox batch. */
const TIMEOUT_MS = 15_000;

function transportOf(s: SmtpSettings): Transporter {
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    auth: s.username ? { user: s.username, pass: s.password ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
}

/** The server's words for a failure: its reply where it gave one, else what went wrong. */
export function smtpReason(err: unknown): string {
  if (!(err instanceof Error)) return 'failed';
  const e = err as Error & { response?: string; code?: string };
  return (e.response ?? (e.code ? `${e.code}: ${e.message}` : e.message)).slice(0, 500);
}

export class SmtpSender implements MessageSender {
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    this.transport = transportOf(settings);
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (message.channel !== 'email') throw new PermanentSendError('SMTP sends e-mail only');
    try {
      await this.transport.sendMail({
        from: { name: this.settings.fromName, address: this.settings.fromAddress },
        to: message.recipient,
        subject: message.subject,
        text: message.body,
        headers: { 'X-Digiloft-Kind': message.kind },
      });
    } catch (err) {
      // Only a refusal of this message or recipient is final; a refused login or a full
      // server is the municipality's set-up to mend, and the retries then get through.
      const e = err as { responseCode?: number; code?: string };
      if ((e.code === 'EENVELOPE' || e.code === 'EMESSAGE') && (e.responseCode ?? 0) >= 500)
        throw new PermanentSendError(smtpReason(err));
      throw new Error(smtpReason(err));
    }
  }

  close() {
    this.transport.close();
  }
}

/** Connects, says hello and logs in (if set), without sending: the admin's "test connection". */
export async function checkSmtp(
  settings: SmtpSettings,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const transport = transportOf(settings);
  try {
    await transport.verify();
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: smtpReason(err) };
  } finally {
    transport.close();
  }
}
