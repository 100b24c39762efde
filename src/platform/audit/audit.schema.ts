import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { municipalityId, stampedAt } from '../db/columns';

/**
 * Append-only record of every read or change of personal data. Written in the same
 * transaction as the read or change it describes.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    municipalityId: municipalityId(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    citizenId: uuid('citizen_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    purpose: text('purpose').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    at: stampedAt('at'),
  },
  (t) => [
    index('audit_citizen_idx').on(t.citizenId, t.at),
    index('audit_municipality_idx').on(t.municipalityId, t.at),
  ],
);
