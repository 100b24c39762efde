// Queries for the demand survey.
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import {
  companies,
  companyContacts,
  demandSurveys,
  surveyAnswers,
  surveyInvitations,
} from './companies.schema';

export type SurveyRow = typeof demandSurveys.$inferSelect;

export async function insertSurvey(db: DbOrTx, values: typeof demandSurveys.$inferInsert) {
  const [row] = await db.insert(demandSurveys).values(values).returning();
  return row!;
}

export async function findSurvey(db: DbOrTx, municipalityId: string, id: string) {
  const [row] = await db
    .select()
    .from(demandSurveys)
    .where(and(eq(demandSurveys.municipalityId, municipalityId), eq(demandSurveys.id, id)));
  return row ?? null;
}

export async function listSurveys(db: DbOrTx, municipalityId: string) {
  return db
    .select()
    .from(demandSurveys)
    .where(eq(demandSurveys.municipalityId, municipalityId))
    .orderBy(asc(demandSurveys.createdAt));
}

export async function invitationsOf(db: DbOrTx, surveyIds: readonly string[]) {
  if (surveyIds.length === 0) return [];
  return db
    .select({ invitation: surveyInvitations, companyName: companies.name })
    .from(surveyInvitations)
    .innerJoin(companies, eq(companies.id, surveyInvitations.companyId))
    .where(inArray(surveyInvitations.surveyId, [...surveyIds]))
    .orderBy(asc(surveyInvitations.round), asc(companies.name));
}

export async function lastRound(db: DbOrTx, surveyId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${surveyInvitations.round}), 0)::int` })
    .from(surveyInvitations)
    .where(eq(surveyInvitations.surveyId, surveyId));
  return row?.n ?? 0;
}

/** Each chosen company of the municipality with the e-mail of its first contact who has one. */
export async function recipients(
  db: DbOrTx,
  municipalityId: string,
  companyIds: readonly string[],
) {
  const rows = await db
    .select({ id: companies.id, name: companies.name, email: companyContacts.email })
    .from(companies)
    .leftJoin(
      companyContacts,
      and(eq(companyContacts.companyId, companies.id), isNotNull(companyContacts.email)),
    )
    .where(
      and(eq(companies.municipalityId, municipalityId), inArray(companies.id, [...companyIds])),
    )
    .orderBy(asc(companies.name), asc(companyContacts.name));
  const byCompany = new Map<string, { id: string; name: string; email: string | null }>();
  for (const r of rows) if (!byCompany.has(r.id)) byCompany.set(r.id, r);
  return [...byCompany.values()];
}

export async function insertSurveyInvitation(
  db: DbOrTx,
  values: typeof surveyInvitations.$inferInsert,
) {
  await db.insert(surveyInvitations).values(values);
}

export async function invitationByToken(db: DbOrTx, tokenHash: string, forUpdate = false) {
  const q = db
    .select({ invitation: surveyInvitations, survey: demandSurveys, companyName: companies.name })
    .from(surveyInvitations)
    .innerJoin(demandSurveys, eq(demandSurveys.id, surveyInvitations.surveyId))
    .innerJoin(companies, eq(companies.id, surveyInvitations.companyId))
    .where(and(eq(surveyInvitations.tokenHash, tokenHash), isNull(surveyInvitations.answeredAt)));
  const [row] = await (forUpdate ? q.for('update', { of: surveyInvitations }) : q);
  return row ?? null;
}

export async function recordAnswer(
  db: DbOrTx,
  invitationId: string,
  values: typeof surveyAnswers.$inferInsert,
) {
  await db.insert(surveyAnswers).values(values);
  await db
    .update(surveyInvitations)
    .set({ answeredAt: values.answeredAt })
    .where(eq(surveyInvitations.id, invitationId));
}

/** Unanswered invitations of open surveys whose reminder is due, locked for the job. */
export async function dueReminders(db: DbOrTx, now: Date, today: string) {
  return db
    .select({ invitation: surveyInvitations, survey: demandSurveys, companyName: companies.name })
    .from(surveyInvitations)
    .innerJoin(demandSurveys, eq(demandSurveys.id, surveyInvitations.surveyId))
    .innerJoin(companies, eq(companies.id, surveyInvitations.companyId))
    .where(
      and(
        isNull(surveyInvitations.answeredAt),
        isNull(surveyInvitations.remindedAt),
        sql`${demandSurveys.closesOn} >= ${today}`,
        lte(
          sql`${surveyInvitations.sentAt} + make_interval(days => ${demandSurveys.reminderDays})`,
          now,
        ),
      ),
    )
    .for('update', { of: surveyInvitations, skipLocked: true });
}

export async function markReminded(db: DbOrTx, ids: readonly string[], at: Date) {
  if (ids.length === 0) return;
  await db
    .update(surveyInvitations)
    .set({ remindedAt: at })
    .where(inArray(surveyInvitations.id, [...ids]));
}

export async function replaceToken(db: DbOrTx, invitationId: string, hash: string) {
  await db
    .update(surveyInvitations)
    .set({ tokenHash: hash })
    .where(eq(surveyInvitations.id, invitationId));
}
