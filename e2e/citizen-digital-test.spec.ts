import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, login, smallPhone } from './helpers';
import { answerAny } from './practice';
import { BASE_URL, SAME_ORIGIN } from './base-url';

async function openFirstCitizen(page: Page) {
  await page.goto('/borgere?q=Prøvesen');
  await page.locator('tbody tr a').first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Digital test' })).toBeVisible();
}

test('a citizen takes the test on a phone with a code; the caseworker sees it; withdrawal deletes it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // The caseworker hands out a code tied to a citizen on their caseload.
  const staff = await browser.newPage();
  await login(staff, 'caseworker');
  await openFirstCitizen(staff);
  const citizenUrl = staff.url();
  await staff.getByRole('button', { name: 'Lav testkode' }).click();
  const code = (await staff.locator('.dl-code-value').innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(staff.getByRole('img', { name: /QR-kode, der åbner testen/ })).toBeVisible();
  await expectAccessible(staff);

  // The citizen scans the QR code on an old, small phone: the code arrives in the fragment.
  const phone = await smallPhone(browser);
  const page = await phone.newPage();
  await page.goto(`/test#kode=${code}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Test dine digitale færdigheder' }),
  ).toBeVisible();
  await expect(page.getByLabel('Din testkode')).toHaveValue(code);
  await expect(page).toHaveURL(/\/test$/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start testen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Før du starter' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Jeg er klar' }).click();
  await expect(page.getByText('Sæt flueben, hvis du vil give samtykke.')).toBeVisible();
  await page.getByLabel('Jeg giver samtykke til, at mine svar bruges som beskrevet.').check();
  await page.getByRole('button', { name: 'Jeg er klar' }).click();

  let sawPractice = false;
  let checkedItem = false;
  let previous = '';
  for (let n = 1; n < 120; n++) {
    const heading = page.getByRole('heading', { level: 1 });
    // Wait for the next screen, not the one just answered.
    await expect(heading).toHaveText(/Spørgsmål \d+|Dit resultat/);
    await expect(heading).not.toHaveText(previous);
    previous = await heading.innerText();
    if (previous === 'Dit resultat') break;
    const practice = page.locator('.dl-practice');
    if (!sawPractice && (await practice.count()) > 0) {
      sawPractice = true;
      await expect(practice.getByText(/ØVELSE – ikke en rigtig side/)).toBeVisible();
      await expectAccessible(page);
    }
    if (!checkedItem) {
      // Nothing chosen: a clear message, no answer sent.
      await page.getByRole('button', { name: 'Næste' }).click();
      await expect(page.getByText('Vælg et svar for at gå videre.')).toBeVisible();
      await expectAccessible(page);
      checkedItem = true;
    }
    await answerAny(page);
  }
  expect(sawPractice).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: 'Dit resultat' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Dit niveau i de fem områder' }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Digital selvbetjening' }).getByRole('row'),
  ).toHaveCount(6);
  await expect(page.getByText('Du tog testen på dansk.')).toBeVisible();
  await expectAccessible(page);
  const fits = await page.evaluate(
    () => document.documentElement.scrollWidth <= window.innerWidth + 1,
  );
  expect(fits).toBe(true);

  // The caseworker now sees the result and why.
  await staff.goto(citizenUrl);
  await expect(staff.getByText('Gennemført')).toBeVisible();
  await expect(staff.getByText(/Gruppe 1|Gruppe 2|Intet behov/)).toBeVisible();
  await expect(staff.getByText(/Hvorfor: færdighedsestimat/)).toBeVisible();
  await expect(staff.getByText('Testen blev taget på dansk.')).toBeVisible();

  // Withdrawing consent deletes the answers and the result.
  await page.getByRole('button', { name: 'Træk samtykke tilbage og slet mine svar' }).click();
  await page.getByRole('button', { name: 'Ja, slet mine svar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dine svar er slettet' })).toBeVisible();
  await staff.reload();
  await expect(staff.getByText('Samtykke trukket tilbage – svar slettet')).toBeVisible();
  await expect(staff.getByText(/Hvorfor: færdighedsestimat/)).toHaveCount(0);
  await phone.close();
});

test('an eMentor hands out a code and prints the QR poster for the workshop', async ({ page }) => {
  await login(page, 'ementor');
  await page.getByRole('link', { name: 'Lav testkoder og QR-plakat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Testkoder' })).toBeVisible();
  await page.getByRole('button', { name: 'Lav testkode' }).click();
  await expect(page.locator('.dl-code-value')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'QR-plakat til værkstedet' }).click();
  await expect(page.getByRole('img', { name: /QR-kode til http/ })).toBeVisible();
  await expectAccessible(page);
});

test('an eMentor follows a code test and goes through the result; a caseworker files it on the citizen', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'ementor');
  await page.goto('/testkoder');
  await page.getByRole('button', { name: 'Lav testkode' }).click();
  const code = (await page.locator('.dl-code-value').innerText()).trim();
  const codes = page.getByRole('region', { name: 'Dine testkoder de sidste 30 dage' });
  await expect(codes.getByRole('row').nth(1)).toContainText('Ikke brugt endnu');

  // The citizen takes the test in the workshop (its pages are covered by the journey above).
  // In English: the eMentor then sees which language it was taken in.
  const taker = await browser.newContext({ extraHTTPHeaders: SAME_ORIGIN });
  await taker.addCookies([{ name: 'dl_lang', value: 'en', url: BASE_URL }]);
  const api = taker.request;
  expect((await api.post('/api/tests/code', { data: { code } })).ok()).toBe(true);
  let view = await (await api.post('/api/tests/consent', { data: { consent: true } })).json();
  for (let n = 0; view.step.kind === 'item' && n < 120; n++) {
    const res = await api.post('/api/tests/answer', {
      data: { itemKey: view.step.item.key, answer: 0 },
    });
    expect(res.ok()).toBe(true);
    view = await res.json();
  }
  expect(view.status).toBe('completed');
  await taker.close();

  await page.reload();
  await expect(codes.getByRole('row').nth(1)).toContainText('Gennemført');
  await expectAccessible(page);
  await codes
    .getByRole('link', { name: /Se resultat/ })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Resultat af test med kode' }),
  ).toBeVisible();
  await expect(page.getByText(/Gruppe 1|Gruppe 2|Intet behov/)).toBeVisible();
  await expect(page.getByText(/Hvorfor: færdighedsestimat/)).toBeVisible();
  await expect(page.getByText('Testen blev taget på engelsk.')).toBeVisible();
  await expectAccessible(page);

  // The citizen gives the code to their caseworker, who files the result on their record.
  const staff = await browser.newPage();
  await login(staff, 'caseworker');
  await openFirstCitizen(staff);
  await staff.getByRole('button', { name: 'Knyt resultatet til borgeren' }).click();
  await expect(staff.getByText('Der er en fejl')).toBeVisible();
  await staff.getByLabel('Testkode').fill(code.toLowerCase());
  await staff.getByRole('button', { name: 'Knyt resultatet til borgeren' }).click();
  await expect(staff.getByText('Testen er knyttet til borgeren.')).toBeVisible();
  await expect(staff.getByText('Gennemført').first()).toBeVisible();
  await expectAccessible(staff);
  await staff.getByLabel('Testkode').fill(code);
  await staff.getByRole('button', { name: 'Knyt resultatet til borgeren' }).click();
  await expect(
    staff.getByText('Testen med den kode er allerede knyttet til en borger.'),
  ).toBeVisible();
  await staff.close();
});
