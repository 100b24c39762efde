// Fictitious Copenhagen demo data. Surnames are obviously invented so no one mistakes a demo
// record for a real person; CPR numbers use day + 60, a range the CPR register never issues.

export const DEMO_PASSWORD = 'digiloft-demo';
export const DEMO_DOMAIN = 'demo.digiloft.dk';

export const DEMO_MUNICIPALITY = { code: '0101', name: 'København' };

export const DEMO_SITES = [
  {
    name: 'Jobcenter København, Gammel Køge Landevej',
    address: 'Gammel Køge Landevej 3',
    postalCode: '2500',
    city: 'Valby',
    hasWorkshop: true,
  },
  {
    name: 'Jobcenter København, Lærkevej',
    address: 'Lærkevej 15',
    postalCode: '2400',
    city: 'København NV',
    hasWorkshop: true,
  },
] as const;

export const DEMO_USERS = [
  { key: 'citizen', name: 'Borger Demosen', roles: ['citizen'], site: null },
  { key: 'ementor', name: 'Emma Mentorsen', roles: ['ementor'], site: 0 },
  { key: 'caseworker', name: 'Karl Sagsbehandlersen', roles: ['caseworker'], site: 0 },
  { key: 'pilot_manager', name: 'Pia Projektsen', roles: ['pilot_manager'], site: null },
  { key: 'company', name: 'Frida Firmasen', roles: ['company'], site: null },
  {
    key: 'company_consultant',
    name: 'Viggo Virksomhedsen',
    roles: ['company_consultant'],
    site: null,
  },
  { key: 'taskforce', name: 'Tove Taskforcesen', roles: ['taskforce'], site: null },
  { key: 'analyst', name: 'Anders Analysesen', roles: ['analyst'], site: null },
  { key: 'admin', name: 'Ada Administratorsen', roles: ['admin'], site: null },
  { key: 'caseworker2', name: 'Karen Kasusen', roles: ['caseworker'], site: 1 },
  { key: 'caseworker3', name: 'Kasper Journalsen', roles: ['caseworker'], site: 1 },
  { key: 'ementor2', name: 'Elias Vejledersen', roles: ['ementor'], site: 1 },
] as const;

export const FIRST_NAMES = [
  'Anna',
  'Mette',
  'Sofie',
  'Ida',
  'Laura',
  'Fatima',
  'Hanne',
  'Birgitte',
  'Amira',
  'Camilla',
  'Lars',
  'Jens',
  'Peter',
  'Mohammed',
  'Søren',
  'Ali',
  'Henrik',
  'Thomas',
  'Ahmad',
  'Niels',
  'Karin',
  'Yasmin',
  'Lone',
  'Bo',
  'Emil',
  'Ole',
  'Maja',
  'Omar',
  'Susanne',
  'Kim',
];

export const LAST_NAMES = [
  'Prøvesen',
  'Eksempelsen',
  'Fiktivsen',
  'Testrup',
  'Demosen',
  'Opdigtsen',
  'Påhitsen',
  'Skabelonsen',
  'Modelsen',
  'Dummysen',
  'Forsøgsen',
  'Attrapsen',
];

export const EMPLOYMENT_GOALS = [
  'Lagermedarbejder',
  'Kontorassistent',
  'Pædagogmedhjælper',
  'IT-supporter',
  'Social- og sundhedshjælper',
  'Chauffør',
  'Butiksassistent',
  'Rengøringsassistent',
  'Cloud-konsulent (Microsoft Azure)',
  'Regnskabsassistent',
  'Kok',
  'Webudvikler',
];

export const VULNERABILITY_REASONS = [
  'Kan ikke selv logge ind med MitID og har brug for hjælp til Digital Post.',
  'Har ikke oprettet CV på Jobnet og bruger kun telefonen til opkald.',
  'Usikker på e-mail og vedhæftede filer; har misset breve i Digital Post.',
  'Har ikke egen computer og er usikker på netbank og borger.dk.',
];

export { mulberry32 as prng } from '../platform/random';

/** A fictitious CPR number: a real birth date with 60 added to the day. */
export function fictitiousCpr(rand: () => number, index: number): string {
  const year = 1960 + Math.floor(rand() * 44); // 1960–2003
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const yy = year % 100;
  // Digit 7 must place the year in the right century: 0–3 for 1900s, 4 for 2000–2036.
  const seventh = year >= 2000 ? 4 : Math.floor(rand() * 4);
  const serial = String(100 + (index % 900)).padStart(3, '0');
  const dd = String(day + 60).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  return `${dd}${mm}${String(yy).padStart(2, '0')}-${seventh}${serial}`;
}

/**
 * Fictitious CPR numbers that never repeat: a number already handed out is drawn again (a new
 * birth date), so a demo of any size seeds without `cpr_taken`. The draws before a repeat are
 * the same as `fictitiousCpr`'s, so a demo's people stay the same as before at sizes that
 * never collided. There are some 16 million such numbers; far more than any municipality.
 */
export function uniqueFictitiousCprs(rand: () => number): (index: number) => string {
  const taken = new Set<string>();
  return (index) => {
    for (;;) {
      const cpr = fictitiousCpr(rand, index);
      if (!taken.has(cpr)) {
        taken.add(cpr);
        return cpr;
      }
    }
  };
}

/**
 * How `--citizens N` splits into the demo's four groups: the Azure pilot's cohort is half, the
 * office traineeship's a quarter, the general population the rest (so N = 800 gives 200, 400,
 * 200 and the whole adds up to N).
 */
export function demoGroups(total: number): { general: number; cohort: number; earlyStop: number } {
  const quarter = Math.floor(total / 4);
  return { general: total - 3 * quarter, cohort: 2 * quarter, earlyStop: quarter };
}
