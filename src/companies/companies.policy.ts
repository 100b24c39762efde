import type { Actor } from '../platform/auth/roles';
import { anyOf, governing, type Policy } from '../platform/policy';

export interface CompanyTarget {
  municipalityId: string;
  /** The company users who act for the company. */
  members: readonly string[];
}

const here = (a: Actor, c: CompanyTarget) => a.municipalityId === c.municipalityId;
const consultant = (a: Actor, c: CompanyTarget) => anyOf('company_consultant')(a) && here(a, c);
const member = (a: Actor, c: CompanyTarget) =>
  anyOf('company')(a) && here(a, c) && c.members.includes(a.userId);

/**
 * The business service (company consultants) keeps the register and the relationship; admins
 * read it; a company user reads and posts roles for the companies they act for, no others.
 * Others' companies answer 404.
 */
export const companyPolicy: Policy<'read' | 'edit' | 'seeLog' | 'postRole', CompanyTarget> = {
  read: (a, c) => consultant(a, c) || member(a, c) || (anyOf('admin')(a) && here(a, c)),
  edit: consultant,
  seeLog: (a, c) => consultant(a, c) || (anyOf('admin')(a) && here(a, c)),
  postRole: (a, c) => consultant(a, c) || member(a, c),
};

export const companyRules = governing(
  'company',
  companyPolicy,
  (a) => [
    { municipalityId: a.municipalityId, members: [a.userId] },
    { municipalityId: a.municipalityId, members: ['someone-else'] },
  ],
  { seeLog: 'decides what the company page shows, inside its read' },
);

/** The audit purposes this area works for. */
export const COMPANIES_PURPOSES = ['company_relations'] as const;

declare module '../platform/audit/audit.store' {
  interface AreaPurposes {
    company_relations: true;
  }
}

declare module '../platform/auth/capabilities' {
  interface AreaCapabilities {
    companies: true;
    myCompanies: true;
    companyPage: true;
    postRoles: true;
    jobAds: true;
    surveys: true;
    demand: true;
  }
}
