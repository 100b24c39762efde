import type { PageLang } from '../i18n/languages.constants';
export const ROLES = [
  'citizen',
  'ementor',
  'caseworker',
  'pilot_manager',
  'company',
  'company_consultant',
  'taskforce',
  'analyst',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

/** The authenticated caller of a request. Everything a policy needs, nothing more. */
export interface Actor {
  userId: string;
  municipalityId: string;
  roles: readonly Role[];
  name: string;
  email: string;
  /** The language the user chose: Danish or English, or (citizens) a community language. */
  locale: PageLang;
  sessionId: string;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}
