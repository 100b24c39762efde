import { expect, test } from '@playwright/test';
import { expectAccessible, login, mailTo } from './helpers';

// An invented company; the CVR number passes the modulus-11 check.
const CVR = '10000009';

test('a company consultant registers a company and invites its user, who accepts through the e-mail link', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await browser.newPage();
  await login(page, 'company_consultant');
  await page.getByRole('link', { name: 'Virksomheder' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Virksomheder' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Skyhavn Cloud ApS' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Ny virksomhed' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny virksomhed' })).toBeVisible();
  await page.getByLabel('CVR-nummer').fill('10000008');
  await page.getByLabel('Navn', { exact: true }).fill('Journey Data ApS');
  await page.getByLabel('Branchekode (DB07)').fill('620100');
  await page.getByLabel('Antal ansatte').fill('12');
  await page.getByRole('button', { name: 'Opret virksomhed' }).click();
  await expect(page.getByText('CVR-nummeret er ikke gyldigt', { exact: false })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('CVR-nummer').fill(CVR);
  await page.getByRole('button', { name: 'Opret virksomhed' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Journey Data ApS' })).toBeVisible();
  await expect(page.getByText('Information og kommunikation (620100)')).toBeVisible();
  await expect(page.getByText('SMV', { exact: false })).toBeVisible();
  // The consultant corrects the company's details later.
  await page.getByText('Ret virksomhedens oplysninger').click();
  const edit = page.locator('details');
  await edit.getByLabel('By', { exact: true }).fill('Valby');
  await edit.getByLabel('Antal ansatte').fill('260');
  await edit.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(page.getByText('Stor virksomhed', { exact: false })).toBeVisible();
  await expect(page.getByText(/Valby/).first()).toBeVisible();

  // A visit with an agreement on trainee places goes into the log.
  const log = page.getByRole('form', { name: 'Registrér' });
  await log.getByLabel('Hvad').selectOption('agreement');
  await log.getByLabel('Aftale om').selectOption('trainee');
  await log.getByLabel('Antal pladser').fill('2');
  await log.getByLabel('Dato').fill('2026-11-20');
  await log.getByLabel('Notat').fill('To traineepladser i drift');
  await log.getByRole('button', { name: 'Registrér' }).click();
  await expect(
    page.getByText('Aftale (Traineepladser, 2): To traineepladser i drift', { exact: false }),
  ).toBeVisible();

  // The invitation goes out by e-mail with a one-time link.
  const invite = page.getByRole('form', { name: 'Invitér en bruger' });
  await invite.getByLabel('Navn').fill('Jonna Journeysen');
  await invite.getByLabel('E-mail').fill('jonna@journey.example');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(
    page.getByText(/Jonna Journeysen · jonna@journey.example · Inviteret/),
  ).toBeVisible();
  await expectAccessible(page);

  const mail = await mailTo('jonna@journey.example');
  const link = /http\S+\/virksomhed\/invitation#\S+/.exec(mail)![0];

  const invited = await browser.newPage();
  await invited.goto(link);
  await expect(
    invited.getByRole('heading', { level: 1, name: 'Invitation til Digiløft' }),
  ).toBeVisible();
  await expect(invited.getByText('repræsentere Journey Data ApS')).toBeVisible();
  await expectAccessible(invited);
  await invited.getByLabel('Vælg en adgangskode').fill('journey-password-1');
  await invited.getByRole('button', { name: 'Opret min adgang' }).click();
  await expect(invited.getByRole('status')).toContainText('Din adgang er oprettet');
  await invited.getByRole('link', { name: 'Gå til log ind' }).click();
  await invited.getByLabel('E-mail').fill('jonna@journey.example');
  await invited.getByLabel('Adgangskode').fill('journey-password-1');
  await invited.getByRole('button', { name: 'Log ind' }).click();
  await expect(
    invited.getByRole('heading', { level: 1, name: 'Velkommen, Jonna Journeysen' }),
  ).toBeVisible();
  await invited.getByRole('link', { name: 'Mine virksomheder' }).first().click();
  await expect(invited.getByRole('link', { name: 'Journey Data ApS' })).toBeVisible();

  // The link works once.
  const again = await browser.newPage();
  await again.goto(link);
  await expect(again.getByText('Linket virker ikke', { exact: false })).toBeVisible();
});

test('a company consultant analyses a pasted job ad, corrects it and saves it to a role', async ({
  page,
}) => {
  await login(page, 'company_consultant');
  await page.getByRole('link', { name: 'Analyse af stillingsopslag' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Analyse af stillingsopslag' }),
  ).toBeVisible();
  await page.getByLabel('Overskrift').fill('Cloud-administrator til Skyhavn');
  await page
    .getByLabel('Stillingsopslaget')
    .fill(
      'Vi søger en cloud-administrator, der kan arbejde selvstændigt. Du har erfaring med Azure og kendskab til netværk.',
    );
  await page.getByRole('button', { name: 'Analysér', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Fundet i opslaget' })).toBeVisible();
  await expect(page.locator('mark', { hasText: 'arbejde selvstændigt' })).toBeVisible();
  await expectAccessible(page);
  // The consultant marks a phrase as digital, and saves to an open role of the company.
  const first = page.getByRole('combobox', { name: /DigComp-kompetence for/ }).first();
  await first.selectOption('4.1');
  await page.getByLabel('Virksomhed').selectOption({ label: 'Skyhavn Cloud ApS' });
  const role = page.getByLabel('Rolle');
  await expect(role.locator('option')).not.toHaveCount(1);
  await role.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Gem analysen' }).click();
  await expect(page.getByRole('status')).toContainText('Gemt');
  await expect(page.getByText(/Cloud-administrator til Skyhavn →/)).toBeVisible();
});
