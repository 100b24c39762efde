import { bigserial, boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, municipalityId, stampedAt, tstz } from '../../platform/db/columns';
import { users } from '../organisation.schema';

/** Server-side sessions: app processes stay stateless, any process can serve any request. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    municipalityId: municipalityId(),
    provider: text('provider').notNull(),
    createdAt: createdAt(),
    lastSeenAt: stampedAt('last_seen_at'),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed and successful logins, counted to throttle password guessing across processes. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Keyed hash of the lower-cased e-mail, so the table holds no addresses. */
    accountKey: text('account_key').notNull(),
    /** What was guessed: a password (`login`) or a test code (`test_code`), counted apart. */
    kind: text('kind').notNull().default('login'),
    ip: text('ip').notNull(),
    /** The known device (from its signed cookie) the login came from, if any. */
    device: text('device'),
    succeeded: boolean('succeeded').notNull(),
    at: stampedAt('at'),
  },
  (t) => [
    index('login_attempts_account_idx').on(t.accountKey, t.at),
    index('login_attempts_ip_idx').on(t.ip, t.at),
    index('login_attempts_device_idx').on(t.device, t.at),
  ],
);
