// Texts of the test pages, Danish first. Kept apart from the main app's i18next setup so the
// test page stays light on old phones.
const da = {
  title: 'Test dine digitale færdigheder',
  intro:
    'Testen viser, hvad du allerede kan, og hvor du kan få hjælp. Den er frivillig, tager højst 15 minutter, og du kan holde pause undervejs.',
  codeLabel: 'Din testkode',
  codeHint: 'Koden har 8 tegn, fx ABCD-EFGH. Du får den af din jobkonsulent eller en eMentor.',
  start: 'Start testen',
  orLogin: 'Har du et login? Log ind og start testen.',
  login: 'Log ind',
  loggedInStart: 'Start eller fortsæt min test',
  consentTitle: 'Før du starter',
  consentText: [
    'Testen er frivillig. Dine svar bruges til at finde den rette hjælp til dig.',
    'Hvis testen er knyttet til dig, kan din jobkonsulent se resultatet.',
    'Du kan til enhver tid trække dit samtykke tilbage. Så slettes dine svar og dit resultat.',
  ],
  consentCheck: 'Jeg giver samtykke til, at mine svar bruges som beskrevet.',
  consentGo: 'Jeg er klar',
  consentNeeded: 'Sæt flueben, hvis du vil give samtykke.',
  question: 'Spørgsmål {n}',
  selfRatingIntro: 'Hvor godt passer det på dig?',
  practice: 'ØVELSE – ikke en rigtig side. Skriv aldrig din rigtige adgangskode her.',
  next: 'Næste',
  choose: 'Vælg et svar for at gå videre.',
  pause: 'Hold pause',
  pausedTitle: 'Din test er sat på pause',
  pausedText: 'Du kan fortsætte, når du er klar – på den samme telefon eller computer.',
  resume: 'Fortsæt testen',
  resultTitle: 'Dit resultat',
  group: {
    foundation: 'Du kan få glæde af hjælp til det grundlæggende',
    building_blocks: 'Du har det grundlæggende på plads',
    no_need: 'Du klarer dig godt digitalt',
  },
  groupText: {
    foundation:
      'Kom i et af jobcentrets digitale værksteder, hvor en eMentor hjælper dig med fx MitID, Digital Post og Jobnet – gerne på din egen telefon.',
    building_blocks:
      'Tal med din jobkonsulent om kurser, der giver dig de digitale færdigheder, dit jobmål kræver.',
    no_need: 'Du har ikke brug for digital opkvalificering lige nu.',
  },
  areasTitle: 'Dit niveau i de fem områder',
  areaLevel: 'Niveau {level} af 6',
  areaNone: 'Ikke målt',
  areaBelow: 'Under niveau 1',
  basicsTitle: 'Digital selvbetjening',
  basicsCols: ['', 'Det viste du', 'Det sagde du selv'],
  can: 'Kan',
  cantYet: 'Kan ikke endnu',
  noRating: '–',
  ratings: ['Kan ikke', 'Med hjælp', 'Selv', 'Kan hjælpe andre'],
  withdraw: 'Træk samtykke tilbage og slet mine svar',
  withdrawConfirm: 'Er du sikker? Dine svar og dit resultat slettes.',
  withdrawYes: 'Ja, slet mine svar',
  withdrawnTitle: 'Dine svar er slettet',
  withdrawnText: 'Du har trukket dit samtykke tilbage, og dine svar og dit resultat er slettet.',
  error: 'Der er en fejl',
  language: 'English',
  languageLabel: 'Skift sprog til engelsk',
  home: 'Til forsiden',
  areas: {
    '1': 'Information og data',
    '2': 'Kommunikation og samarbejde',
    '3': 'Digitalt indhold',
    '4': 'Sikkerhed',
    '5': 'Problemløsning',
  },
  basics: {
    mitid: 'MitID',
    digital_post: 'Digital Post',
    borger_dk: 'borger.dk',
    netbank: 'Netbank',
    jobnet_cv: 'Jobnet og CV',
  },
  kinds: {
    mitid_login: 'MitID – øvelse',
    digital_post: 'Digital Post – indbakke (øvelse)',
    jobnet_cv: 'Jobnet – dit CV (øvelse)',
    phishing: 'E-mail – indbakke (øvelse)',
    password: 'Ny adgangskode (øvelse)',
    search_result: 'Søgeresultater (øvelse)',
  },
};

export type Messages = typeof da;

const en: Messages = {
  title: 'Test your digital skills',
  intro:
    'The test shows what you can already do and where you can get help. It is voluntary, takes at most 15 minutes, and you can pause along the way.',
  codeLabel: 'Your test code',
  codeHint:
    'The code has 8 characters, e.g. ABCD-EFGH. Your caseworker or an eMentor gives it to you.',
  start: 'Start the test',
  orLogin: 'Do you have a login? Log in and start the test.',
  login: 'Log in',
  loggedInStart: 'Start or continue my test',
  consentTitle: 'Before you start',
  consentText: [
    'The test is voluntary. Your answers are used to find the right help for you.',
    'If the test is linked to you, your caseworker can see the result.',
    'You can withdraw your consent at any time. Your answers and result are then deleted.',
  ],
  consentCheck: 'I consent to my answers being used as described.',
  consentGo: 'I am ready',
  consentNeeded: 'Tick the box if you want to give consent.',
  question: 'Question {n}',
  selfRatingIntro: 'How well does this fit you?',
  practice: 'PRACTICE – not a real site. Never type your real password here.',
  next: 'Next',
  choose: 'Choose an answer to continue.',
  pause: 'Take a break',
  pausedTitle: 'Your test is paused',
  pausedText: 'You can continue when you are ready – on the same phone or computer.',
  resume: 'Continue the test',
  resultTitle: 'Your result',
  group: {
    foundation: 'Help with the basics would be useful to you',
    building_blocks: 'You have the basics in place',
    no_need: 'You are doing well digitally',
  },
  groupText: {
    foundation:
      'Visit one of the jobcentre’s digital workshops, where an eMentor helps you with e.g. MitID, Digital Post and Jobnet – on your own phone if you like.',
    building_blocks:
      'Talk with your caseworker about courses that give you the digital skills your job goal needs.',
    no_need: 'You do not need digital upskilling right now.',
  },
  areasTitle: 'Your level in the five areas',
  areaLevel: 'Level {level} of 6',
  areaNone: 'Not measured',
  areaBelow: 'Below level 1',
  basicsTitle: 'Digital self-service',
  basicsCols: ['', 'What you showed', 'What you said'],
  can: 'Can',
  cantYet: 'Cannot yet',
  noRating: '–',
  ratings: ['Cannot', 'With help', 'On my own', 'Can help others'],
  withdraw: 'Withdraw consent and delete my answers',
  withdrawConfirm: 'Are you sure? Your answers and result will be deleted.',
  withdrawYes: 'Yes, delete my answers',
  withdrawnTitle: 'Your answers have been deleted',
  withdrawnText: 'You have withdrawn your consent, and your answers and result have been deleted.',
  error: 'There is a problem',
  language: 'Dansk',
  languageLabel: 'Switch language to Danish',
  home: 'To the home page',
  areas: {
    '1': 'Information and data',
    '2': 'Communication and collaboration',
    '3': 'Digital content',
    '4': 'Safety',
    '5': 'Problem solving',
  },
  basics: {
    mitid: 'MitID',
    digital_post: 'Digital Post',
    borger_dk: 'borger.dk',
    netbank: 'Online banking',
    jobnet_cv: 'Jobnet and CV',
  },
  kinds: {
    mitid_login: 'MitID – practice',
    digital_post: 'Digital Post – inbox (practice)',
    jobnet_cv: 'Jobnet – your CV (practice)',
    phishing: 'E-mail – inbox (practice)',
    password: 'New password (practice)',
    search_result: 'Search results (practice)',
  },
};

export type Lang = 'da' | 'en';
export const MESSAGES: Record<Lang, Messages> = { da, en };

export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
