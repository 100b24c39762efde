// The one door other areas use into organisation: municipalities (the tenants), sites, users,
// and identity (sessions, login, throttling) — the bottom area every other one stands on.
import type { AreaModule } from '../platform/module';
import { authApi } from './auth/auth.contract';
import { siteRules, userRules } from './organisation.policy';
import { settingsRules } from './settings.policy';
import { settingsApi } from './settings.contract';
import { settingsRoutes } from './settings.routes';
import { organisationMessages } from './organisation.messages';
import { organisationRoutes } from './organisation.routes';
import { authRoutes } from './auth/auth.routes';
import { endExpiredSessions } from './auth/housekeeping';
import { registerOrganisationCommands } from './organisation.cli';
import * as organisationTables from './organisation.schema';
import * as authTables from './auth/auth.schema';

export const organisationModule = {
  name: 'organisation',
  contracts: [authApi, organisationApi, settingsApi],
  policies: [userRules, siteRules, settingsRules],
  capabilities: {
    'users.manage': organisationApi.listUsers,
    'sites.manage': organisationApi.createSite,
    'settings.manage': settingsApi.getMailSettings,
  },
  messages: organisationMessages,
  tables: { ...organisationTables, ...authTables },
  untenantedTables: {
    municipalities: 'the tenants themselves',
    login_attempts: 'counted before anyone is logged in, by a keyed hash of the e-mail',
  },
  routes: [authRoutes, organisationRoutes, settingsRoutes],
  cli: registerOrganisationCommands,
  jobs: [
    {
      name: 'sessions and login attempts',
      everyMs: 3600_000,
      run: (task, ctx) => endExpiredSessions(task, ctx.settings.sessionIdleMinutes),
    },
  ],
} satisfies AreaModule;

export {
  findMunicipality,
  findMunicipalityByCode,
  findUser,
  findUserById,
  findUserByEmail,
  findUsersByEmail,
  insertMunicipality,
  insertSite,
  insertUser,
  listSites,
  listUsers,
  findSite,
  userNames,
  userLocale,
  userLocales,
  activeUsersWithRole,
  findWorkshopSite,
  listWorkshopSites,
  siteNames,
  sitePlaces,
  hasMunicipalities,
  municipalityIds,
} from './organisation.store';
import { organisationApi } from './organisation.contract';
export type { UserRow, SiteRow, MunicipalityRow } from './organisation.store';
export * from './organisation.contract';
export { resolveSession } from './auth/session.store';
export { mailSenderFor } from './mail-directory';
export { settingsPolicy, settingsRules } from './settings.policy';
export { openSession } from './auth/auth.use-cases';
export { setSessionCookie } from './auth/session-cookie';
export { SESSION_COOKIE, endSessionById, findSession } from './auth/session.store';
export { emailTaken, listMunicipalities, setPasswordLogin, updateUser } from './organisation.store';
export { passwordAuthenticator } from './auth/password-authenticator';
export { recordAttempt, testCodeWaitSeconds, throttledError } from './auth/login-throttle';
