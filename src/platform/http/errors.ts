import type { ErrorKind } from '../errors';

export type ClientErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;
/** 503: the database is out of reach for a while; the request can be repeated. */
export type ExpectedStatus = ClientErrorStatus | 503;

/** The one table from the domain's kinds of failure to HTTP status codes. */
export const STATUS_OF: Readonly<Record<ErrorKind, ExpectedStatus>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  throttled: 429,
  unavailable: 503,
};

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
  // Database drivers put the SQLSTATE on `code`, not declared on Error.
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (LOST_CONNECTION.has(code) || /^57P0[1-3]$/.test(code) || /^08/.test(code)) return true;
  }
  if (LOST_MESSAGE.test(err.message)) return true;
  if (err instanceof AggregateError && err.errors.some((e) => isDatabaseUnavailable(e, depth + 1)))
    return true;
  // A wrapped driver error hangs on `cause`.
  return isDatabaseUnavailable((err as { cause?: unknown }).cause, depth + 1);
}
