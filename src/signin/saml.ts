// MitID through NemLog-in as a SAML 2.0 service provider after the OIOSAML 3 profile: signed
// AuthnRequests (Redirect binding) asking for NSIS Substantial, one assertion per response,
// encrypted to us and signed by NemLog-in, with every condition checked here against our own
// clock and the request we sent. samlify does the XML signatures and encryption; the rules of
// the profile are ours.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import samlify from 'samlify';
import * as xmllint from '@authenio/samlify-node-xmllint';
import { DOMParser } from '@xmldom/xmldom';
import type { SamlKeys } from '../platform/context';

samlify.setSchemaValidator(xmllint);

/**
 * The schema validator is xmllint compiled to JavaScript: its first use compiles it and holds
 * the process for seconds. Done once at start where MitID is offered, so the first citizen back
 * from NemLog-in does not wait for it.
 */
export async function warmUpValidator(): Promise<void> {
  await xmllint
    .validate(`<samlp:LogoutResponse xmlns:samlp="${'urn:oasis:names:tc:SAML:2.0:protocol'}"/>`)
    .catch(() => undefined);
}

const { binding } = samlify.Constants.namespace;
type SP = ReturnType<typeof samlify.ServiceProvider>;
type IdP = ReturnType<typeof samlify.IdentityProvider>;

export const NSIS_LOA = 'https://data.gov.dk/concept/core/nsis/loa';
export const NSIS_SUBSTANTIAL = 'https://data.gov.dk/concept/core/nsis/loa/Substantial';
export const CPR_ATTRIBUTE = 'https://data.gov.dk/model/core/eid/cprNumber';
const SPEC_VERSION = 'https://data.gov.dk/model/core/specVersion';
const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const LEVELS = ['Low', 'Substantial', 'High'];
/** How far NemLog-in's clock may differ from ours. */
const SKEW_MS = 60_000;
const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';

/** Our addresses for one municipality: the entity id is where the metadata is published. */
export function spEndpoints(publicUrl: string, code: string) {
  const base = `${publicUrl}/api/signin/mitid/${encodeURIComponent(code)}`;
  return {
    entityId: `${base}/metadata`,
    metadata: `${base}/metadata`,
    acs: `${base}/acs`,
    slo: `${base}/slo`,
  };
}

export function serviceProvider(publicUrl: string, code: string, keys: SamlKeys): SP {
  const at = spEndpoints(publicUrl, code);
  return samlify.ServiceProvider({
    entityID: at.entityId,
    authnRequestsSigned: true,
    wantAssertionsSigned: true,
    wantLogoutRequestSigned: true,
    wantLogoutResponseSigned: true,
    isAssertionEncrypted: true,
    privateKey: keys.signingKey,
    signingCert: keys.signingCert,
    encPrivateKey: keys.encryptionKey,
    encryptCert: keys.encryptionCert,
    requestSignatureAlgorithm: RSA_SHA256,
    nameIDFormat: [PERSISTENT],
    assertionConsumerService: [{ Binding: binding.post, Location: at.acs }],
    // Logout messages come and go on the Redirect binding only: that is what /slo answers.
    singleLogoutService: [{ Binding: binding.redirect, Location: at.slo }],
  });
}

/**
 * Our metadata as NemLog-in registers it: samlify's descriptor (certificates, endpoints) with
 * the attributes we ask for and whom to contact added, as OIOSAML 3 requires.
 */
export function spMetadata(sp: SP, contact: { name: string; email: string }): string {
  const xml = sp.getMetadata();
  const requested = [
    [SPEC_VERSION, true],
    [NSIS_LOA, true],
    [CPR_ATTRIBUTE, true],
  ]
    .map(
      ([name, required]) =>
        `<RequestedAttribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri" isRequired="${required}"/>`,
    )
    .join('');
  const service = `<AttributeConsumingService index="0" isDefault="true"><ServiceName xml:lang="da">Digiløft</ServiceName>${requested}</AttributeConsumingService>`;
  const person = `<ContactPerson contactType="technical"><Company>${escapeXml(contact.name)}</Company><EmailAddress>mailto:${escapeXml(contact.email)}</EmailAddress></ContactPerson>`;
  return xml
    .replace('</SPSSODescriptor>', `${service}</SPSSODescriptor>`)
    .replace('</EntityDescriptor>', `${person}</EntityDescriptor>`);
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function identityProvider(metadataXml: string): IdP {
  return samlify.IdentityProvider({
    metadata: metadataXml,
    isAssertionEncrypted: true,
    wantLogoutRequestSigned: true,
    wantLogoutResponseSigned: true,
    requestSignatureAlgorithm: RSA_SHA256,
  });
}

/** What an IdP's metadata says, for the admin's "test connection" (throws when unusable). */
export function describeIdp(metadataXml: string): {
  entityId: string;
  sso: string;
  slo: string | null;
} {
  const idp = identityProvider(metadataXml);
  const sso = idp.entityMeta.getSingleSignOnService('redirect');
  if (typeof sso !== 'string') throw new Error('no HTTP-Redirect SingleSignOnService');
  const slo = idp.entityMeta.getSingleLogoutService('redirect');
  return { entityId: idp.entityMeta.getEntityID(), sso, slo: typeof slo === 'string' ? slo : null };
}

const newId = () => `_${crypto.randomUUID()}`;

/** A signed AuthnRequest on the Redirect binding, asking for at least NSIS Substantial. */
export function authnRequest(sp: SP, idp: IdP, relayState: string, now: Date) {
  const destination = idp.entityMeta.getSingleSignOnService('redirect');
  if (typeof destination !== 'string') throw new Error('no HTTP-Redirect SingleSignOnService');
  const at = sp.entityMeta;
  const id = newId();
  const xml =
    `<samlp:AuthnRequest xmlns:samlp="${PROTOCOL_NS}" xmlns:saml="${ASSERTION_NS}" ID="${id}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escapeXml(destination)}" ProtocolBinding="${binding.post}" AssertionConsumerServiceURL="${escapeXml(String(at.getAssertionConsumerService('post')))}">` +
    `<saml:Issuer>${escapeXml(at.getEntityID())}</saml:Issuer>` +
    `<samlp:NameIDPolicy Format="${PERSISTENT}" AllowCreate="true"/>` +
    `<samlp:RequestedAuthnContext Comparison="minimum"><saml:AuthnContextClassRef>${NSIS_SUBSTANTIAL}</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>` +
    `</samlp:AuthnRequest>`;
  const made = sp.createLoginRequest(idp, 'redirect', {
    relayState,
    customTagReplacement: () => ({ id, context: xml }),
  });
  return { id, url: made.context, xml };
}

export type Refusal =
  | 'saml_invalid'
  | 'saml_unencrypted'
  | 'saml_signature'
  | 'saml_audience'
  | 'saml_expired'
  | 'saml_unsolicited'
  | 'saml_replayed'
  | 'saml_level'
  | 'saml_no_cpr'
  | 'saml_status';

export class SamlRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal);
  }
}

export interface ReadAssertion {
  responseId: string;
  inResponseTo: string;
  assertionId: string;
  nameId: string;
  sessionIndex: string | null;
  cpr: string;
  level: string;
}

function one(doc: Document, ns: string, name: string): Element | null {
  const found = doc.getElementsByTagNameNS(ns, name);
  return found.length === 1 ? found.item(0) : null;
}

/**
 * Reads a Response posted to our ACS. Refuses (SamlRefusal) anything but exactly one
 * encrypted assertion that NemLog-in signed, for us, now, answering `expected.requestId`,
 * at NSIS Substantial or High, with a CPR number. Replay is the caller's check (the assertion
 * id against those seen).
 */
export async function readResponse(
  sp: SP,
  idp: IdP,
  samlResponse: string,
  expected: { now: Date; acs: string },
): Promise<ReadAssertion> {
  const raw = Buffer.from(samlResponse, 'base64').toString('utf8');
  const outer = parseXml(raw);
  const encrypted = outer.getElementsByTagNameNS(ASSERTION_NS, 'EncryptedAssertion').length;
  const plain = outer.getElementsByTagNameNS(ASSERTION_NS, 'Assertion').length;
  if (plain > 0 || encrypted === 0) throw new SamlRefusal('saml_unencrypted');
  if (encrypted !== 1) throw new SamlRefusal('saml_invalid');
  const status = outer
    .getElementsByTagNameNS(PROTOCOL_NS, 'StatusCode')
    .item(0)
    ?.getAttribute('Value');
  if (status !== 'urn:oasis:names:tc:SAML:2.0:status:Success') throw new SamlRefusal('saml_status');

  let content: string;
  try {
    await sp.parseLoginResponse(idp, 'post', { body: { SAMLResponse: samlResponse } });
    // samlify has verified NemLog-in's signature over the decrypted assertion; the checks below
    // read the same decrypted document, which must hold exactly one assertion (no wrapping).
    [content] = await samlify.SamlLib.decryptAssertion(sp, raw);
  } catch (err) {
    const code = err instanceof Error ? err.message : String(err);
    if (/signature|certificate/i.test(code)) throw new SamlRefusal('saml_signature');
    if (/SUBJECT_UNCONFIRMED|EXPIRED/.test(code)) throw new SamlRefusal('saml_expired');
    throw new SamlRefusal('saml_invalid');
  }
  const doc = parseXml(content);
  const assertion = one(doc, ASSERTION_NS, 'Assertion');
  if (!assertion) throw new SamlRefusal('saml_invalid');
  // OIOSAML 3: the assertion itself is signed (a signed Response around it is not enough).
  const assertionId = assertion.getAttribute('ID') ?? '';
  const ownSignature = asArray(assertion.childNodes).some(
    (n) =>
      (n as Element).localName === 'Signature' &&
      (n as Element).namespaceURI === 'http://www.w3.org/2000/09/xmldsig#' &&
      asArray(
        (n as Element).getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Reference'),
      ).some((r) => r.getAttribute('URI') === `#${assertionId}`),
  );
  if (!assertionId || !ownSignature) throw new SamlRefusal('saml_signature');
  const response = outer.documentElement;
  const responseId = response?.getAttribute('ID') ?? '';
  const inResponseTo = response?.getAttribute('InResponseTo') ?? '';
  const destination = response?.getAttribute('Destination') ?? '';

  const audiences = [...asArray(doc.getElementsByTagNameNS(ASSERTION_NS, 'Audience'))].map((a) =>
    a.textContent?.trim(),
  );
  if (!audiences.includes(sp.entityMeta.getEntityID())) throw new SamlRefusal('saml_audience');

  const confirmation = one(doc, ASSERTION_NS, 'SubjectConfirmationData');
  const conditions = one(doc, ASSERTION_NS, 'Conditions');
  const now = expected.now.getTime();
  const notAfter = [
    confirmation?.getAttribute('NotOnOrAfter'),
    conditions?.getAttribute('NotOnOrAfter'),
  ];
  const notBefore = conditions?.getAttribute('NotBefore');
  if (
    notAfter.some((t) => !t || Date.parse(t) + SKEW_MS <= now) ||
    (notBefore && Date.parse(notBefore) - SKEW_MS > now)
  )
    throw new SamlRefusal('saml_expired');

  // Which request it answers is the caller's check (after replay); here only that it says one.
  if (!inResponseTo || confirmation?.getAttribute('InResponseTo') !== inResponseTo)
    throw new SamlRefusal('saml_unsolicited');
  if (confirmation?.getAttribute('Recipient') !== expected.acs || destination !== expected.acs)
    throw new SamlRefusal('saml_audience');

  const attributes = new Map<string, string>();
  for (const a of asArray(doc.getElementsByTagNameNS(ASSERTION_NS, 'Attribute'))) {
    const value = a.getElementsByTagNameNS(ASSERTION_NS, 'AttributeValue').item(0)?.textContent;
    if (value) attributes.set(a.getAttribute('Name') ?? '', value.trim());
  }
  const level = attributes.get(NSIS_LOA) ?? '';
  if (LEVELS.indexOf(level) < LEVELS.indexOf('Substantial')) throw new SamlRefusal('saml_level');
  const cpr = attributes.get(CPR_ATTRIBUTE) ?? '';
  if (!/^\d{10}$/.test(cpr)) throw new SamlRefusal('saml_no_cpr');
  const nameId = one(doc, ASSERTION_NS, 'NameID')?.textContent?.trim() ?? '';
  if (!nameId) throw new SamlRefusal('saml_invalid');
  const sessionIndex =
    one(doc, ASSERTION_NS, 'AuthnStatement')?.getAttribute('SessionIndex') ?? null;
  return {
    responseId,
    inResponseTo,
    assertionId,
    nameId,
    sessionIndex,
    cpr,
    level,
  };
}

function asArray<T extends Node>(list: { length: number; item(i: number): T | null }): T[] {
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) {
    const n = list.item(i);
    if (n) out.push(n);
  }
  return out;
}

function parseXml(xml: string): Document {
  let failed = false;
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: () => (failed = true),
      fatalError: () => (failed = true),
    },
  }).parseFromString(xml, 'text/xml');
  if (failed || !doc.documentElement) throw new SamlRefusal('saml_invalid');
  return doc;
}

/**
 * The XML inside a Redirect-binding parameter (deflated, base64) or a POST one (base64), as it
 * is kept; empty when it is not a message at all.
 */
export function decodeMessage(value: string, deflated: boolean): string {
  try {
    const bytes = Buffer.from(value, 'base64');
    return deflated ? zlibInflate(bytes) : bytes.toString('utf8');
  } catch {
    return '';
  }
}

const zlibInflate = (b: Buffer) => zlib.inflateRawSync(b).toString('utf8');

/** A signed LogoutRequest for a session we started, on the Redirect binding. */
export function logoutRequest(
  sp: SP,
  idp: IdP,
  who: { nameId: string; sessionIndex: string | null },
  relayState: string,
) {
  const made = sp.createLogoutRequest(
    idp,
    'redirect',
    {
      logoutNameID: who.nameId,
      sessionIndex: who.sessionIndex ?? undefined,
    },
    { relayState },
  );
  return { id: made.id, url: made.context };
}

/** Reads a signed LogoutRequest or LogoutResponse NemLog-in sent on the Redirect binding. */
export async function readLogout(
  sp: SP,
  idp: IdP,
  kind: 'request' | 'response',
  query: Record<string, string>,
  octetString: string,
) {
  const parsed =
    kind === 'request'
      ? await sp.parseLogoutRequest(idp, 'redirect', { query, octetString })
      : await sp.parseLogoutResponse(idp, 'redirect', { query, octetString });
  return parsed;
}

/** Our signed LogoutResponse to a LogoutRequest from NemLog-in, on the Redirect binding. */
export function logoutResponse(sp: SP, idp: IdP, requestExtract: unknown, relayState: string) {
  const made = sp.createLogoutResponse(
    idp,
    { extract: requestExtract as never },
    'redirect',
    relayState,
  );
  return { id: made.id, url: made.context };
}
