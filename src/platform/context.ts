import type { SpeechEngine } from './speech/speech';
import type { Actor, Role } from './auth/roles';
import type { Authenticator } from './auth/authenticator';
import type { CprCipher } from './crypto/cpr-cipher';
import type { Database, Db } from './db/client';
import type { Lang, PageLang } from './i18n/messages';

/** The installation's certificates for NemLog-in (PEM): one pair to sign with, one to decrypt with. */
export interface SamlKeys {
  signingKey: string;
  signingCert: string;
  encryptionKey: string;
  encryptionCert: string;
}

export interface AppSettings {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  trustProxy: boolean;
  /** The configured public origin (no trailing slash); see `publicLink`. */
  publicUrl: string;
  /** Certificates for MitID through NemLog-in; without them MitID is not offered. */
  saml: SamlKeys | null;
  /** Who NemLog-in's operators contact about this service (in our SAML metadata). */
  samlContact: { name: string; email: string };
  /** Folder with the built web client; the API runs without it. */
  webRoot?: string;
}

/** Who a session cookie belongs to: provided by the identity area (organisation). */
export interface SessionResolver {
  resolve(
    db: Db,
    token: string,
    times: { idleMinutes: number; maxHours: number },
  ): Promise<Actor | null>;
}

/** What every route and use case may reach: the one place dependencies are wired. */
export interface AppContext {
  database: Database;
  db: Db;
  cipher: CprCipher;
  settings: AppSettings;
  authenticators: ReadonlyMap<string, Authenticator>;
  sessions: SessionResolver;
  /** Server speech for read-aloud (eSpeak NG), or null when the machine has none. */
  speech: SpeechEngine | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The role the actor acts in for this route (first of their roles the route allows). */
    actingRole: Role | null;
    lang: Lang;
    /**
     * The language of the page that asked: a community language where the citizen chose one (its
     * error texts and messages), else `lang`.
     */
    pageLang: PageLang;
  }
}
