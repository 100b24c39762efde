import { z } from 'zod';
import { ROLES } from './roles';

/** Zod schema of a role, kept apart from roles.ts so the web client can use ROLES without Zod. */
export const Role = z.enum(ROLES);
