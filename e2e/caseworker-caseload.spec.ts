import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers';

test('caseworker finds citizens, creates one and flags digital vulnerability', async ({ page }) => {
  await login(page, 'caseworker');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Mine borgere' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine borgere' })).toBeVisible();
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  // Every CPR number shown is masked.
  for (const cell of await page.locator('tbody td:nth-child(2)').allInnerTexts())
    expect(cell).toMatch(/^\d{6}-xxxx$/);
  await expectAccessible(page);

  await page.getByLabel('Søg på navn, jobmål eller CPR-nummer').fill('Demosen');
  await page.getByRole('button', { name: 'Søg' }).click();
  await expect(page.getByRole('link', { name: 'Borger Demosen' })).toBeVisible();

  await page.getByRole('link', { name: 'Opret borger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opret borger' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('CPR-nummer').fill('320190-1234');
  await page.getByLabel('Fornavn').fill('Ny');
  await page.getByLabel('Efternavn').fill('Prøvesen');
  await page.getByRole('button', { name: 'Opret' }).click();
  await expect(page.getByRole('alert')).toContainText('gyldig fødselsdato');
  await expectAccessible(page);

  // Day + 60: a fictitious number the demo municipality accepts.
  await page.getByLabel('CPR-nummer').fill('750190-1234');
  await page.getByRole('button', { name: 'Opret' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny Prøvesen' })).toBeVisible();
  await expect(page.getByText('CPR-nummer: 750190-xxxx')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('7501901234');
  await expect(page).not.toHaveURL(/750190/);

  await page.getByRole('button', { name: 'Markér som digitalt udsat' }).click();
  await page.getByLabel('Begrundelse').fill('Kan ikke logge på Digital Post med MitID');
  await page.getByRole('button', { name: 'Markér som digitalt udsat' }).click();
  await expect(page.getByText('Kan ikke logge på Digital Post med MitID')).toBeVisible();
  await page.getByLabel('Nyt notat').fill('Henvist til værkstedet på Lærkevej');
  await page.getByRole('button', { name: 'Tilføj notat' }).click();
  await expect(page.locator('.dl-note')).toContainText('Henvist til værkstedet på Lærkevej');
  await expectAccessible(page);

  // A CPR number in the search box is looked up by POST and never lands in the address bar.
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Mine borgere' })
    .click();
  await page.getByLabel('Søg på navn, jobmål eller CPR-nummer').fill('750190-1234');
  await page.getByRole('button', { name: 'Søg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny Prøvesen' })).toBeVisible();
  await expect(page).not.toHaveURL(/750190/);
});
