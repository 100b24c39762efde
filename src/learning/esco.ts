// ESCO occupations and what their essential digital skills ask of a person in DigComp terms.
// The data (esco/esco-digital.json) is derived from the official ESCO v1.1.1 export by
// scripts/build-esco.ts; the rules that turn it into DigComp competences and levels are here.
import fs from 'node:fs';

export const ESCO_ATTRIBUTION =
  'This service uses the ESCO classification of the European Commission.';
export const ESCO_VERSION = 'ESCO v1.1.1';

export interface EscoSkill {
  id: string;
  label: string;
  reuseLevel: string;
  /** ESCO skill-pillar codes (S5.6.1, T1.3) or ISCED-F fields (F0613) above the skill. */
  groups: string[];
}

export interface EscoOccupation {
  id: string;
  code: string;
  iscoGroup: string;
  label: string;
  altLabels: string[];
  skills: EscoSkill[];
}

interface RawEsco {
  skills: [string, string, string, string[]][];
  occupations: [string, string, string, string, string[], number[]][];
}

export class EscoCatalogue {
  private readonly byId = new Map<string, EscoOccupation>();
  private readonly searchText: [EscoOccupation, string, string][] = [];

  constructor(raw: RawEsco) {
    const skills = raw.skills.map(([id, label, reuseLevel, groups]) => ({
      id,
      label,
      reuseLevel,
      groups,
    }));
    for (const [id, code, iscoGroup, label, altLabels, skillIdx] of raw.occupations) {
      const o = { id, code, iscoGroup, label, altLabels, skills: skillIdx.map((i) => skills[i]!) };
      this.byId.set(id, o);
      this.searchText.push([o, label.toLowerCase(), altLabels.join('\n').toLowerCase()]);
    }
  }

  get size() {
    return this.byId.size;
  }

  find(id: string): EscoOccupation | null {
    return this.byId.get(id) ?? null;
  }

  /**
   * Occupations whose label (first) or other labels contain every word of the query. ESCO has
   * no Danish labels here, so a Danish job word also searches for its English ones.
   */
  search(query: string, limit = 20): EscoOccupation[] {
    const words = query
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => [w, ...englishFor(w)]);
    if (words.length === 0) return [];
    const has = (text: string, alternatives: string[]) =>
      alternatives.some((w) => text.includes(w));
    const scored: [number, EscoOccupation][] = [];
    for (const [o, label, alt] of this.searchText) {
      if (!words.every((w) => has(label, w) || has(alt, w))) continue;
      const inLabel = words.every((w) => has(label, w));
      const starts = words[0]!.some((w) => label.startsWith(w));
      scored.push([(inLabel ? 0 : 2) + (starts ? 0 : 1), o]);
    }
    return scored
      .sort(
        (a, b) =>
          a[0] - b[0] ||
          a[1].label.length - b[1].label.length ||
          a[1].label.localeCompare(b[1].label),
      )
      .slice(0, limit)
      .map(([, o]) => o);
  }
}

/**
 * Danish job words and the English ones ESCO uses for them (a word matches by its beginning,
 * so "udviklere" finds "udvikler"). Enough for the common searches of a jobcentre; the English
 * words still work as they are.
 */
export const DANISH_OCCUPATION_WORDS: Readonly<Record<string, readonly string[]>> = {
  udvikler: ['developer'],
  programmør: ['programmer', 'developer'],
  softwareudvikler: ['software developer'],
  webudvikler: ['web developer'],
  systemudvikler: ['software developer', 'systems'],
  it: ['ict'],
  'it-supporter': ['ict help desk', 'ict technician'],
  supporter: ['help desk', 'support'],
  netværk: ['network'],
  systemadministrator: ['system administrator'],
  administrator: ['administrator'],
  cloud: ['cloud'],
  sikkerhed: ['security'],
  data: ['data'],
  dataanalytiker: ['data analyst'],
  analytiker: ['analyst'],
  konsulent: ['consultant'],
  projektleder: ['project manager'],
  leder: ['manager'],
  chef: ['manager'],
  direktør: ['director', 'chief executive'],
  sygeplejerske: ['nurse'],
  læge: ['doctor', 'physician'],
  social: ['social'],
  sosu: ['health care assistant', 'social care'],
  hjemmehjælper: ['home care'],
  pædagog: ['pedagogue', 'early years', 'social pedagogue'],
  lærer: ['teacher'],
  underviser: ['teacher', 'instructor'],
  kontor: ['office', 'clerk'],
  kontorassistent: ['office clerk'],
  sekretær: ['secretary'],
  bogholder: ['bookkeeper', 'accounting'],
  regnskab: ['accountant', 'accounting'],
  revisor: ['auditor', 'accountant'],
  økonomi: ['financial', 'finance'],
  jurist: ['lawyer', 'legal'],
  advokat: ['lawyer'],
  sælger: ['sales'],
  salg: ['sales'],
  butik: ['shop'],
  ekspedient: ['shop assistant'],
  kasse: ['cashier'],
  kunde: ['customer'],
  kundeservice: ['customer service', 'contact centre'],
  marketing: ['marketing'],
  grafiker: ['graphic designer'],
  designer: ['designer'],
  ingeniør: ['engineer'],
  tekniker: ['technician'],
  elektriker: ['electrician'],
  tømrer: ['carpenter'],
  murer: ['bricklayer'],
  maler: ['painter'],
  vvs: ['plumber'],
  smed: ['smith', 'metal'],
  mekaniker: ['mechanic'],
  chauffør: ['driver'],
  lastbil: ['lorry', 'truck'],
  buschauffør: ['bus driver'],
  lager: ['warehouse'],
  lagerarbejder: ['warehouse worker'],
  logistik: ['logistics'],
  kok: ['cook', 'chef'],
  tjener: ['waiter'],
  rengøring: ['cleaner', 'cleaning'],
  rengøringsassistent: ['cleaner'],
  pedel: ['caretaker', 'janitor'],
  håndværker: ['craft'],
  landbrug: ['agricultural', 'farm'],
  gartner: ['gardener'],
  journalist: ['journalist'],
  bibliotekar: ['librarian'],
  receptionist: ['receptionist'],
  fysioterapeut: ['physiotherapist'],
  tandlæge: ['dentist'],
  apoteker: ['pharmacist'],
  frisør: ['hairdresser'],
  politi: ['police'],
  soldat: ['soldier'],
};

function englishFor(word: string): readonly string[] {
  const exact = DANISH_OCCUPATION_WORDS[word];
  if (exact) return exact;
  // A Danish plural or definite form ("udviklere", "sygeplejersken") begins with the word.
  for (const [danish, english] of Object.entries(DANISH_OCCUPATION_WORDS))
    if (danish.length >= 4 && word.startsWith(danish)) return english;
  return [];
}

let catalogue: EscoCatalogue | null = null;

/** The catalogue, read once per process (≈ 0.9 MB of JSON). */
export function esco(): EscoCatalogue {
  catalogue ??= new EscoCatalogue(
    JSON.parse(
      fs.readFileSync(new URL('./esco/esco-digital.json', import.meta.url), 'utf8'),
      // A data file in the repository, generated by scripts and checked by esco.test.ts.
    ) as RawEsco,
  );
  return catalogue;
}

/** ESCO's own concepts for the 21 DigComp competences, by their ESCO label. */
const DIGCOMP_BY_LABEL: Record<string, string> = {
  'browse, search and filter data, information and digital content': '1.1',
  'evaluate data, information and digital content': '1.2',
  'manage data, information and digital content': '1.3',
  'interact through digital technologies': '2.1',
  'share through digital technologies': '2.2',
  'engage in citizenship through digital technologies': '2.3',
  'collaborate through digital technologies': '2.4',
  'use online conventions of netiquette': '2.5',
  'manage digital identity': '2.6',
  'develop digital content': '3.1',
  'integrate and re-elaborate digital content': '3.2',
  'copyright and licenses related to digital content': '3.3',
  'computer programming': '3.4',
  'protect ICT devices': '4.1',
  'protect personal data and privacy': '4.2',
  'protect health and well-being while using digital technologies': '4.3',
  'protect the environment from the impact of the digital technologies': '4.4',
  'solve technical problems': '5.1',
  'identify technological needs': '5.2',
  'creatively use digital technologies': '5.3',
  'identify digital competence gaps': '5.4',
};

/**
 * ESCO's digital skill groups and ICT fields of education → the DigComp competence they
 * exercise. Anything else digital (specialised work software, machinery) counts as 5.2,
 * "identifying needs and technological responses": choosing and using digital tools for a task.
 */
export const GROUP_COMPETENCES: Record<string, string> = {
  'S5.0.0': '5.2', // working with computers
  'S5.1.0': '3.4', // programming computer systems
  'S5.2.0': '4.1', // setting up and protecting computer systems
  'S5.2.1': '5.1', // setting up computer systems
  'S5.2.2': '4.1', // protecting ICT devices
  'S5.2.3': '5.1', // resolving computer problems
  'S5.5.0': '1.2', // accessing and analysing digital data
  'S5.5.1': '1.1', // browsing, searching and filtering digital data
  'S5.5.2': '1.3', // managing, gathering and storing digital data
  'S5.6.0': '2.4', // collaboration, content creation and problem solving
  'S5.6.1': '2.4', // digital tools for collaboration and productivity
  'S5.6.2': '3.1', // word processing, publishing and presentation software
  'S5.6.3': '3.2', // computer aided design and drawing
  'S5.6.4': '3.2', // processing sound and images
  'S5.7.0': '5.2', // digital tools to control machinery
  'T1.3': '5.2', // working with digital devices and applications
  F0211: '3.2', // audio-visual techniques and media production
  F0413: '1.3', // management and administration (ERP, business data)
  F0414: '2.2', // marketing and advertising (online channels)
  F0611: '5.2', // computer use
  F0612: '1.3', // database and network design and administration
  F0613: '3.4', // software and applications development and analysis
  F0714: '5.1', // electronics and automation
};
const FALLBACK_COMPETENCE = '5.2';

export function competencesOf(skill: EscoSkill): string[] {
  const direct = DIGCOMP_BY_LABEL[skill.label];
  if (direct) return [direct];
  const mapped = new Set(
    skill.groups.map((g) => GROUP_COMPETENCES[g]).filter((c): c is string => !!c),
  );
  return mapped.size > 0 ? [...mapped].sort() : [FALLBACK_COMPETENCE];
}

/**
 * The DigComp level a job asks for, by the ISCO skill level of the occupation (major group
 * 1–3: tertiary work, 4–8: skilled, 9: elementary) and how specific the skill is: a
 * cross-sector skill at the job's base level, a sector-specific one a level above, an
 * occupation-specific one two above. DigComp's 8 levels are capped at 6, the test's top.
 */
export function levelFor(iscoGroup: string, reuseLevel: string): number {
  const major = Number(iscoGroup.charAt(0));
  const base = major >= 1 && major <= 3 ? 4 : major === 9 ? 2 : 3;
  const bump = reuseLevel === 'occupation-specific' ? 2 : reuseLevel === 'sector-specific' ? 1 : 0;
  return Math.min(6, base + bump);
}

/** The self-service basics every Danish job seeker needs (MitID, Digital Post, Jobnet, e-mail). */
export const BASICS: Record<string, number> = { '1.1': 3, '2.1': 3, '2.3': 3, '4.2': 3 };

export interface Requirement {
  competence: string;
  level: number;
  /** The occupation's essential skills behind it (ESCO labels, English). */
  skills: string[];
  basic: boolean;
}

/** What the occupation needs, competence by competence: the highest level any skill asks. */
export function requirementsOf(o: EscoOccupation): Requirement[] {
  const byCompetence = new Map<string, Requirement>();
  for (const [competence, level] of Object.entries(BASICS))
    byCompetence.set(competence, { competence, level, skills: [], basic: true });
  for (const skill of o.skills) {
    const level = levelFor(o.iscoGroup, skill.reuseLevel);
    for (const competence of competencesOf(skill)) {
      const r = byCompetence.get(competence) ?? { competence, level: 0, skills: [], basic: false };
      if (level > r.level) r.level = level;
      r.skills.push(skill.label);
      byCompetence.set(competence, r);
    }
  }
  return [...byCompetence.values()].sort((a, b) =>
    a.competence.localeCompare(b.competence, 'en', { numeric: true }),
  );
}
