import { expect, test } from '@playwright/test';
import { expectAccessible, openFirstWorkshopAllDay } from './helpers';

test('a logged-in citizen checks in from the door’s QR code, and the visit is kept on their page', async ({
  browser,
}) => {
  const workshopId = await openFirstWorkshopAllDay(browser);
  const phone = await browser.newContext({
    viewport: { width: 320, height: 640 },
    isMobile: true,
    hasTouch: true,
    locale: 'da-DK',
  });
  const page = await phone.newPage();
  await page.goto(`/vaerksted/${workshopId}/tjek-ind`);
  await page.getByRole('link', { name: 'Log ind' }).click();
  await page.getByLabel('E-mail').fill('citizen@demo.digiloft.dk');
  await page.getByLabel('Adgangskode').fill('digiloft-demo');
  await page.getByRole('button', { name: 'Log ind' }).click();
  // Back on the check-in page, now as themselves.
  await expect(page).toHaveURL(new RegExp(`/vaerksted/${workshopId}/tjek-ind$`));
  await expect(page.getByText('Du er logget ind – besøget gemmes på din side.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Fornavn').fill('Borger');
  await page.getByLabel('MitID').check();
  await page.getByRole('button', { name: 'Tag et nummer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dit nummer' })).toBeVisible();
  // Their own data page shows the check-in in "who looked at my data".
  await page.goto('/mine-data');
  await expect(page.getByText('Tog et nummer i et digitalt værksted').first()).toBeVisible();
  await phone.close();
});
