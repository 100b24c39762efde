import type { MessageKey } from '../i18n/messages';

export type ClientErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;
/** 503: the database is out of reach for a while; the request can be repeated. */
export type ExpectedStatus = ClientErrorStatus | 503;

/** An expected failure with a user-facing, translated message. Anything else is a bug (5xx). */
export class AppError extends Error {
  constructor(
    readonly status: ExpectedStatus,
    readonly code: string,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const badRequest = (key: MessageKey, code: string = key) => new AppError(400, code, key);
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'unauthenticated');
export const forbidden = () => new AppError(403, 'forbidden', 'forbidden');
export const notFound = () => new AppError(404, 'not_found', 'not_found');
export const conflict = (key: MessageKey) => new AppError(409, key, key);

const LOST_CONNECTION = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
]);
const LOST_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;

/**
 * Whether an error (or one it was caused by) says the database server is out of reach:
 * refused or dropped connections, a server shutting down or starting (SQLSTATE 57P0x), or the
 * connection-exception class 08.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 5) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (LOST_CONNECTION.has(code) || /^57P0[1-3]$/.test(code) || /^08/.test(code)) return true;
  }
  if (LOST_MESSAGE.test(err.message)) return true;
  if (err instanceof AggregateError && err.errors.some((e) => isDatabaseUnavailable(e, depth + 1)))
    return true;
  return isDatabaseUnavailable((err as { cause?: unknown }).cause, depth + 1);
}

export const databaseUnavailable = () =>
  new AppError(503, 'database_unavailable', 'database_unavailable', {}, { 'retry-after': '10' });

/** 429 with Retry-After, the wait said in seconds or, when long, in minutes. */
export function tooManyRequests(code: 'too_many_attempts' | 'rate_limited', seconds: number) {
  const long = seconds >= 90;
  return new AppError(
    429,
    code,
    long ? `${code}_minutes` : code,
    long ? { minutes: Math.ceil(seconds / 60) } : { seconds },
    { 'retry-after': String(seconds) },
  );
}
