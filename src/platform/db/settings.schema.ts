import { pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/** Installation-wide values (not owned by a tenant), such as the CPR key check. */
export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});
