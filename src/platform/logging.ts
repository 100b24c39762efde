import pino, { type DestinationStream, type Logger } from 'pino';

// A CPR number as someone might type it, also URL-encoded (010190%201234, 010190%2D1234).
const CPR_LIKE = /(?<!\d)\d{6}(?:[-\s+\u00a0]|%2[dD]|%20|%C2%A0)?\d{4}(?!\d)/g;
export const maskCpr = (text: string) => text.replace(CPR_LIKE, '[cpr]');

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Fields of a PostgreSQL error that name the schema, never the data. */
const DB_FIELDS = ['code', 'severity', 'routine', 'table', 'column', 'constraint'] as const;

interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  [field: string]: unknown;
}

/**
 * An error as it may be logged. A failed query carries its parameters (names, e-mails, a CPR
 * number typed into a note) in its message, and PostgreSQL quotes offending values in its
 * own messages and `detail`: so a database error keeps only its SQL text (placeholders, no
 * values), its SQLSTATE and the names of what it concerns, with every quoted part that is not
 * one of those names blanked out.
 */
export function loggableError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: '[not an Error]' };
  // Errors carry extra fields (code, detail) that the serialiser copies by name.
  const e = err as Error & Record<string, unknown>;
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => l.startsWith('    at '))
    .join('\n');
  const out: LoggedError = { type: e.name, message: e.message };
  if (typeof e.query === 'string') out.query = e.query.slice(0, 1000);
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
    const names = new Set(DB_FIELDS.map((f) => e[f]).filter((v) => typeof v === 'string'));
    out.message = e.message.replace(/"([^"]*)"/g, (q, inner: string) =>
      names.has(inner) || /^[a-z_][a-z0-9_]*$/.test(inner) ? q : '"…"',
    );
    // Messages that quote the offending input itself keep only what kind of input it was.
    if (/invalid input|out of range|too long|invalid byte/i.test(out.message))
      out.message = out.message.replace(/:.*$/, ': …');
    for (const f of DB_FIELDS) if (typeof e[f] === 'string') out[f] = e[f];
  } else if ('params' in e && out.query !== undefined) {
    out.message = 'Failed query';
  } else if (typeof e.code === 'string') {
    out.code = e.code;
  }
  out.stack = `${out.type}: ${out.message}\n${frames}`;
  if (e.cause !== undefined && depth < 3) out.cause = loggableError(e.cause, depth + 1);
  return out;
}

/**
 * The one logger setup. Cookies and credentials are removed; request bodies and query strings
 * (where CPR numbers, names and search words travel) are never logged; errors are logged
 * without the values they concern; and as a last guard every line is masked for CPR numbers.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    serializers: {
      // Only the path: query strings carry search terms (names), and a CPR number typed into the
      // wrong place must not reach the log either, in any encoding.
      req: (req: { method?: string; url?: string; ip?: string }) => ({
        method: req.method,
        path: maskCpr(decoded((req.url ?? '').split('?')[0] ?? '')),
        ip: req.ip,
      }),
      err: loggableError,
    },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      remove: true,
    },
    hooks: { streamWrite: maskCpr },
  };
  if (destination) return pino(options, destination);
  if (process.stdout.isTTY) {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
      },
    });
  }
  return pino(options);
}
