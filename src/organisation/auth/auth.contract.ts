import { z } from 'zod';
import { Role } from '../../platform/auth/roles.contract';
import { PAGE_LANGS } from '../../platform/i18n/languages.constants';
import { said } from '../../platform/http/text';
import { endpoint } from '../../platform/http/endpoint';
import { access } from '../../platform/http/access';

export const LoginInput = z.object({
  email: z
    .string(said('login_email'))
    .trim()
    .min(1, said('login_email'))
    .max(254, said('login_email')),
  password: z
    .string(said('login_password'))
    .min(1, said('login_password'))
    .max(200, said('login_password')),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SessionUser = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(Role),
  locale: z.enum(PAGE_LANGS),
  municipality: z.object({ id: z.uuid(), name: z.string() }),
  /** What the web client may show this user (platform/auth/capabilities.ts). */
  capabilities: z.array(z.string()),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionView = z.object({ user: SessionUser.nullable() });
export type SessionView = z.infer<typeof SessionView>;

export const LogoutView = z.object({ next: z.string().nullable() });

/** A citizen may choose any citizen page language; staff pages show Danish or English. */
export const PreferencesInput = z.object({ locale: z.enum(PAGE_LANGS) });

export const authApi = {
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    access: access.public(),
    tags: ['auth'],
    body: LoginInput,
    response: { 200: SessionView },
  }),
  logout: endpoint({
    method: 'POST',
    path: '/api/auth/logout',
    access: access.public(),
    tags: ['auth'],
    description:
      'Ends the session. Where MitID or the municipality’s login started it, `next` is where the browser goes to end that session too.',
    response: { 200: LogoutView },
  }),
  currentSession: endpoint({
    method: 'GET',
    path: '/api/auth/session',
    access: access.public(),
    tags: ['auth'],
    response: { 200: SessionView },
  }),
  updatePreferences: endpoint({
    method: 'PATCH',
    path: '/api/me/preferences',
    access: access.authenticated(),
    tags: ['auth'],
    body: PreferencesInput,
    response: { 200: SessionView },
  }),
};
