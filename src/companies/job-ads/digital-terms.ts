// Which DigComp competence a digital phrase from a Danish job ad exercises. The ESCO group says
// whether a phrase is digital (S5 working with computers, K06 ICT); these word stems say which
// competence, the way the learning area maps ESCO's digital skill groups (learning/esco.ts).
// First match wins, so the more specific stems come first. Stems of four letters or fewer
// ("it", "pc", "sql") count only as whole words.
const RULES: [string[], string][] = [
  [
    [
      'programm',
      'kode',
      'kodning',
      'coding',
      'python',
      'java',
      'c#',
      'typescript',
      'sql',
      'softwareudvikl',
      'devops',
      'script',
    ],
    '3.4',
  ],
  [
    [
      'it-sikkerhed',
      'informationssikkerhed',
      'cybersikkerhed',
      'gdpr',
      'persondata',
      'databeskyt',
      'phishing',
      'adgangskode',
    ],
    '4.2',
  ],
  [
    [
      'netværk',
      'server',
      'cloud',
      'azure',
      'aws',
      'installation af',
      'opsætning af',
      'hardware',
      'firewall',
    ],
    '4.1',
  ],
  [['it-support', 'support', 'fejlfind', 'fejlsøg', 'hotline'], '5.1'],
  [
    ['excel', 'regneark', 'database', 'power bi', 'powerbi', 'datahånd', 'dataanalyse', 'data'],
    '1.3',
  ],
  [
    [
      'word',
      'powerpoint',
      'office',
      'tekstbehandl',
      'photoshop',
      'indesign',
      'grafisk',
      'cad',
      'videoredig',
    ],
    '3.1',
  ],
  [['teams', 'outlook', 'e-mail', 'email', 'mail', 'videomøde', 'zoom', 'skype'], '2.1'],
  [['sharepoint', 'onedrive', 'samarbejdsværktøj'], '2.4'],
  [
    [
      'sociale medier',
      'some',
      'facebook',
      'linkedin',
      'instagram',
      'hjemmeside',
      'web',
      'seo',
      'online',
    ],
    '2.2',
  ],
  [['internettet', 'browser', 'google', 'informationssøgning'], '1.1'],
  [['mitid', 'borger.dk', 'digital post', 'selvbetjening', 'e-boks'], '2.3'],
  [
    [
      'it',
      'edb',
      'computer',
      'pc',
      'digital',
      'software',
      'it-system',
      'sap',
      'navision',
      'erp',
      'crm',
      'tablet',
    ],
    '5.2',
  ],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const COMPILED: [RegExp, string][] = RULES.map(([stems, competence]) => [
  new RegExp(
    stems
      .map((s) => (s.length <= 4 ? `(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])` : escape(s)))
      .join('|'),
    'iu',
  ),
  competence,
]);

/** The DigComp competence a phrase names, or null when it names nothing digital. */
export function digitalCompetenceOf(phrase: string): string | null {
  for (const [pattern, competence] of COMPILED) if (pattern.test(phrase)) return competence;
  return null;
}

/** Whether a group is one of ESCO's digital ones. */
export const isDigitalGroup = (group: string) => group === 'S5' || group === 'K06';

/** A digital group's competence where no stem says more: S5 choosing tools, K06 ICT knowledge. */
export const DEFAULT_COMPETENCE: Record<string, string> = { S5: '5.2', K06: '5.2' };
