import { expect, test } from '@playwright/test';
import { DEMO_USERS, PASSWORD, expectAccessible, login, type DemoRole } from './helpers';

test('the login page is accessible and in Danish', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await expectAccessible(page);
});

for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
  test(`${role} logs in, sees their home page, and logs out`, async ({ page }) => {
    await login(page, role);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
  });
}

test('login works by keyboard alone', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  // The skip link is the first stop on a fresh page.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Gå til indhold' })).toBeFocused();
  // Tab on until the e-mail field has focus, as a keyboard user would.
  let reached = false;
  for (let i = 0; i < 15 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.getByLabel('E-mail').evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.type('caseworker@demo.digiloft.dk');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Velkommen/ })).toBeVisible();
  // After navigation, focus sits on the new page's heading so it is announced.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('a wrong password shows a clear Danish error, and English is one click away', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('analyst@demo.digiloft.dk');
  await page.getByLabel('Adgangskode').fill('forkert-kodeord');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('alert')).toContainText('Forkert e-mail eller adgangskode.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Skift sprog til engelsk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Password').fill('still-wrong');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong e-mail or password.');
  await page.getByRole('button', { name: 'Switch language to Danish' }).click();
});

test('the accessibility statement is reachable from every page', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tilgængelighedserklæring' }),
  ).toBeVisible();
  await expectAccessible(page);
});
