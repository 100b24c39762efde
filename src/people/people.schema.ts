import { boolean, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, municipalityId, tstz, updatedAt } from '../platform/db/columns';
import { municipalities, users } from '../organisation/organisation.schema';
import type { EducationLevel } from './people.constants';

export const citizens = pgTable(
  'citizens',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    /** The citizen's own login, if they have one. */
    userId: uuid('user_id').references(() => users.id),
    /** AES-256-GCM ciphertext of the CPR number. */
    cprCipher: text('cpr_cipher').notNull(),
    /** Keyed HMAC of the CPR number, for exact lookup without decrypting. */
    cprHash: text('cpr_hash').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    postalCode: text('postal_code'),
    city: text('city'),
    employmentGoal: text('employment_goal'),
    /** Highest completed education (EDUCATION_LEVELS), if known. */
    educationLevel: text('education_level').$type<EducationLevel>(),
    caseworkerId: uuid('caseworker_id').references(() => users.id),
    digitallyVulnerable: boolean('digitally_vulnerable').notNull().default(false),
    vulnerableReason: text('vulnerable_reason'),
    vulnerableFlaggedAt: tstz('vulnerable_flagged_at'),
    vulnerableFlaggedBy: uuid('vulnerable_flagged_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('citizens_cpr_uq').on(t.municipalityId, t.cprHash),
    uniqueIndex('citizens_user_uq').on(t.userId),
    index('citizens_caseworker_idx').on(t.municipalityId, t.caseworkerId),
  ],
);

export const citizenNotes = pgTable(
  'citizen_notes',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('citizen_notes_citizen_idx').on(t.citizenId, t.createdAt)],
);
