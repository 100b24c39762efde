import { expect, test } from '@playwright/test';
import { startSamlIdp } from '../src/signin/testing/saml-idp';
import { startOidcProvider } from '../src/signin/testing/oidc-provider';
import { DEMO_MUNICIPALITY, prng, uniqueFictitiousCprs } from '../src/demo/demo-data';
import { BASE_URL } from './base-url';
import { expectAccessible, login } from './helpers';

// The demo citizen's CPR number, as the demo seed draws it (fictitious: day + 60).
const DEMO_CITIZEN_CPR = uniqueFictitiousCprs(prng(20200101))(0).replace('-', '');

test('admin sets up MitID and the municipality’s login; a caseworker and a citizen log in through them and out again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const idp = await startSamlIdp();
  const op = await startOidcProvider({
    redirectUri: `${BASE_URL}/api/signin/oidc/callback`,
    postLogoutRedirectUri: `${BASE_URL}/login?logget_ud=1`,
  });
  try {
    // NemLog-in registers our metadata from its published address.
    idp.trust(
      await (await fetch(`${BASE_URL}/api/signin/mitid/${DEMO_MUNICIPALITY.code}/metadata`)).text(),
    );

    // The admin sets both up on Forbindelser and tests the connections.
    await login(page, 'admin');
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Forbindelser' })
      .click();
    const form = page.getByRole('form', { name: 'Login' });
    await form.getByLabel('Borgere kan logge ind med MitID').check();
    await form.getByLabel('Adresse på NemLog-ins metadata').fill(`${idp.url}/metadata`);
    await form.getByLabel('Medarbejdere kan logge ind med kommunens login').check();
    await form.getByLabel('Udsteder (issuer)').fill(op.issuer);
    await form.getByLabel('Klient-id').fill(op.clientId);
    await form.getByLabel('Klienthemmelighed').fill(op.clientSecret);
    await form.getByLabel('Tilladte e-maildomæner').fill('demo.digiloft.dk');
    await form.getByRole('button', { name: 'Gem login' }).click();
    await expect(form.getByText('Login-indstillingerne er gemt.')).toBeVisible();
    await form.getByRole('button', { name: 'Test NemLog-in' }).click();
    await expect(form.getByText(/Forbindelsen virker: .*\/idp/)).toBeVisible();
    // The metadata came from its address, and is fetched again daily (NemLog-in renews it).
    await expect(
      form.getByText(/^Hentet fra adressen .+\. De hentes igen hver dag\.$/),
    ).toBeVisible();
    await form.getByRole('button', { name: 'Test kommunens login' }).click();
    await expect(form.getByText(/Forbindelsen virker: http:\/\/127\.0\.0\.1/)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Log ud' }).click();

    // A caseworker logs in with the municipality's login (no password here).
    op.accounts.set('cw-1', { email: 'caseworker@demo.digiloft.dk' });
    op.loginAs = 'cw-1';
    await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Velkommen, / })).toBeVisible();
    // Logging out ends the provider's session too, and lands on the login page.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page.getByText('Du er logget ud.')).toBeVisible();
    expect(op.logouts.length).toBe(1);

    // A citizen logs in with MitID and lands on their own page; logout goes through NemLog-in.
    idp.next = {
      cpr: DEMO_CITIZEN_CPR,
      nameId: 'https://data.gov.dk/model/core/eid/person/uuid/e2e',
    };
    await page.getByRole('link', { name: 'Log ind med MitID' }).click();
    // The first answer from NemLog-in after the server started may take a few seconds.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Velkommen, Borger Demosen' }),
    ).toBeVisible({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page.getByText('Du er logget ud.')).toBeVisible();
    expect(idp.received.some((m) => m.includes('LogoutRequest'))).toBe(true);

    // Someone the jobcentre does not know gets a clear page and no account.
    idp.next = { cpr: '0101700000' };
    await page.getByRole('link', { name: 'Log ind med MitID' }).click();
    await expect(
      page.getByText('Jobcentret kender dig ikke endnu.', { exact: false }),
    ).toBeVisible();
    await expectAccessible(page);

    // The other journeys log in with passwords only: switch both off again.
    await login(page, 'admin');
    await page.goto('/admin/forbindelser');
    await form.getByLabel('Borgere kan logge ind med MitID').uncheck();
    await form.getByLabel('Medarbejdere kan logge ind med kommunens login').uncheck();
    await form.getByRole('button', { name: 'Gem login' }).click();
    await expect(form.getByText('Login-indstillingerne er gemt.')).toBeVisible();
  } finally {
    await idp.close();
    await op.close();
  }
});
