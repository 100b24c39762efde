import type { Actor, Role } from './auth/roles';
import { forbidden, notFound } from './errors';

/**
 * A policy maps each action to a rule over the actor and (optionally) the record.
 * Anything not listed is denied. Keeping rules as data lets the web client receive each
 * record's allowed actions from the server instead of re-implementing them.
 */
export type Rule<R> = (actor: Actor, record: R) => boolean;
export type Policy<A extends string, R> = Record<A, Rule<R>>;

export const anyOf =
  (...roles: Role[]) =>
  (actor: Actor): boolean =>
    actor.roles.some((r) => roles.includes(r));

export function can<A extends string, R>(
  policy: Policy<A, R>,
  actor: Actor,
  action: A,
  record: R,
): boolean {
  // A policy maps each action to a rule over its record type; the index loses that link.
  const rule = policy[action] as Rule<R> | undefined;
  return rule ? rule(actor, record) : false;
}

/**
 * Throws when denied: 404 where even the record's existence is private, else 403.
 */
export function authorize<A extends string, R>(
  policy: Policy<A, R>,
  actor: Actor,
  action: A,
  record: R,
  onDeny: 'forbidden' | 'not_found' = 'forbidden',
): void {
  if (!can(policy, actor, action, record)) throw onDeny === 'not_found' ? notFound() : forbidden();
}

export function permissionsFor<A extends string, R>(
  policy: Policy<A, R>,
  actor: Actor,
  record: R,
  actions: readonly A[],
): Record<A, boolean> {
  // Filled for every action below before it is returned.
  const out = {} as Record<A, boolean>;
  for (const a of actions) out[a] = can(policy, actor, a, record);
  return out;
}

/**
 * Records of the actor's own municipality to try a policy's rules on: one for every state the
 * rules look at (statuses, whose record it is). Other municipalities' records are left out:
 * the coarse access of a route is about roles, tenancy is tested on its own.
 */
export type Examples<R> = (actor: Actor) => readonly R[];

/** An endpoint's link to the policy rule that decides it (`governedBy` in its contract). */
export interface Governance {
  /** `pilot.edit`: the policy's name and the action. */
  rule: string;
  /** Whether the rule lets this actor through for at least one record of their municipality. */
  canHold(actor: Actor): boolean;
}

/** What the composition root's checks read of an area's policy. */
export interface PolicyInfo {
  policyName: string;
  actions: readonly string[];
  /** Actions no endpoint is governed by, each with why (shown per record, or checked inside). */
  recordOnly: Readonly<Partial<Record<string, string>>>;
}

export type GovernedPolicy<A extends string> = PolicyInfo & ((action: A) => Governance);

/**
 * Names a policy for the endpoints it governs: `pilotRules('edit')` in a contract says the route
 * is decided by `pilotPolicy.edit`, and the access-agreement check proves the route's role list
 * lets a role through exactly when that rule can hold for it.
 */
export function governing<A extends string, R>(
  policyName: string,
  policy: Policy<A, R>,
  examples: Examples<R>,
  recordOnly: Partial<Record<A, string>> = {},
): GovernedPolicy<A> {
  const rules = (action: A): Governance => ({
    rule: `${policyName}.${action}`,
    canHold: (actor) => examples(actor).some((r) => can(policy, actor, action, r)),
  });
  // A Policy<A, R> has exactly the keys A; Object.keys cannot say so.
  const actions = Object.keys(policy) as A[];
  return Object.assign(rules, { policyName, actions, recordOnly });
}
