// Appointments → the views and calendar files the API answers with. Pure.
import type { PageLang } from '../platform/i18n/messages';
import { calendarTexts } from './appointment-messages';
import { clock } from '../platform/clock';
import type { AppointmentView } from './workshops.contract';
import { appointmentIcs } from './appointments.model';
import type { AppointmentRow } from './appointments.store';
import type { SiteRow } from './workshops.store';

export const presentAppointment = (a: AppointmentRow, site: SiteRow): AppointmentView => ({
  id: a.id,
  siteId: site.id,
  siteName: site.name,
  address: `${site.address}, ${site.postalCode} ${site.city}`,
  day: a.day,
  start: a.start,
  end: a.end,
  firstName: a.firstName,
  topic: a.topic,
  status: a.status,
  reminders: [...(a.email ? ['email' as const] : []), ...(a.phone ? ['sms' as const] : [])],
});

/**
 * The appointment as a calendar event. Calendars sync their text to the cloud, so the secret
 * link to move or cancel stays out of it: the description points to the confirmation.
 */
export function appointmentCalendar(
  a: AppointmentRow,
  site: SiteRow,
  lang: PageLang,
  publicUrl: string,
) {
  return appointmentIcs({
    uid: `${a.calendarUid}@${new URL(publicUrl).host}`,
    sequence: a.sequence,
    cancelled: a.status === 'cancelled',
    day: a.day,
    start: a.start,
    end: a.end,
    ...calendarTexts(site.name, lang),
    location: `${site.address}, ${site.postalCode} ${site.city}`,
    stamp: clock.now(),
  });
}
