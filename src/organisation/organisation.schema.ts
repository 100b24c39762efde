import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, municipalityId, tstz, updatedAt } from '../platform/db/columns';
import type { Role } from '../platform/auth/roles';

/** The tenant. Every tenant-owned table carries municipality_id pointing here. */
export const municipalities = pgTable('municipalities', {
  id: id(),
  /** Danish kommunekode, e.g. "0101" for København. */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /**
   * Demo tenants accept fictitious CPR numbers (day + 60), which the CPR register never
   * issues, so demo data can never collide with a real person.
   */
  allowFictitiousCpr: boolean('allow_fictitious_cpr').notNull().default(false),
  /** Whether its people may log in with a password (off where MitID and single sign-on do). */
  passwordLogin: boolean('password_login').notNull().default(true),
  createdAt: createdAt(),
});

export const sites = pgTable(
  'sites',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    hasWorkshop: boolean('has_workshop').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('sites_municipality_name_uq').on(t.municipalityId, t.name)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    municipalityId: municipalityId().references(() => municipalities.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id PHC string; null for users who only sign in through an external provider. */
    passwordHash: text('password_hash'),
    roles: text('roles').array().$type<Role[]>().notNull(),
    siteId: uuid('site_id').references(() => sites.id),
    locale: text('locale').notNull().default('da'),
    active: boolean('active').notNull().default(true),
    lastLoginAt: tstz('last_login_at'),
    /** The authenticator of the last login: `password`, `mitid` or `oidc`. */
    lastLoginMethod: text('last_login_method'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_municipality_email_uq').on(t.municipalityId, sql`lower(${t.email})`),
    index('users_municipality_idx').on(t.municipalityId),
  ],
);

/**
 * A municipality's own mail server: where its confirmations, reminders, invitations and survey
 * links go out. The password is encrypted with the data key (never shown again, never logged).
 */
export const mailSettings = pgTable('mail_settings', {
  municipalityId: municipalityId()
    .primaryKey()
    .references(() => municipalities.id),
  enabled: boolean('enabled').notNull(),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  security: text('security').$type<'tls' | 'starttls' | 'none'>().notNull(),
  username: text('username'),
  passwordCipher: text('password_cipher'),
  fromAddress: text('from_address').notNull(),
  fromName: text('from_name').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});
