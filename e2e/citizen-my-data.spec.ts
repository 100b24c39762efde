import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers';

test.use({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });

test('citizen on a small phone sees their data and who has looked at it, and downloads it', async ({
  browser,
  page,
}) => {
  // The caseworker looks at the citizen first, so there is a lookup to see.
  const staff = await browser.newPage();
  await login(staff, 'caseworker');
  await staff.goto('/borgere?q=Demosen');
  await staff.getByRole('link', { name: 'Borger Demosen' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Borger Demosen' })).toBeVisible();
  await staff.close();

  await login(page, 'citizen');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Se mine oplysninger og hvem der har set dem' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine data' })).toBeVisible();
  await expect(page.getByText(/^\d{6}-xxxx$/)).toBeVisible();
  const log = page.getByRole('table', { name: 'Hvem har set mine data' });
  await expect(
    log
      .getByRole('row', { name: /Så dine oplysninger.*Sagsbehandling.*Jobkonsulent, København/ })
      .first(),
  ).toBeVisible();
  await expectAccessible(page);
  const noHorizontalScroll = await page.evaluate(
    () => document.documentElement.scrollWidth <= window.innerWidth + 1,
  );
  expect(noHorizontalScroll).toBe(true);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Hent som CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^digiloft-opslag-\d{4}-\d{2}-\d{2}\.csv$/);
});
