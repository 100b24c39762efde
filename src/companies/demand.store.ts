// Reads the three sources of digital demand as signals (demand.model.ts): posted roles, survey
// answers and analysed ads, each with its company's industry and size.
import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/client';
import { companies, jobAds, jobRoles, surveyAnswers } from './companies.schema';
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
