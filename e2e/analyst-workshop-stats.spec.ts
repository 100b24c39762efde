import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers';

test('an analyst reads the workshops’ weekly statistics as plots and downloads the CSV', async ({
  page,
}) => {
  await login(page, 'analyst');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Statistik' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Statistik for værkstederne' }),
  ).toBeVisible();
  // The demo holds eight weeks of visits.
  await expect(page.getByText(/^\d+ besøg de seneste 12 uger\.$/)).toBeVisible();
  for (const chart of [
    'Besøg pr. uge',
    'Ventetid pr. uge (minutter)',
    'Andel løst pr. uge',
    'Borgere, der kommer igen',
    'Emner i perioden',
  ])
    await expect(
      page.getByRole('img', { name: new RegExp(chart.replace(/[().]/g, '\\$&')) }),
    ).toBeVisible();
  await page.getByText('Vis tallene: Besøg pr. uge').click();
  await expect(page.getByRole('region', { name: 'Vis tallene: Besøg pr. uge' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Periode', { exact: true }).selectOption('4');
  await expect(page.getByText(/besøg de seneste 4 uger/)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Hent tallene som CSV' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  // For a Danish Excel: a BOM and semicolons.
  expect(lines[0]).toMatch(
    /^\uFEFFweek;visits;wait_median_minutes;wait_p90_minutes;resolved_share/,
  );
  expect(lines).toHaveLength(5);
});
