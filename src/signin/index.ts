// The one door other areas use into signin: logging in through a provider — MitID through
// NemLog-in (SAML, citizens) and the municipality's single sign-on (OpenID Connect, staff) —
// and the admin's settings for both.
import type { AreaModule } from '../platform/module';
import { signinApi } from './signin.contract';
import { signinMessages } from './signin.messages';
import { signinRoutes } from './signin.routes';
import { purgeOld } from './signin.store';
import * as tables from './signin.schema';
import { warmUpValidator } from './saml';
import { refreshIdpMetadata } from './signin.use-cases';

/** NemLog-in's rules: SAML messages are kept 180 days, then deleted. */
export const SAML_RETENTION_DAYS = 180;

export const signinModule = {
  name: 'signin',
  contracts: [signinApi],
  messages: signinMessages,
  tables,
  routes: [signinRoutes],
  jobs: [
    {
      // Runs once before serve listens (and daily, cheaply, after that).
      name: 'SAML schema validator warm-up',
      everyMs: 86_400_000,
      run: (_task, ctx) => (ctx.settings.saml ? warmUpValidator() : Promise.resolve()),
    },
    {
      // Skips what was fetched within the day, so a restart does not wait on NemLog-in.
      name: 'NemLog-in metadata from its address',
      everyMs: 3600_000,
      transaction: false,
      run: (task) => refreshIdpMetadata(task),
    },
    {
      name: 'SAML messages past 180 days, expired logins',
      everyMs: 3600_000,
      run: (task) =>
        purgeOld(
          task.tx,
          new Date(task.now.getTime() - SAML_RETENTION_DAYS * 86_400_000),
          task.now,
        ),
    },
  ],
} satisfies AreaModule;

export { signinAuthenticators } from './authenticators';
