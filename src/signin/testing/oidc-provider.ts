// A certified OpenID provider (`oidc-provider`) on 127.0.0.1 for the tests: one confidential
// client, PKCE required, RP-initiated logout on. The "login" at the provider is whoever the test
// names in `loginAs` (no form): the provider's own interaction and consent steps still run.
import { clock } from '../../platform/clock';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email: string;
  groups?: string[];
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The account the next login at the provider is, by subject. */
  loginAs: string | null;
  accounts: Map<string, TestAccount>;
  /** Logouts the provider has seen (end-session requests), newest last. */
  logouts: string[];
  close(): Promise<void>;
}

export async function startOidcProvider(opts: {
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** The issuer the provider calls itself, when a test wants it to differ from its address. */
  issuerOverride?: string;
}): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = opts.issuerOverride ?? `http://127.0.0.1:${port}`;
  const state: TestOidcProvider = {
    issuer: `http://127.0.0.1:${port}`,
    clientId: 'digiloft',
    clientSecret: 'hemmelig-klient-noegle-til-test',
    loginAs: null,
    accounts: new Map(),
    logouts: [],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: state.clientId,
        client_secret: state.clientSecret,
        redirect_uris: [opts.redirectUri],
        post_logout_redirect_uris: [opts.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['test-cookie-key'] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          // Log out without asking: post the provider's own confirmation form straight away.
          ctx.body = `<!doctype html><html><body>${form}<script>var f=document.forms[0],i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit()</script></body></html>`;
        },
      },
    },
    findAccount: (_ctx, sub) => {
      const account = state.accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: account.email,
          email_verified: true,
          groups: account.groups ?? [],
        }),
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      Session: 3600,
      Interaction: 600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
  });
  provider.on('end_session.success', () => state.logouts.push(clock.now().toISOString()));
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        if (!state.loginAs) {
          res.writeHead(400).end('no account to log in as');
          return;
        }
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: state.loginAs } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new provider.Grant({
        accountId: details.session!.accountId,
        clientId: String(details.params.client_id),
      });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    })().catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  return state;
}
