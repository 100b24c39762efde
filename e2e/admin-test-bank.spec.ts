import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers';

test('admin sets cut scores, edits and retires an item, and tries a calibration', async ({
  page,
}) => {
  await login(page, 'admin');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Testen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Den digitale test' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'k1-01' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Grænse for det grundlæggende (gruppe 1)').fill('-1');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('status')).toHaveText('Gemt.');
  await page.getByLabel('Grænse for det grundlæggende (gruppe 1)').fill('2');
  await page.getByLabel('Grænse for jobmålets behov (gruppe 2)').fill('1');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('alert')).toBeVisible();

  await page.getByLabel('Område').selectOption('4');
  await page.getByRole('link', { name: 'k4-06' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opgave k4-06' })).toBeVisible();
  await expectAccessible(page);
  await page.locator('#prompt-da').fill('Hvem må kende din MitID-kode?');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Den digitale test' })).toBeVisible();
  await page.getByRole('link', { name: 'k4-06' }).click();
  await expect(page.getByText('Hvem må kende din MitID-kode?').first()).toBeVisible();
  await page.getByRole('button', { name: 'Tag opgaven ud' }).click();
  const row = page.getByRole('row', { name: /k4-06/ });
  await expect(row).toContainText('Taget ud');

  await page.getByRole('button', { name: 'Kalibrér ud fra besvarelser' }).click();
  await expect(page.getByRole('alert')).toContainText('for få besvarelser');
});
