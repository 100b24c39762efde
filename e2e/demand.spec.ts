import { expect, test } from '@playwright/test';
import { expectAccessible, login, mailTo } from './helpers';

test('a company consultant sends a survey and a company answers it through its link without logging in', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await browser.newPage();
  await login(page, 'company_consultant');
  await page.getByRole('link', { name: 'Spørgeskemaer om digitale kompetencer' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Spørgeskemaer om digitale kompetencer' }),
  ).toBeVisible();
  // The demo's survey went out twice; its response rates are shown.
  await expect(page.getByText(/Runde 2: \d+ af \d+ har svaret/)).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Titel').fill('Cloud-kompetencer i 2027');
  await page.getByRole('checkbox', { name: /^3\.4 / }).check();
  await page.getByRole('checkbox', { name: /^4\.1 / }).check();
  await page.getByLabel('Sidste svardag').fill('2099-12-31');
  await page.getByRole('button', { name: 'Opret spørgeskema' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Cloud-kompetencer i 2027' }),
  ).toBeVisible();
  await page.getByRole('checkbox', { name: 'Nordlys Data A/S' }).check();
  await page.getByRole('button', { name: 'Send spørgeskemaet' }).click();
  await expect(page.getByText('Runde 1: 0 af 1 har svaret (0 %)')).toBeVisible();
  await expectAccessible(page);

  // Nordlys Data's contact is the second demo company's (kontakt2@…).
  // The demo's own survey may remind the same address: pick this survey's mail.
  const mail = await mailTo('kontakt2@virksomhed.example', /^Cloud-kompetencer i 2027$/);
  const link = /http\S+\/spoergeskema#\S+/.exec(mail)![0];
  const company = await browser.newPage();
  await company.goto(link);
  await expect(
    company.getByRole('heading', { level: 1, name: 'Cloud-kompetencer i 2027' }),
  ).toBeVisible();
  await expect(company.getByText('Til Nordlys Data A/S', { exact: false })).toBeVisible();
  await expectAccessible(company);
  const programming = company.getByRole('group', { name: /^3\.4 / });
  await programming.getByLabel('Jobbene kræver det nu').check();
  await programming.getByLabel('Vi kan ikke rekruttere det').check();
  await company.getByRole('button', { name: 'Send svar' }).click();
  await expect(company.getByRole('status')).toHaveText('Tak for jeres svar.');

  await page.reload();
  await expect(page.getByText('Runde 1: 1 af 1 har svaret (100 %)')).toBeVisible();
});

test('an analyst reads the demand picture: a plot with its numbers, by industry, and CSV', async ({
  page,
}) => {
  await login(page, 'analyst');
  await page.getByRole('link', { name: 'Efterspørgsel' }).first().click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Efterspørgsel efter digitale kompetencer' }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Roller \(personer\) efter kompetence/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Opdel efter').selectOption('section');
  await expect(page.getByRole('img', { name: /efter branche/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Kompetencer efter branche' })).toBeVisible();
  await expect(
    page.getByRole('columnheader', { name: 'Information og kommunikation' }),
  ).toBeVisible();
  await page.getByLabel('Kilde').selectOption('survey');
  await expect(
    page.getByRole('img', { name: /Spørgeskema \(virksomheder\) efter branche/ }),
  ).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Hent som CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('efterspoergsel-section.csv');
  await expect(page.getByRole('heading', { level: 2, name: /Udbud/ })).toBeVisible();
});
