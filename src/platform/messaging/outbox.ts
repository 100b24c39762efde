// The outbox: messages are queued with the change they belong to and sent by a worker through
// a pluggable sender (e-mail, SMS). Nothing here knows what the messages are about.
import crypto from 'node:crypto';
import { and, asc, count, eq, gt, inArray, isNull, lt, lte } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { outbox } from './outbox.schema';
import { clock } from '../clock';

export type Channel = 'email' | 'sms';

export interface OutgoingMessage {
  channel: Channel;
  recipient: string;
  subject: string;
  body: string;
}

/** Delivers one message or throws; a municipality plugs in its e-mail and SMS gateways here. */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
}

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

const MAX_ATTEMPTS = 8;

/**
 * Sends what is due. Rows are locked and skipped by other workers, so several processes can run
 * this at once without sending a message twice. A failure is retried later, backing off.
 */
export async function deliverDue(
  db: Db,
  sender: MessageSender,
  now: Date = clock.now(),
  limit = 50,
): Promise<{ sent: number; failed: number }> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outbox)
      // Given-up messages stay for inspection but must not take the batch's places.
      .where(
        and(isNull(outbox.sentAt), lte(outbox.sendAfter, now), lt(outbox.attempts, MAX_ATTEMPTS)),
      )
      .orderBy(asc(outbox.sendAfter))
      .limit(limit)
      .for('update', { skipLocked: true });
    let sent = 0;
    let failed = 0;
    const done: string[] = [];
    for (const m of due) {
      try {
        await sender.send({
          // Written only by enqueue(), which takes a Channel.
          channel: m.channel as Channel,
          recipient: m.recipient,
          subject: m.subject,
          body: m.body,
        });
        done.push(m.id);
        sent++;
      } catch (err) {
        failed++;
        await tx
          .update(outbox)
          .set({
            attempts: m.attempts + 1,
            lastError: err instanceof Error ? err.message.slice(0, 500) : 'failed',
            sendAfter: new Date(now.getTime() + 60_000 * 2 ** m.attempts),
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
