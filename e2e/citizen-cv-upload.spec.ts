import { expect, test, type APIResponse } from '@playwright/test';
import { expectAccessible, login } from './helpers';

const json = async <T>(res: APIResponse): Promise<T> => (await res.json()) as T;

interface AdminItem {
  id: string;
  key: string;
  type: string;
  status: string;
  stats: { responses: number; proportionCorrect: number | null };
}

test('a citizen on a phone fetches the practice CV and attaches it in the Jobnet-like form', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // Make the upload the only practice task, so the test's first practice task is this one.
  const admin = await browser.newPage();
  await login(admin, 'admin');
  const items = await json<AdminItem[]>(await admin.request.get('/api/assessment/items'));
  const others = items.filter(
    (i) => i.type === 'simulation' && i.key !== 's-cv-upload' && i.status === 'active',
  );
  expect(items.some((i) => i.key === 's-cv-upload')).toBe(true);
  const setStatus = async (status: string) => {
    for (const i of others) {
      const res = await admin.request.patch(`/api/assessment/items/${i.id}`, { data: { status } });
      expect(res.ok()).toBe(true);
    }
  };
  await setStatus('retired');
  try {
    const ementor = await browser.newPage();
    await login(ementor, 'ementor');
    const { code } = await json<{ code: string }>(
      await ementor.request.post('/api/test-codes', { data: {} }),
    );

    const phone = await browser.newContext({
      viewport: { width: 320, height: 640 },
      isMobile: true,
      hasTouch: true,
      locale: 'da-DK',
      acceptDownloads: true,
    });
    const page = await phone.newPage();
    await page.goto(`/test#kode=${code}`);
    await page.getByRole('button', { name: 'Start testen' }).click();
    await page.getByLabel('Jeg giver samtykke til, at mine svar bruges som beskrevet.').check();
    await page.getByRole('button', { name: 'Jeg er klar' }).click();

    const upload = page.getByLabel('Vedhæft dit CV');
    let previous = '';
    for (let n = 0; n < 12 && (await upload.count()) === 0; n++) {
      const heading = page.getByRole('heading', { level: 1 });
      await expect(heading).toHaveText(/Spørgsmål \d+/);
      await expect(heading).not.toHaveText(previous);
      previous = await heading.innerText();
      if ((await upload.count()) > 0) break;
      await page.locator('input[type=radio]').first().check();
      await page.getByRole('button', { name: 'Næste' }).click();
      await expect(heading).not.toHaveText(previous);
    }
    await expect(upload).toBeVisible();
    const question = await page.getByRole('heading', { level: 1 }).innerText();
    await expect(page.getByText(/ØVELSE – ikke en rigtig side/)).toBeVisible();
    await expectAccessible(page);

    // Nothing attached: a clear message, nothing sent.
    await page.getByRole('button', { name: 'Næste' }).click();
    await expect(
      page.getByText('Vedhæft filen, eller vælg “Jeg kan ikke vedhæfte filen”.'),
    ).toBeVisible();
    // A photo is refused, as on the real site.
    await upload.setInputFiles({
      name: 'IMG_2231.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('x'),
    });
    await expect(page.getByText('Den filtype kan ikke bruges.', { exact: false })).toBeVisible();
    await expectAccessible(page);

    // Fetch the practice CV, then attach it.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Hent øvelses-CV’et (PDF)' }).click();
    const file = await (await download).path();
    await upload.setInputFiles({
      name: 'Oevelses-CV.pdf',
      mimeType: 'application/pdf',
      buffer: (await import('node:fs')).readFileSync(file),
    });
    await expect(page.getByText('Vedhæftet: Oevelses-CV.pdf')).toBeVisible();
    await page.getByRole('button', { name: 'Næste' }).click();
    previous = question;
    // Finish the test (item statistics count completed tests).
    for (let n = 0; n < 120; n++) {
      const heading = page.getByRole('heading', { level: 1 });
      await expect(heading).toHaveText(/Spørgsmål \d+|Dit resultat/);
      await expect(heading).not.toHaveText(previous);
      previous = await heading.innerText();
      if (previous === 'Dit resultat') break;
      await page.locator('input[type=radio]').first().check();
      await page.getByRole('button', { name: 'Næste' }).click();
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Dit resultat' })).toBeVisible();
    await phone.close();

    const after = await json<AdminItem[]>(await admin.request.get('/api/assessment/items'));
    const cv = after.find((i) => i.key === 's-cv-upload')!;
    expect(cv.stats.responses).toBeGreaterThanOrEqual(1);
    // Attached the right file: the answer was scored as right.
    expect(cv.stats.proportionCorrect).toBeGreaterThan(0);
  } finally {
    await setStatus('active');
  }
});
