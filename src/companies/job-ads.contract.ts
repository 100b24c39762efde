// Job-ad analysis over HTTP: a consultant pastes an ad, sees the skill and knowledge phrases
// found, corrects them and saves them (to a company's role, whose competences they extend).
import { z } from 'zod';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { singleLine } from '../platform/http/text';
import { ESCO_GROUPS } from './job-ads/corpus';

const Competence = z.string().regex(/^[1-5]\.[1-6]$/, 'i18n:competence_invalid');

export const AnalyseInput = z.object({ text: z.string().trim().min(20).max(20_000) });

export const PhraseView = z.object({
  kind: z.enum(['skill', 'knowledge']),
  text: z.string(),
  sentence: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  group: z.enum(ESCO_GROUPS),
  competence: Competence.nullable(),
});

export const AnalysisView = z.object({
  sentences: z.array(z.array(z.string())),
  phrases: z.array(PhraseView),
});
export type AnalysisView = z.infer<typeof AnalysisView>;

export const SavedPhraseInput = z.object({
  kind: z.enum(['skill', 'knowledge']),
  text: singleLine().min(1).max(300),
  group: z.enum(ESCO_GROUPS),
  competence: Competence.nullable(),
});

export const JobAdInput = z.object({
  title: singleLine().min(2).max(200),
  text: z.string().trim().min(20).max(20_000),
  companyId: z.uuid().nullable().optional(),
  roleId: z.uuid().nullable().optional(),
  phrases: z.array(SavedPhraseInput).max(300),
});
export type JobAdInput = z.infer<typeof JobAdInput>;

export const JobAdView = z.object({
  id: z.uuid(),
  title: z.string(),
  companyName: z.string().nullable(),
  roleTitle: z.string().nullable(),
  phrases: z.array(SavedPhraseInput),
  createdAt: z.string(),
});
export type JobAdView = z.infer<typeof JobAdView>;

export const ImportView = z.object({ saved: z.number().int(), phrases: z.number().int() });

/** At most this many ads in one CSV file. */
export const MAX_IMPORTED_ADS = 500;

const CONSULTANT = access.roles('company_consultant');

export const jobAdsApi = {
  analyseAd: endpoint({
    method: 'POST',
    path: '/api/job-ads/analyse',
    access: CONSULTANT,
    tags: ['companies'],
    summary: 'Finds skill and knowledge phrases in a Danish job ad, with ESCO groups and DigComp.',
    body: AnalyseInput,
    response: { 200: AnalysisView },
  }),
  saveAd: endpoint({
    method: 'POST',
    path: '/api/job-ads',
    access: CONSULTANT,
    tags: ['companies'],
    body: JobAdInput,
    response: { 201: JobAdView },
  }),
  importAds: endpoint({
    method: 'POST',
    path: '/api/job-ads/import',
    access: CONSULTANT,
    bodyLimit: 10 * 1024 * 1024,
    tags: ['companies'],
    description:
      'A CSV file of job ads (text/csv; comma or semicolon): a header row with `title` and `text`, and optionally `cvr` to tie an ad to a registered company. Every ad is analysed and saved, or none is (a bad row is reported by its line). At most 500 ads.',
    response: { 200: ImportView },
  }),
  listAds: endpoint({
    method: 'GET',
    path: '/api/job-ads',
    access: CONSULTANT,
    tags: ['companies'],
    response: { 200: z.array(JobAdView) },
  }),
};
