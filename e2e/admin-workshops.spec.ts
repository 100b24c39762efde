import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers';

test('admin sets a workshop’s room, hours, a closed day and an eMentor shift, and prints the door poster', async ({
  page,
}) => {
  await login(page, 'admin');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Værksteder' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Værksteder' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Pladser i lokalet').fill('6');
  await page.getByLabel('Åbent Lørdag').check();
  await page.getByLabel('Lørdag: Til').fill('13:00');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('status')).toHaveText('Gemt.');
  // Closing before opening is refused with a message.
  await page.getByLabel('Lørdag: Fra').fill('14:00');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Pladser i lokalet')).toHaveValue('6');
  await expect(page.getByLabel('Lørdag: Til')).toHaveValue('13:00');

  await page.getByLabel('Dato').first().fill('2031-03-14');
  await page.getByLabel('Årsag').fill('Kursusdag for eMentorer');
  await page.getByRole('button', { name: 'Tilføj lukkedag' }).click();
  await expect(page.getByText('2031-03-14: Kursusdag for eMentorer')).toBeVisible();

  const tomorrow = new Date(Date.now() + 86400_000).toLocaleDateString('en-CA', {
    timeZone: 'Europe/Copenhagen',
  });
  const shifts = page.getByRole('region', { name: 'Vagtplan for eMentorer' });
  await shifts.getByLabel('eMentor', { exact: true }).selectOption({ label: 'Emma Mentorsen' });
  await shifts.getByLabel('Dato', { exact: true }).fill(tomorrow);
  await shifts.getByLabel('Fra', { exact: true }).fill('12:00');
  await shifts.getByLabel('Til', { exact: true }).fill('14:00');
  await shifts.getByRole('button', { name: 'Tilføj vagt' }).click();
  await expect(shifts.getByRole('row', { name: /Emma Mentorsen.*12:00–14:00/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'QR-plakat til døren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tag et nummer' })).toBeVisible();
  await expect(page.getByRole('img', { name: /QR-kode til http.*\/tjek-ind/ })).toBeVisible();
  await expectAccessible(page);
});
