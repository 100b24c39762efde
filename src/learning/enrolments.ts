// Places on a learning offer. Every change to an offer's places takes the offer's row lock
// first, so counting the free places and taking one is a single step: two caseworkers racing
// for the last place get one place and one waiting-list spot, on PGlite and PostgreSQL alike.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { conflict } from '../platform/errors';
import { enqueue, withdraw } from '../platform/messaging/outbox';
import type { CitizenRow } from '../people';
import { userLocale } from '../organisation';
import { citizenLang } from '../platform/i18n/citizen-texts';
import type { PageLang } from '../platform/i18n/languages.constants';
import { placeGiven, reminder, waitlisted, type PlaceFacts } from './learning-messages';
import { learningEnrolments, learningOffers } from './learning.schema';
import {
  placeOf,
  sessionsOf,
  waitlistPlaces,
  type EnrolmentRow,
  type OfferRow,
} from './learning.store';
import { clock } from '../platform/clock';

export const enrolmentRef = (id: string) => `learning-enrolment:${id}`;

async function lockOffer(tx: DbOrTx, offerId: string) {
  await tx
    .select({ id: learningOffers.id })
    .from(learningOffers)
    .where(eq(learningOffers.id, offerId))
    .for('update');
}

async function taken(tx: DbOrTx, offerId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(learningEnrolments)
    .where(and(eq(learningEnrolments.offerId, offerId), eq(learningEnrolments.status, 'enrolled')));
  return row!.n;
}

type Contact = Pick<CitizenRow, 'email' | 'phone' | 'userId'>;

/** The citizen's chosen language where they have a login; Danish otherwise. */
async function languageOf(tx: DbOrTx, citizen: Contact): Promise<PageLang> {
  return citizenLang(citizen.userId ? await userLocale(tx, citizen.userId) : null);
}

async function facts(tx: DbOrTx, offer: OfferRow): Promise<PlaceFacts> {
  const now = clock.ms();
  const next = (await sessionsOf(tx, [offer.id])).find((s) => s.startsAt.getTime() > now);
  return { offerName: offer.name, start: next?.startsAt ?? null, place: next ? placeOf(next) : '' };
}

/** Tells the citizen (e-mail, else SMS, else nobody) and sets a reminder the day before the start. */
async function tell(
  tx: DbOrTx,
  offer: OfferRow,
  citizen: Contact,
  enrolment: EnrolmentRow,
  what: 'enrolled' | 'promoted' | 'waitlisted',
  placeInLine = 0,
) {
  const to = citizen.email
    ? { channel: 'email' as const, recipient: citizen.email }
    : citizen.phone
      ? { channel: 'sms' as const, recipient: citizen.phone }
      : null;
  if (!to) return;
  const f = await facts(tx, offer);
  const lang = await languageOf(tx, citizen);
  const now = clock.now();
  const ref = enrolmentRef(enrolment.id);
  const text =
    what === 'waitlisted'
      ? waitlisted(f, placeInLine, lang)
      : placeGiven(f, lang, what === 'promoted');
  await enqueue(tx, offer.municipalityId, {
    ...to,
    kind: what === 'waitlisted' ? 'course_waitlist' : 'course_place',
    ...text,
    sendAfter: now,
    ref,
  });
  if (what !== 'waitlisted' && f.start) {
    const at = new Date(f.start.getTime() - 24 * 3600_000);
    if (at > now)
      await enqueue(tx, offer.municipalityId, {
        ...to,
        kind: 'course_reminder',
        ...reminder({ ...f, start: f.start }, lang),
        sendAfter: at,
        ref,
      });
  }
}

export async function enrol(
  tx: DbOrTx,
  input: { offer: OfferRow; citizen: CitizenRow; planItemId: string | null; by: string | null },
): Promise<EnrolmentRow> {
  const { offer, citizen } = input;
  await lockOffer(tx, offer.id);
  const [live] = await tx
    .select({ id: learningEnrolments.id })
    .from(learningEnrolments)
    .where(
      and(
        eq(learningEnrolments.offerId, offer.id),
        eq(learningEnrolments.citizenId, citizen.id),
        inArray(learningEnrolments.status, ['enrolled', 'waitlisted']),
      ),
    );
  if (live) throw conflict('already_enrolled');
  const status = (await taken(tx, offer.id)) < offer.capacity ? 'enrolled' : 'waitlisted';
  const [row] = await tx
    .insert(learningEnrolments)
    .values({
      municipalityId: offer.municipalityId,
      offerId: offer.id,
      citizenId: citizen.id,
      planItemId: input.planItemId,
      status,
      // The time the place was taken, read under the offer's lock so the order is the order of asking.
      queuedAt: clock.now(),
      enrolledBy: input.by,
    })
    .returning();
  const place =
    status === 'waitlisted' ? ((await waitlistPlaces(tx, [offer.id])).get(row!.id) ?? 0) : 0;
  await tell(tx, offer, citizen, row!, status, place);
  return row!;
}

/**
 * Gives free places to the waiting list in the order people joined it, and tells them. Runs
 * after a cancellation or when an offer gets more places.
 */
export async function fillPlaces(
  tx: DbOrTx,
  offer: OfferRow,
  contactOf: (citizenId: string) => Promise<Contact>,
): Promise<EnrolmentRow[]> {
  await lockOffer(tx, offer.id);
  const free = offer.capacity - (await taken(tx, offer.id));
  if (free <= 0) return [];
  const next = await tx
    .select()
    .from(learningEnrolments)
    .where(
      and(eq(learningEnrolments.offerId, offer.id), eq(learningEnrolments.status, 'waitlisted')),
    )
    .orderBy(asc(learningEnrolments.queuedAt), asc(learningEnrolments.id))
    .limit(free);
  const promoted: EnrolmentRow[] = [];
  for (const e of next) {
    const [row] = await tx
      .update(learningEnrolments)
      .set({ status: 'enrolled', updatedAt: clock.now() })
      .where(eq(learningEnrolments.id, e.id))
      .returning();
    await withdraw(tx, enrolmentRef(e.id));
    await tell(tx, offer, await contactOf(e.citizenId), row!, 'promoted');
    promoted.push(row!);
  }
  return promoted;
}

/** Ends a place (cancelled or dropped out): its reminders go, and the next in line moves up. */
export async function endEnrolment(
  tx: DbOrTx,
  offer: OfferRow,
  enrolment: EnrolmentRow,
  status: 'cancelled' | 'dropped_out',
  reason: string,
  contactOf: (citizenId: string) => Promise<Contact>,
): Promise<{ ended: EnrolmentRow; promoted: EnrolmentRow[] }> {
  await lockOffer(tx, offer.id);
  // Read again under the lock: the place may have ended in a request that just committed.
  const [current] = await tx
    .select()
    .from(learningEnrolments)
    .where(eq(learningEnrolments.id, enrolment.id));
  if (!current || (current.status !== 'enrolled' && current.status !== 'waitlisted'))
    throw conflict('enrolment_ended');
  const [ended] = await tx
    .update(learningEnrolments)
    .set({ status, endedAt: clock.now(), endReason: reason, updatedAt: clock.now() })
    .where(eq(learningEnrolments.id, enrolment.id))
    .returning();
  await withdraw(tx, enrolmentRef(enrolment.id));
  const promoted = current.status === 'enrolled' ? await fillPlaces(tx, offer, contactOf) : [];
  return { ended: ended!, promoted };
}
