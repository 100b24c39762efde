import type { Role } from '../auth/roles';
import type { Governance } from '../policy';

/**
 * Who may call a route. Every route declares one; the app refuses to start otherwise.
 * Record-level rules (own caseload, own municipality) live in each area's policy.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  /** A citizen with a session, or anyone holding the cookie of a test started with a code. */
  | { kind: 'test_taker' }
  | { kind: 'roles'; roles: readonly Role[] };

export const access = {
  public: (): Access => ({ kind: 'public' }),
  authenticated: (): Access => ({ kind: 'authenticated' }),
  testTaker: (): Access => ({ kind: 'test_taker' }),
  roles: (...roles: Role[]): Access => ({ kind: 'roles', roles }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The route reads or changes a citizen's personal data and must write an audit row. */
    personalData?: boolean;
    /** The route never looks at who calls (health checks): no session lookup on its path. */
    sessionless?: boolean;
    crossSite?: boolean;
    /** The contract the route was registered from (`GET /api/pilots/:id`); see route.ts. */
    endpoint?: string;
    /** The policy rule the route's access is the coarse form of (see endpoint.ts). */
    governedBy?: Governance;
  }
}

export function describeAccess(a: Access): string {
  switch (a.kind) {
    case 'public':
      return 'public';
    case 'authenticated':
      return 'authenticated';
    case 'test_taker':
      return 'test_taker';
    case 'roles':
      return a.roles.join(',');
  }
}
