// Keeping only what is needed: contact details of appointments that have passed, and the first
// names and ticket tokens of old queue tickets, are removed. The statistics live on in the
// visit log, which holds no names.
import { and, isNotNull, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { queueTickets, workshopAppointments } from './workshops.schema';
import { danishDay } from './workshops.model';
import { addDays } from './appointments.model';
import { clock } from '../platform/clock';

/** Days a ticket's first name is kept (for the eMentors' look back at recent days). */
export const TICKET_NAME_DAYS = 30;

export async function workshopHousekeeping(db: Db, now: Date = clock.now()) {
  const today = danishDay(now);
  const contacts = await db
    .update(workshopAppointments)
    .set({ email: null, phone: null })
    .where(
      and(
        lt(workshopAppointments.day, today),
        or(isNotNull(workshopAppointments.email), isNotNull(workshopAppointments.phone)),
      ),
    )
    .returning({ id: workshopAppointments.id });
  const tickets = await db
    .update(queueTickets)
    .set({ firstName: '', tokenHash: null })
    .where(
      and(
        lt(queueTickets.day, addDays(today, -TICKET_NAME_DAYS)),
        or(isNotNull(queueTickets.tokenHash), ne(queueTickets.firstName, '')),
      ),
    )
    .returning({ id: queueTickets.id });
  return { appointmentContacts: contacts.length, tickets: tickets.length };
}
