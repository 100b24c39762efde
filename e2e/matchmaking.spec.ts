import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible, login, mailTo } from './helpers';

// The demo's upcoming SME × academics event: the demo citizen registers on a small phone, the
// consultant schedules and publishes it, the citizen gets the agenda with the video links; and
// the demo company records the outcome of its last meeting at the Azure event.
const EVENT = 'SMV’er møder akademikere – digitale roller';
const PHONE = { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true };

async function phone(browser: Browser) {
  const context = await browser.newContext(PHONE);
  return context.newPage();
}

test.describe.serial('matchmaking', () => {
  test('a candidate on a 320 px phone registers and ranks the companies', async ({ browser }) => {
    const page = await phone(browser);
    await login(page, 'citizen');
    await page.goto('/mine-arrangementer');
    await expect(page.getByRole('heading', { level: 1, name: 'Mine arrangementer' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: EVENT })).toBeVisible();
    await expect(page.getByText('ikke dit navn, din alder eller dit CPR-nummer')).toBeVisible();
    const ranks = page.getByRole('combobox', { name: /Ønske nr\. for/ });
    await expect(ranks).toHaveCount(4);
    // Nothing chosen is refused with a clear message, and nothing is saved.
    await page.getByRole('button', { name: 'Tilmeld mig' }).click();
    await expect(page.getByText('Vælg mindst én virksomhed, du vil møde.').first()).toBeVisible();
    await ranks.nth(1).selectOption('1');
    await ranks.nth(0).selectOption('2');
    await page.getByRole('checkbox').last().check();
    await page.getByRole('button', { name: 'Tilmeld mig' }).click();
    await expect(page.getByText('Du er tilmeldt.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Gem mine ønsker' })).toBeVisible();
    // The page fits the phone: nothing wider than the screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await page.context().close();
  });

  test('a consultant creates an event, schedules the SME event and publishes it', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const page = await browser.newPage();
    await login(page, 'company_consultant');
    await page.getByRole('link', { name: 'Matchmaking' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Matchmaking' })).toBeVisible();
    await expectAccessible(page);

    // A new physical event without a place is refused; with one it is created.
    await page.getByLabel('Navn', { exact: true }).fill('Journey-matchmaking');
    await page.getByLabel('Form').selectOption('physical');
    await page.getByLabel('Dato').fill('2027-05-04');
    await page.getByRole('button', { name: 'Opret arrangement' }).click();
    await expect(
      page.getByText('Skriv stedet for et fysisk eller hybridt arrangement.').first(),
    ).toBeVisible();
    await page.getByLabel('Sted (adresse, lokale)').fill('Gyldenløvesgade 11');
    await page.getByRole('button', { name: 'Opret arrangement' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Journey-matchmaking' }),
    ).toBeVisible();
    await page.getByText('Tilføj virksomhed').click();
    await page
      .getByLabel('Virksomhed', { exact: true })
      .selectOption({ label: 'Skyhavn Cloud ApS' });
    await page.getByLabel('Borde', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect(page.getByRole('cell', { name: 'Skyhavn Cloud ApS' })).toBeVisible();

    // The demo's upcoming event: wishes, a pinned meeting, the scheduler, publishing.
    await page.getByRole('link', { name: 'Matchmaking' }).first().click();
    await page.getByRole('link', { name: EVENT }).click();
    await expect(page.getByRole('heading', { level: 1, name: EVENT })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Ønsker og regler' })).toBeVisible();
    const rule = page.getByRole('combobox', { name: /^Regel for Borger Demosen/ }).first();
    await rule.selectOption('pin');
    await expect(rule).toHaveValue('pin');
    await page.getByRole('button', { name: 'Lav mødeplan' }).click();
    await expect(page.getByText(/kandidater har mindst ét møde/)).toBeVisible();
    await expect(page.getByText(/Sidste plan: optimal/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Mødeplan' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Offentliggør og send planer' }).click();
    await expect(page.getByText('Offentliggjort', { exact: false }).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Dagen: borde og tidsrum' })).toBeVisible();
    const mail = await mailTo('citizen@demo.digiloft.dk', /Din plan/);
    expect(mail).toContain('https://video.example/smv/');

    await page.goto('/matchmaking/statistik');
    await expect(page.getByRole('heading', { level: 1, name: 'Matchmaking i tal' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Ansættelser og opfølgning/ })).toBeVisible();
    await expectAccessible(page);
  });

  test('the candidate sees the agenda with the video links and a calendar file', async ({
    browser,
  }) => {
    const page = await phone(browser);
    await login(page, 'citizen');
    await page.goto('/mine-arrangementer');
    await expect(page.getByRole('heading', { name: 'Din plan' })).toBeVisible();
    const join = page.getByRole('link', { name: /Gå til videomødet/ }).first();
    await expect(join).toHaveAttribute('href', /^https:\/\/video\.example\/smv\//);
    const calendar = page.getByRole('link', { name: 'Hent planen til din kalender' });
    const download = page.waitForEvent('download');
    await calendar.click();
    const file = await (await download).path();
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain('URL:https://video.example/smv/');
    await expectAccessible(page);
    await page.context().close();
  });

  test('a company records the outcome of its last meeting at the Azure event', async ({
    browser,
  }) => {
    const page = await browser.newPage();
    await login(page, 'company');
    await page.getByRole('link', { name: 'Mine virksomheder' }).first().click();
    await page.getByRole('link', { name: 'Skyhavn Cloud ApS' }).click();
    await page.getByRole('link', { name: /Matchmaking: arrangementer/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Matchmaking' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Azure-matchmaking/ })).toBeVisible();
    const outcome = page.getByRole('combobox', { name: /^Resultat/ }).last();
    await outcome.selectOption('hire');
    const form = page.locator('form.dl-outcome').last();
    await form.getByRole('button', { name: 'Gem resultat' }).click();
    await expect(
      form.getByText('Skriv startdatoen for praktik, jobtilbud eller ansættelse.').first(),
    ).toBeVisible();
    await form.getByLabel('Startdato').fill('2027-02-01');
    await form.getByRole('button', { name: 'Gem resultat' }).click();
    await expect(form.getByText('Resultat gemt.')).toBeVisible();
    await expectAccessible(page);
  });

  test('the candidate accepts a company’s contact request on the phone; the company then sees who it is', async ({
    browser,
  }) => {
    const page = await phone(browser);
    await login(page, 'citizen');
    await page.goto('/min-profil-til-virksomheder');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Vis mig for virksomheder' }),
    ).toBeVisible();
    const request = page.getByText(/Skyhavn Cloud ApS vil gerne tale med dig om: /);
    await expect(request).toBeVisible();
    const role = (await request.innerText()).split('tale med dig om: ')[1]!.split('\n')[0]!.trim();
    await expect(page.getByRole('heading', { name: 'Job, der passer til dig' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ja, de må kontakte mig' }).click();
    await expect(page.getByText('Du sagde ja').first()).toBeVisible();
    await page.context().close();

    const company = await browser.newPage();
    await login(company, 'company');
    await company.getByRole('link', { name: 'Mine virksomheder' }).first().click();
    await company.getByRole('link', { name: 'Skyhavn Cloud ApS' }).click();
    await company.getByRole('link', { name: `Kandidater til ${role}`, exact: true }).click();
    await expect(
      company.getByRole('heading', { level: 1, name: /^Kandidater til / }),
    ).toBeVisible();
    await expect(
      company.getByText(/Kontakt: Borger Demosen, citizen@demo\.digiloft\.dk/),
    ).toBeVisible();
    // Companies cannot send requests; only the business service can.
    await expect(company.getByRole('button', { name: /^Send henvendelse/ })).toHaveCount(0);
    await expectAccessible(company);
  });
});
