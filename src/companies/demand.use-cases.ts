// The demand picture: aggregates of what companies ask for, and of the citizens who could fill
// it. No personal data leaves here, so reading it is not audited.
import type { UseCase } from '../platform/use-case';
import { esco, planGapCounts } from '../learning';
import { aggregate, DEMAND_SOURCES, type DemandDimension } from './demand.model';
import { demandSignals, openRoleDemand } from './demand.store';
import type { DemandView } from './demand.contract';

export async function demandPicture(uc: UseCase, by: DemandDimension): Promise<DemandView> {
  const signals = await demandSignals(uc.tx, uc.actor.municipalityId);
  const basis = { roles: 0, survey: 0, ads: 0 };
  for (const source of DEMAND_SOURCES)
    basis[source] = signals.filter((s) => s.source === source).length;
  return { by, cells: aggregate(signals, by), basis };
}

export async function demandSupply(uc: UseCase) {
  const roles = await openRoleDemand(uc.tx, uc.actor.municipalityId);
  const gaps = await planGapCounts(uc.tx, uc.actor.municipalityId);
  const asked = new Map<
    string,
    { occupationId: string; competence: string; level: number; people: number }
  >();
  for (const r of roles)
    for (const c of r.competences) {
      const key = `${r.occupationId}|${c.competence}`;
      const a = asked.get(key) ?? {
        occupationId: r.occupationId!,
        competence: c.competence,
        level: 0,
        people: 0,
      };
      a.level = Math.max(a.level, c.level);
      a.people += r.people;
      asked.set(key, a);
    }
  const lacking = new Map(gaps.map((g) => [`${g.occupationId}|${g.competence}`, g]));
  const planned = new Map(gaps.map((g) => [g.occupationId, g.citizensPlanned]));
  return [...asked.values()]
    .map((a) => ({
      occupationId: a.occupationId,
      occupationLabel: esco().find(a.occupationId)?.label ?? a.occupationId,
      competence: a.competence,
      level: a.level,
      peopleAsked: a.people,
      citizensPlanned: planned.get(a.occupationId) ?? 0,
      citizensLacking: lacking.get(`${a.occupationId}|${a.competence}`)?.citizensLacking ?? 0,
    }))
    .sort(
      (x, y) =>
        y.peopleAsked - x.peopleAsked ||
        x.occupationLabel.localeCompare(y.occupationLabel) ||
        x.competence.localeCompare(y.competence, 'en', { numeric: true }),
    );
}

/** What local companies' open roles for one occupation ask (beside ESCO's general picture). */
export async function localRequirements(uc: UseCase, occupationId: string) {
  const roles = await openRoleDemand(uc.tx, uc.actor.municipalityId, occupationId);
  const by = new Map<string, { competence: string; level: number; roles: number }>();
  for (const r of roles)
    for (const c of r.competences) {
      const x = by.get(c.competence) ?? { competence: c.competence, level: 0, roles: 0 };
      x.level = Math.max(x.level, c.level);
      x.roles++;
      by.set(c.competence, x);
    }
  return {
    occupationId,
    roles: roles.length,
    people: roles.reduce((n, r) => n + r.people, 0),
    companies: new Set(roles.map((r) => r.companyId)).size,
    competences: [...by.values()].sort((a, b) =>
      a.competence.localeCompare(b.competence, 'en', { numeric: true }),
    ),
  };
}
