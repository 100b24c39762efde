// Throttling of guesses (passwords, test codes) as pure rules. Each failure beyond a few free
// ones makes the next try wait longer (doubling up to a cap) instead of locking anyone out for a
// fixed time: a person who mistypes waits seconds, a guesser waits ever longer. Scopes are
// counted separately, so one guesser cannot lock out everyone behind a shared address, and a
// device that has logged in to the account before goes through on its own counter.

export interface ScopeRule {
  /** Failures allowed without any wait. */
  free: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further one. */
  baseSeconds: number;
  capSeconds: number;
  /** A success in the same scope starts the count again. */
  resetOnSuccess: boolean;
}

export type ThrottleKind = 'login' | 'test_code';

export interface Attempt {
  accountKey: string;
  ip: string;
  /** A device that has logged in to this account before (from its signed cookie), or null. */
  device: string | null;
}

export interface PastAttempt extends Attempt {
  succeeded: boolean;
  at: Date;
}

/** Failures are counted over this window; older ones are forgotten. */
export const WINDOW_MINUTES = 60;

export const LOGIN_RULES = {
  /** One account from one address: the ordinary case of a mistyped password. */
  accountAndSource: { free: 3, baseSeconds: 2, capSeconds: 900, resetOnSuccess: true },
  /** One account from anywhere: guessing spread over many addresses. */
  account: { free: 10, baseSeconds: 30, capSeconds: 900, resetOnSuccess: true },
  /**
   * One address, any account: trying many accounts. Generous, since a workshop's shared Wi-Fi
   * is one address for many people; and a success (possibly the guesser's own) does not reset.
   */
  source: { free: 30, baseSeconds: 5, capSeconds: 900, resetOnSuccess: false },
  /** A known device of the account: counted on its own, so a stolen device cookie is no key. */
  device: { free: 10, baseSeconds: 2, capSeconds: 900, resetOnSuccess: true },
} satisfies Record<string, ScopeRule>;

/** Test codes have their own counter: only the address (there is no account yet). */
export const TEST_CODE_RULES = {
  source: { free: 10, baseSeconds: 2, capSeconds: 900, resetOnSuccess: false },
} satisfies Record<string, ScopeRule>;

/** Seconds to wait before the next try in one scope, given its attempts in time order. */
export function scopeWait(rule: ScopeRule, attempts: readonly PastAttempt[], now: Date): number {
  let failures = 0;
  let last: Date | null = null;
  for (const a of attempts) {
    if (a.succeeded) {
      if (rule.resetOnSuccess) failures = 0;
    } else {
      failures++;
      last = a.at;
    }
  }
  if (failures <= rule.free || !last) return 0;
  const delay = Math.min(rule.capSeconds, rule.baseSeconds * 2 ** (failures - rule.free - 1));
  return Math.max(0, Math.ceil((last.getTime() + delay * 1000 - now.getTime()) / 1000));
}

/**
 * Seconds the next login must wait (0: go ahead). A known device answers only to its own
 * counter, so the right password from it gets through while others guess at the account.
 */
export function loginWait(attempt: Attempt, recent: readonly PastAttempt[], now: Date): number {
  if (attempt.device) {
    return scopeWait(
      LOGIN_RULES.device,
      recent.filter((a) => a.device === attempt.device && a.accountKey === attempt.accountKey),
      now,
    );
  }
  const foreign = recent.filter((a) => a.device === null);
  return Math.max(
    scopeWait(
      LOGIN_RULES.accountAndSource,
      foreign.filter((a) => a.accountKey === attempt.accountKey && a.ip === attempt.ip),
      now,
    ),
    scopeWait(
      LOGIN_RULES.account,
      foreign.filter((a) => a.accountKey === attempt.accountKey),
      now,
    ),
    scopeWait(
      LOGIN_RULES.source,
      recent.filter((a) => a.ip === attempt.ip),
      now,
    ),
  );
}

/** Seconds the next test code from this address must wait. */
export function testCodeWait(ip: string, recent: readonly PastAttempt[], now: Date): number {
  return scopeWait(
    TEST_CODE_RULES.source,
    recent.filter((a) => a.ip === ip),
    now,
  );
}
