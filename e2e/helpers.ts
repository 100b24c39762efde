import { expect, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { MAIL_DIR, SAME_ORIGIN } from './base-url';

export const PASSWORD = 'digiloft-demo';

export const DEMO_USERS = {
  citizen: 'Borger Demosen',
  ementor: 'Emma Mentorsen',
  caseworker: 'Karl Sagsbehandlersen',
  pilot_manager: 'Pia Projektsen',
  company: 'Frida Firmasen',
  company_consultant: 'Viggo Virksomhedsen',
  taskforce: 'Tove Taskforcesen',
  analyst: 'Anders Analysesen',
  admin: 'Ada Administratorsen',
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

export async function login(page: Page, role: DemoRole) {
  await page.goto('/login');
  await page.getByLabel('E-mail', { exact: true }).fill(`${role}@demo.digiloft.dk`);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Velkommen, ${DEMO_USERS[role]}` }),
  ).toBeVisible();
}

/** An old, small phone (320 px wide, touch, Danish): where citizens open our pages. */
export function smallPhone(browser: Browser) {
  return browser.newContext({
    viewport: { width: 320, height: 640 },
    isMobile: true,
    hasTouch: true,
    locale: 'da-DK',
  });
}

/** WCAG 2.1 A and AA rules; any violation fails with the list of what axe found. */
export async function expectAccessible(page: Page) {
  const builder = () =>
    new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  let results;
  try {
    results = await builder().analyze();
  } catch (err) {
    // axe opens a helper page for frame results; where the context refuses (pages with SVG
    // images in data URLs here), it runs in the page itself instead. We have no iframes.
    if (!String(err).includes('newContext')) throw err;
    results = await builder().setLegacyMode(true).analyze();
  }
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

/**
 * Test precondition: the first demo workshop is open whenever the suite runs (every day until
 * midnight, public holidays too). Returns its id.
 */
export async function openFirstWorkshopAllDay(browser: Browser): Promise<string> {
  const admin = await browser.newPage();
  await login(admin, 'admin');
  const [workshop] = (await (await admin.request.get('/api/workshops')).json()) as { id: string }[];
  const allDay: [string, string] = ['00:00', '24:00'];
  const hours = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, allDay]));
  const put = await admin.request.put(`/api/workshops/${workshop!.id}/settings`, {
    data: {
      capacity: 10,
      serviceMinutes: 15,
      slotMinutes: 30,
      openOnHolidays: true,
      openingHours: hours,
    },
    headers: SAME_ORIGIN,
  });
  expect(put.ok()).toBe(true);
  await admin.close();
  return workshop!.id;
}

/**
 * The body of the newest e-mail the server sent to an address (with a subject that matches), waiting for the outbox worker
 * (it sends every half minute) to drop it in MAIL_DIR.
 */
export async function mailTo(
  address: string,
  subject: string | RegExp = /./,
  timeoutMs = 75_000,
): Promise<string> {
  let body: string | null = null;
  await expect
    .poll(
      () => {
        const files = fs.existsSync(MAIL_DIR)
          ? fs
              .readdirSync(MAIL_DIR)
              .filter((f) => f.endsWith('.eml'))
              .sort()
              .reverse()
          : [];
        for (const f of files) {
          const text = fs.readFileSync(path.join(MAIL_DIR, f), 'utf8');
          const encoded = /Subject: =\?UTF-8\?B\?(\S+)\?=/.exec(text)?.[1] ?? '';
          const title = Buffer.from(encoded, 'base64').toString('utf8');
          if (text.startsWith(`To: ${address}\r\n`) && title.match(subject)) {
            body = text.slice(text.indexOf('\r\n\r\n') + 4);
            return true;
          }
        }
        return false;
      },
      { timeout: timeoutMs, intervals: [1000] },
    )
    .toBe(true);
  return body!;
}
