// The companies area's fixed lists, shared by the server and the web pages.

/** Employees, in the bands the CVR register uses. Fewer than 250 is an SME (EU definition). */
export const SIZE_BANDS = ['0-9', '10-49', '50-249', '250+'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

/** DB07 (Dansk Branchekode 2007) sections, A–U, each with the two-digit divisions it holds. */
export const DB07_SECTIONS = {
  A: [1, 3],
  B: [5, 9],
  C: [10, 33],
  D: [35, 35],
  E: [36, 39],
  F: [41, 43],
  G: [45, 47],
  H: [49, 53],
  I: [55, 56],
  J: [58, 63],
  K: [64, 66],
  L: [68, 68],
  M: [69, 75],
  N: [77, 82],
  O: [84, 84],
  P: [85, 85],
  Q: [86, 88],
  R: [90, 93],
  S: [94, 96],
  T: [97, 98],
  U: [99, 99],
} as const;
export type Db07Section = keyof typeof DB07_SECTIONS;
export const DB07_SECTION_CODES = Object.keys(DB07_SECTIONS) as Db07Section[];

/** What the business service logs about a company. */
export const ACTIVITY_KINDS = ['contact', 'visit', 'agreement'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** What a company agrees to with the jobcentre. */
export const AGREEMENT_KINDS = ['workplace_training', 'trainee', 'recruitment'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** Workplace learning a company offers for a role (virksomhedspraktik, on the job, …). */
export const WORKPLACE_LEARNING = ['internship', 'on_the_job', 'trainee', 'wage_subsidy'] as const;
export type WorkplaceLearning = (typeof WORKPLACE_LEARNING)[number];

export const ROLE_STATUSES = ['open', 'filled', 'withdrawn'] as const;
export type RoleStatus = (typeof ROLE_STATUSES)[number];

/** Languages a role may require (ISO 639-1). */
export const ROLE_LANGUAGES = ['da', 'en', 'de', 'sv', 'no', 'fr', 'es', 'pl', 'ar', 'tr'] as const;

/** How long an invitation link to a company user works. */
export const INVITATION_DAYS = 14;

/** ESCO's groups as the Kompetencer data codes them. */
export const ESCO_GROUPS = [
  'S1',
  'S2',
  'S3',
  'S4',
  'S5',
  'S6',
  'S7',
  'S8',
  'K00',
  'K01',
  'K02',
  'K03',
  'K04',
  'K05',
  'K06',
  'K07',
  'K08',
  'K09',
  'K10',
  'K99',
  'A1',
  'A2',
  'L1',
  'T',
] as const;
export type EscoGroup = (typeof ESCO_GROUPS)[number];

/** Where a survey link opens; the one-time token follows in the fragment (never sent to us). */
export const SURVEY_PATH = '/spoergeskema';
