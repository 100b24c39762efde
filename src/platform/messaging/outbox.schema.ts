import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../db/columns';

/**
 * Messages to send (confirmations, reminders), written in the same transaction as the change
 * they tell about, and sent by a worker: a change is never lost to a failed send, and a
 * rolled-back change sends nothing.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    municipalityId: uuid('municipality_id').notNull(),
    channel: text('channel').notNull(),
    /** What the message is (outbox.ts MessageKind), for delivery status per kind. */
    kind: text('kind').notNull().default('other'),
    recipient: text('recipient').notNull(),
    /**
     * A digest of the recipient, to cap messages to one address a day; kept two days, while
     * the address itself goes once the message is sent.
     */
    recipientDigest: text('recipient_digest'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** What the message is about, e.g. "appointment:<id>", so it can be withdrawn. */
    ref: text('ref'),
    sendAfter: tstz('send_after').notNull(),
    sentAt: tstz('sent_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Given up: refused for good, or out of tries (lastError says why). */
    failedAt: tstz('failed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_due_idx')
      .on(t.sendAfter)
      .where(sql`${t.sentAt} is null`),
    index('outbox_ref_idx').on(t.ref),
    index('outbox_municipality_kind_idx').on(t.municipalityId, t.kind),
    index('outbox_recipient_idx').on(t.recipientDigest, t.createdAt),
  ],
);
