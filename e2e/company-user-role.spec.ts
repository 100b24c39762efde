import { devices, expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers';

test.use({ ...devices['Pixel 5'] });

test('a company user posts a role with its digital competences on a phone', async ({ page }) => {
  await login(page, 'company');
  await page.getByRole('link', { name: 'Mine virksomheder' }).first().click();
  await page.getByRole('link', { name: 'Skyhavn Cloud ApS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Skyhavn Cloud ApS/ })).toBeVisible();
  // The jobcentre's courses that lift what the company's roles need are shown to it.
  await expect(
    page.getByRole('heading', { name: 'Kurser og projekter, der løfter jeres kompetencer' }),
  ).toBeVisible();
  // The business service's log is not shown to the company.
  await expect(page.getByRole('heading', { name: 'Kontakter, besøg og aftaler' })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Ny rolle' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Ny rolle for/ })).toBeVisible();
  await page.getByLabel('Stillingsbetegnelse').fill('Cloud-administrator på telefon');
  // A Danish word finds the ESCO occupation; choosing it fills in the competences.
  await page.getByLabel('Stilling i ESCO').fill('udvikler');
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await page.getByRole('button', { name: 'Vælg: software developer' }).click();
  await expect(page.getByText('Valgt: software developer')).toBeVisible();
  await expect(page.getByLabel(/^3\.4 /)).toBeVisible();
  await page.getByLabel(/^3\.4 /).selectOption('5');
  await page.getByLabel('Antal personer').fill('2');
  await page.getByRole('checkbox', { name: 'Engelsk' }).check();
  await page.getByLabel('Traineeplads').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Opret rolle' }).click();
  await expect(
    page.getByRole('heading', { level: 3, name: 'Cloud-administrator på telefon' }),
  ).toBeVisible();
  await expect(page.getByText(/3\.4 .*: 5/).first()).toBeVisible();
});
