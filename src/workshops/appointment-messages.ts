// What the citizen is sent about an appointment, in the language they booked in. Pure.
import type { Lang } from '../platform/i18n/messages';

export interface AppointmentFacts {
  siteName: string;
  address: string;
  day: string;
  start: string;
  /** The manage link; only in the confirmation. */
  link?: string;
}

const dateText = (day: string, lang: Lang) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'da-DK', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });

export function confirmation(f: AppointmentFacts, lang: Lang) {
  const when = `${dateText(f.day, lang)} ${lang === 'en' ? 'at' : 'kl.'} ${f.start}`;
  return lang === 'en'
    ? {
        subject: 'Your appointment in the digital workshop',
        body: `You have an appointment in the digital workshop ${f.siteName}, ${f.address}, ${when}. Bring your phone or tablet. Change or cancel: ${f.link ?? ''}`,
      }
    : {
        subject: 'Din tid i det digitale værksted',
        body: `Du har en tid i det digitale værksted ${f.siteName}, ${f.address}, ${when}. Tag din telefon eller tablet med. Ændr eller aflys: ${f.link ?? ''}`,
      };
}

export function reminder(f: AppointmentFacts, lang: Lang) {
  const when = `${dateText(f.day, lang)} ${lang === 'en' ? 'at' : 'kl.'} ${f.start}`;
  return lang === 'en'
    ? {
        subject: 'Reminder: digital workshop tomorrow',
        body: `Reminder: you have an appointment in the digital workshop ${f.siteName}, ${f.address}, ${when}. If you cannot come, please cancel with the link in your confirmation.`,
      }
    : {
        subject: 'Påmindelse: digitalt værksted i morgen',
        body: `Påmindelse: Du har en tid i det digitale værksted ${f.siteName}, ${f.address}, ${when}. Kan du ikke komme, så aflys med linket i din bekræftelse.`,
      };
}

export function cancellation(f: AppointmentFacts, lang: Lang) {
  const when = `${dateText(f.day, lang)} ${lang === 'en' ? 'at' : 'kl.'} ${f.start}`;
  return lang === 'en'
    ? {
        subject: 'Appointment cancelled',
        body: `Your appointment in the digital workshop ${f.siteName} ${when} is cancelled. You are welcome to drop in or book a new time.`,
      }
    : {
        subject: 'Tid aflyst',
        body: `Din tid i det digitale værksted ${f.siteName} ${when} er aflyst. Du er velkommen til at komme forbi eller booke en ny tid.`,
      };
}
