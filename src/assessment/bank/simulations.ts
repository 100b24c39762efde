// Practice tasks in the browser. Clearly labelled as practice; they never take real credentials:
// the practice MitID login uses made-up user IDs and a practice app or code display on the page.
import { sim } from './build';
import type { BankEntry, LoginSpec } from './bank.model';

const LOGIN_OUTCOMES = {
  da: [{ title: 'Jeg gennemførte login-øvelsen' }, { title: 'Jeg kan ikke logge ind' }],
  en: [{ title: 'I completed the login practice' }, { title: 'I cannot log in' }],
};

/** An interactive practice login; built by hand because the outcomes keep their order. */
const mitid = (
  id: string,
  level: 1 | 2 | 3,
  login: LoginSpec,
  task: { da: string; en: string },
): BankEntry => ({
  id,
  competence: '2.3',
  level,
  type: 'simulation',
  kind: 'mitid_login',
  correct: 0,
  basic: 'mitid',
  login,
  text: {
    da: { task: task.da, cards: LOGIN_OUTCOMES.da },
    en: { task: task.en, cards: LOGIN_OUTCOMES.en },
  },
});

const REPLY_OUTCOMES = {
  da: [{ title: 'Jeg besvarede brevet' }, { title: 'Jeg kan ikke finde eller besvare brevet' }],
  en: [{ title: 'I answered the letter' }, { title: 'I cannot find or answer the letter' }],
};

type LetterPair = { from: string; date: { da: string; en: string } } & Record<
  'da' | 'en',
  { subject: string; body: string }
>;

/** A practice Digital Post inbox in which the letter at `answer` must be opened and answered. */
const inbox = (
  id: string,
  level: 2 | 3,
  task: { da: string; en: string },
  letters: LetterPair[],
  answer: number,
): BankEntry => ({
  id,
  competence: '2.1',
  level,
  type: 'simulation',
  kind: 'digital_post',
  correct: 0,
  basic: 'digital_post',
  reply: { letter: answer },
  text: {
    da: {
      task: task.da,
      cards: REPLY_OUTCOMES.da,
      letters: letters.map((l) => ({ from: l.from, date: l.date.da, ...l.da })),
    },
    en: {
      task: task.en,
      cards: REPLY_OUTCOMES.en,
      letters: letters.map((l) => ({ from: l.from, date: l.date.en, ...l.en })),
    },
  },
});

const post = (
  id: string,
  level: 1 | 2 | 3 | 4,
  daTask: string,
  enTask: string,
  right: [string, string, string],
  wrong: [string, string, string][],
) =>
  sim(
    id,
    'digital_post',
    '2.3',
    level,
    {
      task: daTask,
      cards: [
        { title: right[1], meta: right[0] },
        ...wrong.map((w) => ({ title: w[1], meta: w[0] })),
        // Simulation cards are checked against the bank's schema in bank.test.ts.
      ] as never,
    },
    {
      task: enTask,
      cards: [
        { title: right[2], meta: right[0] },
        ...wrong.map((w) => ({ title: w[2], meta: w[0] })),
        // Simulation cards are checked against the bank's schema in bank.test.ts.
      ] as never,
    },
    'digital_post',
  );

// A real upload (the Jobnet-like CV form): the citizen fetches a practice CV, then
// attaches it with the phone's own file picker. Built by hand: the outcomes keep their order.
const cvUpload: BankEntry = {
  id: 's-cv-upload',
  competence: '1.3',
  level: 2,
  type: 'simulation',
  kind: 'jobnet_cv',
  correct: 0,
  basic: 'jobnet_cv',
  upload: { accept: ['.pdf', '.doc', '.docx'], maxKb: 2048 },
  text: {
    da: {
      task: 'Øvelse: Hent øvelses-CV’et herunder, og vedhæft det i formularen, som du ville gøre på Jobnet.',
      cards: [{ title: 'Jeg har vedhæftet filen' }, { title: 'Jeg kan ikke vedhæfte filen' }],
    },
    en: {
      task: 'Practice: Download the practice CV below and attach it in the form, as you would on Jobnet.',
      cards: [{ title: 'I have attached the file' }, { title: 'I cannot attach the file' }],
    },
  },
};

export const SIMULATIONS = [
  cvUpload,
  mitid(
    's-mitid-1',
    1,
    { userId: 'OEVE-4821', method: 'app', service: 'Jobnet', requester: 'Jobnet' },
    {
      da: 'Øvelse: Log ind på Jobnet med bruger-ID OEVE-4821. Det er kun til at øve. Godkend så i øvelses-appen.',
      en: 'Practice: Log in to Jobnet with the made-up user ID OEVE-4821 and approve in the practice app.',
    },
  ),
  mitid(
    's-mitid-2',
    2,
    {
      userId: 'TRAEN-1193',
      method: 'code_display',
      code: '640218',
      service: 'borger.dk',
      requester: 'borger.dk',
    },
    {
      da: 'Øvelse: Log ind på borger.dk med det opdigtede bruger-ID TRAEN-1193. Du bruger en kodeviser: skriv den kode, den viser.',
      en: 'Practice: Log in to borger.dk with the made-up user ID TRAEN-1193. You use a code display: type the code it shows.',
    },
  ),
  mitid(
    's-mitid-3',
    3,
    { userId: 'PRAKSIS-77', method: 'app', service: 'Jobnet', requester: 'Hurtiglån ApS' },
    {
      da: 'Øvelse: Log ind på Jobnet med det opdigtede bruger-ID PRAKSIS-77. Se efter i appen, hvem der beder om login, før du godkender.',
      en: 'Practice: Log in to Jobnet with the made-up user ID PRAKSIS-77. Check in the app who is asking to log in before you approve.',
    },
  ),

  post(
    's-post-1',
    1,
    'Øvelse: Find brevet fra Jobcenter København i indbakken.',
    'Practice: Find the letter from Jobcenter København in the inbox.',
    ['Jobcenter København', 'Indkaldelse til samtale', 'Invitation to a meeting'],
    [
      ['Skattestyrelsen', 'Din forskudsopgørelse', 'Your tax assessment'],
      ['Boligselskabet Prøvely', 'Nyhedsbrev', 'Newsletter'],
    ],
  ),
  inbox(
    's-post-2',
    2,
    {
      da: 'Øvelse: Find brevet om din jobsamtale i indbakken, åbn det, og svar, om du kan komme.',
      en: 'Practice: Find the letter about your job meeting in the inbox, open it and reply whether you can come.',
    },
    [
      {
        from: 'Skattestyrelsen',
        date: { da: '24. feb.', en: '24 Feb' },
        da: { subject: 'Din forskudsopgørelse', body: 'Din forskudsopgørelse er klar på skat.dk.' },
        en: { subject: 'Your tax assessment', body: 'Your tax assessment is ready on skat.dk.' },
      },
      {
        from: 'Jobcenter København',
        date: { da: '25. feb.', en: '25 Feb' },
        da: {
          subject: 'Jobsamtale 3. marts – svar venligst',
          body: 'Du er indkaldt til jobsamtale tirsdag den 3. marts kl. 10.00 på Jobcenter København. Svar på dette brev, om du kan komme.',
        },
        en: {
          subject: 'Job meeting 3 March – please reply',
          body: 'You are invited to a job meeting on Tuesday 3 March at 10.00 at Jobcenter København. Reply to this letter whether you can come.',
        },
      },
      {
        from: 'Jobcenter København',
        date: { da: '20. feb.', en: '20 Feb' },
        da: {
          subject: 'Kvittering for tilmelding',
          body: 'Du er tilmeldt som jobsøgende. Du skal ikke svare på dette brev.',
        },
        en: {
          subject: 'Receipt for registration',
          body: 'You are registered as a job seeker. You do not need to reply to this letter.',
        },
      },
      {
        from: 'Region Hovedstaden',
        date: { da: '18. feb.', en: '18 Feb' },
        da: { subject: 'Påmindelse om vaccination', body: 'Husk at bestille tid til vaccination.' },
        en: { subject: 'Vaccination reminder', body: 'Remember to book a vaccination.' },
      },
    ],
    1,
  ),
  inbox(
    's-post-3',
    3,
    {
      da: 'Øvelse: Et brev kræver, at du svarer inden for 7 dage. Find det, og besvar det.',
      en: 'Practice: One letter needs your reply within 7 days. Find it and answer it.',
    },
    [
      {
        from: 'A-kassen',
        date: { da: '2. mar.', en: '2 Mar' },
        da: {
          subject: 'Velkommen som medlem',
          body: 'Velkommen i a-kassen. Læs om dine rettigheder på vores side.',
        },
        en: {
          subject: 'Welcome as a member',
          body: 'Welcome to the unemployment fund. You can read about your rights on our website.',
        },
      },
      {
        from: 'Kommunen',
        date: { da: '1. mar.', en: '1 Mar' },
        da: { subject: 'Affaldskalender', body: 'Her er årets affaldskalender for din adresse.' },
        en: {
          subject: 'Waste collection calendar',
          body: 'Here is this year’s waste collection calendar for your address.',
        },
      },
      {
        from: 'A-kassen',
        date: { da: '28. feb.', en: '28 Feb' },
        da: {
          subject: 'Svarfrist: din jobsøgning',
          body: 'Svar senest om 7 dage: skriv, hvilke job du har søgt de seneste to uger. Ellers kan det påvirke din dagpengeret.',
        },
        en: {
          subject: 'Deadline: your job search',
          body: 'Reply within 7 days: write which jobs you have applied for in the last two weeks. Otherwise it may affect your right to benefits.',
        },
      },
      {
        from: 'Banken',
        date: { da: '27. feb.', en: '27 Feb' },
        da: { subject: 'Nye vilkår', body: 'Vi opdaterer vores vilkår pr. 1. april.' },
        en: { subject: 'New terms', body: 'We are updating our terms from 1 April.' },
      },
    ],
    2,
  ),
  post(
    's-post-4',
    4,
    'Øvelse: Du vil give din søster fuldmagt til din Digital Post. Hvilket brev bekræfter fuldmagten?',
    'Practice: You want to give your sister power of attorney for your Digital Post. Which letter confirms it?',
    [
      'Digitaliseringsstyrelsen',
      'Bekræftelse: Digital fuldmagt oprettet',
      'Confirmation: digital power of attorney created',
    ],
    [
      ['Digitaliseringsstyrelsen', 'Nyt om MitID', 'News about MitID'],
      ['Jobcenter København', 'Din plan', 'Your plan'],
      ['Ukendt afsender', 'Bekræft din fuldmagt her (link)', 'Confirm your power here (link)'],
    ],
  ),

  sim(
    's-cv-1',
    'jobnet_cv',
    '3.1',
    2,
    {
      task: 'Øvelse: Du skal sende dit CV i en formular som på Jobnet. Hvilken fil vælger du?',
      cards: [
        { title: 'CV_Anna_Proevesen.pdf', meta: 'PDF, 180 KB' },
        { title: 'IMG_2231.jpg', meta: 'Billede, 4 MB' },
        { title: 'CV_gammel_udkast.tmp', meta: 'Midlertidig fil' },
      ],
    },
    {
      task: 'Practice: You are uploading your CV to a Jobnet-like form. Which file do you choose?',
      cards: [
        { title: 'CV_Anna_Proevesen.pdf', meta: 'PDF, 180 KB' },
        { title: 'IMG_2231.jpg', meta: 'Image, 4 MB' },
        { title: 'CV_old_draft.tmp', meta: 'Temporary file' },
      ],
    },
    'jobnet_cv',
  ),
  sim(
    's-cv-2',
    'jobnet_cv',
    '3.1',
    3,
    {
      task: 'Øvelse: Feltet "Jobønske" skal udfyldes i dit CV. Hvilken tekst er bedst?',
      cards: [
        { title: 'Lagermedarbejder med truckcertifikat, fuld tid' },
        { title: 'Alt muligt' },
        { title: 'Ring til mig' },
      ],
    },
    {
      task: 'Practice: Fill in the "Job wish" field in your CV. Which text is best?',
      cards: [
        { title: 'Warehouse worker with forklift licence, full time' },
        { title: 'Anything' },
        { title: 'Call me' },
      ],
    },
    'jobnet_cv',
  ),
  sim(
    's-cv-3',
    'jobnet_cv',
    '3.2',
    3,
    {
      task: 'Øvelse: Formularen siger "Filen er for stor (maks. 2 MB)". Hvad gør du?',
      cards: [
        { title: 'Gemmer CV’et som PDF uden store billeder og uploader igen' },
        { title: 'Uploader den samme fil igen og igen' },
        { title: 'Sender CV’et som billede i stedet' },
        { title: 'Opgiver ansøgningen' },
      ],
    },
    {
      task: 'Practice: The form says "The file is too large (max 2 MB)". What do you do?',
      cards: [
        { title: 'Save the CV as a PDF without large images and upload again' },
        { title: 'Upload the same file again and again' },
        { title: 'Send the CV as a picture instead' },
        { title: 'Give up the application' },
      ],
    },
    'jobnet_cv',
  ),
  sim(
    's-cv-4',
    'jobnet_cv',
    '3.1',
    4,
    {
      task: 'Øvelse: Hvilken beskrivelse af erfaring passer bedst i et CV?',
      cards: [
        {
          title: '2019–2024 Lagermedarbejder, Prøve A/S: plukke varer, scanne og tage imod varer',
        },
        { title: 'Har arbejdet' },
        { title: 'Lager, lager, lager' },
        { title: 'Se min Facebook' },
      ],
    },
    {
      task: 'Practice: Which description of experience fits a CV best?',
      cards: [
        {
          title:
            '2019–2024 Warehouse worker, Prøve A/S: picking, scanning, in charge of goods receipt',
        },
        { title: 'Have worked' },
        { title: 'Warehouse, warehouse, warehouse' },
        { title: 'See my Facebook' },
      ],
    },
    'jobnet_cv',
  ),

  sim(
    's-phish-1',
    'phishing',
    '4.2',
    2,
    {
      task: 'Øvelse: Hvilken e-mail prøver at snyde dig (phishing)?',
      cards: [
        {
          title: 'Din konto er lukket! Log ind her inden 1 time',
          meta: 'Fra: sikkerhed@mitid-support.xyz',
        },
        { title: 'Kvittering for din ansøgning', meta: 'Fra: job@proeve-as.dk' },
        { title: 'Mødereferat fra holdet', meta: 'Fra: kollega@proeve-as.dk' },
      ],
    },
    {
      task: 'Practice: Which e-mail is a fraud attempt (phishing)?',
      cards: [
        {
          title: 'Your account is closed! Log in here within 1 hour',
          meta: 'From: security@mitid-support.xyz',
        },
        { title: 'Receipt for your application', meta: 'From: job@proeve-as.dk' },
        { title: 'Minutes from the team', meta: 'From: colleague@proeve-as.dk' },
      ],
    },
  ),
  sim(
    's-phish-2',
    'phishing',
    '4.2',
    3,
    {
      task: 'Øvelse: Hvilken besked skal du være mest mistænksom over for?',
      cards: [
        {
          title: 'Du har vundet en iPhone – betal kun fragt med kort',
          meta: 'Sms fra ukendt nummer',
        },
        { title: 'Husk din tid i værkstedet kl. 10', meta: 'Sms fra Jobcenter København' },
        { title: 'Din pakke er leveret i pakkeboks', meta: 'App-besked fra fragtfirma' },
      ],
    },
    {
      task: 'Practice: Which message should you be most suspicious of?',
      cards: [
        {
          title: 'You won an iPhone – just pay shipping by card',
          meta: 'Text from unknown number',
        },
        { title: 'Remember your workshop time at 10', meta: 'Text from Jobcenter København' },
        { title: 'Your parcel is in the parcel locker', meta: 'App message from carrier' },
      ],
    },
  ),
  sim(
    's-phish-3',
    'phishing',
    '4.2',
    4,
    {
      task: 'Øvelse: Hvilket link i e-mailen fra "banken" er falsk?',
      cards: [
        { title: 'https://danskebank.dk.kontrol-login.com', meta: 'Linktekst: Log på netbank' },
        { title: 'https://danskebank.dk/privat', meta: 'Linktekst: Forsiden' },
        { title: 'https://www.danskebank.dk/kontakt', meta: 'Linktekst: Kontakt' },
      ],
    },
    {
      task: 'Practice: Which link in the e-mail from "the bank" is fake?',
      cards: [
        {
          title: 'https://danskebank.dk.kontrol-login.com',
          meta: 'Link text: Log in to online banking',
        },
        { title: 'https://danskebank.dk/privat', meta: 'Link text: Home page' },
        { title: 'https://www.danskebank.dk/kontakt', meta: 'Link text: Contact' },
      ],
    },
    'netbank',
  ),
  sim(
    's-phish-4',
    'phishing',
    '4.2',
    5,
    {
      task: 'Øvelse: En "chef" skriver og beder dig købe gavekort hurtigt. Hvad viser bedst, at det er svindel?',
      cards: [
        {
          title: 'Den kommer ikke fra firmaets adresse, og det skal gå stærkt',
          meta: 'Fra: direktoer.proeve@gmail.com',
        },
        { title: 'E-mailen har en hilsen', meta: '' },
        { title: 'E-mailen er skrevet på dansk', meta: '' },
      ],
    },
    {
      task: 'Practice: A "boss" writes asking you to buy gift cards quickly. What best reveals the fraud?',
      cards: [
        {
          title: 'The sender address is not the company’s, and there is time pressure',
          meta: 'From: director.proeve@gmail.com',
        },
        { title: 'The e-mail has a greeting', meta: '' },
        { title: 'The e-mail is in Danish', meta: '' },
      ],
    },
  ),
  sim(
    's-phish-5',
    'phishing',
    '4.1',
    6,
    {
      task: 'Øvelse: Du får en mail med fire filer. Hvilken er farligst at åbne?',
      cards: [
        { title: 'Faktura_2026.pdf.exe' },
        { title: 'Referat.docx' },
        { title: 'Billede.jpg' },
        { title: 'Vagtplan.pdf' },
      ],
    },
    {
      task: 'Practice: Which attachment is most dangerous to open?',
      cards: [
        { title: 'Invoice_2026.pdf.exe' },
        { title: 'Minutes.docx' },
        { title: 'Picture.jpg' },
        { title: 'Rota.pdf' },
      ],
    },
  ),

  sim(
    's-pw-1',
    'password',
    '4.1',
    1,
    {
      task: 'Øvelse: Vælg den sikreste adgangskode.',
      cards: [{ title: 'Blå-Cykel-Synger-Regn-42' }, { title: '123456' }, { title: 'anna1985' }],
    },
    {
      task: 'Practice: Choose the safest password.',
      cards: [{ title: 'Blue-Bike-Sings-Rain-42' }, { title: '123456' }, { title: 'anna1985' }],
    },
  ),
  sim(
    's-pw-2',
    'password',
    '4.1',
    2,
    {
      task: 'Øvelse: Hvilken adgangskode er bedst til din e-mail?',
      cards: [
        { title: 'En lang, unik sætning, du ikke bruger andre steder' },
        { title: 'Den samme som til Facebook' },
        { title: 'Dit barns navn' },
        { title: 'password' },
      ],
    },
    {
      task: 'Practice: Which password is best for your e-mail?',
      cards: [
        { title: 'A long, unique phrase you do not use elsewhere' },
        { title: 'The same as for Facebook' },
        { title: 'Your child’s name' },
        { title: 'password' },
      ],
    },
  ),
  sim(
    's-pw-3',
    'password',
    '4.1',
    3,
    {
      task: 'Øvelse: Hvor er det mest sikkert at gemme dine mange koder?',
      cards: [
        { title: 'I en adgangskodemanager' },
        { title: 'På en seddel på skærmen' },
        { title: 'I en sms til dig selv' },
        { title: 'I et opslag på sociale medier' },
      ],
    },
    {
      task: 'Practice: Where do you keep your many passwords most safely?',
      cards: [
        { title: 'In a password manager' },
        { title: 'On a note on the screen' },
        { title: 'In a text to yourself' },
        { title: 'In a social media post' },
      ],
    },
  ),
  sim(
    's-pw-4',
    'password',
    '4.1',
    4,
    {
      task: 'Øvelse: En tjeneste, du bruger, er blevet hacket. Hvad gør du?',
      cards: [
        { title: 'Skifter adgangskoden der og alle steder, hvor du har brugt den' },
        { title: 'Ingenting' },
        { title: 'Sletter din e-mail' },
        { title: 'Deler din kode med en ven' },
      ],
    },
    {
      task: 'Practice: A service you use has been hacked. What do you do?',
      cards: [
        { title: 'Change the password there and everywhere you reused it' },
        { title: 'Nothing' },
        { title: 'Delete your e-mail' },
        { title: 'Share your code with a friend' },
      ],
    },
  ),

  sim(
    's-search-1',
    'search_result',
    '1.2',
    1,
    {
      task: 'Øvelse: Du søger "melde sig ledig". Hvilket resultat er det officielle?',
      cards: [
        { title: 'Meld dig ledig – borger.dk', meta: 'https://www.borger.dk' },
        { title: 'Tjen 5000 kr om dagen hjemmefra!', meta: 'Annonce · hurtig-rig.biz' },
        { title: 'Forum: nogen der ved noget?', meta: 'snakkeforum.net' },
      ],
    },
    {
      task: 'Practice: You search "register as unemployed". Which result is the official one?',
      cards: [
        { title: 'Register as unemployed – borger.dk', meta: 'https://www.borger.dk' },
        { title: 'Earn 5000 kr a day from home!', meta: 'Ad · get-rich.biz' },
        { title: 'Forum: does anyone know?', meta: 'chatforum.net' },
      ],
    },
    'borger_dk',
  ),
  sim(
    's-search-2',
    'search_result',
    '1.2',
    2,
    {
      task: 'Øvelse: Du søger efter kurser i Excel. Hvilket resultat er mest troværdigt?',
      cards: [
        { title: 'Gratis Excel-kursus for ledige – Jobcenter København', meta: 'kk.dk' },
        { title: 'Download Excel GRATIS crack', meta: 'gratis-software.ru' },
        { title: 'Excel-kursus – betal med gavekort', meta: 'Annonce' },
      ],
    },
    {
      task: 'Practice: You search for Excel courses. Which result is most trustworthy?',
      cards: [
        { title: 'Free Excel course for jobseekers – Jobcenter København', meta: 'kk.dk' },
        { title: 'Download Excel FREE crack', meta: 'free-software.ru' },
        { title: 'Excel course – pay by gift card', meta: 'Ad' },
      ],
    },
  ),
  sim(
    's-search-3',
    'search_result',
    '1.2',
    4,
    {
      task: 'Øvelse: Hvilken kilde er bedst til tal om ledighed i Danmark?',
      cards: [
        { title: 'Ledighed – Danmarks Statistik', meta: 'dst.dk' },
        { title: 'Mit syn på ledighed', meta: 'personlig blog' },
        { title: 'Chok-tal om ledige!', meta: 'clickbait-nyt.dk' },
      ],
    },
    {
      task: 'Practice: Which source is best for figures on unemployment in Denmark?',
      cards: [
        { title: 'Unemployment – Statistics Denmark', meta: 'dst.dk' },
        { title: 'My view on unemployment', meta: 'personal blog' },
        { title: 'Shock figures about the unemployed!', meta: 'clickbait-news.dk' },
      ],
    },
  ),
  sim(
    's-search-4',
    'search_result',
    '1.1',
    5,
    {
      task: 'Øvelse: Du vil have job hos et firma, der er partner med Microsoft. Hvilken søgning er bedst?',
      cards: [
        { title: '"Microsoft partner" job Azure København' },
        { title: 'job' },
        { title: 'Microsoft' },
        { title: 'computer arbejde' },
      ],
    },
    {
      task: 'Practice: You are looking for jobs at Microsoft partners. Which search is best?',
      cards: [
        { title: '"Microsoft partner" job Azure Copenhagen' },
        { title: 'job' },
        { title: 'Microsoft' },
        { title: 'computer work' },
      ],
    },
  ),
  sim(
    's-search-5',
    'search_result',
    '1.2',
    6,
    {
      task: 'Øvelse: To artikler om AI i job er uenige. Hvilken er bedst underbygget?',
      cards: [
        { title: 'Forskningsartikel med data, metode og fagfællebedømmelse', meta: 'tidsskrift' },
        { title: 'Opslag uden kilder med mange delinger', meta: 'socialt medie' },
        { title: 'Pressemeddelelse fra et firma, der sælger AI', meta: 'firma.dk' },
      ],
    },
    {
      task: 'Practice: Two articles on AI in jobs disagree. Which is best supported?',
      cards: [
        { title: 'Research article with data, method and peer review', meta: 'journal' },
        { title: 'Post without sources but many shares', meta: 'social media' },
        { title: 'Press release from a company selling AI', meta: 'company.dk' },
      ],
    },
  ),
];
