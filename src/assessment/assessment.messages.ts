// The assessment area's texts for people (errors, validation messages), Danish and English, and
// those the test page can show in the community languages.
import { defineMessages } from '../platform/i18n/messages';
import { TEST_PAGE_COMMUNITY } from './assessment.messages.community';

const da = {
  test_code: 'Skriv koden på 8 tegn, som du har fået af din jobkonsulent eller en eMentor.',
  consent_required: 'Du skal give samtykke, før testen kan begynde.',
  test_closed: 'Testen er afsluttet og kan ikke besvares mere.',
  test_cannot_continue: 'Testen kan ikke fortsætte. Du kan tage en ny test.',
  not_current_item: 'Spørgsmålet er allerede besvaret eller ikke det næste. Genindlæs siden.',
  answer_invalid: 'Svaret passer ikke til spørgsmålet.',
  code_invalid: 'Koden findes ikke, er brugt eller er udløbet. Spørg efter en ny kode.',
  link_code_unused: 'Der er ikke taget en test med den kode i kommunen. Tjek koden.',
  link_code_taken: 'Testen med den kode er allerede knyttet til en borger.',
  link_code_withdrawn:
    'Borgeren har trukket sit samtykke til testen tilbage, så der er intet resultat at knytte.',
  item_invalid: 'Opgaven er ikke udfyldt korrekt: {details}',
  too_few_responses:
    'Der er for få besvarelser til en kalibrering (mindst {min} pr. opgave for mindst to opgaver).',
  calibration_decided: 'Kalibreringen er allerede godkendt eller kasseret.',
} as const;

export const assessmentMessages = defineMessages({
  da,
  en: {
    test_code: 'Type the 8-character code you got from your job consultant or an eMentor.',
    consent_required: 'You must give consent before the test can begin.',
    test_closed: 'The test has ended and cannot be answered any more.',
    test_cannot_continue: 'The test cannot go on. You can take a new test.',
    not_current_item:
      'The question has already been answered or is not the next one. Reload the page.',
    answer_invalid: 'The answer does not fit the question.',
    code_invalid: 'The code does not exist, has been used or has expired. Ask for a new code.',
    link_code_unused: 'No test has been taken with that code in this municipality. Check the code.',
    link_code_taken: 'The test taken with that code is already linked to a citizen.',
    link_code_withdrawn:
      'The citizen withdrew their consent to that test, so there is no result to link.',
    item_invalid: 'The item is not filled in correctly: {details}',
    too_few_responses:
      'There are too few answers for a calibration (at least {min} per item for at least two items).',
    calibration_decided: 'The calibration has already been published or discarded.',
  },
  // What the test page can answer, in the community languages.
  ...TEST_PAGE_COMMUNITY,
});

declare module '../platform/i18n/messages' {
  interface AreaMessageKeys extends Record<keyof typeof da, true> {}
}
