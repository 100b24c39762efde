import { expect, test } from '@playwright/test';
import { expectAccessible, login, openFirstWorkshopAllDay, smallPhone } from './helpers';
import { finishTest } from './practice';

test('a logged-in citizen takes the test and checks in; the eMentor sees the test while helping and logs the visit with a course suggestion; the caseworker sees it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const workshopId = await openFirstWorkshopAllDay(browser);
  const phone = await smallPhone(browser);
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
  // While waiting, they take the digital test again, logged in: the demo citizen has results
  // from earlier, so the page opens on the latest and offers a re-test.
  await page.goto('/test');
  await expect(page.getByRole('heading', { level: 1, name: 'Dit resultat' })).toBeVisible();
  await page.getByRole('button', { name: 'Tag testen igen' }).click();
  // A re-test is a new test: it asks for consent again.
  await expect(page.getByRole('heading', { level: 1, name: 'Før du starter' })).toBeVisible();
  await page.getByLabel('Jeg giver samtykke til, at mine svar bruges som beskrevet.').check();
  await page.getByRole('button', { name: 'Jeg er klar' }).click();
  await finishTest(page, '');
  await page.goto(`/vaerksted/${workshopId}/tjek-ind`);
  await page.getByLabel('Fornavn').fill('Borger');
  await page.getByLabel('MitID').check();
  await page.getByRole('button', { name: 'Tag et nummer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dit nummer' })).toBeVisible();
  const number = (await page.locator('.dl-ticket-number').innerText()).trim();
  // Their own data page shows the check-in in "who looked at my data".
  await page.goto('/mine-data');
  await expect(page.getByText('Tog et nummer i et digitalt værksted').first()).toBeVisible();
  await phone.close();

  // The eMentor calls them, hands out a test code and suggests a course.
  const ementor = await browser.newPage();
  await login(ementor, 'ementor');
  await ementor.goto('/vaerksted');
  const helping = ementor.getByRole('heading', { level: 2, name: /Du hjælper nr\./ });
  for (let i = 0; i < 20; i++) {
    await ementor.getByRole('button', { name: 'Kald næste' }).click();
    await expect(helping.first()).toBeVisible();
    if ((await helping.first().innerText()).includes(`nr. ${number},`)) break;
    await ementor.getByRole('button', { name: 'Mødte ikke op' }).first().click();
    await expect(helping).toHaveCount(0);
  }
  // They checked in as themselves: while helping, the eMentor may look at their test.
  await ementor.getByRole('button', { name: 'Vis borgerens tests' }).click();
  const tests = ementor.getByRole('region', { name: 'Borgerens tests' });
  await expect(tests.getByText('Gennemført').first()).toBeVisible();
  await expect(tests.getByText(/Hvorfor: færdighedsestimat/).first()).toBeVisible();
  await expectAccessible(ementor);
  await ementor.getByLabel('DigComp-kompetencer (valgfrit)').fill('1.3, 3.1');
  await ementor.getByLabel(/Foreslå borgeren et kursus/).check();
  await ementor.getByRole('button', { name: 'Lav en testkode til borgeren' }).click();
  await expect(ementor.locator('.dl-code-value')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expectAccessible(ementor);
  await ementor.getByRole('button', { name: 'Afslut og gem besøget' }).click();
  await expect(helping).toHaveCount(0);
  await ementor.close();

  // Their caseworker sees the visit and the suggestion on the citizen's page.
  const caseworker = await browser.newPage();
  await login(caseworker, 'caseworker');
  await caseworker.goto('/borgere?q=Demosen');
  await caseworker.locator('tbody tr', { hasText: 'Borger' }).locator('a').first().click();
  await expect(caseworker.getByRole('heading', { level: 1, name: 'Borger Demosen' })).toBeVisible();
  const visits = caseworker.getByRole('region', { name: 'Besøg i de digitale værksteder' });
  await expect(visits.getByText('eMentoren foreslår et kursus i: 1.3, 3.1')).toBeVisible();
  await expectAccessible(caseworker);
  await caseworker.close();
});
