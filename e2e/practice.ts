// Shared steps for journeys through the test's practice tasks: keep only chosen practice tasks
// active, start a test with an eMentor's code on a phone, and answer around the task under test.
import { expect, type APIResponse, type Browser, type Locator, type Page } from '@playwright/test';
import { login } from './helpers';
import { SAME_ORIGIN } from './base-url';

const json = async <T>(res: APIResponse): Promise<T> => (await res.json()) as T;

interface AdminItem {
  id: string;
  key: string;
  type: string;
  status: string;
  stats: { responses: number; proportionCorrect: number | null };
}

/**
 * Retires every other practice task, so the test's practice question (always among the first
 * few) is one of `keys`. `restore` puts them back; `stats` reads an item's statistics.
 */
export async function onlyPractice(browser: Browser, keys: string[]) {
  const admin = await browser.newPage();
  await login(admin, 'admin');
  const items = await json<AdminItem[]>(await admin.request.get('/api/assessment/items'));
  for (const key of keys) expect(items.some((i) => i.key === key)).toBe(true);
  const setStatus = async (list: AdminItem[], status: string) => {
    for (const i of list) {
      const res = await admin.request.patch(`/api/assessment/items/${i.id}`, {
        data: { status },
        headers: SAME_ORIGIN,
      });
      expect(res.ok()).toBe(true);
    }
  };
  const others = items.filter(
    (i) => i.type === 'simulation' && !keys.includes(i.key) && i.status === 'active',
  );
  const retiredTargets = items.filter((i) => keys.includes(i.key) && i.status !== 'active');
  await setStatus(others, 'retired');
  await setStatus(retiredTargets, 'active');
  return {
    restore: async () => {
      await setStatus(others, 'active');
      await admin.close();
    },
    stats: async (key: string) => {
      const after = await json<AdminItem[]>(await admin.request.get('/api/assessment/items'));
      return after.find((i) => i.key === key)!.stats;
    },
  };
}

/** A phone-size page in a started test (code from an eMentor, consent given). */
export async function startCodeTest(browser: Browser, options: { acceptDownloads?: boolean } = {}) {
  const ementor = await browser.newPage();
  await login(ementor, 'ementor');
  const { code } = await json<{ code: string }>(
    await ementor.request.post('/api/test-codes', { data: {}, headers: SAME_ORIGIN }),
  );
  await ementor.close();
  const phone = await browser.newContext({
    viewport: { width: 320, height: 640 },
    isMobile: true,
    hasTouch: true,
    locale: 'da-DK',
    ...options,
  });
  const page = await phone.newPage();
  await page.goto(`/test#kode=${code}`);
  await page.getByRole('button', { name: 'Start testen' }).click();
  await page.getByLabel('Jeg giver samtykke til, at mine svar bruges som beskrevet.').check();
  await page.getByRole('button', { name: 'Jeg er klar' }).click();
  return { page, close: () => phone.close() };
}

/**
 * Answers the question on screen: the first option, or "I cannot …" on an interactive practice
 * task (they have no options).
 */
export async function answerAny(page: Page) {
  const cannot = page.locator('.dl-practice').getByRole('button', { name: /^Jeg kan ikke/ });
  if ((await page.locator('input[type=radio]').count()) === 0 && (await cannot.count()) > 0) {
    await cannot.click();
    return;
  }
  await page.locator('input[type=radio]').first().check();
  await page.getByRole('button', { name: 'Næste' }).click();
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Answers questions until `target` shows (at most 12); returns the question's heading. */
export async function answerUntil(page: Page, target: Locator): Promise<string> {
  let previous = '';
  for (let n = 0; n < 12; n++) {
    await expect(heading(page)).toHaveText(/Spørgsmål \d+/);
    await expect(heading(page)).not.toHaveText(previous);
    previous = await heading(page).innerText();
    if ((await target.count()) > 0) break;
    await answerAny(page);
  }
  await expect(target).toBeVisible();
  return previous;
}

/** Answers the rest of the test (item statistics count completed tests). */
export async function finishTest(page: Page, answered: string) {
  let previous = answered;
  for (let n = 0; n < 120; n++) {
    await expect(heading(page)).toHaveText(/Spørgsmål \d+|Dit resultat/);
    await expect(heading(page)).not.toHaveText(previous);
    previous = await heading(page).innerText();
    if (previous === 'Dit resultat') break;
    await answerAny(page);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Dit resultat' })).toBeVisible();
}
