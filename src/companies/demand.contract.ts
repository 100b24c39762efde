// The demand picture over HTTP: which digital competences are asked for, by what, and beside it
// how many citizens aiming at those jobs lack them.
import { z } from 'zod';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { CsvFormat } from '../platform/csv';
import { IdParams } from '../organisation';
import { DEMAND_DIMENSIONS, DEMAND_SOURCES } from './demand.model';

export const DemandQuery = z.object({ by: z.enum(DEMAND_DIMENSIONS).default('competence') });

export const DemandView = z.object({
  by: z.enum(DEMAND_DIMENSIONS),
  cells: z.array(
    z.object({
      competence: z.string(),
      key: z.string(),
      source: z.enum(DEMAND_SOURCES),
      value: z.number(),
    }),
  ),
  /** Per source: how much there is to go on (roles posted, answers, ads analysed). */
  basis: z.object({ roles: z.number(), survey: z.number(), ads: z.number() }),
});
export type DemandView = z.infer<typeof DemandView>;

export const SupplyView = z.array(
  z.object({
    occupationId: z.string(),
    occupationLabel: z.string(),
    competence: z.string(),
    level: z.number(),
    peopleAsked: z.number(),
    citizensPlanned: z.number(),
    citizensLacking: z.number(),
  }),
);

export const LocalRequirementsView = z.object({
  occupationId: z.string(),
  roles: z.number(),
  people: z.number(),
  companies: z.number(),
  competences: z.array(z.object({ competence: z.string(), level: z.number(), roles: z.number() })),
});
export type LocalRequirementsView = z.infer<typeof LocalRequirementsView>;

const READERS = access.roles(
  'company_consultant',
  'analyst',
  'pilot_manager',
  'caseworker',
  'admin',
);

export const demandApi = {
  demandPicture: endpoint({
    method: 'GET',
    path: '/api/demand',
    access: READERS,
    tags: ['companies'],
    summary: 'Digital demand by competence and one dimension, per source (aggregates only).',
    query: DemandQuery,
    response: { 200: DemandView },
  }),
  demandCsv: endpoint({
    method: 'GET',
    path: '/api/demand.csv',
    access: READERS,
    produces: 'text/csv',
    tags: ['companies'],
    description:
      'The demand picture as CSV: competence, the dimension chosen, source, value. By default for a spreadsheet in the user’s language; `?format=rfc4180` is plain comma CSV.',
    query: DemandQuery.extend({ format: CsvFormat }),
  }),
  localRequirements: endpoint({
    method: 'GET',
    path: '/api/demand/occupations/:id',
    access: READERS,
    tags: ['companies'],
    summary:
      'What local companies’ open roles for an ESCO occupation require, competence by competence (the highest level asked).',
    params: IdParams,
    response: { 200: LocalRequirementsView },
  }),
  demandSupply: endpoint({
    method: 'GET',
    path: '/api/demand/supply',
    access: READERS,
    tags: ['companies'],
    summary:
      'For the occupations of open roles: people asked for per competence, and citizens with that job goal who lack it (their latest test).',
    response: { 200: SupplyView },
  }),
};
