import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers';

test('the taskforce reads the strategy, opens a recommendation, adds an action and compares centres', async ({
  page,
}) => {
  await login(page, 'taskforce');
  await page.getByRole('link', { name: 'Strategien' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strategien' })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Spor 1: Borgernes grundlæggende digitale kompetencer' }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Spor 2: Digitale kompetencer til job' }),
  ).toBeVisible();
  // Live indicators from the demo's workshops: visits are counted, not typed in.
  const visits = page.getByRole('row', { name: /Besøg i værkstederne/ });
  await expect(visits.getByRole('cell').first()).toHaveText(/^\d+$/);
  // The demo has late actions behind recommendation 3 (and the workshops).
  await expect(page.getByText(/handlinger er forsinkede/).first()).toBeVisible();
  // The figures say when they were counted, and can be counted again at once.
  await expect(page.getByText(/Tallene er opgjort/)).toBeVisible();
  await page.getByRole('button', { name: 'Opgør tallene nu' }).click();
  await expect(page.getByRole('button', { name: 'Opgør tallene nu' })).toBeEnabled();
  await expect(visits.getByRole('cell').first()).toHaveText(/^\d+$/);
  await expectAccessible(page);

  await page.getByRole('link', { name: '5. Tidlig afklaring af nyledige' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: '5. Tidlig afklaring af nyledige' }),
  ).toBeVisible();
  await expect(
    page.getByRole('figure').filter({ hasText: 'Andel nye tilbudt testen' }),
  ).toBeVisible();
  await expect(page.getByRole('figure').filter({ hasText: 'pr. gruppe' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Alle nyledige tilbydes testen/ })).toBeVisible();

  // The municipality sets its own target for the share offered the test.
  const targets = page.getByRole('form', { name: 'Kommunens mål' });
  await targets.getByLabel('Mål for Andel nye tilbudt testen (%)').fill('60');
  await targets.getByRole('button', { name: 'Gem målene' }).click();
  await expect(targets.getByRole('status')).toHaveText('Målene er gemt.');
  await expect(page.getByText('Mål: ≥ 60 %')).toBeVisible();

  const form = page.getByRole('form', { name: 'Tilføj handling' });
  await form.getByLabel('Handling').fill('Testen på skærm i venteområdet');
  await form.getByLabel('Ansvarlig').fill('Centerchef Lærkevej');
  await form.getByLabel('Frist').fill('2027-03-01');
  await form.getByLabel('Center').selectOption({ label: 'Center Lærkevej' });
  await form
    .getByLabel('Knyt til')
    .selectOption({ label: 'Microsoft Azure for ledige akademikere' });
  await form.getByRole('button', { name: 'Gem handling' }).click();
  await expect(form.getByRole('status')).toHaveText('Handlingen er gemt.');
  const row = page.getByRole('row', { name: /Testen på skærm i venteområdet/ });
  await expect(row).toContainText('Center Lærkevej');
  await expect(row).toContainText('Pilotprojekt: Microsoft Azure for ledige akademikere');
  await row.getByLabel('Ny status for Testen på skærm i venteområdet').selectOption('I gang');
  await expect(row.getByLabel('Ny status for Testen på skærm i venteområdet')).toHaveValue(
    'in_progress',
  );
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Tilbage til strategien' }).click();
  await page.getByRole('link', { name: 'Sammenlign centre' }).click();
  const table = page.getByRole('table', { name: 'Sammenlign centre' });
  await expect(
    table.getByRole('columnheader', { name: 'Center Gammel Køge Landevej' }),
  ).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Center Lærkevej' })).toBeVisible();
  const newRow = table.getByRole('row', { name: /Nye borgere/ });
  await expect(newRow.getByRole('cell')).toHaveCount(3);
  // Companies are the municipality's, not a centre's.
  await expect(table.getByRole('row', { name: /Roller oprettet/ })).toContainText(
    'Kun for hele kommunen',
  );
  await expectAccessible(page);

  // One centre alone, chosen in the filter.
  await page.getByRole('link', { name: 'Tilbage til strategien' }).click();
  // The strategy page and its filter settle first; a choice made before that is lost.
  await expect(page.getByRole('heading', { level: 1, name: 'Strategien' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Roller oprettet/ })).toBeVisible();
  await page.getByLabel('Hvor').selectOption({ label: 'Center Lærkevej' });
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/sted=/);
  await expect(page.getByRole('row', { name: /Roller oprettet/ })).toContainText(
    'Kun for hele kommunen',
  );
});

test('the taskforce follows the budget and records a pilot’s cost', async ({ page }) => {
  await login(page, 'taskforce');
  await page.goto('/strategi');
  await page.getByRole('link', { name: 'Budget' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Budget' })).toBeVisible();
  await expect(page.getByText(/Taskforcens budget er 2\.200\.000 kr\./)).toBeVisible();
  await expect(page.getByText(/ved periodens slut/)).toBeVisible();
  await expect(page.getByRole('figure').filter({ hasText: 'Disponeret og brugt' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Pilotprojekterne' })).toContainText('kr.');
  const form = page.getByRole('form', { name: 'Registrér en udgift' });
  await form.getByLabel('Pilotprojekt (hvis udgiften hører til et)').selectOption({
    label: 'Microsoft Azure for ledige akademikere',
  });
  await form.getByLabel('Beskrivelse').fill('Lokaleleje til afslutning');
  await form.getByLabel('Dato').fill(new Date().toISOString().slice(0, 10));
  await form.getByLabel('Beløb (kr.)').fill('12000');
  await form.getByRole('button', { name: 'Registrér udgift' }).click();
  await expect(page.getByRole('status')).toHaveText('Udgiften er registreret.');
  await expect(page.getByRole('table', { name: 'Registrerede udgifter' })).toContainText(
    'Lokaleleje til afslutning',
  );
  await expectAccessible(page);
});

test('the taskforce issues a report to the committee and downloads it', async ({ page }) => {
  await login(page, 'taskforce');
  await page.goto('/strategi');
  await page.getByRole('link', { name: 'Rapporter til udvalget' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Rapporter til udvalget' }),
  ).toBeVisible();
  // The demo's report already issued.
  await expect(page.getByRole('row', { name: /Status på strategien/ })).toBeVisible();
  const form = page.getByRole('form', { name: 'Udsted en ny rapport' });
  await form.getByLabel('Titel').fill('Rapport til udvalgets decembermøde');
  await form
    .getByLabel('Jeres tekst: Sammenfatning')
    .fill('Taskforcen anbefaler at videreføre kontorpraktikken.');
  await form.getByLabel('Jeres tekst: Budget').fill('Budgettet holder.');
  await form.getByRole('button', { name: 'Udsted rapport' }).click();
  await expect(page.getByRole('status')).toHaveText('Rapporten er udstedt.');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'PDF: Rapport til udvalgets decembermøde' }).click();
  const file = await (await download).path();
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  for (const section of [
    'Sammenfatning',
    'Anbefaling 1: Opkvalificering på arbejdspladsen',
    'Anbefaling 4: Kendskab til virksomhedernes digitale behov',
    'Anbefaling 7: Pilotprojekter, der viser hvad der virker',
    'Spor 1: De digitale værksteder',
    'Pilotprojekterne',
    'Budget',
  ])
    expect(text).toContain(section);
  expect(text).toContain('Taskforcen anbefaler at videreføre kontorpraktikken.');
  // Table cells wrap: read the pilots' names across lines.
  expect(text.replace(/\s+/g, ' ')).toContain('Microsoft Azure for ledige akademikere');
  const docx = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Word: Rapport til udvalgets decembermøde' }).click();
  expect((await docx).suggestedFilename()).toMatch(/^udvalgsrapport-\d{4}-\d{2}-\d{2}\.docx$/);
  await expectAccessible(page);
});

test('the citizen journey shows the funnel and the flow, by triage group too', async ({ page }) => {
  await login(page, 'taskforce');
  await page.goto('/strategi/borgerforloeb?fra=2025-01-01');
  await expect(page.getByRole('heading', { level: 1, name: 'Borgerforløbet' })).toBeVisible();
  await expect(
    page.getByRole('figure').filter({ hasText: 'Hvor mange nåede hvert trin' }),
  ).toBeVisible();
  await expect(page.getByRole('figure').filter({ hasText: 'Vejen gennem trinnene' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tid mellem trinnene' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Sammenlign').selectOption('Testens grupper');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Fundament:/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Byggesten:/ })).toBeVisible();
  await expectAccessible(page);
});

test('an analyst exports the table behind the indicator plots', async ({ page }) => {
  await login(page, 'analyst');
  await page.goto('/strategi');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Hent tallene (CSV)' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('\uFEFFindicator;recommendation;unit;month;value;suppressed;target');
  expect(lines.some((l) => l.startsWith('workshop_visits;track1;count;'))).toBe(true);
  // An analyst reads along but keeps no actions.
  await page.getByRole('link', { name: '1. Opkvalificering på arbejdspladsen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Handlinger' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Tilføj handling' })).toHaveCount(0);
});
