import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, login, openFirstWorkshopAllDay, smallPhone } from './helpers';
import { startCodeTest } from './practice';
import { launchWithVoices, listenToSpeech, voicesLoaded, type Spoken } from './voices';

/**
 * Presses the read-aloud button by keyboard on a browser that has a voice for the language, and
 * returns what the voice was asked to say once the page has been read to its end. Each block
 * is spoken by that voice in the page's language, begun and finished, while it is marked; the
 * keyboard focus stays on the button (a screen reader running alongside keeps its place).
 */
async function readWithBrowserVoice(
  page: Page,
  words: { read: string; lang: string; voice: RegExp },
): Promise<Spoken[]> {
  await voicesLoaded(page);
  const button = page.getByRole('button', { name: words.read });
  await expect(button).toHaveAttribute('data-voice', 'browser');
  const speech = await listenToSpeech(page);
  await button.focus();
  await page.keyboard.press('Enter');
  // Its sound goes nowhere here, so each block ends as soon as it is spoken: the whole page.
  await expect.poll(async () => (await speech.said()).length).toBeGreaterThan(1);
  await expect(button).toHaveAttribute('aria-pressed', 'false', { timeout: 30_000 });
  const said = await speech.said();
  for (const s of said) {
    expect(s.lang.startsWith(words.lang), `${s.lang}: ${s.text}`).toBe(true);
    expect(s.voice).toMatch(words.voice);
    expect(s.marked).toBe(s.text);
    expect(s.started && s.ended, `spoken: ${s.text}`).toBe(true);
  }
  await expect(page.locator('.dl-reading')).toHaveCount(0);
  await expect(button).toBeFocused();
  return said;
}

test('a citizen whose phone has voices hears the test question, the check-in in Arabic and Mine data read by the browser; Somali, with no voice anywhere, has no button; nothing private is spoken', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const workshopId = await openFirstWorkshopAllDay(browser);
  const voiced = await launchWithVoices();
  try {
    // The test's first question: its heading first, then every answer, in Danish.
    const test1 = await startCodeTest(voiced.browser);
    const question = test1.page.getByRole('heading', { level: 1 });
    await expect(question).toHaveText(/Spørgsmål 1/);
    const said = await readWithBrowserVoice(test1.page, {
      read: 'Læs op',
      lang: 'da',
      voice: /Danish/,
    });
    const texts = said.map((s) => s.text);
    expect(texts[0]).toBe((await question.innerText()).trim());
    for (const answer of await test1.page.locator('main label').allInnerTexts())
      expect(texts).toContain(answer.trim());
    await expectAccessible(test1.page);
    await test1.close();

    // The check-in: Somali has no voice in this browser nor on the server, so no button.
    const phone = await smallPhone(voiced.browser);
    const page = await phone.newPage();
    await page.goto(`/vaerksted/${workshopId}/tjek-ind`);
    await page.getByLabel(/Sprog/).selectOption('so');
    await expect(page.getByRole('heading', { level: 1, name: 'Qaado lambar' })).toBeVisible();
    await voicesLoaded(page);
    await expect(page.locator('.dl-read-aloud')).toHaveCount(0);
    // In Arabic the browser's Arabic voice reads it.
    await page.getByLabel(/Luqadda/).selectOption('ar');
    await expect(page.getByRole('heading', { level: 1, name: 'خذ رقمًا' })).toBeVisible();
    const arabic = await readWithBrowserVoice(page, {
      read: 'اقرأ بصوت عالٍ',
      lang: 'ar',
      voice: /Arabic/,
    });
    expect(arabic[0]!.text).toBe('خذ رقمًا');
    await phone.close();

    // Mine data: the labels are read, the name, CPR number and contact details are not.
    const own = await smallPhone(voiced.browser);
    const mine = await own.newPage();
    await login(mine, 'citizen');
    await mine.getByRole('link', { name: 'Se mine oplysninger og hvem der har set dem' }).click();
    await expect(mine.getByRole('heading', { level: 1, name: 'Mine data' })).toBeVisible();
    await expect(mine.getByText(/^\d{6}-xxxx$/)).toBeVisible();
    const data = (
      await readWithBrowserVoice(mine, { read: 'Læs op', lang: 'da', voice: /Danish/ })
    ).map((s) => s.text);
    expect(data).toContain('Mine data');
    expect(data).toContain('CPR-nummer');
    const privateWords = data.filter((t) => /Demosen|\d{6}|@/.test(t));
    expect(privateWords).toEqual([]);
    await own.close();
  } finally {
    await voiced.close();
  }
});
