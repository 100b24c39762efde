import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { clock } from '../clock';

export const id = () => uuid('id').primaryKey().defaultRandom();
export const municipalityId = () => uuid('municipality_id').notNull();
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/**
 * A timestamp the app writes from its clock when the insert leaves it out. There is no
 * database default on purpose: a raw insert that forgets it fails instead of taking the
 * database server's clock.
 */
export const stampedAt = (name: string) =>
  tstz(name)
    .notNull()
    .$defaultFn(() => clock.now());
export const createdAt = () => stampedAt('created_at');
export const updatedAt = () => stampedAt('updated_at').$onUpdateFn(() => clock.now());
