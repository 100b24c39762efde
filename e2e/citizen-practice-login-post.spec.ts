import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers';
import { answerUntil, finishTest, onlyPractice, startCodeTest } from './practice';

test('a citizen on a phone goes through the practice MitID login by keyboard and refuses a stranger’s request', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const bank = await onlyPractice(browser, ['s-mitid-3']);
  try {
    const { page, close } = await startCodeTest(browser);
    const userId = page.getByLabel('Bruger-ID');
    const question = await answerUntil(page, userId);
    await expect(page.getByText('Log på Jobnet med MitID')).toBeVisible();
    await expect(page.getByText(/ØVELSE – ikke en rigtig side/)).toBeVisible();
    await expectAccessible(page);

    // Not done yet: a clear message, nothing sent.
    await page.getByRole('button', { name: 'Næste' }).click();
    await expect(
      page.getByText('Gør øvelsen færdig, eller vælg “Jeg kan ikke logge ind”.'),
    ).toBeVisible();

    // A wrong user ID is caught; Enter takes the login step, it does not answer the question.
    await userId.focus();
    await page.keyboard.type('PRAKSIS-78');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Det bruger-ID passer ikke.', { exact: false })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question);
    await expectAccessible(page);
    await userId.fill('');
    await page.keyboard.type('praksis-77');
    await page.keyboard.press('Enter');

    // The practice app asks on behalf of someone else: refuse it, by keyboard.
    const app = page.getByRole('region', { name: 'MitID-app (øvelse)' });
    await expect(app.getByText('Log på hos: Hurtiglån ApS')).toBeVisible();
    await expectAccessible(page);
    await app.getByRole('button', { name: 'Afvis' }).focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: 'Du afviste anmodningen.' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Næste' }).click();
    await finishTest(page, question);
    await close();

    const login = await bank.stats('s-mitid-3');
    expect(login.responses).toBeGreaterThanOrEqual(1);
    expect(login.proportionCorrect).toBeGreaterThan(0);
  } finally {
    await bank.restore();
  }
});

test('a citizen on a phone finds the letter about a job meeting in the practice inbox and answers it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const bank = await onlyPractice(browser, ['s-post-2']);
  try {
    const { page, close } = await startCodeTest(browser);
    const inbox = page.getByRole('heading', { level: 2, name: 'Indbakke' });
    const question = await answerUntil(page, inbox);
    await expectAccessible(page);

    // Open the wrong letter first, then go back.
    await page.getByRole('button', { name: /Din forskudsopgørelse/ }).click();
    await expect(page.getByText('Din forskudsopgørelse er klar på skat.dk.')).toBeVisible();
    await page.getByRole('button', { name: 'Tilbage til indbakken' }).click();

    await page.getByRole('button', { name: /Jobsamtale 3\. marts/ }).click();
    await expect(page.getByText(/Svar på dette brev, om du kan komme/)).toBeVisible();
    await page.getByRole('button', { name: 'Besvar', exact: true }).click();
    await page.getByRole('button', { name: 'Send svar' }).click();
    await expect(page.getByText('Skriv dit svar, før du sender.')).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Dit svar').fill('Jeg kommer gerne. Venlig hilsen Anna');
    await page.getByRole('button', { name: 'Send svar' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Dit svar er sendt (øvelse).' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Tilbage til indbakken' }).click();
    await expect(page.getByRole('button', { name: /Besvaret/ })).toHaveCount(1);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Næste' }).click();
    await finishTest(page, question);
    await close();

    const post = await bank.stats('s-post-2');
    expect(post.responses).toBeGreaterThanOrEqual(1);
    expect(post.proportionCorrect).toBeGreaterThan(0);
  } finally {
    await bank.restore();
  }
});
