import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, isNull } from 'drizzle-orm';
import { openTestDatabase } from '../../platform/testing/test-db';
import { buildMunicipality } from '../testing/factories';
import type { Database } from '../../platform/db/client';
import {
  deliverDue,
  deliveryStatus,
  enqueue,
  PermanentSendError,
  withoutAddresses,
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
  kind: 'test',
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
    // Given up after the last try: failed with the reason, the text and address gone.
    expect(
      left.every(
        (r) =>
          r.attempts === 8 &&
          r.lastError === 'gateway down' &&
          r.failedAt !== null &&
          r.recipient === '' &&
          r.body === '',
      ),
    ).toBe(true);
  });

  it('gives a message up at once when it is refused for good, and tells delivery per kind', async () => {
    const m2 = await buildMunicipality(database.db);
    await enqueue(database.db, m2.id, { ...message('refused'), kind: 'survey_link' });
    await enqueue(database.db, m2.id, { ...message('fine'), kind: 'survey_link' });
    await enqueue(database.db, m2.id, {
      ...message('later', new Date(T0.getTime() + 3600_000)),
      kind: 'course_place',
    });
    const picky = {
      send: (x: OutgoingMessage) =>
        x.subject === 'refused'
          ? Promise.reject(new PermanentSendError('550 5.1.1 Mailbox unavailable'))
          : Promise.resolve(),
    };
    // Another municipality's senders are asked for its own messages only.
    const asked: string[] = [];
    const result = await deliverDue(
      database.db,
      (municipalityId) => {
        asked.push(municipalityId);
        return picky;
      },
      T0,
    );
    expect(result.failed).toBeGreaterThanOrEqual(1);
    expect(asked).toContain(m2.id);
    const status = await deliveryStatus(database.db, m2.id);
    expect(status).toEqual([
      expect.objectContaining({
        kind: 'course_place',
        channel: 'email',
        queued: 1,
        sent: 0,
        failed: 0,
      }),
      expect.objectContaining({
        kind: 'survey_link',
        channel: 'email',
        queued: 0,
        sent: 1,
        failed: 1,
        lastError: '550 5.1.1 Mailbox unavailable',
      }),
    ]);
    const [refused] = await database.db.select().from(outbox).where(eq(outbox.subject, 'refused'));
    expect(refused).toMatchObject({ attempts: 1, recipient: '', body: '' });
    expect(refused!.failedAt).toEqual(T0);
  });

  it('keeps a reason without the address or number the server quoted', () => {
    expect(
      withoutAddresses(
        '550 5.1.1 <ukendt@example.dk>: Recipient address rejected',
        'ukendt@example.dk',
      ),
    ).toBe('550 5.1.1 <adresse>: Recipient address rejected');
    expect(withoutAddresses('422 +45 12 34 56 78 not in service', '12345678')).toBe(
      '422 <nummer> not in service',
    );
    expect(withoutAddresses('503 busy, retry in 30 s', '12345678')).toBe('503 busy, retry in 30 s');
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
