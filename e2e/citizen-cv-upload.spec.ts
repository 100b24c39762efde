import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers';
import { answerUntil, finishTest, onlyPractice, startCodeTest } from './practice';

test('a citizen on a phone fetches the practice CV and attaches it in the Jobnet-like form', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const bank = await onlyPractice(browser, ['s-cv-upload']);
  try {
    const { page, close } = await startCodeTest(browser, { acceptDownloads: true });
    const upload = page.getByLabel('Vedhæft dit CV');
    const question = await answerUntil(page, upload);
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
    await finishTest(page, question);
    await close();

    const cv = await bank.stats('s-cv-upload');
    expect(cv.responses).toBeGreaterThanOrEqual(1);
    // Attached the right file: the answer was scored as right.
    expect(cv.proportionCorrect).toBeGreaterThan(0);
  } finally {
    await bank.restore();
  }
});
