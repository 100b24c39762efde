import fs from 'node:fs';
import path from 'node:path';
import type { SamlKeys } from './context';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  CPR_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  PUBLIC_URL: z.string().optional(),
  MAIL_DIR: z.string().optional(),
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_TOKEN: z.string().optional(),
  SMS_SENDER: z.string().max(11).default('Jobcenter'),
  SAML_SIGNING_KEY_FILE: z.string().optional(),
  SAML_SIGNING_CERT_FILE: z.string().optional(),
  SAML_ENCRYPTION_KEY_FILE: z.string().optional(),
  SAML_ENCRYPTION_CERT_FILE: z.string().optional(),
  SAML_CONTACT_NAME: z.string().max(200).default('Digiløft'),
  SAML_CONTACT_EMAIL: z.string().email().optional(),
  SPEECH_ENGINE: z.string().default('espeak-ng'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  cprKey: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  trustProxy: boolean;
  /** The address people reach this installation at: every link handed out starts with it. */
  publicUrl: string;
  /** Why the public address may be a mistake (plain http outside this machine), if it is. */
  publicUrlWarning: string | null;
  /** Where outgoing messages are dropped as files instead of only logged (demo, development). */
  mailDir: string | undefined;
  /** An HTTP gateway SMS go out through (platform/messaging/sms-gateway.ts), if any. */
  smsGateway: { url: string; token: string; from: string } | null;
  /** The certificates MitID through NemLog-in needs (PEM, read from the four files), if set. */
  saml: SamlKeys | null;
  /** Whom NemLog-in contacts about this service (in our SAML metadata). */
  samlContact: { name: string; email: string };
  /** The eSpeak NG program read-aloud falls back on, or "off". */
  speechEngine: string;
}

const SAML_FILES = [
  'SAML_SIGNING_KEY_FILE',
  'SAML_SIGNING_CERT_FILE',
  'SAML_ENCRYPTION_KEY_FILE',
  'SAML_ENCRYPTION_CERT_FILE',
] as const;

/** All four certificate files or none: a half-configured NemLog-in is a mistake said at start. */
function samlKeys(e: z.infer<typeof EnvSchema>): SamlKeys | null {
  const given = SAML_FILES.filter((k) => e[k]);
  if (given.length === 0) return null;
  if (given.length < SAML_FILES.length)
    throw new Error(
      `Invalid configuration: MitID needs all of ${SAML_FILES.join(', ')} (missing ${SAML_FILES.filter((k) => !e[k]).join(', ')})`,
    );
  const read = (k: (typeof SAML_FILES)[number]) => {
    try {
      return fs.readFileSync(e[k]!, 'utf8');
    } catch (err) {
      throw new Error(`Invalid configuration: ${k} cannot be read (${(err as Error).message})`);
    }
  };
  return {
    signingKey: read('SAML_SIGNING_KEY_FILE'),
    signingCert: read('SAML_SIGNING_CERT_FILE'),
    encryptionKey: read('SAML_ENCRYPTION_KEY_FILE'),
    encryptionCert: read('SAML_ENCRYPTION_CERT_FILE'),
  };
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

/**
 * The public address, checked: an absolute http(s) origin without path, query or credentials.
 * Links in messages, calendar files, QR codes and badges are built from it, never from the
 * Host header of a request.
 */
export function parsePublicUrl(value: string): { url: string; warning: string | null } {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new Error(
      `PUBLIC_URL must be an absolute address such as https://digiloft.kk.dk (got "${value}")`,
    );
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new Error(`PUBLIC_URL must start with https:// (got "${value}")`);
  if (u.username || u.password || u.search || u.hash || (u.pathname !== '/' && u.pathname !== ''))
    throw new Error(
      `PUBLIC_URL must be only scheme, host and port, without path, query or credentials (got "${value}")`,
    );
  const warning =
    u.protocol === 'http:' && !LOOPBACK.test(u.hostname)
      ? `PUBLIC_URL ${u.origin} is plain http: links handed out to citizens will not be encrypted`
      : null;
  return { url: u.origin, warning };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (e.g. DATABASE_URL= to force the embedded database).
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const pub = parsePublicUrl(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    mailDir: e.MAIL_DIR ? path.resolve(e.MAIL_DIR) : undefined,
    databaseUrl: e.DATABASE_URL,
    cprKey: e.CPR_KEY,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    trustProxy: e.TRUST_PROXY,
    publicUrl: pub.url,
    speechEngine: e.SPEECH_ENGINE,
    publicUrlWarning: pub.warning,
    smsGateway: e.SMS_GATEWAY_URL
      ? { url: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN ?? '', from: e.SMS_SENDER }
      : null,
    saml: samlKeys(e),
    samlContact: {
      name: e.SAML_CONTACT_NAME,
      email: e.SAML_CONTACT_EMAIL ?? `digiloft@${new URL(pub.url).hostname}`,
    },
  };
}
