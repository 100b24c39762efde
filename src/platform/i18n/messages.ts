// Messages the server sends to users (error texts). Danish first, English second.
export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const da = {
  bad_request: 'Forespørgslen kunne ikke læses.',
  required: 'Skal udfyldes.',
  validation_failed: 'Nogle felter er ikke udfyldt korrekt: {details}',
  check_input: '{details}',
  test_code: 'Skriv koden på 8 tegn, som du har fået af din jobkonsulent eller en eMentor.',
  login_email: 'Skriv din e-mailadresse.',
  login_password: 'Skriv din adgangskode.',
  first_name: 'Skriv dit fornavn (højst 40 tegn).',
  help_topic: 'Vælg, hvad du vil have hjælp til.',
  pick_day: 'Vælg en dag.',
  pick_time: 'Vælg et af de ledige tidspunkter.',
  contact_email: 'Skriv en e-mailadresse som navn@eksempel.dk – eller lad feltet stå tomt.',
  contact_phone: 'Skriv et mobilnummer med 8 cifre, fx 12 34 56 78 – eller lad feltet stå tomt.',
  appointment_link: 'Linket til din aftale er ikke helt. Åbn det igen fra din bekræftelse.',
  reload_page: 'Siden er forældet. Genindlæs den, og prøv igen.',
  unauthenticated: 'Du skal logge ind for at fortsætte.',
  forbidden: 'Du har ikke adgang til dette.',
  not_found: 'Siden eller posten findes ikke.',
  invalid_credentials: 'Forkert e-mail eller adgangskode.',
  too_many_attempts: 'For mange forsøg lige nu. Vent {seconds} sekunder, og prøv igen.',
  too_many_attempts_minutes: 'For mange forsøg lige nu. Vent {minutes} minutter, og prøv igen.',
  cross_origin: 'Forespørgslen kom fra et andet websted og blev afvist.',
  rate_limited:
    'Der er kommet mange henvendelser herfra på kort tid. Vent {seconds} sekunder, eller spørg personalet.',
  rate_limited_minutes:
    'Der er kommet mange henvendelser herfra på kort tid. Vent {minutes} minutter, eller spørg personalet.',
  invalid_characters:
    'Feltet {field} indeholder et kontroltegn (fx et nul-tegn eller en vognretur), som ikke er tilladt. Fjern det og prøv igen.',
  single_line: 'Må kun fylde én linje.',
  email_taken: 'Der findes allerede en bruger med denne e-mailadresse.',
  site_name_taken: 'Der findes allerede et sted med dette navn.',
  cpr_format: 'CPR-nummeret skal have formen ddmmåå-xxxx.',
  cpr_date: 'CPR-nummeret indeholder ikke en gyldig fødselsdato.',
  cpr_taken: 'Der findes allerede en borger med dette CPR-nummer.',
  cpr_unavailable:
    'En borger med dette CPR-nummer kan ikke oprettes af dig. Skal borgeren på din sagsstamme, så kontakt en administrator.',
  caseworker_invalid: 'Den valgte sagsbehandler findes ikke eller er ikke sagsbehandler.',
  site_invalid: 'Det valgte sted findes ikke.',
  cannot_deactivate_self: 'Du kan ikke deaktivere dig selv.',
  cannot_remove_own_admin: 'Du kan ikke fjerne din egen administratorrolle.',
  payload_too_large: 'Forespørgslen er for stor.',
  cpr_in_url: 'Søg på CPR-nummer med CPR-opslag, ikke i søgefeltet.',
  unsupported_media_type: 'Forespørgslen skal sendes som JSON.',
  internal: 'Der skete en fejl hos os. Prøv igen senere.',
  database_unavailable:
    'Digiløft kan ikke nå sin database lige nu. Dine data er i sikkerhed; prøv igen om lidt.',
  consent_required: 'Du skal give samtykke, før testen kan begynde.',
  test_closed: 'Testen er afsluttet og kan ikke besvares mere.',
  not_current_item: 'Spørgsmålet er allerede besvaret eller ikke det næste. Genindlæs siden.',
  answer_invalid: 'Svaret passer ikke til spørgsmålet.',
  code_invalid: 'Koden findes ikke, er brugt eller er udløbet. Spørg efter en ny kode.',
  citizen_has_no_record: 'Der er ingen borgeroplysninger knyttet til din bruger.',
  link_code_unused: 'Der er ikke taget en test med den kode i kommunen. Tjek koden.',
  link_code_taken: 'Testen med den kode er allerede knyttet til en borger.',
  link_code_withdrawn:
    'Borgeren har trukket sit samtykke til testen tilbage, så der er intet resultat at knytte.',
  item_invalid: 'Opgaven er ikke udfyldt korrekt: {details}',
  too_few_responses:
    'Der er for få besvarelser til en kalibrering (mindst {min} pr. opgave for mindst to opgaver).',
  calibration_decided: 'Kalibreringen er allerede godkendt eller kasseret.',
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
  already_enrolled: 'Borgeren er allerede tilmeldt eller på venteliste til tilbuddet.',
  enrolment_ended: 'Pladsen er allerede afsluttet.',
  offer_retired: 'Tilbuddet er lukket for nye tilmeldinger.',
  occupation_unknown: 'Stillingen findes ikke i ESCO. Vælg en fra listen.',
  session_not_of_offer: 'Mødegangen hører ikke til tilbuddet.',
  nothing_to_claim: 'Der er ikke et testresultat på det niveau at få et badge for.',
  badge_revoked: 'Badget er allerede trukket tilbage.',
  plan_item_not_offer: 'Forslaget er ikke et tilbud, man kan tilmelde sig.',
} as const;

export type MessageKey = keyof typeof da;

const en: Record<MessageKey, string> = {
  bad_request: 'The request could not be read.',
  required: 'Required.',
  validation_failed: 'Some fields are not filled in correctly: {details}',
  check_input: '{details}',
  test_code: 'Type the 8-character code you got from your job consultant or an eMentor.',
  login_email: 'Type your e-mail address.',
  login_password: 'Type your password.',
  first_name: 'Type your first name (at most 40 characters).',
  help_topic: 'Choose what you would like help with.',
  pick_day: 'Choose a day.',
  pick_time: 'Choose one of the free times.',
  contact_email: 'Type an e-mail address such as name@example.dk – or leave the field empty.',
  contact_phone: 'Type a mobile number with 8 digits, e.g. 12 34 56 78 – or leave the field empty.',
  appointment_link:
    'The link to your appointment is not whole. Open it again from your confirmation.',
  reload_page: 'The page is out of date. Reload it and try again.',
  unauthenticated: 'You need to log in to continue.',
  forbidden: 'You do not have access to this.',
  not_found: 'The page or record does not exist.',
  invalid_credentials: 'Wrong e-mail or password.',
  too_many_attempts: 'Too many attempts just now. Wait {seconds} seconds and try again.',
  too_many_attempts_minutes: 'Too many attempts just now. Wait {minutes} minutes and try again.',
  cross_origin: 'The request came from another site and was refused.',
  rate_limited:
    'There have been many requests from here in a short time. Wait {seconds} seconds, or ask the staff.',
  rate_limited_minutes:
    'There have been many requests from here in a short time. Wait {minutes} minutes, or ask the staff.',
  invalid_characters:
    'The field {field} contains a control character (such as a null byte or a carriage return), which is not allowed. Remove it and try again.',
  single_line: 'Must fit on one line.',
  email_taken: 'A user with this e-mail address already exists.',
  site_name_taken: 'A site with this name already exists.',
  cpr_format: 'The CPR number must have the form ddmmyy-xxxx.',
  cpr_date: 'The CPR number does not contain a valid date of birth.',
  cpr_taken: 'A citizen with this CPR number already exists.',
  cpr_unavailable:
    'You cannot create a citizen with this CPR number. If the citizen should be on your caseload, contact an administrator.',
  caseworker_invalid: 'The chosen caseworker does not exist or is not a caseworker.',
  site_invalid: 'The chosen site does not exist.',
  cannot_deactivate_self: 'You cannot deactivate yourself.',
  cannot_remove_own_admin: 'You cannot remove your own administrator role.',
  payload_too_large: 'The request is too large.',
  cpr_in_url: 'Search by CPR number with the CPR lookup, not in the search field.',
  unsupported_media_type: 'The request must be sent as JSON.',
  internal: 'Something went wrong on our side. Please try again later.',
  database_unavailable:
    'Digiløft cannot reach its database right now. Your data is safe; please try again in a moment.',
  consent_required: 'You must give consent before the test can begin.',
  test_closed: 'The test has ended and cannot be answered any more.',
  not_current_item:
    'The question has already been answered or is not the next one. Reload the page.',
  answer_invalid: 'The answer does not fit the question.',
  code_invalid: 'The code does not exist, has been used or has expired. Ask for a new code.',
  link_code_unused: 'No test has been taken with that code in this municipality. Check the code.',
  link_code_taken: 'The test taken with that code is already linked to a citizen.',
  link_code_withdrawn:
    'The citizen withdrew their consent to that test, so there is no result to link.',
  citizen_has_no_record: 'There is no citizen record linked to your user.',
  item_invalid: 'The item is not filled in correctly: {details}',
  too_few_responses:
    'There are too few answers for a calibration (at least {min} per item for at least two items).',
  calibration_decided: 'The calibration has already been published or discarded.',
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
  import_invalid: 'The file has {count} problems, so nothing was imported. Fix them and try again.',
  evaluation_not_possible: 'The evaluation cannot be made yet: {reason}',
  already_enrolled: 'The citizen is already enrolled or on the waiting list for the offer.',
  enrolment_ended: 'The place has already ended.',
  offer_retired: 'The offer takes no new enrolments.',
  occupation_unknown: 'The occupation is not in ESCO. Pick one from the list.',
  session_not_of_offer: 'The session does not belong to the offer.',
  nothing_to_claim: 'There is no test result at that level to earn a badge for.',
  badge_revoked: 'The badge has already been revoked.',
  plan_item_not_offer: 'The suggestion is not an offer one can enrol in.',
};

const catalogue: Record<Lang, Record<MessageKey, string>> = { da, en };

export const isMessageKey = (key: unknown): key is MessageKey =>
  typeof key === 'string' && Object.hasOwn(da, key);

export function t(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return catalogue[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** Picks da or en from an Accept-Language header; Danish unless English is preferred. */
export function langFromHeader(header: string | undefined): Lang {
  if (!header) return 'da';
  const prefs = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('da') || p.tag.startsWith('nb') || p.tag.startsWith('no')) return 'da';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'da';
}

export function isLang(value: unknown): value is Lang {
  return value === 'da' || value === 'en';
}
