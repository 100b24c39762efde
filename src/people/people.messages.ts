// The people area's texts for people (errors, validation messages), Danish and English.
import { defineMessages } from '../platform/i18n/messages';

const da = {
  cpr_format: 'CPR-nummeret skal have formen ddmmåå-xxxx.',
  cpr_date: 'CPR-nummeret indeholder ikke en gyldig fødselsdato.',
  cpr_taken: 'Der findes allerede en borger med dette CPR-nummer.',
  cpr_unavailable:
    'En borger med dette CPR-nummer kan ikke oprettes af dig. Skal borgeren på din sagsstamme, så kontakt en administrator.',
  caseworker_invalid: 'Den valgte sagsbehandler findes ikke eller er ikke sagsbehandler.',
  cpr_in_url: 'Søg på CPR-nummer med CPR-opslag, ikke i søgefeltet.',
  citizen_has_no_record: 'Der er ingen borgeroplysninger knyttet til din bruger.',
} as const;

export const peopleMessages = defineMessages({
  da,
  en: {
    cpr_format: 'The CPR number must have the form ddmmyy-xxxx.',
    cpr_date: 'The CPR number does not contain a valid date of birth.',
    cpr_taken: 'A citizen with this CPR number already exists.',
    cpr_unavailable:
      'You cannot create a citizen with this CPR number. If the citizen should be on your caseload, contact an administrator.',
    caseworker_invalid: 'The chosen caseworker does not exist or is not a caseworker.',
    cpr_in_url: 'Search by CPR number with the CPR lookup, not in the search field.',
    citizen_has_no_record: 'There is no citizen record linked to your user.',
  },
});

declare module '../platform/i18n/messages' {
  interface AreaMessageKeys extends Record<keyof typeof da, true> {}
}
