import fs from 'node:fs';
import { expect, test, type APIResponse } from '@playwright/test';
import { expectAccessible, login, openFirstWorkshopAllDay } from './helpers';
import { SAME_ORIGIN } from './base-url';

const json = async <T>(res: APIResponse): Promise<T> => (await res.json()) as T;

test('a citizen books a time on a phone, gets a calendar file, moves it and cancels it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // Precondition: the workshop opens every day, and an eMentor is on duty tomorrow 10–12.
  const workshopId = await openFirstWorkshopAllDay(browser);
  const admin = await browser.newPage();
  await login(admin, 'admin');
  const tomorrow = new Date(Date.now() + 86400_000).toLocaleDateString('en-CA', {
    timeZone: 'Europe/Copenhagen',
  });
  const [ementor] = await json<{ id: string }[]>(
    await admin.request.get('/api/users?role=ementor'),
  );
  const shift = await admin.request.post(`/api/workshops/${workshopId}/shifts`, {
    data: { userId: ementor!.id, day: tomorrow, start: '10:00', end: '12:00' },
    headers: SAME_ORIGIN,
  });
  expect(shift.ok(), await shift.text()).toBe(true);
  await admin.close();

  const phone = await browser.newContext({
    viewport: { width: 320, height: 640 },
    isMobile: true,
    hasTouch: true,
    locale: 'da-DK',
    acceptDownloads: true,
  });
  const page = await phone.newPage();
  await page.goto(`/vaerksted/${workshopId}/tjek-ind`);
  await page.getByRole('link', { name: 'Book en tid i stedet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Book en tid' })).toBeVisible();
  const day = new Date(`${tomorrow}T12:00:00Z`).toLocaleDateString('da-DK', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const tomorrowSection = page.getByRole('region', { name: day });
  await expect(tomorrowSection.getByRole('button', { name: '10:00' })).toBeVisible();
  await expectAccessible(page);
  await tomorrowSection.getByRole('button', { name: '10:00' }).click();
  await page.getByLabel('Fornavn').fill('Mette');
  await page.getByLabel('E-mail (valgfrit)').fill('mette@example.dk');
  await page.getByRole('button', { name: 'Book tiden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Din tid er booket' })).toBeVisible();
  await expect(page.getByText(/kl\. 10:00–10:30/)).toBeVisible();
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Hent til din kalender (.ics)' }).click();
  const ics = fs.readFileSync(await (await download).path(), 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain('SUMMARY:Digitalt værksted');

  // The manage link: move the time, then cancel it.
  await page.locator('.dl-link a').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Din tid i værkstedet' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Flyt tiden' }).click();
  await page.getByRole('region', { name: day }).getByRole('button', { name: '11:00' }).click();
  await expect(page.getByRole('status')).toHaveText('Tiden er flyttet.');
  await expect(page.getByText(/kl\. 11:00–11:30/)).toBeVisible();
  await page.getByRole('button', { name: 'Aflys tiden' }).click();
  await page.getByRole('button', { name: 'Ja, aflys tiden' }).click();
  await expect(page.getByRole('status')).toHaveText('Tiden er aflyst.');
  // The calendar gets the cancellation of the same event.
  const cancelDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Fjern tiden fra din kalender (.ics)' }).click();
  const cancelIcs = fs.readFileSync(await (await cancelDownload).path(), 'utf8');
  expect(cancelIcs).toContain('METHOD:CANCEL');
  expect(cancelIcs).toContain('STATUS:CANCELLED');
  expect(cancelIcs.match(/^UID:.*$/m)![0]).toBe(ics.match(/^UID:.*$/m)![0]);
  const fits = await page.evaluate(
    () => document.documentElement.scrollWidth <= window.innerWidth + 1,
  );
  expect(fits).toBe(true);
  await phone.close();
});
