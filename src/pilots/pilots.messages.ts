// The pilots area's texts for people (errors, validation messages), Danish and English.
import { defineMessages } from '../platform/i18n/messages';

const da = {
  pilot_move_invalid: 'Et pilotprojekt med status "{from}" kan ikke gå til "{to}".',
  pilot_rule_locked:
    'Beslutningsreglen er låst, fordi projektet er gået i gang. Den kan ikke ændres efter start.',
  pilot_dates: 'Slutdatoen skal ligge efter startdatoen.',
  pilot_start_locked: 'Startdatoen er låst, fordi projektet er gået i gang.',
  lottery_not_allowed: 'Lodtrækningen kan kun foretages én gang, mens projektet rekrutterer.',
  lottery_not_drawn: 'Lodtrækningen er ikke foretaget endnu.',
  lottery_no_applicants: 'Der er ingen ansøgere, der opfylder målgruppen.',
  cvr_invalid: 'CVR-nummeret er ikke gyldigt (8 cifre med korrekt kontrolciffer).',
  cvr_required: 'En virksomhed skal have et CVR-nummer.',
  referral_closed: 'Der kan ikke længere henvises til projektet.',
  already_referred: 'Borgeren er allerede henvist til projektet.',
  import_invalid: 'Filen har {count} fejl, så intet er indlæst. Ret fejlene, og prøv igen.',
  evaluation_not_possible: 'Evalueringen kan ikke laves endnu: {reason}',
  pilot_participation_arm:
    'Fremmøde og certificering registreres for deltagere; kursus andetsteds for kontrolgruppen.',
  pilot_no_looks: 'Beslutningsreglen har ingen planlagte kig.',
  pilot_look_not_due:
    'Intet planlagt kig er nået endnu. Et kig uden for planen kan ses som udforskende, men ikke afgøre noget.',
  pilot_looks_order: 'Kiggene skal ligge i stigende rækkefølge mellem 0 og 1.',
  pilot_looks_last: 'Det sidste kig skal være ved fuld information (1).',
} as const;

export const pilotsMessages = defineMessages({
  da,
  en: {
    pilot_move_invalid: 'A pilot with status "{from}" cannot move to "{to}".',
    pilot_rule_locked:
      'The decision rule is locked because the pilot has started. It cannot be changed after the start.',
    pilot_dates: 'The end date must come after the start date.',
    pilot_start_locked: 'The start date is locked because the pilot has started.',
    lottery_not_allowed: 'The lottery can be drawn only once, while the pilot is recruiting.',
    lottery_not_drawn: 'The lottery has not been drawn yet.',
    lottery_no_applicants: 'No applicant fits the target group.',
    cvr_invalid: 'The CVR number is not valid (8 digits with a correct check digit).',
    cvr_required: 'A company needs a CVR number.',
    referral_closed: 'The pilot no longer takes referrals.',
    already_referred: 'The citizen has already been referred to the pilot.',
    import_invalid:
      'The file has {count} problems, so nothing was imported. Fix them and try again.',
    evaluation_not_possible: 'The evaluation cannot be made yet: {reason}',
    pilot_participation_arm:
      'Attendance and certification are recorded for participants; a course elsewhere for controls.',
    pilot_no_looks: 'The decision rule plans no looks.',
    pilot_look_not_due:
      'No planned look has been reached yet. A look outside the plan can be read as exploratory, but decides nothing.',
    pilot_looks_order: 'Looks must increase, between 0 and 1.',
    pilot_looks_last: 'The last look must be at full information (1).',
  },
});

declare module '../platform/i18n/messages' {
  interface AreaMessageKeys extends Record<keyof typeof da, true> {}
}
