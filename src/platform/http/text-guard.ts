// Control characters in text are never meant: a NUL byte cannot even be stored (PostgreSQL
// refuses it in UTF-8 text), and a bare carriage return or an escape sequence breaks the
// files, logs and terminals the text later reaches. Every string of every request is checked
// here, before validation, so no route can forget it. Tab and newline stay allowed (and CR
// only as part of CRLF): multi-line fields need them; single-line fields refuse them in
// their own schema (`singleLine` in platform/http/text.ts).
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const MAX_DEPTH = 32;

/** The path of the first string (or key) holding a forbidden character, or null. */
export function findControlCharacter(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return FORBIDDEN.test(value) ? path || '(text)' : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControlCharacter(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  if (Buffer.isBuffer(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (FORBIDDEN.test(key)) return at;
    const hit = findControlCharacter(v, at, depth + 1);
    if (hit) return hit;
  }
  return null;
}
