// Citizen records → the views the API answers with. Pure; CPR numbers leave only masked.
import type { Actor } from '../platform/auth/roles';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import { permissionsFor } from '../platform/policy';
import { maskCpr } from './cpr';
import type { CitizenListItem, CitizenSelfView, CitizenView } from './people.contract';
import { citizenPolicy } from './people.policy';
import type { CitizenRow, listNotes } from './people.store';

export const presentCitizenSelf = (
  cipher: CprCipher,
  c: CitizenRow,
  caseworker: { id: string; name: string } | null,
): CitizenSelfView => ({
  id: c.id,
  cprMasked: maskCpr(cipher.decrypt(c.cprCipher)),
  birthDate: c.birthDate,
  firstName: c.firstName,
  lastName: c.lastName,
  email: c.email,
  phone: c.phone,
  address: c.address,
  postalCode: c.postalCode,
  city: c.city,
  employmentGoal: c.employmentGoal,
  educationLevel: c.educationLevel,
  caseworker,
  digitallyVulnerable: c.digitallyVulnerable,
  vulnerableReason: c.vulnerableReason,
  vulnerableFlaggedAt: c.vulnerableFlaggedAt?.toISOString() ?? null,
});

export const presentCitizen = (
  cipher: CprCipher,
  actor: Actor,
  c: CitizenRow,
  caseworker: { id: string; name: string } | null,
  notes: Awaited<ReturnType<typeof listNotes>>,
): CitizenView => ({
  ...presentCitizenSelf(cipher, c, caseworker),
  notes: notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
  permissions: permissionsFor(citizenPolicy, actor, c, ['update', 'flagVulnerable', 'addNote']),
});

export const presentCitizenListItem = (cipher: CprCipher, c: CitizenRow): CitizenListItem => ({
  id: c.id,
  cprMasked: maskCpr(cipher.decrypt(c.cprCipher)),
  firstName: c.firstName,
  lastName: c.lastName,
  employmentGoal: c.employmentGoal,
  digitallyVulnerable: c.digitallyVulnerable,
});
