// The outbox: messages are queued with the change they belong to and sent by a worker through
// a pluggable sender (e-mail, SMS). Nothing here knows what the messages are about.
import crypto from 'node:crypto';
import { and, asc, count, eq, gt, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { outbox } from './outbox.schema';
import { clock } from '../clock';

export type Channel = 'email' | 'sms';

/**
 * What a message is (e.g. "appointment_confirmation"): the admin sees delivery per kind. Each
 * area names its own, snake_case.
 */
export type MessageKind = string;

export interface OutgoingMessage {
  channel: Channel;
  kind: MessageKind;
  recipient: string;
  subject: string;
  body: string;
}

/**
 * Delivers one message or throws; a municipality plugs in its e-mail and SMS gateways here.
 * Throwing PermanentSendError says a retry cannot help (the server refused the message).
 */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
}

/** A refusal no retry can mend (an SMTP 5xx reply, a gateway's "invalid number"). */
export class PermanentSendError extends Error {
  override name = 'PermanentSendError';
}

/**
 * The sender for a municipality's messages on a channel (its own gateways, or the default),
 * looked up in the worker's transaction.
 */
export type SenderFor = (
  municipalityId: string,
  channel: Channel,
  tx: DbOrTx,
) => MessageSender | Promise<MessageSender>;

/** The default sender: records that a message would be sent, without its text or recipient. */
export class LogSender implements MessageSender {
  constructor(private readonly log: (line: string) => void) {}
  send(message: OutgoingMessage): Promise<void> {
    this.log(`${message.channel} message "${message.subject}" handed to the log sender`);
    return Promise.resolve();
  }
}

/**
 * At most this many messages to one address a day: a form anyone can fill in (a booking with
 * any e-mail or mobile number) must not become a way to flood somebody.
 */
export const MESSAGES_PER_RECIPIENT_PER_DAY = 8;

const digestOf = (municipalityId: string, m: OutgoingMessage) =>
  crypto
    .createHash('sha256')
    .update(
      `${municipalityId}:${m.channel}:${m.recipient.trim().toLowerCase().replace(/\s+/g, '')}`,
    )
    .digest('hex');

/** Queues a message; false when its recipient has had the day's messages already. */
export async function enqueue(
  db: DbOrTx,
  municipalityId: string,
  message: OutgoingMessage & { sendAfter: Date; ref?: string },
): Promise<boolean> {
  const recipientDigest = digestOf(municipalityId, message);
  const [sent] = await db
    .select({ n: count() })
    .from(outbox)
    .where(
      and(
        eq(outbox.recipientDigest, recipientDigest),
        gt(outbox.createdAt, new Date(clock.ms() - 86_400_000)),
      ),
    );
  if ((sent?.n ?? 0) >= MESSAGES_PER_RECIPIENT_PER_DAY) return false;
  await db.insert(outbox).values({ municipalityId, ...message, recipientDigest });
  return true;
}

/** Forgets recipient digests once the daily cap no longer needs them. */
export async function forgetRecipientDigests(db: DbOrTx) {
  await db
    .update(outbox)
    .set({ recipientDigest: null })
    .where(lt(outbox.createdAt, new Date(clock.ms() - 2 * 86_400_000)));
}

/** Withdraws the messages about something that have not gone out yet. */
export async function withdraw(db: DbOrTx, ref: string) {
  await db.delete(outbox).where(and(eq(outbox.ref, ref), isNull(outbox.sentAt)));
}

/**
 * A server's reason without the recipient in it (mail servers quote the address they refuse):
 * the reason is kept and shown to admins after the address itself is gone.
 */
export function withoutAddresses(reason: string, recipient: string): string {
  let out = reason.replace(/<?[^\s<>"',;:()]+@[^\s<>"',;:()]+>?/g, '<adresse>');
  const digits = recipient.replace(/\D/g, '');
  if (digits.length >= 8)
    out = out.replace(/\+?\d[\d\s-]{6,}\d/g, (m) =>
      m.replace(/\D/g, '').endsWith(digits.slice(-8)) ? '<nummer>' : m,
    );
  return out;
}

/** Tries before a message is given up (back-off 1, 2, 4 … 64 minutes between: about two hours). */
export const MAX_ATTEMPTS = 8;

/**
 * Sends what is due. Rows are locked and skipped by other workers, so several processes can run
 * this at once without sending a message twice. A failure is retried later, backing off; a
 * permanent refusal, or the last try, marks the message failed with the reason.
 */
export async function deliverDue(
  db: Db,
  senders: MessageSender | SenderFor,
  now: Date = clock.now(),
  limit = 50,
): Promise<{ sent: number; failed: number }> {
  const lookUp: SenderFor = typeof senders === 'function' ? senders : () => senders;
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outbox)
      // Given-up messages stay for inspection but must not take the batch's places.
      .where(
        and(
          isNull(outbox.sentAt),
          isNull(outbox.failedAt),
          lte(outbox.sendAfter, now),
          lt(outbox.attempts, MAX_ATTEMPTS),
        ),
      )
      .orderBy(asc(outbox.sendAfter))
      .limit(limit)
      .for('update', { skipLocked: true });
    let sent = 0;
    let failed = 0;
    const done: string[] = [];
    // One look-up per municipality and channel in a batch, not one per message.
    const resolved = new Map<string, Promise<MessageSender>>();
    const senderFor = (municipalityId: string, channel: Channel) => {
      const key = `${municipalityId}|${channel}`;
      let sender = resolved.get(key);
      if (!sender) {
        sender = Promise.resolve(lookUp(municipalityId, channel, tx));
        resolved.set(key, sender);
      }
      return sender;
    };
    for (const m of due) {
      // Written only by enqueue(), which takes a Channel.
      const channel = m.channel as Channel;
      try {
        const sender = await senderFor(m.municipalityId, channel);
        await sender.send({
          channel,
          kind: m.kind,
          recipient: m.recipient,
          subject: m.subject,
          body: m.body,
        });
        done.push(m.id);
        sent++;
      } catch (err) {
        failed++;
        const attempts = m.attempts + 1;
        const givenUp = err instanceof PermanentSendError || attempts >= MAX_ATTEMPTS;
        await tx
          .update(outbox)
          .set({
            attempts,
            lastError: withoutAddresses(
              err instanceof Error ? err.message.slice(0, 500) : 'failed',
              m.recipient,
            ),
            sendAfter: new Date(now.getTime() + 60_000 * 2 ** m.attempts),
            // A failed message keeps its reason, not its text or address.
            ...(givenUp ? { failedAt: now, recipient: '', body: '' } : {}),
          })
          .where(eq(outbox.id, m.id));
      }
    }
    // Once sent, the text and the address are not needed any more (data minimisation).
    if (done.length > 0)
      await tx
        .update(outbox)
        .set({ sentAt: now, recipient: '', body: '' })
        .where(inArray(outbox.id, done));
    return { sent, failed };
  });
}

export interface DeliveryStatus {
  kind: MessageKind;
  channel: Channel;
  queued: number;
  sent: number;
  failed: number;
  /** The newest failure or retry's reason, as the server gave it. */
  lastError: string | null;
  lastErrorAt: Date | null;
}

/** How a municipality's messages have fared, per kind and channel (counted in SQL: sent rows stay). */
export async function deliveryStatus(
  db: DbOrTx,
  municipalityId: string,
): Promise<DeliveryStatus[]> {
  // When the newest reason was given: the give-up, or the retry it set back.
  const errorAt = sql`coalesce(${outbox.failedAt}, ${outbox.sendAfter})`;
  const unsentError = sql`${outbox.sentAt} is null and ${outbox.lastError} is not null`;
  const rows = await db
    .select({
      kind: outbox.kind,
      channel: outbox.channel,
      queued: sql<number>`count(*) filter (where ${outbox.sentAt} is null and ${outbox.failedAt} is null)::int`,
      sent: sql<number>`count(*) filter (where ${outbox.sentAt} is not null)::int`,
      failed: sql<number>`count(*) filter (where ${outbox.failedAt} is not null)::int`,
      lastError: sql<
        string | null
      >`(array_agg(${outbox.lastError} order by ${errorAt} desc) filter (where ${unsentError}))[1]`,
      lastErrorAt: sql<string | null>`max(${errorAt}) filter (where ${unsentError})`,
    })
    .from(outbox)
    .where(eq(outbox.municipalityId, municipalityId))
    .groupBy(outbox.kind, outbox.channel)
    .orderBy(asc(outbox.kind), asc(outbox.channel));
  return rows.map((r) => ({
    ...r,
    channel: r.channel as Channel,
    lastErrorAt: r.lastErrorAt === null ? null : new Date(r.lastErrorAt),
  }));
}
