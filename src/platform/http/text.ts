import { z } from 'zod';

/**
 * Text that must stay on one line (names, titles): no newline or tab, which would break
 * calendar files, CSV cells and headings. Other control characters are refused for every
 * field before validation (text-guard.ts). The message is translated per request through
 * the issue's `i18n` key (platform/http/app.ts).
 */
export const singleLine = () =>
  z
    .string()
    .trim()
    .refine((v) => !/[\n\r\t]/.test(v), { params: { i18n: 'single_line' } });
