// Keeping only what is needed: contact details of appointments that have passed, and the first
// names and ticket tokens of old queue tickets, are removed. The statistics live on in the
// visit log, which holds no names.
import { and, isNotNull, lt, ne, or } from 'drizzle-orm';
import { writeSystemAudit } from '../platform/audit';
import type { SystemTask } from '../platform/use-case';
import { queueTickets, workshopAppointments } from './workshops.schema';
import { danishDay } from './workshops.model';
import { addDays } from './appointments.model';

/** Days a ticket's first name is kept (for the eMentors' look back at recent days). */
export const TICKET_NAME_DAYS = 30;

interface Erased {
  id: string;
  municipalityId: string;
  citizenId: string | null;
}

/** One audit row per record, in its municipality's log (and its citizen's, where known). */
const erasures = (action: string, entity: string, rows: readonly Erased[]) =>
  rows.map((r) => ({
    municipalityId: r.municipalityId,
    action,
    entity,
    entityId: r.id,
    citizenId: r.citizenId,
    purpose: 'system' as const,
  }));

/** The background job's use case: erases what its retention has run out for, audited. */
export async function eraseAfterRetention(task: SystemTask) {
  const today = danishDay(task.now);
  const erased = {
    id: workshopAppointments.id,
    municipalityId: workshopAppointments.municipalityId,
    citizenId: workshopAppointments.citizenId,
  };
  const contacts = await task.tx
    .update(workshopAppointments)
    .set({ email: null, phone: null })
    .where(
      and(
        lt(workshopAppointments.day, today),
        or(isNotNull(workshopAppointments.email), isNotNull(workshopAppointments.phone)),
      ),
    )
    .returning(erased);
  const tickets = await task.tx
    .update(queueTickets)
    .set({ firstName: '', tokenHash: null })
    .where(
      and(
        lt(queueTickets.day, addDays(today, -TICKET_NAME_DAYS)),
        or(isNotNull(queueTickets.tokenHash), ne(queueTickets.firstName, '')),
      ),
    )
    .returning({
      id: queueTickets.id,
      municipalityId: queueTickets.municipalityId,
      citizenId: queueTickets.citizenId,
    });
  await writeSystemAudit(task.tx, [
    ...erasures('appointment.contact.erase', 'workshop_appointment', contacts),
    ...erasures('queue_ticket.name.erase', 'queue_ticket', tickets),
  ]);
  return { appointmentContacts: contacts.length, tickets: tickets.length };
}
