// Records → the views the API answers with. Pure.
import type { CitizenVisitView, QueueEntryView, TicketView } from './workshops.contract';
import type { SiteRow, TicketRow, listQueue, visitsOfCitizen } from './workshops.store';

export const presentTicket = (t: TicketRow, site: SiteRow): TicketView => ({
  id: t.id,
  siteId: t.siteId,
  siteName: site.name,
  number: t.number,
  status: t.status,
  firstName: t.firstName,
  topic: t.topic,
  createdAt: t.createdAt.toISOString(),
});

export const presentQueueEntry = ({
  ticket: t,
  helper,
}: Awaited<ReturnType<typeof listQueue>>[number]): QueueEntryView => ({
  id: t.id,
  number: t.number,
  firstName: t.firstName,
  topic: t.topic,
  status: t.status,
  channel: t.channel,
  createdAt: t.createdAt.toISOString(),
  calledAt: t.calledAt?.toISOString() ?? null,
  helper: helper ?? null,
  helperId: t.calledBy,
  linkedToCitizen: t.citizenId !== null,
});

export const presentCitizenVisit = ({
  visit: v,
  siteName,
}: Awaited<ReturnType<typeof visitsOfCitizen>>[number]): CitizenVisitView => ({
  id: v.id,
  at: v.createdAt.toISOString(),
  siteName,
  topics: v.topics,
  competences: v.competences,
  resolved: v.resolved,
  minutes: v.minutes,
  courseSuggested: v.courseSuggested,
});
