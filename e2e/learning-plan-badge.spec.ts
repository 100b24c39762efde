import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers';

test('a caseworker builds a plan and enrols the citizen; the citizen follows it on a phone and downloads the badge; anyone can check it', async ({
  browser,
}) => {
  // The caseworker: job goal from ESCO, the plan with its reasons, an enrolment from it.
  const staff = await browser.newPage();
  await login(staff, 'caseworker');
  await staff.goto('/borgere?q=Demosen');
  await staff.getByRole('link', { name: 'Borger Demosen' }).click();
  const plan = staff.getByRole('region', { name: 'Læringsplan' });
  await plan.getByLabel('Jobmål (ESCO-stilling, på engelsk)').fill('software developer');
  await plan.getByRole('radio', { name: /^software developer/ }).check();
  await expect(
    plan.getByText('This service uses the ESCO classification of the European Commission.').first(),
  ).toBeVisible();
  await plan.getByRole('button', { name: 'Lav ny plan' }).click();
  await expect(
    plan.getByRole('heading', { name: 'Plan for jobmålet: software developer' }),
  ).toBeVisible();
  await expect(plan.getByRole('table', { name: 'Huller mellem test og jobmål' })).toContainText(
    '3.4 Programmering',
  );
  // Local companies' open roles for the job goal stand beside ESCO's requirements.
  await expect(
    plan.getByRole('columnheader', { name: 'Lokale virksomheder kræver' }),
  ).toBeVisible();
  await expect(
    plan.getByText(
      /Lokale virksomheder: \d+ åbne roller|Ingen lokale virksomheder har en åben rolle/,
    ),
  ).toBeVisible();
  const suggestions = plan
    .getByRole('list')
    .filter({ hasText: 'Hjælp i digitalt værksted' })
    .first();
  // The demo citizen is digitally vulnerable: workshop help comes first, with the reason.
  await expect(suggestions.getByText('Borgeren er registreret som digitalt sårbar.')).toBeVisible();
  await expect(
    suggestions.getByText(/Løfter 3\.4 Programmering fra .* til niveau 4\./),
  ).toBeVisible();
  await plan.getByRole('button', { name: 'Tilmeld: Python for begyndere' }).click();
  const place = plan.getByRole('listitem').filter({
    has: staff.getByRole('heading', { name: 'Python for begyndere' }),
  });
  await expect(place.getByText('Tilmeldt', { exact: true })).toBeVisible();
  // A full course outside the plan: the citizen goes on its waiting list.
  await plan
    .getByLabel('Tilmeld til et andet åbent tilbud')
    .selectOption({ label: 'Cloud-grundforløb (AZ-900) (4 af 4 pladser taget)' });
  await plan.getByRole('button', { name: 'Tilmeld', exact: true }).click();
  const queue = plan.getByRole('listitem').filter({
    has: staff.getByRole('heading', { name: 'Cloud-grundforløb (AZ-900)' }),
  });
  await expect(queue.getByText('På venteliste (nr. 4)')).toBeVisible();
  await expectAccessible(staff);

  // The citizen on a phone: the plan, the place, a yes to a suggestion.
  const phone = await browser.newContext({
    viewport: { width: 320, height: 640 },
    hasTouch: true,
    isMobile: true,
    acceptDownloads: true,
  });
  const page = await phone.newPage();
  await login(page, 'citizen');
  await page.getByRole('link', { name: 'Min plan: forslag, kurser og badges' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Min plan' })).toBeVisible();
  await expect(page.getByText('Dit jobmål: software developer')).toBeVisible();
  const first = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Hjælp i digitalt værksted' }) });
  await first.getByRole('button', { name: /^Ja tak/ }).click();
  await expect(first.getByText('Du har sagt ja tak.')).toBeVisible();
  const course = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: 'Python for begyndere' }),
  });
  await expect(course.getByText('Tilmeldt', { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /Dit niveau pr. område/ })).toBeVisible();
  await expectAccessible(page);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
  ).toBe(true);

  // The caseworker records attendance and approves the course as completed.
  await staff.reload();
  const done = staff.getByRole('listitem').filter({
    has: staff.getByRole('heading', { name: 'Python for begyndere' }),
  });
  await done.getByRole('checkbox').first().check();
  await expect(done.getByRole('checkbox').first()).toBeChecked();
  await done.getByRole('button', { name: 'Godkend som gennemført' }).click();
  await expect(done.getByText('Gennemført', { exact: true })).toBeVisible();
  await staff.close();

  // The citizen downloads the badge and the certificate, by keyboard.
  await page.reload();
  const badge = page
    .getByRole('listitem')
    .filter({
      has: page.getByRole('heading', {
        name: 'Python for begyndere',
        level: 3,
      }),
    })
    .last();
  const download = page.waitForEvent('download');
  await badge.getByRole('link', { name: /Hent badge \(fil\)/ }).focus();
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^open-badge-[0-9a-f-]{36}\.jwt$/);
  const credential = fs.readFileSync(await file.path(), 'utf8');
  expect(credential.split('.')).toHaveLength(3);
  const pdf = page.waitForEvent('download');
  await badge.getByRole('link', { name: /Hent kompetencebevis \(PDF\)/ }).click();
  expect((await pdf).suggestedFilename()).toMatch(/\.pdf$/);
  // What an employer does with the printed certificate: scan its QR code (rendered by poppler,
  // read by jsQR) and open the link.
  const qrUrl = qrCodeOf(await (await pdf).path());
  expect(qrUrl).toMatch(/\/badges\/tjek\?id=[0-9a-f-]{36}$/);
  await expect(badge.getByRole('link', { name: /\/badges\/tjek\?id=/ })).toBeVisible();
  await expectAccessible(page);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
  ).toBe(true);
  await phone.close();

  // Anyone (an employer, not logged in) checks it; a changed badge fails.
  const employer = await browser.newPage();
  await employer.goto(qrUrl);
  await expect(employer.getByRole('status')).toContainText('Badget er ægte');
  await expect(employer.getByRole('status')).toContainText('Python for begyndere');
  await employer.goto('/badges/tjek');
  await expect(employer.getByRole('heading', { level: 1, name: 'Tjek et badge' })).toBeVisible();
  await employer.getByLabel('Badge (tekst)').fill(credential);
  await employer.getByRole('button', { name: 'Tjek badget' }).click();
  await expect(employer.getByRole('status')).toContainText('Badget er ægte');
  await expect(employer.getByRole('status')).toContainText('Python for begyndere');
  await expectAccessible(employer);
  const [h, p, s] = credential.split('.');
  await employer.getByLabel('Badge (tekst)').fill(`${h}.${p}x.${s}`);
  await employer.getByRole('button', { name: 'Tjek badget' }).click();
  await expect(employer.getByRole('status')).toContainText('Badget kan ikke godkendes');
  await employer.close();
});

test('a pilot manager adds a course to the catalogue; an analyst reads the course statistics as plots', async ({
  browser,
}) => {
  const pm = await browser.newPage();
  await login(pm, 'pilot_manager');
  await pm.getByRole('link', { name: 'Kurser', exact: true }).click();
  await expect(pm.getByRole('heading', { level: 1, name: 'Kurser og tilbud' })).toBeVisible();
  await expect(pm.getByRole('link', { name: 'Cloud-grundforløb (AZ-900)' })).toBeVisible();
  await pm.getByRole('link', { name: 'Nyt tilbud' }).click();
  // Nothing filled in: clear messages, nothing created.
  await pm.getByRole('button', { name: 'Opret tilbud' }).click();
  await expect(pm.getByRole('alert')).toBeVisible();
  await pm.getByLabel('Navn', { exact: true }).fill('Excel for lagerfolk');
  await pm.getByLabel('Type udbyder').selectOption('school');
  await pm.getByLabel('Udbyderens navn').fill('AMU Lager og Transport');
  await pm.getByRole('checkbox', { name: 'Praksisbaseret' }).check();
  await pm.getByLabel('Form', { exact: true }).selectOption('on_site');
  await pm.getByLabel('Timer om ugen').fill('15');
  await pm.getByLabel('Antal uger').fill('3');
  await pm.getByLabel('Kompetence 1', { exact: true }).selectOption('1.3');
  await pm.getByLabel('Niveau for kompetence 1').selectOption('4');
  await pm.getByRole('button', { name: 'Tilføj kompetence' }).first().click();
  await pm.getByLabel('Kompetence 2', { exact: true }).selectOption('5.2');
  await pm.getByLabel('Antal pladser').fill('10');
  await pm.getByRole('button', { name: 'Opret tilbud' }).click();
  await expect(pm.getByRole('heading', { level: 1, name: 'Excel for lagerfolk' })).toBeVisible();
  await pm.getByLabel('Start').fill('2031-03-03T09:00');
  await pm.getByLabel('Slut').fill('2031-03-03T12:00');
  await pm.getByLabel('Sted', { exact: true }).selectOption({ index: 1 });
  await pm.getByRole('button', { name: 'Tilføj mødegang' }).click();
  await expect(pm.getByRole('region', { name: 'Mødegange' }).getByRole('listitem')).toHaveCount(1);
  await expect(pm.getByText(/1\.3 .*\(niveau 4\); 5\.2 .*\(niveau 3\)/)).toBeVisible();
  // More places later.
  await pm.getByText('Ret tilbuddet').click();
  await pm.getByLabel('Antal pladser').fill('12');
  await pm.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(pm.getByText('Ændringerne er gemt.')).toBeVisible();
  await expect(pm.getByText('0 af 12 pladser taget')).toBeVisible();
  // A session put in by mistake comes out again.
  await pm.getByRole('button', { name: /^Fjern mødegang/ }).click();
  await expect(pm.getByText('Der er ingen mødegange endnu.')).toBeVisible();
  await expectAccessible(pm);
  await pm.close();

  const analyst = await browser.newPage();
  await login(analyst, 'analyst');
  await analyst.getByRole('link', { name: 'Statistik for kurser' }).click();
  await expect(
    analyst.getByRole('heading', { level: 1, name: 'Statistik for kurser' }),
  ).toBeVisible();
  await expect(
    analyst.getByRole('img', { name: /Gennemførelse efter læringsmetode/ }),
  ).toBeVisible();
  await expect(analyst.getByRole('img', { name: /Ventelister/ })).toBeVisible();
  await expectAccessible(analyst);
  await analyst.close();
});

/** The URL in the QR code on the first page of a PDF (poppler renders it, jsQR reads it). */
function qrCodeOf(pdfPath: string): string {
  const out = path.join(os.tmpdir(), `qr-${process.pid}-${Date.now()}`);
  execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-png', pdfPath, out]);
  const file = fs.readdirSync(path.dirname(out)).find((f) => f.startsWith(path.basename(out)))!;
  const png = PNG.sync.read(fs.readFileSync(path.join(path.dirname(out), file)));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('no QR code found on the certificate');
  return code.data;
}
