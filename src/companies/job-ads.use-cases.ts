// Analysing and keeping job ads. The analysis reads no personal data and stores nothing; saving
// keeps the phrases as the consultant corrected them and adds the digital competences to the
// role it is saved to (at the level the role's occupation suggests, never lowering one).
import { writeAudit } from '../platform/audit';
import { invalid, notFound } from '../platform/errors';
import { parse } from 'csv-parse/sync';
import { authorize } from '../platform/policy';
import type { UseCase } from '../platform/use-case';
import { esco, requirementsOf } from '../learning';
import { analyseAd } from './job-ads/analyse';
import { jobAdAnalyser } from './job-ads/job-ad-model';
import { insertJobAd, listJobAds as jobAdRows } from './job-ads.store';
import { MAX_IMPORTED_ADS, type JobAdInput, type JobAdView } from './job-ads.contract';
import { findCompanyByCvr } from './companies.store';
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
    companyName = found.companyName;
  } else if (companyId) companyName = (await loadCompany(uc.tx, actor, companyId)).row.name;
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

/**
 * A CSV file of ads, analysed and saved all together or not at all. The header names the
 * columns (`title`, `text`, optionally `cvr`); the separator is a comma or a semicolon.
 */
export async function importJobAds(uc: UseCase, csv: string) {
  const firstLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let records: Record<string, string>[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter,
      skip_empty_lines: true,
      relax_column_count: false,
    });
  } catch (err) {
    throw invalid('ads_csv_unreadable', 'ads_csv_unreadable', {
      reason: err instanceof Error ? err.message : String(err),
    });
  }
  if (records.length === 0 || !('title' in records[0]!) || !('text' in records[0]))
    throw invalid('ads_csv_columns');
  if (records.length > MAX_IMPORTED_ADS)
    throw invalid('ads_csv_too_many', 'ads_csv_too_many', { max: MAX_IMPORTED_ADS });
  const analyser = jobAdAnalyser();
  let phrases = 0;
  for (const [i, r] of records.entries()) {
    const line = i + 2;
    const title = (r.title ?? '').trim();
    const text = (r.text ?? '').trim();
    if (title.length < 2 || text.length < 20) throw invalid('ads_csv_row', 'ads_csv_row', { line });
    const cvr = (r.cvr ?? '').trim();
    const company = cvr ? await findCompanyByCvr(uc.tx, uc.actor.municipalityId, cvr) : null;
    if (cvr && !company) throw invalid('ads_csv_cvr', 'ads_csv_cvr', { line, cvr });
    const found = analyseAd(analyser, text).phrases;
    phrases += found.length;
    await insertJobAd(uc.tx, {
      municipalityId: uc.actor.municipalityId,
      companyId: company?.id ?? null,
      title: title.slice(0, 200),
      text: text.slice(0, 20_000),
      phrases: found.map((p) => ({
        kind: p.kind,
        text: p.text,
        group: p.group,
        competence: p.competence,
      })),
      by: uc.actor.userId,
    });
  }
  await writeAudit(uc.tx, uc.audit, {
    action: 'company.job_ad.import',
    entity: 'job_ad',
    purpose: 'company_relations',
    details: { ads: records.length },
  });
  return { saved: records.length, phrases };
}
