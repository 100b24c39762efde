import pino, { type DestinationStream, type Logger } from 'pino';

const CPR_LIKE = /(?<!\d)\d{6}-?\d{4}(?!\d)/g;
const maskCpr = (text: string) => text.replace(CPR_LIKE, '[cpr]');

/**
 * The one logger setup. Cookies and credentials are removed; request bodies (where CPR numbers
 * travel) are never logged, and CPR numbers never appear in URLs.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    serializers: {
      // Only the path: query strings carry search terms (names), and a CPR number typed into the
      // wrong place must not reach the log either.
      req: (req: { method?: string; url?: string; ip?: string }) => ({
        method: req.method,
        path: maskCpr((req.url ?? '').split('?')[0] ?? ''),
        ip: req.ip,
      }),
    },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      remove: true,
    },
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
