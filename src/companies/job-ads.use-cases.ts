// Analysing and keeping job ads. The analysis reads no personal data and stores nothing; saving
// keeps the phrases as the consultant corrected them and adds the digital competences to the
// role it is saved to (at the level the role's occupation suggests, never lowering one).
import { writeAudit } from '../platform/audit';
import { invalid, notFound } from '../platform/errors';
import { authorize } from '../platform/policy';
import type { UseCase } from '../platform/use-case';
import { esco, requirementsOf } from '../learning';
import { analyseAd } from './job-ads/analyse';
import { jobAdAnalyser } from './job-ads/job-ad-model';
import { insertJobAd, listJobAds as jobAdRows } from './job-ads.store';
import type { JobAdInput, JobAdView } from './job-ads.contract';
import { companyPolicy } from './companies.policy';
import { loadCompany } from './companies.use-cases';
import { findRole, updateRole } from './job-roles.store';

/** The level a competence gets when an ad adds it to a role without one. */
const DEFAULT_LEVEL = 3;

export function analyse(text: string) {
  return analyseAd(jobAdAnalyser(), text);
}

export async function saveJobAd(uc: UseCase, input: JobAdInput): Promise<JobAdView> {
  const { actor } = uc;
  let companyName: string | null = null;
  let roleTitle: string | null = null;
  let companyId = input.companyId ?? null;
  if (input.roleId) {
    const found = await findRole(uc.tx, actor.municipalityId, input.roleId);
    if (!found) throw notFound();
    if (companyId && companyId !== found.role.companyId) throw invalid('ad_role_company');
    companyId = found.role.companyId;
    const { target } = await loadCompany(uc.tx, actor, companyId);
    authorize(companyPolicy, actor, 'postRole', target);
    // The ad's digital competences join the role's; an existing level is kept.
    const suggested = new Map(
      (found.role.occupationId ? requirementsOf(esco().find(found.role.occupationId)!) : []).map(
        (r) => [r.competence, r.level],
      ),
    );
    const have = new Map(found.role.competences.map((c) => [c.competence, c.level]));
    for (const p of input.phrases)
      if (p.competence && !have.has(p.competence))
        have.set(p.competence, suggested.get(p.competence) ?? DEFAULT_LEVEL);
    await updateRole(uc.tx, found.role.id, {
      competences: [...have]
        .map(([competence, level]) => ({ competence, level }))
        .sort((a, b) => a.competence.localeCompare(b.competence, 'en', { numeric: true })),
    });
    roleTitle = found.role.title;
  }
  if (companyId) companyName = (await loadCompany(uc.tx, actor, companyId)).row.name;
  const row = await insertJobAd(uc.tx, {
    municipalityId: actor.municipalityId,
    companyId,
    roleId: input.roleId ?? null,
    title: input.title,
    text: input.text,
    phrases: input.phrases,
    by: actor.userId,
  });
  await writeAudit(uc.tx, uc.audit, {
    action: 'company.job_ad.create',
    entity: 'job_ad',
    entityId: row.id,
    purpose: 'company_relations',
  });
  return {
    id: row.id,
    title: row.title,
    companyName,
    roleTitle,
    phrases: row.phrases,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listJobAds(uc: UseCase): Promise<JobAdView[]> {
  const rows = await jobAdRows(uc.tx, uc.actor.municipalityId);
  return rows.map((r) => ({
    id: r.ad.id,
    title: r.ad.title,
    companyName: r.companyName,
    roleTitle: r.roleTitle,
    phrases: r.ad.phrases,
    createdAt: r.ad.createdAt.toISOString(),
  }));
}
