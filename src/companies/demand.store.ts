// Reads the three sources of digital demand as signals (demand.model.ts): posted roles, survey
// answers and analysed ads, each with its company's industry and size.
import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { companies, jobAds, jobRoles, surveyAnswers, surveyInvitations } from './companies.schema';
import { isSme } from './companies.model';
import type { DemandSignal } from './demand.model';

export async function demandSignals(db: DbOrTx, municipalityId: string): Promise<DemandSignal[]> {
  const [roles, answers, ads] = await Promise.all([
    db
      .select({ role: jobRoles, section: companies.industrySection, band: companies.sizeBand })
      .from(jobRoles)
      .innerJoin(companies, eq(companies.id, jobRoles.companyId))
      .where(eq(jobRoles.municipalityId, municipalityId)),
    db
      .select({
        answer: surveyAnswers,
        section: companies.industrySection,
        band: companies.sizeBand,
      })
      .from(surveyAnswers)
      .innerJoin(companies, eq(companies.id, surveyAnswers.companyId))
      .where(eq(surveyAnswers.municipalityId, municipalityId)),
    db
      .select({
        ad: jobAds,
        section: companies.industrySection,
        band: companies.sizeBand,
        isco: jobRoles.iscoGroup,
      })
      .from(jobAds)
      .leftJoin(companies, eq(companies.id, jobAds.companyId))
      .leftJoin(jobRoles, eq(jobRoles.id, jobAds.roleId))
      .where(eq(jobAds.municipalityId, municipalityId)),
  ]);
  const signals: DemandSignal[] = [];
  for (const { role, section, band } of roles)
    // A withdrawn role was never demand; an open or filled one was, for its people.
    if (role.status !== 'withdrawn')
      for (const c of role.competences)
        signals.push({
          source: 'roles',
          competence: c.competence,
          section,
          isco: role.iscoGroup?.charAt(0) ?? null,
          sme: isSme(band),
          at: role.createdAt,
          weight: role.people,
        });
  for (const { answer, section, band } of answers)
    for (const a of answer.answers)
      if (a.now)
        signals.push({
          source: 'survey',
          competence: a.competence,
          section,
          isco: null,
          sme: isSme(band),
          at: answer.answeredAt,
          weight: 1,
        });
  for (const { ad, section, band, isco } of ads)
    for (const competence of new Set(ad.phrases.map((p) => p.competence).filter((c) => c !== null)))
      signals.push({
        source: 'ads',
        competence,
        section,
        isco: isco?.charAt(0) ?? null,
        sme: band ? isSme(band) : null,
        at: ad.createdAt,
        weight: 1,
      });
  return signals;
}

/** Open roles with an ESCO occupation (one occupation's, when given): what supply is set against. */
export async function openRoleDemand(db: DbOrTx, municipalityId: string, occupationId?: string) {
  return db
    .select()
    .from(jobRoles)
    .where(
      and(
        eq(jobRoles.municipalityId, municipalityId),
        eq(jobRoles.status, 'open'),
        occupationId ? eq(jobRoles.occupationId, occupationId) : isNotNull(jobRoles.occupationId),
      ),
    );
}

/** What the follow-up counts of the known demand, each a count per month (YYYY-MM). */
export const DEMAND_MEASURES = [
  'survey_invited',
  'survey_answered',
  'roles_posted',
  'ads_analysed',
  'companies_with_demand',
] as const;
export type DemandMeasure = (typeof DEMAND_MEASURES)[number];

/**
 * The known digital demand month by month: companies asked in a survey (once per survey, in the
 * month first asked) and, of those, who answered, roles posted, ads analysed, and companies whose demand became known (the
 * month of their first role or answer, so the months add up to the companies known).
 */
export async function demandCounts(
  db: DbOrTx,
  municipalityId: string,
): Promise<{ measure: DemandMeasure; month: string; n: number }[]> {
  const month = (at: SQL) => sql`to_char(${at} at time zone 'Europe/Copenhagen', 'YYYY-MM')`;
  const m = municipalityId;
  const result = await db.execute(sql`
    with asked as (
      select ${month(sql`min(${surveyInvitations.sentAt})`)} as month,
        bool_or(${surveyInvitations.answeredAt} is not null) as answered
      from ${surveyInvitations}
      where ${surveyInvitations.municipalityId} = ${m}
      group by ${surveyInvitations.surveyId}, ${surveyInvitations.companyId})
    select 'survey_invited' as measure, month, count(*)::int as n from asked group by month
    union all
    -- Answers count in the month the company was asked, so a month's rate is its own.
    select 'survey_answered', month, count(*)::int from asked where answered group by month
    union all
    select 'roles_posted', ${month(sql`${jobRoles.createdAt}`)}, count(*)::int from ${jobRoles}
      where ${jobRoles.municipalityId} = ${m} group by 2
    union all
    select 'ads_analysed', ${month(sql`${jobAds.createdAt}`)}, count(*)::int from ${jobAds}
      where ${jobAds.municipalityId} = ${m} group by 2
    union all
    select 'companies_with_demand', ${month(sql`min(at)`)}, 1 from (
      select ${jobRoles.companyId} as company, min(${jobRoles.createdAt}) as at from ${jobRoles}
        where ${jobRoles.municipalityId} = ${m} group by 1
      union all
      select ${surveyAnswers.companyId}, min(${surveyAnswers.answeredAt}) from ${surveyAnswers}
        where ${surveyAnswers.municipalityId} = ${m} group by 1) d
      group by company
  `);
  const rows = (result as { rows: { measure: DemandMeasure; month: string; n: number }[] }).rows;
  // The last branch gives one row per company; add them up per month.
  const out = new Map<string, { measure: DemandMeasure; month: string; n: number }>();
  for (const r of rows) {
    const key = `${r.measure}|${r.month}`;
    const had = out.get(key);
    if (had) had.n += Number(r.n);
    else out.set(key, { measure: r.measure, month: r.month, n: Number(r.n) });
  }
  return [...out.values()];
}
