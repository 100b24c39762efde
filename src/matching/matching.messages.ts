// The matching area's texts for people (errors), Danish and English.
import { defineMessages } from '../platform/i18n/messages';

const da = {
  event_time_invalid: 'Skriv tiden som TT:MM, fx 09:00.',
  event_venue_required: 'Skriv stedet for et fysisk eller hybridt arrangement.',
  event_invite_whom: 'Vælg borgere eller et pilotprojekt, hvis deltagere skal inviteres.',
  event_wish_one: 'Vælg mindst én virksomhed, du vil møde.',
  event_start_required: 'Skriv startdatoen for praktik, jobtilbud eller ansættelse.',
  event_too_long: 'Arrangementet skal slutte inden midnat.',
  event_published: 'Arrangementet er offentliggjort; planen kan kun ændres på dagen.',
  event_not_published: 'Arrangementet er ikke offentliggjort endnu.',
  event_no_schedule: 'Kør planlægningen, før arrangementet offentliggøres.',
  event_company_unknown: 'Virksomheden findes ikke i registret.',
  event_company_twice: 'Virksomheden deltager allerede.',
  event_slot_out_of_range: 'Tidsrum {slot} findes ikke; arrangementet har {count}.',
  event_wish_unknown: 'En af de valgte virksomheder deltager ikke i arrangementet.',
  event_wish_twice: 'Hver virksomhed kan kun vælges én gang.',
  event_candidate_unknown: 'Borgeren er ikke inviteret til arrangementet.',
  event_pilot_unknown: 'Pilotprojektet findes ikke.',
  event_closed: 'Tilmeldingen er lukket.',
  event_links_for_virtual: 'Et virtuelt bord skal have et videolink.',
  event_pins_infeasible: 'Planen kan ikke holde alle fastlåste møder: {reason}',
  event_outcome_not_held: 'Et resultat kan kun registreres for et møde, der er holdt.',
} as const;

export const matchingMessages = defineMessages({
  da,
  en: {
    event_time_invalid: 'Write the time as HH:MM, e.g. 09:00.',
    event_venue_required: 'Give the place of a physical or hybrid event.',
    event_invite_whom: 'Choose citizens, or a pilot whose participants to invite.',
    event_wish_one: 'Choose at least one company you want to meet.',
    event_start_required: 'Give the start date of the trainee place, job offer or hire.',
    event_too_long: 'The event must end before midnight.',
    event_published: 'The event is published; the schedule can only change on the day.',
    event_not_published: 'The event is not published yet.',
    event_no_schedule: 'Run the scheduler before publishing the event.',
    event_company_unknown: 'The company is not in the register.',
    event_company_twice: 'The company takes part already.',
    event_slot_out_of_range: 'Slot {slot} does not exist; the event has {count}.',
    event_wish_unknown: 'One of the companies chosen does not take part in the event.',
    event_wish_twice: 'Each company can be chosen once.',
    event_candidate_unknown: 'The citizen is not invited to the event.',
    event_pilot_unknown: 'The pilot does not exist.',
    event_closed: 'Registration is closed.',
    event_links_for_virtual: 'A virtual table needs a video link.',
    event_pins_infeasible: 'The schedule cannot keep every pinned meeting: {reason}',
    event_outcome_not_held: 'An outcome can only be recorded for a meeting that was held.',
  },
});

declare module '../platform/i18n/messages' {
  interface AreaMessageKeys extends Record<keyof typeof da, true> {}
}
