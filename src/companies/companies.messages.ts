// The companies area's texts for people (errors), Danish and English.
import { defineMessages } from '../platform/i18n/messages';

const da = {
  industry_code_invalid: 'Branchekoden skal være en DB07-kode på 6 cifre.',
  cvr_taken: 'Der findes allerede en virksomhed med dette CVR-nummer.',
  p_number_invalid: 'P-nummeret skal være 10 cifre og må ikke begynde med 0.',
  p_number_taken: 'Produktionsenheden med dette P-nummer findes allerede.',
  email_not_company:
    'E-mailadressen tilhører en medarbejder i kommunen og kan ikke bruges til en virksomhedsbruger.',
  already_member: 'Personen repræsenterer allerede virksomheden.',
  role_move_invalid: 'En rolle med status "{from}" kan ikke gå til "{to}".',
  role_not_open: 'Rollen er ikke åben og kan ikke ændres.',
  ad_role_company: 'Rollen hører ikke til den valgte virksomhed.',
  postal_code_invalid: 'Postnummeret skal være 4 cifre.',
  size_required: 'Skriv antallet af ansatte, eller vælg et interval.',
  contact_reach: 'Skriv en e-mail eller et telefonnummer.',
  agreement_kind:
    'Vælg, hvad aftalen handler om – eller vælg "Ingen" ved en kontakt eller et besøg.',
  competence_invalid: 'Vælg en DigComp-kompetence, fx 2.1.',
  competence_twice: 'Hver kompetence kan kun stå én gang.',
  survey_closed_date: 'Sidste svardag kan ikke ligge før i dag.',
  survey_closed: 'Spørgeskemaet er lukket for svar.',
  survey_no_recipients: 'Ingen af de valgte virksomheder har en kontaktperson med e-mail.',
  ads_csv_unreadable: 'CSV-filen kan ikke læses: {reason}',
  ads_csv_columns:
    'CSV-filen skal have en overskriftslinje med kolonnerne title og text (og evt. cvr).',
  ads_csv_too_many: 'Højst {max} opslag ad gangen.',
  ads_csv_row:
    'Linje {line}: opslaget mangler en overskrift eller en tekst på mindst 20 tegn. Intet er gemt.',
  ads_csv_cvr: 'Linje {line}: ingen virksomhed med CVR-nummer {cvr} er registreret. Intet er gemt.',
} as const;

export const companiesMessages = defineMessages({
  da,
  en: {
    industry_code_invalid: 'The industry code must be a 6-digit DB07 code.',
    cvr_taken: 'A company with this CVR number already exists.',
    p_number_invalid: 'The P-number must be 10 digits and must not start with 0.',
    p_number_taken: 'The production unit with this P-number already exists.',
    email_not_company:
      'The e-mail address belongs to a member of the municipality’s staff and cannot be used for a company user.',
    already_member: 'The person already acts for the company.',
    role_move_invalid: 'A role with status "{from}" cannot move to "{to}".',
    role_not_open: 'The role is not open and cannot be changed.',
    ad_role_company: 'The role does not belong to the company chosen.',
    postal_code_invalid: 'The postal code must be 4 digits.',
    size_required: 'Give the number of employees, or choose a band.',
    contact_reach: 'Give an e-mail or a phone number.',
    agreement_kind:
      'Choose what the agreement is about – or choose "None" for a contact or a visit.',
    competence_invalid: 'Choose a DigComp competence, e.g. 2.1.',
    competence_twice: 'Each competence can be listed once.',
    survey_closed_date: 'The last day for answers cannot be before today.',
    survey_closed: 'The survey is closed for answers.',
    survey_no_recipients: 'None of the companies chosen has a contact person with an e-mail.',
    ads_csv_unreadable: 'The CSV file cannot be read: {reason}',
    ads_csv_columns:
      'The CSV file needs a header row with the columns title and text (and optionally cvr).',
    ads_csv_too_many: 'At most {max} ads at a time.',
    ads_csv_row:
      'Line {line}: the ad lacks a heading or a text of at least 20 characters. Nothing was saved.',
    ads_csv_cvr: 'Line {line}: no company with CVR number {cvr} is registered. Nothing was saved.',
  },
});

declare module '../platform/i18n/messages' {
  interface AreaMessageKeys extends Record<keyof typeof da, true> {}
}
