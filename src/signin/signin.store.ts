import { and, eq, gt, isNotNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { clock } from '../platform/clock';
import {
  federatedSessions,
  loginFlows,
  loginSettings,
  oidcIdentities,
  samlMessages,
} from './signin.schema';

export type LoginSettingsRow = typeof loginSettings.$inferSelect;

export async function findLoginSettings(db: DbOrTx, municipalityId: string) {
  const [row] = await db
    .select()
    .from(loginSettings)
    .where(eq(loginSettings.municipalityId, municipalityId));
  return row ?? null;
}

export async function allLoginSettings(db: DbOrTx): Promise<LoginSettingsRow[]> {
  return db.select().from(loginSettings);
}

/** The settings whose NemLog-in metadata comes from an address (fetched again daily). */
export async function settingsWithMetadataUrl(db: DbOrTx): Promise<LoginSettingsRow[]> {
  return db.select().from(loginSettings).where(isNotNull(loginSettings.samlIdpMetadataUrl));
}

/** A fetch of NemLog-in's metadata: the fresh copy, or why it failed (the saved copy stays). */
export async function recordMetadataFetch(
  db: DbOrTx,
  municipalityId: string,
  result: { xml: string; at: Date } | { error: string },
) {
  await db
    .update(loginSettings)
    .set(
      'xml' in result
        ? {
            samlIdpMetadata: result.xml,
            samlIdpMetadataFetchedAt: result.at,
            samlIdpMetadataError: null,
          }
        : { samlIdpMetadataError: result.error },
    )
    .where(eq(loginSettings.municipalityId, municipalityId));
}

export async function saveLoginSettings(db: DbOrTx, values: typeof loginSettings.$inferInsert) {
  const [row] = await db
    .insert(loginSettings)
    .values(values)
    .onConflictDoUpdate({
      target: loginSettings.municipalityId,
      set: { ...values, updatedAt: clock.now() },
    })
    .returning();
  return row!;
}

export async function insertFlow(db: DbOrTx, values: typeof loginFlows.$inferInsert) {
  await db.insert(loginFlows).values(values);
}

/** Takes a pending login out (once): a second answer to the same flow finds nothing. */
export async function takeFlow(db: DbOrTx, id: string) {
  const [row] = await db
    .delete(loginFlows)
    .where(and(eq(loginFlows.id, id), gt(loginFlows.expiresAt, clock.now())))
    .returning();
  return row ?? null;
}

/** Takes out the pending MitID login whose AuthnRequest a response answers (once). */
export async function takeSamlFlow(db: DbOrTx, municipalityId: string, requestId: string) {
  const [row] = await db
    .delete(loginFlows)
    .where(
      and(
        eq(loginFlows.municipalityId, municipalityId),
        eq(loginFlows.method, 'mitid'),
        eq(loginFlows.requestId, requestId),
        gt(loginFlows.expiresAt, clock.now()),
      ),
    )
    .returning();
  return row ?? null;
}

export async function insertFederatedSession(
  db: DbOrTx,
  values: typeof federatedSessions.$inferInsert,
) {
  await db.insert(federatedSessions).values(values);
}

export async function findFederatedSession(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select()
    .from(federatedSessions)
    .where(eq(federatedSessions.sessionId, sessionId));
  return row ?? null;
}

/** The sessions NemLog-in's NameID (and SessionIndex, when given) started in a municipality. */
export async function federatedSessionsOf(
  db: DbOrTx,
  municipalityId: string,
  nameId: string,
  sessionIndex: string | null,
) {
  return db
    .select({ sessionId: federatedSessions.sessionId })
    .from(federatedSessions)
    .where(
      and(
        eq(federatedSessions.municipalityId, municipalityId),
        eq(federatedSessions.method, 'mitid'),
        eq(federatedSessions.nameId, nameId),
        sessionIndex ? eq(federatedSessions.sessionIndex, sessionIndex) : undefined,
      ),
    );
}

/**
 * Keeps a SAML message. An accepted assertion's id is unique: false when it was seen before
 * (a replay), and then nothing is written.
 */
export async function keepSamlMessage(
  db: DbOrTx,
  values: typeof samlMessages.$inferInsert,
): Promise<boolean> {
  const rows = await db
    .insert(samlMessages)
    .values(values)
    .onConflictDoNothing({ target: samlMessages.assertionId })
    .returning({ id: samlMessages.id });
  return rows.length > 0;
}

/** Deletes SAML messages older than `before` and login flows that ran out; says how many. */
export async function purgeOld(db: DbOrTx, before: Date, now: Date) {
  const messages = await db
    .delete(samlMessages)
    .where(lt(samlMessages.at, before))
    .returning({ id: samlMessages.id });
  const flows = await db
    .delete(loginFlows)
    .where(lt(loginFlows.expiresAt, now))
    .returning({ id: loginFlows.id });
  return { messages: messages.length, flows: flows.length };
}

export async function findOidcIdentity(
  db: DbOrTx,
  municipalityId: string,
  issuer: string,
  subject: string,
): Promise<string | null> {
  const [row] = await db
    .select({ userId: oidcIdentities.userId })
    .from(oidcIdentities)
    .where(
      and(
        eq(oidcIdentities.municipalityId, municipalityId),
        eq(oidcIdentities.issuer, issuer),
        eq(oidcIdentities.subject, subject),
      ),
    );
  return row?.userId ?? null;
}

export async function linkOidcIdentity(db: DbOrTx, values: typeof oidcIdentities.$inferInsert) {
  await db.insert(oidcIdentities).values(values).onConflictDoNothing();
}
