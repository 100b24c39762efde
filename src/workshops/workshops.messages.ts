// The workshops area's texts for people (errors, validation messages), Danish and English.
import { defineMessages } from '../platform/i18n/messages';
import { WORKSHOP_PAGES_COMMUNITY } from './workshops.messages.community';

const da = {
  first_name: 'Skriv dit fornavn (højst 40 tegn).',
  help_topic: 'Vælg, hvad du vil have hjælp til.',
  pick_day: 'Vælg en dag.',
  pick_time: 'Vælg et af de ledige tidspunkter.',
  contact_email: 'Skriv en e-mailadresse som navn@eksempel.dk – eller lad feltet stå tomt.',
  contact_phone: 'Skriv et mobilnummer med 8 cifre, fx 12 34 56 78 – eller lad feltet stå tomt.',
  appointment_link: 'Linket til din aftale er ikke helt. Åbn det igen fra din bekræftelse.',
  workshop_closed: 'Værkstedet har lukket. Se åbningstiderne, eller book en tid.',
  queue_empty: 'Der er ingen i køen lige nu.',
  ticket_moved: 'Billetten er allerede kaldt op eller afsluttet af en anden. Opdater køen.',
  power_of_attorney_required:
    'Når du handler på borgerens vegne, skal borgeren have givet dig en Digital Fuldmagt. Bekræft, at den findes.',
  no_ticket: 'Du har ikke et nummer i køen.',
  not_an_ementor: 'Den valgte person er ikke en kollega på vagt i værkstedet i dag.',
  ticket_not_yours: 'Kun den eMentor, der hjælper borgeren, kan give borgeren videre.',
  workshop_closed_day: 'Værkstedet har lukket den dag. Vælg en anden dag.',
  slot_unknown: 'Den tid findes ikke. Vælg en af de ledige tider.',
  slot_full: 'Tiden er desværre lige blevet optaget. Vælg en anden tid.',
  appointment_unknown: 'Vi kan ikke finde aftalen. Tjek linket.',
  appointment_cancelled: 'Aftalen er aflyst.',
} as const;

export const workshopsMessages = defineMessages({
  da,
  en: {
    first_name: 'Type your first name (at most 40 characters).',
    help_topic: 'Choose what you would like help with.',
    pick_day: 'Choose a day.',
    pick_time: 'Choose one of the free times.',
    contact_email: 'Type an e-mail address such as name@example.dk – or leave the field empty.',
    contact_phone:
      'Type a mobile number with 8 digits, e.g. 12 34 56 78 – or leave the field empty.',
    appointment_link:
      'The link to your appointment is not whole. Open it again from your confirmation.',
    workshop_closed: 'The workshop is closed. See the opening hours, or book a time.',
    queue_empty: 'There is nobody in the queue right now.',
    ticket_moved:
      'The ticket has already been called or finished by someone else. Refresh the queue.',
    power_of_attorney_required:
      'When you act on the citizen’s behalf, the citizen must have given you a Digital Power of Attorney (Digital Fuldmagt). Confirm that it exists.',
    no_ticket: 'You do not have a number in the queue.',
    not_an_ementor: 'The person chosen is not a colleague on duty in the workshop today.',
    ticket_not_yours: 'Only the eMentor helping the citizen can hand them over.',
    workshop_closed_day: 'The workshop is closed that day. Choose another day.',
    slot_unknown: 'That time does not exist. Choose one of the free times.',
    slot_full: 'Sorry, that time has just been taken. Choose another time.',
    appointment_unknown: 'We cannot find the appointment. Check the link.',
    appointment_cancelled: 'The appointment is cancelled.',
  },
  // What the citizen pages (check-in, ticket, booking) can answer, in the community languages.
  ...WORKSHOP_PAGES_COMMUNITY,
});

declare module '../platform/i18n/messages' {
  interface AreaMessageKeys extends Record<keyof typeof da, true> {}
}
