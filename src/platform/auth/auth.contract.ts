import { z } from 'zod';
import { Role } from './roles.contract';

export const LoginInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SessionUser = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(Role),
  locale: z.enum(['da', 'en']),
  municipality: z.object({ id: z.uuid(), name: z.string() }),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionView = z.object({ user: SessionUser.nullable() });
export type SessionView = z.infer<typeof SessionView>;

export const PreferencesInput = z.object({ locale: z.enum(['da', 'en']) });
