import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers';

test('admin creates a user, who can log in, then deactivates them; and edits a site', async ({
  page,
  browser,
}) => {
  await login(page, 'admin');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Brugere' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brugere' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Opret bruger' }).click();
  await page.getByLabel('Navn').fill('Ny Mentor Testsen');
  await page.getByLabel('E-mail').fill('ny.mentor@demo.digiloft.dk');
  await page.getByRole('checkbox', { name: 'eMentor' }).check();
  await page.getByLabel('Sted').selectOption({ label: 'Jobcenter København, Lærkevej' });
  await page.getByLabel('Adgangskode').fill('en lang adgangskode');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Opret' }).click();
  await expect(page.getByRole('link', { name: 'Ny Mentor Testsen' })).toBeVisible();

  const other = await browser.newPage();
  await other.goto('/login');
  await other.getByLabel('E-mail').fill('ny.mentor@demo.digiloft.dk');
  await other.getByLabel('Adgangskode').fill('en lang adgangskode');
  await other.getByRole('button', { name: 'Log ind' }).click();
  await expect(
    other.getByRole('heading', { level: 1, name: 'Velkommen, Ny Mentor Testsen' }),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Ny Mentor Testsen' }).click();
  await page.getByRole('button', { name: 'Deaktiver' }).click();
  await expect(page.getByRole('link', { name: 'Ny Mentor Testsen' })).toHaveCount(0);
  await other.reload();
  await expect(other).toHaveURL(/\/login$/);
  await other.close();

  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Steder', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Steder' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Rediger Jobcenter København, Lærkevej' }).click();
  await page.getByLabel('Adresse').fill('Lærkevej 17');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('cell', { name: 'Lærkevej 17, 2400 København NV' })).toBeVisible();
});
