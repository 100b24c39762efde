import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers';

test('admin sets cut scores, edits and retires an item, and calibrates: one item is unfair in English and is taken out of English tests', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'admin');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Testen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Den digitale test' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'k1-01' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Grænse for det grundlæggende (gruppe 1)').fill('-1');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('status')).toHaveText('Gemt.');
  await page.getByLabel('Grænse for det grundlæggende (gruppe 1)').fill('2');
  await page.getByLabel('Grænse for jobmålets behov (gruppe 2)').fill('1');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('alert')).toBeVisible();

  await page.getByLabel('Område').selectOption('4');
  await page.getByRole('link', { name: 'k4-06' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opgave k4-06' })).toBeVisible();
  await expectAccessible(page);
  await page.locator('#prompt-da').fill('Hvem må kende din MitID-kode?');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Den digitale test' })).toBeVisible();
  await page.getByRole('link', { name: 'k4-06' }).click();
  await expect(page.getByText('Hvem må kende din MitID-kode?').first()).toBeVisible();
  await page.getByRole('button', { name: 'Tag opgaven ud' }).click();
  const row = page.getByRole('row', { name: /k4-06/ });
  await expect(row).toContainText('Taget ud');

  // The demo's answer history (Danish and English) is enough for a calibration run.
  await page.getByRole('button', { name: 'Kalibrér ud fra besvarelser' }).click();
  const fairness = page.getByRole('region', { name: 'Dansk og engelsk' }).first();
  await expect(fairness).toContainText('300 test på sproget');
  await expect(fairness.getByRole('row', { name: /\bC\b stor/ })).toHaveCount(1);
  await expectAccessible(page);
  const retire = fairness.getByRole('button', { name: /^Tag .+ ud på engelsk$/ });
  const key = /^Tag (.+) ud på engelsk$/.exec((await retire.innerText()).trim())![1]!;
  await retire.click();
  await expect(fairness.getByText('Taget ud på engelsk.')).toBeVisible();
  await page.getByLabel('Område').selectOption('');
  await expect(page.getByRole('row', { name: new RegExp(`^${key}\\b`) }).first()).toContainText(
    'Aktiv (ikke på engelsk)',
  );
  // Brought back (the journeys share the demo), and the run is discarded.
  await fairness.getByRole('button', { name: `Tag ${key} med igen` }).click();
  await expect(fairness.getByRole('button', { name: `Tag ${key} ud på engelsk` })).toBeVisible();
  await page.getByRole('button', { name: 'Kassér' }).first().click();
  await expect(page.getByText('Kasseret').first()).toBeVisible();
});

test('admin sees how long the test is in practice, against the promise and the simulation’s assumed times', async ({
  page,
}) => {
  await login(page, 'admin');
  await page.goto('/admin/test');
  const length = page.getByRole('region', { name: 'Testens længde i praksis' });
  // The demo's pilot round: 16 questions each, answered at the pace of slow and quick readers.
  await expect(length).toContainText('Startsiden lover højst 40 spørgsmål og højst 35 minutter');
  await expect(length.getByText(/^Løftet holder: \d+ % af testene\.$/)).toBeVisible();
  const tests = Number(
    (await length.getByRole('definition').first().innerText()).replace(/\D/g, ''),
  );
  expect(tests).toBeGreaterThanOrEqual(1000);
  await expect(length.getByRole('figure')).toContainText('Minutter fra start til resultat');
  await length.getByText('Tal for minutter fra start til resultat').click();
  const bands = length.getByRole('region', { name: 'Tal for minutter fra start til resultat' });
  await expect(bands.getByRole('row', { name: /^60\+/ })).toBeVisible();
  // Per language: the pilot round was taken in Danish and English.
  const byLanguage = length.getByRole('table', { name: 'Efter sproget testen blev taget på' });
  await expect(byLanguage.getByRole('row', { name: /^dansk [\d.]+ \d/ })).toBeVisible();
  await expect(byLanguage.getByRole('row', { name: /^engelsk [\d.]+ \d/ })).toBeVisible();
  // Measured seconds per question stand beside what the simulation assumes.
  const knowledge = length.getByRole('row', { name: /^Viden/ });
  await expect(knowledge.getByRole('cell').last()).toHaveText('35');
  expect(
    Number((await knowledge.getByRole('cell').first().innerText()).replace(/\D/g, '')),
  ).toBeGreaterThanOrEqual(16_000);
  await test.info().attach('test-length.png', {
    body: await length.screenshot(),
    contentType: 'image/png',
  });
  await expectAccessible(page);
});

test('admin writes a new practice item in both languages and sees it previewed', async ({
  page,
}) => {
  await login(page, 'admin');
  await page.goto('/admin/test');
  await page.getByRole('link', { name: 'Skriv en ny opgave' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny opgave' })).toBeVisible();
  await page.getByLabel('Type').selectOption('simulation');
  await page.getByLabel('Slags øvelse').selectOption('phishing');
  await page.getByLabel('Digital selvbetjening (valgfrit)').selectOption('digital_post');
  await page.getByLabel('Kompetence (DigComp 2.2)').fill('4.1');
  await page.getByLabel('Niveau').selectOption('2');
  const da = page.getByRole('group', { name: 'Dansk' });
  await da.getByLabel('Spørgsmål eller opgavetekst').fill('Øvelse: Hvilken e-mail er falsk?');
  await da
    .getByLabel('Svarmuligheder')
    .fill('Fra "Skat" med link til et ukendt domæne\nFra din bank');
  // The preview follows the typing.
  await expect(
    page.locator('strong', { hasText: 'Øvelse: Hvilken e-mail er falsk?' }),
  ).toBeVisible();
  await expect(
    page.getByText('Fra "Skat" med link til et ukendt domæne (rigtigt svar)'),
  ).toBeVisible();
  await expectAccessible(page);

  // Without the English text the item is refused, with a clear message.
  await page.getByRole('button', { name: 'Opret opgaven' }).click();
  await expect(page.getByRole('alert')).toBeVisible();

  const en = page.getByRole('group', { name: 'English' });
  await en.getByLabel('Spørgsmål eller opgavetekst').fill('Practice: Which e-mail is fake?');
  await en
    .getByLabel('Svarmuligheder')
    .fill('From "Tax" linking to an unknown domain\nFrom your bank');
  await page.getByRole('button', { name: 'Opret opgaven' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^Opgave s-m-[0-9a-f]{6}$/ }),
  ).toBeVisible();
  await expect(page.getByText('Øvelse · Aktiv')).toBeVisible();
  // Written in Danish and English only: tests in the community languages leave it out.
  await expect(
    page.getByText('Opgaven findes kun på dansk og engelsk.', { exact: false }),
  ).toBeVisible();
});
