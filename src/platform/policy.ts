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
