import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, login } from './helpers';
import { startCodeTest } from './practice';
import { SAME_ORIGIN } from './base-url';
import type { BankEntry } from '../src/assessment/bank';
import type { ItemAdminView } from '../src/assessment/assessment-admin.contract';
import { posterior, startState, update, type CatState } from '../src/assessment/cat';
import { DEFAULT_CUTS } from '../src/assessment/triage';

/**
 * The municipality's bank and cut scores as they are now (other journeys add items and move the
 * cuts), with each item's parameters.
 */
async function liveBank(browser: Browser) {
  const admin = await browser.newPage();
  await login(admin, 'admin');
  const get = async <T>(url: string) => (await (await admin.request.get(url)).json()) as T;
  const items = await get<ItemAdminView[]>('/api/assessment/items');
  const { foundationCut } = await get<{ foundationCut: number }>('/api/assessment/settings');
  await admin.close();
  return { items: new Map(items.map((i) => [i.key, i])), cut: foundationCut };
}

interface View {
  status: string;
  step: { kind: string; item?: { key: string } };
}

/**
 * Answers through the API as a citizen right on the foundation cut would: right while the
 * estimate is below it, wrong while above, so the test can never decide.
 */
async function answerOnTheCut(
  page: Page,
  bank: Awaited<ReturnType<typeof liveBank>>,
  max: number,
): Promise<View> {
  let state: CatState = startState();
  let view = (await (await page.request.get('/api/tests/current')).json()) as View;
  for (let n = 0; view.step.kind === 'item' && n < max; n++) {
    const key = view.step.item!.key;
    const item = bank.items.get(key)!;
    const e = item.content as unknown as BankEntry;
    let answer = 1;
    if (e.type !== 'self_rating') {
      const options = e.type === 'knowledge' ? e.text.da.options.length : e.text.da.cards.length;
      const right = posterior(state, DEFAULT_CUTS).theta < bank.cut;
      answer = right ? e.correct : (e.correct + 1) % options;
      const { a, b } = item;
      state = update(
        state,
        { id: key, area: '1', model: { kind: '2pl', a, d: -a * (b ?? 0) }, scored: true },
        right ? 1 : 0,
      );
    }
    const res = await page.request.post('/api/tests/answer', {
      data: { itemKey: key, answer },
      headers: SAME_ORIGIN,
    });
    expect(res.ok(), await res.text()).toBe(true);
    view = (await res.json()) as View;
  }
  return view;
}

test('a test undecided at 40 questions says so; the citizen finds a workshop or answers more; the eMentor sees it marked', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const bank = await liveBank(browser);
  const phone = await startCodeTest(browser);
  try {
    const citizen = phone.page;
    await expect(citizen.getByRole('heading', { level: 1 })).toHaveText(/Spørgsmål 1/);
    const capped = await answerOnTheCut(citizen, bank, 60);
    expect(capped.status).toBe('completed');

    await citizen.reload();
    await expect(citizen.getByRole('heading', { level: 1, name: 'Dit resultat' })).toBeVisible();
    await expect(
      citizen.getByRole('heading', { name: 'Vi er ikke helt sikre endnu' }),
    ).toBeVisible();
    await expect(
      citizen.getByText('Du har svaret på 40 spørgsmål.', { exact: false }),
    ).toBeVisible();
    await expectAccessible(citizen);

    // Where to finish it: the workshops and when they open; back to the result after.
    await citizen.getByRole('button', { name: 'Find et digitalt værksted' }).click();
    await expect(
      citizen.getByRole('heading', { level: 1, name: 'Få hjælp i et digitalt værksted' }),
    ).toBeVisible();
    await expect(
      citizen.getByText(/kan en eMentor hjælpe dig med at gøre testen færdig/),
    ).toBeVisible();
    await expect(citizen.getByRole('link', { name: 'Book en tid' }).first()).toBeVisible();
    await expectAccessible(citizen);
    await citizen.getByRole('button', { name: 'Tilbage til dit resultat' }).click();

    // The eMentor who handed out the code sees the result marked uncertain.
    await login(page, 'ementor');
    await page.goto('/testkoder');
    await page
      .getByRole('region', { name: 'Dine testkoder de sidste 30 dage' })
      .getByRole('link', { name: /Se resultat/ })
      .first()
      .click();
    await expect(
      page.getByText(/Usikkert resultat: testen stoppede ved 40 spørgsmål/),
    ).toBeVisible();
    await expectAccessible(page);

    // The citizen goes on: questions again, then a result that cannot be extended once more.
    await citizen.getByRole('button', { name: 'Svar på flere spørgsmål' }).click();
    await expect(citizen.getByRole('heading', { level: 1 })).toHaveText(/Spørgsmål 4\d/);
    const done = await answerOnTheCut(citizen, bank, 80);
    expect(done.status).toBe('completed');
    await citizen.reload();
    await expect(citizen.getByRole('heading', { level: 1, name: 'Dit resultat' })).toBeVisible();
    await expect(citizen.getByRole('button', { name: 'Svar på flere spørgsmål' })).toHaveCount(0);
  } finally {
    await phone.close();
  }
});
