import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { MODULES } from '../modules';
import { ROLES, type Role } from '../../platform/auth/roles';
import { buildActor } from '../testing/factories';
import { pilotRules } from '../../pilots/pilots.policy';

// One source for access: the policy decides, and a route's role list is its coarse form. For
// every route a policy rule governs, each role passes the route exactly when the rule can let
// it through for some record of its own municipality — so neither can drift from the other.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const actorWith = (role: Role) => buildActor([role]);

function governedRoutes() {
  return t.app.routeTable().filter((r) => r.governedBy !== null && r.method !== 'HEAD');
}

type Row = Pick<
  ReturnType<typeof governedRoutes>[number],
  'method' | 'url' | 'admits' | 'governedBy'
>;

function disagreements(routes: readonly Row[]): string[] {
  const out: string[] = [];
  for (const r of routes) {
    for (const role of ROLES) {
      const actor = actorWith(role);
      const byRoute = r.admits(actor);
      const byPolicy = r.governedBy!.canHold(actor);
      if (byRoute !== byPolicy)
        out.push(
          `${r.method} ${r.url} (${r.governedBy!.rule}) as ${role}: route ${byRoute ? 'admits' : 'refuses'}, policy ${byPolicy ? 'can allow' : 'never allows'}`,
        );
    }
  }
  return out;
}

describe('access from the policy', () => {
  it('governs the routes that read or change one record behind a policy', () => {
    // Guards the check below against passing on nothing.
    expect(governedRoutes().length).toBeGreaterThanOrEqual(40);
  });

  it('lets a role through a route exactly when the policy rule can hold for it', () => {
    expect(disagreements(governedRoutes())).toEqual([]);
  });

  it('catches a route whose roles drift from its rule', () => {
    // Evaluations hold aggregates for managers and analysts; a route that also let
    // caseworkers in would disagree with the rule.
    const drifted: Row = {
      method: 'GET',
      url: '/api/pilots/:id/evaluation',
      admits: (a) =>
        a !== null && a.roles.some((r) => ['pilot_manager', 'analyst', 'caseworker'].includes(r)),
      governedBy: pilotRules('evaluate'),
    };
    expect(disagreements([drifted])).toEqual([
      'GET /api/pilots/:id/evaluation (pilot.evaluate) as caseworker: route admits, policy never allows',
    ]);
  });

  it('has every policy action govern a route, or say why it is checked per record only', () => {
    const governing = new Set(governedRoutes().map((r) => r.governedBy!.rule));
    const unlinked: string[] = [];
    for (const m of MODULES)
      for (const p of m.policies ?? [])
        for (const action of p.actions) {
          const rule = `${p.policyName}.${action}`;
          const why = p.recordOnly[action];
          if (governing.has(rule) === (why !== undefined))
            unlinked.push(why ? `${rule}: governs a route yet says "${why}"` : rule);
        }
    expect(unlinked).toEqual([]);
  });
});
