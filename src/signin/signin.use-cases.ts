// Logging in through a provider, and the admin's settings for the providers. The provider
// proves who someone is; Digiløft decides whether they may come in: a citizen must be known
// to the jobcentre (by CPR number), a member of staff must exist and be active here.
import crypto from 'node:crypto';
import type { AppContext } from '../platform/context';
import type { Actor, Role } from '../platform/auth/roles';
import type { Capability } from '../platform/auth/capabilities';
import type { SystemTask, UseCase } from '../platform/use-case';
import { authorize } from '../platform/policy';
import { DomainError, invalid } from '../platform/errors';
import { clock } from '../platform/clock';
import { systemAudit, writeAudit } from '../platform/audit';
import { maskCpr } from '../platform/logging';
import {
  findMunicipality,
  findMunicipalityByCode,
  findUserByEmail,
  findUserById,
  insertUser,
  listMunicipalities,
  openSession,
  setPasswordLogin,
  settingsPolicy,
  updateUser,
  emailTaken,
  type MunicipalityRow,
} from '../organisation';
import { cprHashOf, findCitizenByCprHash, linkCitizenLogin } from '../people';
import {
  allLoginSettings,
  findFederatedSession,
  federatedSessionsOf,
  findLoginSettings,
  findOidcIdentity,
  insertFederatedSession,
  linkOidcIdentity,
  insertFlow,
  keepSamlMessage,
  recordMetadataFetch,
  saveLoginSettings,
  settingsWithMetadataUrl,
  takeFlow,
  takeSamlFlow,
  type LoginSettingsRow,
} from './signin.store';
import {
  SamlRefusal,
  authnRequest,
  decodeMessage,
  describeIdp,
  identityProvider,
  logoutResponse,
  logoutRequest,
  readLogout,
  readResponse,
  serviceProvider,
  spEndpoints,
  spMetadata,
} from './saml';
import {
  authorizationUrl,
  completeLogin,
  endSessionUrl,
  providerConfig,
  type OidcClient,
} from './oidc';
import type { LoginMethods, LoginSettingsInput, LoginSettingsView } from './signin.contract';

type Ctx = Pick<AppContext, 'db' | 'cipher' | 'settings'>;
type CapabilitiesOf = (actor: Actor) => Capability[];

/** A pending login lives 15 minutes: long enough for MitID's app, short enough to be useless stolen. */
const FLOW_MINUTES = 15;
const hashOf = (s: string) => crypto.createHash('sha256').update(s).digest('base64url');
const token = () => crypto.randomBytes(24).toString('base64url');

/** Why a login through a provider did not let someone in; the login page explains each. */
export class LoginRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const notOffered = () => new DomainError('not_found', 'login_not_offered', 'login_not_offered');

// ---------------------------------------------------------------- what the login page offers

export function mitidReady(s: LoginSettingsRow | null, ctx: Ctx): boolean {
  return !!(s?.samlEnabled && s.samlIdpMetadata && ctx.settings.saml);
}

export function oidcClientOf(s: LoginSettingsRow | null, ctx: Ctx): OidcClient | null {
  if (!s?.oidcEnabled || !s.oidcIssuer || !s.oidcClientId || !s.oidcSecretCipher) return null;
  return {
    issuer: s.oidcIssuer,
    clientId: s.oidcClientId,
    clientSecret: ctx.cipher.decrypt(s.oidcSecretCipher),
  };
}

export async function loginMethods(ctx: Ctx): Promise<LoginMethods> {
  const settings = new Map((await allLoginSettings(ctx.db)).map((s) => [s.municipalityId, s]));
  return {
    municipalities: (await listMunicipalities(ctx.db)).map((m) => {
      const s = settings.get(m.id) ?? null;
      return {
        code: m.code,
        name: m.name,
        password: m.passwordLogin,
        mitid: mitidReady(s, ctx),
        sso: oidcClientOf(s, ctx) !== null,
      };
    }),
  };
}

// ---------------------------------------------------------------- MitID (SAML)

/** Our service provider and NemLog-in as a municipality's settings describe them. */
function samlPartiesOf(ctx: Ctx, m: MunicipalityRow, s: LoginSettingsRow | null) {
  if (!s || !mitidReady(s, ctx)) throw notOffered();
  const sp = serviceProvider(ctx.settings.publicUrl, m.code, ctx.settings.saml!);
  const idp = identityProvider(s.samlIdpMetadata!);
  return { m, sp, idp, at: spEndpoints(ctx.settings.publicUrl, m.code) };
}

async function mitidParts(ctx: Ctx, code: string) {
  const m = await findMunicipalityByCode(ctx.db, code);
  if (!m) throw notOffered();
  return samlPartiesOf(ctx, m, await findLoginSettings(ctx.db, m.id));
}

export async function mitidMetadata(ctx: Ctx, code: string): Promise<string> {
  const m = await findMunicipalityByCode(ctx.db, code);
  if (!m || !ctx.settings.saml) throw notOffered();
  const sp = serviceProvider(ctx.settings.publicUrl, m.code, ctx.settings.saml);
  return spMetadata(sp, ctx.settings.samlContact);
}

export async function startMitid(ctx: Ctx, code: string, next: string | undefined) {
  const { m, sp, idp } = await mitidParts(ctx, code);
  const relayState = token();
  const now = clock.now();
  const request = authnRequest(sp, idp, relayState, now);
  await insertFlow(ctx.db, {
    id: hashOf(relayState),
    municipalityId: m.id,
    method: 'mitid',
    requestId: request.id,
    next: next ?? null,
    expiresAt: new Date(now.getTime() + FLOW_MINUTES * 60_000),
  });
  await keepSamlMessage(ctx.db, {
    municipalityId: m.id,
    direction: 'out',
    type: 'AuthnRequest',
    messageId: request.id,
    xml: request.xml,
  });
  return request.url;
}

/** The citizen's login (made on their first MitID visit); null when the jobcentre does not know them. */
async function citizenLogin(ctx: Ctx, m: MunicipalityRow, cpr: string) {
  const citizen = await findCitizenByCprHash(ctx.db, m.id, cprHashOf(ctx.cipher, cpr));
  if (!citizen) return null;
  if (citizen.userId) return findUserById(ctx.db, citizen.userId);
  // Their e-mail where they gave one and no one here uses it, else an address that cannot receive.
  const email =
    citizen.email && !(await emailTaken(ctx.db, m.id, citizen.email))
      ? citizen.email
      : `mitid-${citizen.id}@borger.invalid`;
  const user = await insertUser(ctx.db, {
    municipalityId: m.id,
    email,
    name: `${citizen.firstName} ${citizen.lastName}`,
    roles: ['citizen'],
    passwordHash: null,
  });
  if (!(await linkCitizenLogin(ctx.db, m.id, citizen.id, user.id))) return null;
  await writeAudit(
    ctx.db,
    { municipalityId: m.id, actorId: user.id, actorRole: 'citizen' },
    {
      action: 'citizen.login_created',
      entity: 'user',
      entityId: user.id,
      citizenId: citizen.id,
      purpose: 'administration',
      details: { method: 'mitid' },
    },
  );
  return user;
}

export interface LoggedInThrough {
  sessionToken: string;
  next: string;
}

/**
 * Reads NemLog-in's answer. Every response is kept (refused ones with the reason); a refused
 * one throws LoginRefused and lets no one in, and an unknown CPR number makes no account.
 */
export async function completeMitid(
  ctx: Ctx,
  capabilitiesOf: CapabilitiesOf,
  code: string,
  body: { SAMLResponse: string; RelayState?: string | undefined },
  oldSession: string | undefined,
): Promise<LoggedInThrough> {
  const { m, sp, idp, at } = await mitidParts(ctx, code);
  const xml = keptForm(body.SAMLResponse);
  const keep = (values: {
    refusal?: string;
    assertionId?: string;
    messageId?: string;
    inResponseTo?: string;
  }) =>
    keepSamlMessage(ctx.db, {
      municipalityId: m.id,
      direction: 'in',
      type: 'Response',
      xml,
      ...values,
    });
  const refuse = async (reason: string, extra = {}) => {
    await keep({ refusal: reason, ...extra });
    await writeAudit(ctx.db, systemAudit(m.id), {
      action: 'auth.login_refused',
      entity: 'municipality',
      entityId: m.id,
      purpose: 'administration',
      details: { method: 'mitid', reason },
    });
    return new LoginRefused(reason);
  };

  let read;
  try {
    read = await readResponse(sp, idp, body.SAMLResponse, {
      now: clock.now(),
      acs: at.acs,
    });
  } catch (err) {
    if (err instanceof SamlRefusal) throw await refuse(err.refusal);
    throw err;
  }
  const ids = { messageId: read.responseId, inResponseTo: read.inResponseTo };
  if (!(await keep({ assertionId: read.assertionId, ...ids })))
    throw await refuse('saml_replayed', ids);
  // The request it answers is used up either way: one answer per request.
  const flow = await takeSamlFlow(ctx.db, m.id, read.inResponseTo);
  if (!flow || (body.RelayState && hashOf(body.RelayState) !== flow.id))
    throw await refuse('saml_unsolicited', ids);

  const user = await citizenLogin(ctx, m, read.cpr);
  if (!user) throw await refuse('mitid_unknown_citizen', ids);
  if (!user.active) throw await refuse('login_inactive', ids);
  const opened = await openSession(ctx, capabilitiesOf, user, 'mitid', oldSession);
  await insertFederatedSession(ctx.db, {
    sessionId: opened.sessionId,
    municipalityId: m.id,
    method: 'mitid',
    nameId: read.nameId,
    sessionIndex: read.sessionIndex,
  });
  return { sessionToken: opened.sessionToken, next: flow.next ?? '/' };
}

/**
 * The response as it is kept. NemLog-in's assertions come encrypted, so the CPR number is never
 * in the clear; one that came unencrypted (refused) has anything CPR-like masked before keeping.
 */
function keptForm(b64: string): string {
  const xml = decodeMessage(b64, false);
  return /<(\w+:)?Assertion[\s>]/.test(xml) ? maskCpr(xml) : xml;
}

/**
 * NemLog-in's side of single logout on the Redirect binding: its LogoutRequest ends the
 * citizen's sessions here and is answered with our signed LogoutResponse; its LogoutResponse
 * ends a logout we began. Returns where the browser goes.
 */
export async function mitidLogout(
  ctx: Ctx,
  code: string,
  query: Record<string, string | undefined>,
  rawQuery: string,
  endSessions: (ids: string[]) => Promise<void>,
): Promise<string> {
  const { m, sp, idp } = await mitidParts(ctx, code);
  const params = Object.fromEntries(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const octetString = signedPart(rawQuery);
  const kind = params.SAMLRequest ? 'request' : params.SAMLResponse ? 'response' : null;
  if (!kind) throw invalid('saml_message_missing');
  const xml = decodeMessage(params.SAMLRequest ?? params.SAMLResponse ?? '', true);
  const type = kind === 'request' ? 'LogoutRequest' : 'LogoutResponse';
  let parsed;
  try {
    parsed = await readLogout(sp, idp, kind, params, octetString);
  } catch {
    await keepSamlMessage(ctx.db, {
      municipalityId: m.id,
      direction: 'in',
      type,
      xml,
      refusal: 'saml_signature',
    });
    throw invalid('saml_message_invalid');
  }
  const extract = parsed.extract as {
    request?: { id?: string };
    response?: { id?: string; inResponseTo?: string };
    nameID?: string;
    sessionIndex?: unknown;
  };
  await keepSamlMessage(ctx.db, {
    municipalityId: m.id,
    direction: 'in',
    type,
    xml,
    messageId: extract.request?.id ?? extract.response?.id ?? null,
    inResponseTo: extract.response?.inResponseTo ?? null,
  });
  if (kind === 'response') return '/login?logget_ud=1';

  const index = typeof extract.sessionIndex === 'string' ? extract.sessionIndex : null;
  const sessions = extract.nameID
    ? await federatedSessionsOf(ctx.db, m.id, extract.nameID, index)
    : [];
  await endSessions(sessions.map((s) => s.sessionId));
  const answer = logoutResponse(sp, idp, parsed.extract, params.RelayState ?? '');
  await keepSamlMessage(ctx.db, {
    municipalityId: m.id,
    direction: 'out',
    type: 'LogoutResponse',
    messageId: answer.id,
    inResponseTo: extract.request?.id ?? null,
    xml: decodeMessage(new URL(answer.url).searchParams.get('SAMLResponse') ?? '', true),
  });
  return answer.url;
}

/** The signed octets of a Redirect-binding message: its parameters as they came, in order. */
function signedPart(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((p) => /^(SAMLRequest|SAMLResponse|RelayState|SigAlg)=/.test(p))
    .join('&');
}

// ---------------------------------------------------------------- single sign-on (OIDC)

export const oidcRedirectUri = (publicUrl: string) => `${publicUrl}/api/signin/oidc/callback`;

export async function startOidc(ctx: Ctx, code: string, next: string | undefined) {
  const m = await findMunicipalityByCode(ctx.db, code);
  const client = m ? oidcClientOf(await findLoginSettings(ctx.db, m.id), ctx) : null;
  if (!m || !client) throw notOffered();
  let started;
  try {
    started = await authorizationUrl(client, oidcRedirectUri(ctx.settings.publicUrl));
  } catch {
    throw new LoginRefused('sso_unavailable');
  }
  await insertFlow(ctx.db, {
    id: hashOf(started.state),
    municipalityId: m.id,
    method: 'oidc',
    nonce: started.nonce,
    codeVerifier: started.codeVerifier,
    next: next ?? null,
    expiresAt: new Date(clock.ms() + FLOW_MINUTES * 60_000),
  });
  return { url: started.url, state: started.state };
}

export async function completeOidc(
  ctx: Ctx,
  capabilitiesOf: CapabilitiesOf,
  input: {
    state: string | undefined;
    error: string | undefined;
    /** The state this browser was given when it left (its cookie). */
    browserState: string | undefined;
    rawQuery: string;
    oldSession: string | undefined;
  },
): Promise<LoggedInThrough> {
  // A state this browser did not start is someone else's login (or a forged one).
  if (!input.state || input.state !== input.browserState) throw new LoginRefused('sso_state');
  const flow = await takeFlow(ctx.db, hashOf(input.state));
  if (!flow || flow.method !== 'oidc') throw new LoginRefused('sso_state');
  const m = flow.municipalityId;
  const settings = await findLoginSettings(ctx.db, m);
  const client = oidcClientOf(settings, ctx);
  const refuse = async (reason: string, detail?: string) => {
    await writeAudit(ctx.db, systemAudit(m), {
      action: 'auth.login_refused',
      entity: 'municipality',
      entityId: m,
      purpose: 'administration',
      details: { method: 'oidc', reason, ...(detail ? { detail } : {}) },
    });
    return new LoginRefused(reason);
  };
  if (!client || !settings) throw await refuse('sso_unavailable');
  if (input.error) throw await refuse('sso_cancelled', input.error);

  let signedIn;
  try {
    signedIn = await completeLogin(
      client,
      new URL(`${oidcRedirectUri(ctx.settings.publicUrl)}?${input.rawQuery}`),
      { state: input.state, nonce: flow.nonce ?? '', codeVerifier: flow.codeVerifier ?? '' },
      settings.oidcGroupsClaim,
    );
  } catch (err) {
    // openid-client says which check failed (nonce, issuer, state, signature); no personal data.
    throw await refuse('sso_failed', err instanceof Error ? err.message.slice(0, 200) : 'error');
  }
  const email = signedIn.email;
  const domain = email?.split('@')[1] ?? '';
  if (email && settings.oidcDomains.length > 0 && !settings.oidcDomains.includes(domain))
    throw await refuse('sso_domain');
  // Found by the provider's subject once linked, else by e-mail (then linked).
  const linked = await findOidcIdentity(ctx.db, m, client.issuer, signedIn.subject);
  let user = linked ? await findUserById(ctx.db, linked) : null;
  if (!user) {
    if (!email) throw await refuse('sso_no_email');
    user = await findUserByEmail(ctx.db, m, email);
    if (!user) throw await refuse('sso_unknown_user');
    if (user.active)
      await linkOidcIdentity(ctx.db, {
        municipalityId: m,
        issuer: client.issuer,
        subject: signedIn.subject,
        userId: user.id,
      });
  }
  if (!user.active) throw await refuse('login_inactive');

  // Roles stay in Digiløft; a group the admin mapped may grant more, never take any away.
  const granted = [
    ...new Set(signedIn.groups.flatMap((g) => settings.oidcGroupRoles[g] ?? [])),
  ].filter((r) => !user!.roles.includes(r));
  if (granted.length > 0) {
    user = (await updateUser(ctx.db, m, user.id, { roles: [...user.roles, ...granted] })) ?? user;
    await writeAudit(ctx.db, systemAudit(m), {
      action: 'user.roles_granted',
      entity: 'user',
      entityId: user.id,
      purpose: 'administration',
      details: { roles: granted, by: 'oidc_groups' },
    });
  }
  const opened = await openSession(ctx, capabilitiesOf, user, 'oidc', input.oldSession);
  await insertFederatedSession(ctx.db, {
    sessionId: opened.sessionId,
    municipalityId: m,
    method: 'oidc',
    idTokenCipher: ctx.cipher.encrypt(signedIn.idToken),
  });
  return { sessionToken: opened.sessionToken, next: flow.next ?? '/' };
}

// ---------------------------------------------------------------- the admin's settings

const here = (uc: UseCase) => ({ municipalityId: uc.actor.municipalityId });

function present(ctx: Ctx, m: MunicipalityRow, s: LoginSettingsRow | null): LoginSettingsView {
  return {
    passwordLogin: m.passwordLogin,
    mitid: {
      enabled: s?.samlEnabled ?? false,
      metadataUrl: s?.samlIdpMetadataUrl ?? null,
      hasMetadata: !!s?.samlIdpMetadata,
      metadataFetchedAt: s?.samlIdpMetadataFetchedAt?.toISOString() ?? null,
      metadataError: s?.samlIdpMetadataError ?? null,
      certificates: ctx.settings.saml !== null,
      spMetadataUrl: spEndpoints(ctx.settings.publicUrl, m.code).metadata,
    },
    oidc: {
      enabled: s?.oidcEnabled ?? false,
      issuer: s?.oidcIssuer ?? null,
      clientId: s?.oidcClientId ?? null,
      hasSecret: !!s?.oidcSecretCipher,
      domains: s?.oidcDomains ?? [],
      groupsClaim: s?.oidcGroupsClaim ?? null,
      groupRoles: Object.entries(s?.oidcGroupRoles ?? {}).map(([group, roles]) => ({
        group,
        roles,
      })),
      redirectUri: oidcRedirectUri(ctx.settings.publicUrl),
    },
    updatedAt: s?.updatedAt.toISOString() ?? null,
  };
}

async function municipalityOf(uc: UseCase) {
  const m = await findMunicipality(uc.tx, uc.actor.municipalityId);
  if (!m) throw new Error('actor without municipality');
  return m;
}

export async function readLoginSettings(uc: UseCase, ctx: Ctx): Promise<LoginSettingsView> {
  authorize(settingsPolicy, uc.actor, 'manage', here(uc));
  return present(
    ctx,
    await municipalityOf(uc),
    await findLoginSettings(uc.tx, uc.actor.municipalityId),
  );
}

/** NemLog-in's metadata from its URL, checked to be usable. */
async function fetchMetadata(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const xml = await res.text();
  describeIdp(xml);
  return xml;
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300);

/** Metadata fetched within this long is fresh enough: the daily job (and a restart) skip it. */
const METADATA_FRESH_MS = 20 * 3600_000;

/**
 * NemLog-in's metadata fetched again from its address, daily: NemLog-in renews its signing
 * certificates there, and a copy kept from the day an admin saved the settings would one day
 * refuse every MitID login. A changed copy is saved and audited; a failed fetch keeps the saved
 * copy and is shown to the admin. Each address is fetched once (municipalities share NemLog-in).
 */
export async function refreshIdpMetadata(
  task: SystemTask,
): Promise<{ changed: number; failed: number }> {
  const due = (await settingsWithMetadataUrl(task.tx)).filter(
    (s) =>
      !s.samlIdpMetadataFetchedAt ||
      task.now.getTime() - s.samlIdpMetadataFetchedAt.getTime() >= METADATA_FRESH_MS ||
      s.samlIdpMetadataError !== null,
  );
  // Fetched first, outside any transaction (the job runs without one: `transaction: false`).
  const fetched = new Map<string, { xml: string } | { error: string }>();
  for (const url of new Set(due.map((s) => s.samlIdpMetadataUrl!)))
    fetched.set(
      url,
      await fetchMetadata(url).then(
        (xml) => ({ xml }),
        (err: unknown) => ({ error: reasonOf(err) }),
      ),
    );
  let changed = 0;
  let failed = 0;
  for (const s of due) {
    const result = fetched.get(s.samlIdpMetadataUrl!)!;
    await task.tx.transaction(async (tx) => {
      if ('error' in result) {
        failed++;
        await recordMetadataFetch(tx, s.municipalityId, result);
        return;
      }
      await recordMetadataFetch(tx, s.municipalityId, { xml: result.xml, at: task.now });
      if (result.xml === s.samlIdpMetadata) return;
      changed++;
      await writeAudit(tx, systemAudit(s.municipalityId), {
        action: 'settings.login.metadata_refreshed',
        entity: 'municipality',
        entityId: s.municipalityId,
        purpose: 'administration',
        details: { url: s.samlIdpMetadataUrl },
      });
    });
  }
  return { changed, failed };
}

export async function setLoginSettings(
  uc: UseCase,
  ctx: Ctx,
  input: LoginSettingsInput,
): Promise<LoginSettingsView> {
  authorize(settingsPolicy, uc.actor, 'manage', here(uc));
  const m = await municipalityOf(uc);
  const before = await findLoginSettings(uc.tx, m.id);

  // MitID: the metadata from the URL (fetched now) or the pasted file, checked either way.
  let metadata = input.mitid.metadataXml?.trim() || null;
  let fetchedAt: Date | null = null;
  if (input.mitid.metadataUrl && input.mitid.metadataUrl !== before?.samlIdpMetadataUrl) {
    try {
      metadata = await fetchMetadata(input.mitid.metadataUrl);
      fetchedAt = clock.now();
    } catch (err) {
      throw invalid('mitid_metadata_unreachable', 'mitid_metadata_unreachable', {
        reason: err instanceof Error ? err.message.slice(0, 200) : String(err),
      });
    }
  } else if (!metadata && input.mitid.metadataUrl) metadata = before?.samlIdpMetadata ?? null;
  if (metadata && !input.mitid.metadataUrl) {
    try {
      describeIdp(metadata);
    } catch {
      throw invalid('mitid_metadata_invalid');
    }
  }
  if (input.mitid.enabled && !metadata) throw invalid('mitid_metadata_missing');
  if (input.mitid.enabled && !ctx.settings.saml) throw invalid('mitid_no_certificates');

  const secretCipher =
    input.oidc.clientSecret === undefined
      ? (before?.oidcSecretCipher ?? null)
      : input.oidc.clientSecret === null || input.oidc.clientSecret === ''
        ? null
        : ctx.cipher.encrypt(input.oidc.clientSecret);
  if (input.oidc.enabled && (!input.oidc.issuer || !input.oidc.clientId?.trim() || !secretCipher))
    throw invalid('oidc_incomplete');
  if (
    input.oidc.issuer &&
    !/^https:|^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(input.oidc.issuer)
  )
    throw invalid('login_url');
  // Without a password and without single sign-on no one on the staff could log in.
  if (!input.passwordLogin && !input.oidc.enabled) throw invalid('password_off_without_sso');
  const groupRoles: Record<string, Role[]> = {};
  for (const { group, roles } of input.oidc.groupRoles) {
    if (groupRoles[group]) throw invalid('oidc_group_twice', 'oidc_group_twice', { group });
    if (roles.includes('citizen')) throw invalid('oidc_group_citizen');
    groupRoles[group] = [...new Set(roles)];
  }

  const row = await saveLoginSettings(uc.tx, {
    municipalityId: m.id,
    samlEnabled: input.mitid.enabled,
    samlIdpMetadataUrl: input.mitid.metadataUrl,
    samlIdpMetadata: metadata,
    // Fetched now, or kept from the same address's last fetch; a pasted file was never fetched.
    samlIdpMetadataFetchedAt:
      fetchedAt ?? (input.mitid.metadataUrl ? (before?.samlIdpMetadataFetchedAt ?? null) : null),
    samlIdpMetadataError:
      fetchedAt || !input.mitid.metadataUrl ? null : (before?.samlIdpMetadataError ?? null),
    oidcEnabled: input.oidc.enabled,
    oidcIssuer: input.oidc.issuer,
    oidcClientId: input.oidc.clientId?.trim() || null,
    oidcSecretCipher: secretCipher,
    oidcDomains: [...new Set(input.oidc.domains)],
    oidcGroupsClaim: input.oidc.groupsClaim?.trim() || null,
    oidcGroupRoles: groupRoles,
    updatedBy: uc.actor.userId,
  });
  await setPasswordLogin(uc.tx, m.id, input.passwordLogin);
  await writeAudit(uc.tx, uc.audit, {
    action: 'settings.login.set',
    entity: 'municipality',
    entityId: m.id,
    purpose: 'administration',
    // What changed, never the secret.
    details: {
      passwordLogin: input.passwordLogin,
      mitid: input.mitid.enabled,
      oidc: input.oidc.enabled,
      issuer: input.oidc.issuer,
      secretChanged: input.oidc.clientSecret !== undefined,
    },
  });
  return present(ctx, { ...m, passwordLogin: input.passwordLogin }, row);
}

export async function checkProvider(
  uc: UseCase,
  ctx: Ctx,
  provider: 'mitid' | 'oidc',
): Promise<{ ok: boolean; detail: string }> {
  authorize(settingsPolicy, uc.actor, 'manage', here(uc));
  const s = await findLoginSettings(uc.tx, uc.actor.municipalityId);
  let result: { ok: boolean; detail: string };
  if (provider === 'mitid') {
    if (!s?.samlIdpMetadataUrl && !s?.samlIdpMetadata) throw invalid('mitid_metadata_missing');
    try {
      const xml = s.samlIdpMetadataUrl
        ? await fetchMetadata(s.samlIdpMetadataUrl)
        : s.samlIdpMetadata!;
      const idp = describeIdp(xml);
      if (s.samlIdpMetadataUrl)
        await recordMetadataFetch(uc.tx, s.municipalityId, { xml, at: clock.now() });
      result = {
        ok: true,
        detail: `${idp.entityId} · SSO ${idp.sso}${idp.slo ? ` · SLO ${idp.slo}` : ''}`,
      };
    } catch (err) {
      result = { ok: false, detail: reasonOf(err) };
      if (s.samlIdpMetadataUrl)
        await recordMetadataFetch(uc.tx, s.municipalityId, { error: result.detail });
    }
  } else {
    if (!s?.oidcIssuer || !s.oidcClientId || !s.oidcSecretCipher) throw invalid('oidc_incomplete');
    try {
      const config = await providerConfig(
        {
          issuer: s.oidcIssuer,
          clientId: s.oidcClientId,
          clientSecret: ctx.cipher.decrypt(s.oidcSecretCipher),
        },
        true,
      );
      const meta = config.serverMetadata();
      result = {
        ok: true,
        detail: `${meta.issuer} · ${meta.authorization_endpoint ?? ''}${meta.end_session_endpoint ? ' · logout' : ''}`,
      };
    } catch (err) {
      result = { ok: false, detail: reasonOf(err) };
    }
  }
  await writeAudit(uc.tx, uc.audit, {
    action: 'settings.login.check',
    entity: 'municipality',
    entityId: uc.actor.municipalityId,
    purpose: 'administration',
    details: { provider, ok: result.ok },
  });
  return result;
}

// ---------------------------------------------------------------- logging out at the provider

/**
 * Where the browser goes to end the provider's session too: a signed SAML LogoutRequest to
 * NemLog-in, or the OpenID provider's end-session endpoint. Null when there is none (or the
 * provider cannot be reached: our own session ends all the same).
 */
export async function providerLogoutUrl(ctx: Ctx, sessionId: string): Promise<string | null> {
  const fed = await findFederatedSession(ctx.db, sessionId);
  if (!fed) return null;
  const m = await findMunicipality(ctx.db, fed.municipalityId);
  const s = await findLoginSettings(ctx.db, fed.municipalityId);
  if (!m || !s) return null;
  try {
    if (fed.method === 'oidc') {
      const client = oidcClientOf(s, ctx);
      if (!client) return null;
      const idToken = fed.idTokenCipher ? ctx.cipher.decrypt(fed.idTokenCipher) : null;
      return await endSessionUrl(client, idToken, `${ctx.settings.publicUrl}/login?logget_ud=1`);
    }
    if (!mitidReady(s, ctx) || !fed.nameId) return null;
    const { sp, idp } = samlPartiesOf(ctx, m, s);
    if (typeof idp.entityMeta.getSingleLogoutService('redirect') !== 'string') return null;
    const made = logoutRequest(
      sp,
      idp,
      { nameId: fed.nameId, sessionIndex: fed.sessionIndex },
      token(),
    );
    await keepSamlMessage(ctx.db, {
      municipalityId: m.id,
      direction: 'out',
      type: 'LogoutRequest',
      messageId: made.id,
      xml: decodeMessage(new URL(made.url).searchParams.get('SAMLRequest') ?? '', true),
    });
    return made.url;
  } catch {
    return null;
  }
}
