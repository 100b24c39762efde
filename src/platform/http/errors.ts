import type { MessageKey } from '../i18n/messages';

export type ClientErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

/** An expected failure with a user-facing, translated message. Anything else is a bug (5xx). */
export class AppError extends Error {
  constructor(
    readonly status: ClientErrorStatus,
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
