// The drop-in queue's use cases: checking in (by phone, kiosk or an eMentor), calling the next
// citizen, handing over, no-shows, the visit record, and what a caseworker may read of visits.
// Every change tells every process (pg_notify at commit), so each screen updates.
import { writeAudit, type AuditActor } from '../platform/audit';
import type { Actor } from '../platform/auth/roles';
import type { Db, DbOrTx } from '../platform/db/client';
import { DomainError, conflict, invalid, notFound } from '../platform/errors';
import { tokenHash } from '../platform/crypto/tokens';
import type { UseCase } from '../platform/use-case';
import { clock } from '../platform/clock';
import { citizenPolicy, findCitizen, findCitizenByUser } from '../people';
import type { CheckInInput, HandOverInput, VisitInput, WalkInInput } from './workshops.contract';
import { closedReason, danishDay, type CheckInChannel } from './workshops.model';
import { ticketPolicy } from './workshops.policy';
import { presentCitizenVisit, presentQueueEntry, presentTicket } from './workshops.presenters';
import {
  callNext,
  ementorsOnDuty,
  findTicket,
  findTicketByToken,
  insertTicket,
  insertVisit,
  listQueue,
  moveTicket,
  nextTicketNumber,
  notifyQueue,
  queueSnapshot,
  visitsOfCitizen,
  type SiteRow,
} from './workshops.store';
import { ownWorkshop, type WorkshopDirectory } from './workshop-directory';

/**
 * The citizen record behind a public check-in or booking: a logged-in citizen of the
 * workshop's municipality gets the visit on their own record; anyone else stays anonymous.
 */
export async function visitingCitizen(tx: DbOrTx, actor: Actor | null, site: SiteRow) {
  return actor?.roles.includes('citizen') && actor.municipalityId === site.municipalityId
    ? findCitizenByUser(tx, actor.municipalityId, actor.userId)
    : null;
}

/** Opens a ticket: number of the day, row, and a notice to every process. */
async function openTicket(
  tx: DbOrTx,
  directory: WorkshopDirectory,
  site: SiteRow,
  input: WalkInInput,
  channel: CheckInChannel,
  extra: { citizenId?: string | null; tokenHash?: string | null },
) {
  const now = clock.now();
  // Citizens check in only while it is open; an eMentor in the room registers whoever is there.
  if (channel !== 'walk_in') {
    const w = await directory.get(site.id, tx);
    const closed =
      !w || closedReason(now, w.config.openingHours, w.closures, w.config.openOnHolidays) !== null;
    if (closed) throw conflict('workshop_closed');
  }
  const day = danishDay(now);
  const ticket = await insertTicket(tx, {
    municipalityId: site.municipalityId,
    siteId: site.id,
    day,
    number: await nextTicketNumber(tx, site, day),
    firstName: input.firstName,
    topic: input.topic,
    channel,
    status: 'waiting',
    createdAt: now,
    citizenId: extra.citizenId ?? null,
    tokenHash: extra.tokenHash ?? null,
  });
  await notifyQueue(tx, site.id);
  return ticket;
}

/** Today's queue of a workshop as its screens show it (public: no names); null if no workshop. */
export function snapshotLoader(db: Db, directory: WorkshopDirectory) {
  return async (siteId: string) => {
    const w = await directory.get(siteId);
    if (!w) return null;
    return queueSnapshot(db, siteId, danishDay(clock.now()), w.config);
  };
}

export function queueUseCases(directory: WorkshopDirectory) {
  const own = (db: DbOrTx, actor: Actor, siteId: string) =>
    ownWorkshop(directory, db, actor, siteId);

  /** A ticket of the actor's municipality that an eMentor is working with. */
  async function staffTicket(tx: DbOrTx, actor: Actor, id: string) {
    const t = await findTicket(tx, id);
    if (!t || t.municipalityId !== actor.municipalityId) throw notFound();
    const site = await own(tx, actor, t.siteId);
    return { t, site };
  }

  async function byToken(tx: DbOrTx, token: string | undefined) {
    const t = token ? await findTicketByToken(tx, tokenHash(token)) : null;
    const site = t ? (await directory.get(t.siteId, tx))?.site : undefined;
    if (!t || !site) throw new DomainError('not_found', 'no_ticket', 'no_ticket');
    return { t, site };
  }

  return {
    /**
     * A citizen checks in (public: anyone at the door). A logged-in citizen of this
     * municipality gets the visit on their own record, audited.
     */
    async checkIn(
      tx: DbOrTx,
      who: { actor: Actor | null; audit: AuditActor | null },
      site: SiteRow,
      input: CheckInInput,
      tokenHash: string | null,
    ) {
      const citizen = await visitingCitizen(tx, who.actor, site);
      const t = await openTicket(tx, directory, site, input, input.channel, {
        citizenId: citizen?.id ?? null,
        tokenHash,
      });
      if (citizen && who.audit)
        await writeAudit(tx, who.audit, {
          action: 'workshop.check_in',
          entity: 'queue_ticket',
          entityId: t.id,
          citizenId: citizen.id,
          purpose: 'self_access',
        });
      return presentTicket(t, site);
    },

    /** The phone's own ticket, found by the token in its cookie. */
    async phoneTicket(tx: DbOrTx, token: string | undefined) {
      const { t, site } = await byToken(tx, token);
      return presentTicket(t, site);
    },

    /** The citizen leaves the queue from their phone (holding the ticket's cookie). */
    async leave(tx: DbOrTx, token: string | undefined) {
      const { t, site } = await byToken(tx, token);
      const moved = await moveTicket(tx, t.id, 'waiting', {
        status: 'left',
        finishedAt: clock.now(),
      });
      if (!moved) throw conflict('ticket_moved');
      await notifyQueue(tx, site.id);
      return presentTicket(moved, site);
    },

    /** Today's queue for the eMentors: one audit row for the list, naming no single citizen. */
    async readQueue(uc: UseCase, siteId: string) {
      const site = await own(uc.tx, uc.actor, siteId);
      const rows = await listQueue(uc.tx, site.id, danishDay(clock.now()));
      await writeAudit(uc.tx, uc.audit, {
        action: 'workshop.queue.read',
        entity: 'queue_ticket',
        purpose: 'digital_guidance',
        details: { count: rows.length, linked: rows.filter((r) => r.ticket.citizenId).length },
      });
      return rows.map(presentQueueEntry);
    },

    async callNext(uc: UseCase, siteId: string) {
      const site = await own(uc.tx, uc.actor, siteId);
      const t = await callNext(uc.tx, site.id, danishDay(clock.now()), uc.actor.userId);
      if (!t) throw conflict('queue_empty');
      await notifyQueue(uc.tx, site.id);
      return presentTicket(t, site);
    },

    async walkIn(uc: UseCase, siteId: string, input: WalkInInput) {
      const site = await own(uc.tx, uc.actor, siteId);
      return presentTicket(await openTicket(uc.tx, directory, site, input, 'walk_in', {}), site);
    },

    async noShow(uc: UseCase, ticketId: string) {
      const { t, site } = await staffTicket(uc.tx, uc.actor, ticketId);
      const moved = await moveTicket(uc.tx, t.id, 'called', {
        status: 'no_show',
        finishedAt: clock.now(),
      });
      if (!moved) throw conflict('ticket_moved');
      await notifyQueue(uc.tx, site.id);
      return presentTicket(moved, site);
    },

    async handOver(uc: UseCase, ticketId: string, { userId }: HandOverInput) {
      const { tx, actor } = uc;
      const { t, site } = await staffTicket(tx, actor, ticketId);
      // Only the eMentor serving the citizen hands them over, and only to a colleague on
      // duty at this workshop: taking over would open the citizen's tests to the taker.
      if (!ticketPolicy.handOver(actor, t)) throw conflict('ticket_not_yours');
      const colleagues = await ementorsOnDuty(tx, site.id, t.day);
      if (userId === actor.userId || !colleagues.some((c) => c.id === userId))
        throw invalid('not_an_ementor');
      const moved = await moveTicket(tx, t.id, 'called', { calledBy: userId });
      if (!moved) throw conflict('ticket_moved');
      await notifyQueue(tx, site.id);
      return presentTicket(moved, site);
    },

    /** The eMentor records what the visit was about; the ticket is done. */
    async recordVisit(uc: UseCase, ticketId: string, input: VisitInput) {
      if (input.onBehalf && !input.powerOfAttorneyConfirmed)
        throw invalid('power_of_attorney_required');
      const { tx, actor } = uc;
      const { t, site } = await staffTicket(tx, actor, ticketId);
      const now = clock.now();
      const moved = await moveTicket(tx, t.id, 'called', { status: 'done', finishedAt: now });
      if (!moved) throw conflict('ticket_moved');
      const visit = await insertVisit(tx, {
        municipalityId: site.municipalityId,
        siteId: site.id,
        ticketId: t.id,
        citizenId: t.citizenId,
        ementorId: actor.userId,
        topics: input.topics,
        competences: input.competences,
        device: input.device,
        resolved: input.resolved,
        minutes: input.minutes,
        onBehalfWithPowerOfAttorney: input.onBehalf,
        courseSuggested: input.courseSuggested,
        waitedMinutes: t.calledAt
          ? Math.round((t.calledAt.getTime() - t.createdAt.getTime()) / 60_000)
          : null,
      });
      await writeAudit(tx, uc.audit, {
        action: 'workshop.visit.create',
        entity: 'workshop_visit',
        entityId: visit.id,
        citizenId: t.citizenId,
        purpose: 'digital_guidance',
      });
      await notifyQueue(tx, site.id);
      return { id: visit.id, ticket: presentTicket(moved, site) };
    },

    /** Colleagues one can hand a citizen over to: on duty here today, not oneself. */
    async colleaguesOnDuty(uc: UseCase, siteId: string) {
      const site = await own(uc.tx, uc.actor, siteId);
      const onDuty = await ementorsOnDuty(uc.tx, site.id, danishDay(clock.now()));
      return onDuty.filter((c) => c.id !== uc.actor.userId);
    },
  };
}

/** A citizen's workshop visits, for their caseworker. */
export async function citizenVisits(uc: UseCase, citizenId: string) {
  const c = await findCitizen(uc.tx, uc.actor.municipalityId, citizenId);
  if (!c || !citizenPolicy.read(uc.actor, c)) throw notFound();
  const rows = await visitsOfCitizen(uc.tx, uc.actor.municipalityId, c.id);
  await writeAudit(uc.tx, uc.audit, {
    action: 'workshop.visit.read',
    entity: 'workshop_visit',
    citizenId: c.id,
    purpose: 'case_management',
    details: { count: rows.length },
  });
  return rows.map(presentCitizenVisit);
}
