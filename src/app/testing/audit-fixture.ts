import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../platform/db/client';

/** Who calls a route in an audit scenario; `anonymous` holds only a test-code cookie. */
export type AuditRole =
  | 'caseworker'
  | 'citizen'
  | 'ementor'
  | 'pilot_manager'
  | 'company_consultant'
  | 'company'
  | 'anonymous';

/**
 * One call to a route that touches citizen data, with the audit row it must leave behind.
 * Each area declares its own in `src/<area>/testing/audit-scenarios.ts`; the audit-coverage
 * check (src/app/checks/audit-coverage.test.ts) runs them in the module list's order.
 */
export interface AuditScenario {
  role: AuditRole;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: () => string;
  /** Request headers beyond the session (a file's content type). */
  headers?: Record<string, string>;
  /** The body, or set-up run just before the call that returns it. */
  payload?: object | Buffer | (() => Promise<object | undefined>);
  action: string;
  /** Whether the row names the citizen (a caseload listing names many, so it names none). */
  namesCitizen: boolean;
  purpose: string;
}

/**
 * What the check builds before the scenarios run: one municipality, one citizen with a login
 * and a caseworker, a staff user per role, a workshop site. `ids` carries what one scenario
 * creates for a later one (of the same area) to use.
 */
export interface AuditFixture {
  db: Db;
  municipalityId: string;
  citizenId: string;
  ementorId: string;
  /** The company user (a member of no company until a scenario makes it one). */
  companyUserId: string;
  workshopId: string;
  /** The test code made for the citizen while setting up. */
  citizenCodeId: string;
  ids: Record<string, string>;
  /** Calls the app as the role (the staff user or the citizen's login). */
  call(
    role: Exclude<AuditRole, 'anonymous'> | 'admin',
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
  /** Calls the app with no session (a test taker keeps their test-code cookie in the app). */
  anonymous(method: 'GET' | 'POST', url: string, payload?: object): Promise<LightMyRequestResponse>;
  /** Thursday 26 November 2026, 11:00 in Copenhagen: the workshops are open. */
  atOpeningHours(): void;
}

export type AuditScenarios = (f: AuditFixture) => Readonly<Record<string, AuditScenario>>;
