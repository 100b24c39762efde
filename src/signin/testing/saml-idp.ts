// A SAML identity provider standing in for NemLog-in in the tests: samlify as IdP with
// throwaway certificates made here, answering our signed AuthnRequests with an encrypted,
// signed assertion (OIOSAML 3 attributes) — or with the faults the tests name. Over HTTP on
// 127.0.0.1 for a real browser (auto-posting form, single logout), or called directly.
import { clock } from '../../platform/clock';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import samlify from 'samlify';
import { generate } from 'selfsigned';
import type { SamlKeys } from '../../platform/context';
import { CPR_ATTRIBUTE, NSIS_LOA } from '../saml';

const { binding } = samlify.Constants.namespace;
const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';

export async function throwawayCertificate(cn: string) {
  const made = await generate([{ name: 'commonName', value: cn }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  return { key: made.private, cert: made.cert };
}

/** Certificates for our service provider, as operations would set them. */
export async function throwawaySamlKeys(): Promise<SamlKeys> {
  const [sign, enc] = await Promise.all([
    throwawayCertificate('digiloft-signing'),
    throwawayCertificate('digiloft-encryption'),
  ]);
  return {
    signingKey: sign.key,
    signingCert: sign.cert,
    encryptionKey: enc.key,
    encryptionCert: enc.cert,
  };
}

export type Fault =
  | 'unsigned'
  | 'wrongly_signed'
  | 'unencrypted'
  | 'wrong_audience'
  | 'expired'
  | 'wrong_in_response_to';

export interface Citizen {
  /** Null: the CPR attribute is left out. */
  cpr: string | null;
  level?: 'Low' | 'Substantial' | 'High';
  /** The persistent pseudonym NemLog-in gives the person. */
  nameId?: string;
  fault?: Fault;
}

export interface TestIdp {
  entityId: string;
  url: string;
  metadata: string;
  /** Who logs in when the browser comes to the IdP over HTTP. */
  next: Citizen | null;
  /** SessionIndex of the last login made. */
  lastSessionIndex: string | null;
  /** The SAML messages the IdP received (for assertions in tests). */
  received: string[];
  /** Tells the IdP who our service provider is (its metadata). */
  trust(spMetadata: string): void;
  /** Answers an AuthnRequest URL (Redirect binding) with the form fields the browser posts. */
  respond(
    authnRequestUrl: string,
    who: Citizen,
  ): Promise<{ acs: string; SAMLResponse: string; RelayState: string }>;
  /** An IdP-initiated LogoutRequest URL (Redirect binding) for a NameID. */
  logoutRequest(nameId: string, sessionIndex: string | null): string;
  close(): Promise<void>;
}

export async function startSamlIdp(): Promise<TestIdp> {
  const [signing, wrong] = await Promise.all([
    throwawayCertificate('nemlogin-test'),
    throwawayCertificate('not-nemlogin'),
  ]);
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${url}/idp`;

  const idpWith = (
    o: { key?: string; cert?: string; encrypt?: boolean; attributes?: string[] } = {},
  ) =>
    samlify.IdentityProvider({
      entityID: entityId,
      privateKey: o.key ?? signing.key,
      signingCert: o.cert ?? signing.cert,
      isAssertionEncrypted: o.encrypt ?? true,
      wantAuthnRequestsSigned: true,
      wantLogoutRequestSigned: true,
      wantLogoutResponseSigned: true,
      requestSignatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      nameIDFormat: [PERSISTENT],
      singleSignOnService: [{ Binding: binding.redirect, Location: `${url}/sso` }],
      singleLogoutService: [{ Binding: binding.redirect, Location: `${url}/slo` }],
      loginResponseTemplate: {
        context: samlify.SamlLib.defaultLoginResponseTemplate.context,
        attributes: (o.attributes ?? ['loa', 'cpr']).map((tag) => ({
          name: tag === 'cpr' ? CPR_ATTRIBUTE : NSIS_LOA,
          valueTag: tag,
          nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
          valueXsiType: 'xs:string',
        })),
      },
    });
  const idp = idpWith();
  let sp: ReturnType<typeof samlify.ServiceProvider> | null = null;
  let spMetadata = '';

  const state: TestIdp = {
    entityId,
    url,
    metadata: idp.getMetadata(),
    next: null,
    lastSessionIndex: null,
    received: [],
    trust(xml) {
      spMetadata = xml;
      // NemLog-in signs its logout messages to us, as our profile asks.
      sp = samlify.ServiceProvider({
        metadata: xml,
        wantLogoutRequestSigned: true,
        wantLogoutResponseSigned: true,
      });
    },
    async respond(authnRequestUrl, who) {
      if (!sp) throw new Error('call trust() with our metadata first');
      const u = new URL(authnRequestUrl);
      const parsed = await idp.parseLoginRequest(sp, 'redirect', {
        query: Object.fromEntries(u.searchParams),
        octetString: u.search.slice(1).split('&Signature=')[0],
      });
      state.received.push(parsed.samlContent);
      const request = parsed.extract.request as { id: string; assertionConsumerServiceUrl: string };
      const fault = who.fault;
      const issuerFor =
        fault === 'unsigned'
          ? idpWith()
          : fault === 'wrongly_signed'
            ? idpWith({ key: wrong.key, cert: wrong.cert })
            : fault === 'unencrypted'
              ? idpWith({ encrypt: false })
              : who.cpr === null
                ? idpWith({ attributes: ['loa'] })
                : idp;
      // Unsigned: the IdP sees a service provider that does not ask for signed assertions.
      const target =
        fault === 'unsigned'
          ? samlify.ServiceProvider({
              metadata: spMetadata.replace(
                'WantAssertionsSigned="true"',
                'WantAssertionsSigned="false"',
              ),
            })
          : sp;
      const now = clock.ms();
      const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
      const sessionIndex = `_${crypto.randomUUID()}`;
      state.lastSessionIndex = sessionIndex;
      const made = await issuerFor.createLoginResponse(
        target,
        { extract: parsed.extract },
        'post',
        {},
        (template: string) => {
          const id = `_${crypto.randomUUID()}`;
          const expired = fault === 'expired';
          const tags: Record<string, string> = {
            ID: id,
            AssertionID: `_${crypto.randomUUID()}`,
            Destination: request.assertionConsumerServiceUrl,
            SubjectRecipient: request.assertionConsumerServiceUrl,
            Audience:
              fault === 'wrong_audience'
                ? 'https://someone-else.example/saml'
                : sp!.entityMeta.getEntityID(),
            Issuer: entityId,
            IssueInstant: at(expired ? -30 : 0),
            ConditionsNotBefore: at(expired ? -30 : -1),
            ConditionsNotOnOrAfter: at(expired ? -20 : 5),
            SubjectConfirmationDataNotOnOrAfter: at(expired ? -20 : 5),
            NameIDFormat: PERSISTENT,
            NameID:
              who.nameId ?? `https://data.gov.dk/model/core/eid/person/uuid/${crypto.randomUUID()}`,
            InResponseTo: fault === 'wrong_in_response_to' ? '_not-our-request' : request.id,
            StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
            attrLoa: who.level ?? 'Substantial',
            attrCpr: who.cpr ?? '',
          };
          // The statement is markup, not a value: it goes in before the values are escaped in.
          const authn = `<saml:AuthnStatement AuthnInstant="${at(0)}" SessionIndex="${sessionIndex}"><saml:AuthnContext><saml:AuthnContextClassRef>https://data.gov.dk/concept/core/nsis/loa/${who.level ?? 'Substantial'}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`;
          return {
            id,
            context: samlify.SamlLib.replaceTagsByValue(
              template.replace('{AuthnStatement}', authn),
              tags,
            ),
          };
        },
      );
      return {
        acs: request.assertionConsumerServiceUrl,
        SAMLResponse: made.context,
        RelayState: u.searchParams.get('RelayState') ?? '',
      };
    },
    logoutRequest(nameId, sessionIndex) {
      if (!sp) throw new Error('call trust() first');
      const made = idp.createLogoutRequest(sp, 'redirect', {
        logoutNameID: nameId,
        ...(sessionIndex ? { sessionIndex } : {}),
      });
      return made.context;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  server.on('request', (req, res) => {
    void (async () => {
      const u = new URL(req.url ?? '/', url);
      if (u.pathname === '/metadata') {
        res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(state.metadata);
      } else if (u.pathname === '/sso' && state.next) {
        const answer = await state.respond(u.href, state.next);
        const field = (n: string, v: string) => `<input type="hidden" name="${n}" value="${v}">`;
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            `<!doctype html><html lang="da"><title>NemLog-in (test)</title><body><form method="post" action="${answer.acs}">${field('SAMLResponse', answer.SAMLResponse)}${field('RelayState', answer.RelayState)}<button>Fortsæt</button></form><script>document.forms[0].submit()</script></body></html>`,
          );
      } else if (u.pathname === '/slo' && sp) {
        // Our LogoutRequest: checked, ended, answered on the Redirect binding.
        const parsed = await idp.parseLogoutRequest(sp, 'redirect', {
          query: Object.fromEntries(u.searchParams),
          octetString: u.search.slice(1).split('&Signature=')[0],
        });
        state.received.push(parsed.samlContent);
        const answer = idp.createLogoutResponse(
          sp,
          { extract: parsed.extract },
          'redirect',
          u.searchParams.get('RelayState') ?? '',
        );
        res.writeHead(303, { location: answer.context }).end();
      } else res.writeHead(404).end();
    })().catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  return state;
}
