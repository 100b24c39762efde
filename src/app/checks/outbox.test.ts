import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNull } from 'drizzle-orm';
import { openTestDatabase } from '../../platform/testing/test-db';
import { buildMunicipality } from '../testing/factories';
import type { Database } from '../../platform/db/client';
import {
  deliverDue,
  enqueue,
  withdraw,
  type OutgoingMessage,
} from '../../platform/messaging/outbox';
import { outbox } from '../../platform/messaging/outbox.schema';

let database: Database;
let m: { id: string };
const T0 = new Date('2026-11-26T10:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  m = await buildMunicipality(database.db);
});
afterAll(async () => database.close());

const message = (subject: string, sendAfter = T0): OutgoingMessage & { sendAfter: Date } => ({
  channel: 'email',
  recipient: 'borger@example.dk',
  subject,
  body: 'Hej',
  sendAfter,
});

const failing = { send: () => Promise.reject(new Error('gateway down')) };

describe('the outbox', () => {
  it('retries a failure later, backing off, and empties what was sent', async () => {
    await enqueue(database.db, m.id, message('retry'));
    expect(await deliverDue(database.db, failing, T0)).toEqual({ sent: 0, failed: 1 });
    // Not due again until a minute has passed.
    const sent: string[] = [];
    const ok = { send: (x: OutgoingMessage) => Promise.resolve(void sent.push(x.subject)) };
    expect(await deliverDue(database.db, ok, new Date(T0.getTime() + 30_000))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(await deliverDue(database.db, ok, new Date(T0.getTime() + 61_000))).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(sent).toEqual(['retry']);
    const [row] = await database.db.select().from(outbox);
    expect(row).toMatchObject({ recipient: '', body: '', attempts: 1 });
  });

  it('a batch full of given-up messages does not stop the others from going out', async () => {
    const day = (n: number) => new Date(T0.getTime() + n * 24 * 3600_000);
    // More hopeless messages than a batch holds, each failed the maximum number of times (a day
    // apart, well past each back-off).
    for (let i = 0; i < 6; i++) await enqueue(database.db, m.id, message(`hopeless ${i}`, day(1)));
    for (let round = 1; round <= 8; round++) {
      expect((await deliverDue(database.db, failing, day(round), 100)).failed).toBe(6);
    }
    const later = day(30);
    await enqueue(database.db, m.id, message('fresh', later));
    const sent: string[] = [];
    const ok = { send: (x: OutgoingMessage) => Promise.resolve(void sent.push(x.subject)) };
    // A batch of 5 would be all given-up messages if they were still selected.
    const result = await deliverDue(database.db, ok, later, 5);
    expect(sent).toEqual(['fresh']);
    expect(result).toEqual({ sent: 1, failed: 0 });
    const left = await database.db.select().from(outbox).where(isNull(outbox.sentAt));
    expect(left).toHaveLength(6);
    expect(left.every((r) => r.attempts === 8 && r.lastError === 'gateway down')).toBe(true);
  });

  it('withdraws what has not gone out', async () => {
    await enqueue(database.db, m.id, { ...message('withdrawn'), ref: 'appointment:x' });
    await withdraw(database.db, 'appointment:x');
    const sent: string[] = [];
    const ok = { send: (x: OutgoingMessage) => Promise.resolve(void sent.push(x.subject)) };
    await deliverDue(database.db, ok, new Date(T0.getTime() + 365 * 24 * 3600_000 * 2));
    expect(sent).not.toContain('withdrawn');
  });
});
