import { z } from 'zod';
import type { MessageKey } from '../i18n/messages';

/**
 * Text that must stay on one line (names, titles): no newline or tab, which would break
 * calendar files, CSV cells and headings. Other control characters are refused for every
 * field before validation (text-guard.ts). The message is translated per request through
 * the issue's `i18n` key (platform/http/app.ts).
 */
export const singleLine = (typeError?: { error: string }) =>
  z
    .string(typeError)
    .trim()
    .refine((v) => !/[\n\r\t]/.test(v), { params: { i18n: 'single_line' } });

/**
 * A validation message written for people, by key (platform/i18n/messages.ts): the error
 * handler shows it in the user's language instead of the validator's own text, e.g.
 * `z.string().min(4, said('test_code'))`.
 */
export const said = (key: MessageKey) => ({ error: `i18n:${key}` });
