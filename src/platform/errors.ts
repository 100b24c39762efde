// What can go wrong on purpose, said in the domain's words. Use cases, policies and stores
// throw these; they know nothing of HTTP. The HTTP layer maps each kind to a status in one
// table (platform/http/errors.ts), the CLI prints the message.
import type { MessageKey } from './i18n/messages';

export const ERROR_KINDS = [
  'invalid', // the input breaks a rule
  'unauthenticated', // nobody is logged in
  'forbidden', // the actor may not do this
  'not_found', // no such record, or one the actor may not know exists
  'conflict', // the record's state does not allow it now
  'too_large', // an upload over its limit
  'unsupported_type', // an upload of the wrong kind
  'throttled', // too many attempts; try again later
  'unavailable', // the database is out of reach for a while
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** An expected failure with a user-facing, translated message. Anything else is a bug (5xx). */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    /** When repeating makes sense (throttled, unavailable). */
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const invalid = (
  key: MessageKey,
  code: string = key,
  params: Record<string, string | number> = {},
) => new DomainError('invalid', code, key, params);
export const unauthenticated = () =>
  new DomainError('unauthenticated', 'unauthenticated', 'unauthenticated');
export const forbidden = () => new DomainError('forbidden', 'forbidden', 'forbidden');
export const notFound = () => new DomainError('not_found', 'not_found', 'not_found');
export const conflict = (key: MessageKey, params: Record<string, string | number> = {}) =>
  new DomainError('conflict', key, key, params);

export const databaseUnavailable = () =>
  new DomainError('unavailable', 'database_unavailable', 'database_unavailable', {}, 10);

/** Too many attempts: the wait said in seconds or, when long, in minutes. */
export function tooManyRequests(code: 'too_many_attempts' | 'rate_limited', seconds: number) {
  const long = seconds >= 90;
  return new DomainError(
    'throttled',
    code,
    long ? `${code}_minutes` : code,
    long ? { minutes: Math.ceil(seconds / 60) } : { seconds },
    seconds,
  );
}
