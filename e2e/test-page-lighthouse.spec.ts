import { expect, test, type APIRequestContext } from '@playwright/test';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import { PASSWORD } from './helpers';
import { CHROMIUM_ARGS } from './server-log';
import { SAME_ORIGIN } from './base-url';

const PORT = 9333;

async function codeCookie(request: APIRequestContext): Promise<string> {
  await request.post('/api/auth/login', {
    data: { email: 'ementor@demo.digiloft.dk', password: PASSWORD },
    headers: SAME_ORIGIN,
  });
  const { code } = (await (
    await request.post('/api/test-codes', { data: {}, headers: SAME_ORIGIN })
  ).json()) as {
    code: string;
  };
  await request.post('/api/auth/logout', { headers: SAME_ORIGIN });
  const start = await request.post('/api/tests/code', { data: { code }, headers: SAME_ORIGIN });
  expect(start.ok()).toBe(true);
  const cookie = start.headers()['set-cookie']!.split(';')[0]!;
  await request.post('/api/tests/consent', {
    data: { consent: true },
    headers: { cookie, ...SAME_ORIGIN },
  });
  return cookie;
}

async function audit(url: string, cookie?: string) {
  const result = await lighthouse(url, {
    port: PORT,
    output: 'json',
    onlyCategories: ['accessibility'],
    logLevel: 'error',
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  const lhr = result!.lhr;
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
    .map((a) => a.id);
  return {
    score: Math.round((lhr.categories.accessibility!.score ?? 0) * 100),
    failing,
    formFactor: lhr.configSettings.formFactor,
    finalUrl: lhr.finalDisplayedUrl,
  };
}

// Lighthouse 12.2.3 (pinned: 13 needs Node 22), mobile emulation, accessibility category.
test('the test pages score 100 for accessibility in Lighthouse (mobile), in Danish and in Arabic (right to left)', async ({
  baseURL,
  request,
}) => {
  test.setTimeout(240_000);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [`--remote-debugging-port=${PORT}`, ...CHROMIUM_ARGS],
  });
  try {
    for (const lang of ['da', 'ar']) {
      const start = await audit(`${baseURL}/test?lang=${lang}`);
      expect(start.formFactor).toBe('mobile');
      expect(start.failing, lang).toEqual([]);
      expect(start.score, lang).toBe(100);

      const question = await audit(`${baseURL}/test?lang=${lang}`, await codeCookie(request));
      expect(question.failing, lang).toEqual([]);
      expect(question.score, lang).toBe(100);
    }
  } finally {
    await browser.close();
  }
});

test('the citizen’s plan and the public badge check score 100 for accessibility in Lighthouse (mobile)', async ({
  baseURL,
  playwright,
}) => {
  test.setTimeout(180_000);
  const api = await playwright.request.newContext({ baseURL });
  const login = await api.post('/api/auth/login', {
    data: { email: 'citizen@demo.digiloft.dk', password: PASSWORD },
  });
  expect(login.ok()).toBe(true);
  const cookie = login
    .headers()
    ['set-cookie']!.split('\n')
    .find((c) => c.startsWith('dl_session='))!
    .split(';')[0]!;
  await api.dispose();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [`--remote-debugging-port=${PORT}`, ...CHROMIUM_ARGS],
  });
  try {
    for (const [url, withCookie] of [
      [`${baseURL}/min-plan`, cookie],
      [`${baseURL}/badges/tjek`, undefined],
    ] as const) {
      const r = await audit(url, withCookie);
      // The page itself, not the login it would send a stranger to.
      expect(r.finalUrl).toBe(url);
      expect(r.failing, url).toEqual([]);
      expect(r.score, url).toBe(100);
    }
  } finally {
    await browser.close();
  }
});

test('the workshop check-in scores 100 for accessibility in Lighthouse (mobile), in Danish and in Arabic (right to left)', async ({
  baseURL,
  request,
}) => {
  test.setTimeout(180_000);
  await request.post('/api/auth/login', {
    data: { email: 'ementor@demo.digiloft.dk', password: PASSWORD },
    headers: SAME_ORIGIN,
  });
  const [workshop] = (await (await request.get('/api/workshops')).json()) as { id: string }[];
  await request.post('/api/auth/logout', { headers: SAME_ORIGIN });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [`--remote-debugging-port=${PORT}`, ...CHROMIUM_ARGS],
  });
  try {
    const url = `${baseURL}/vaerksted/${workshop!.id}/tjek-ind`;
    for (const lang of ['da', 'ar']) {
      const r = await audit(`${url}?lang=${lang}`);
      expect(r.failing, lang).toEqual([]);
      expect(r.score, lang).toBe(100);
    }
  } finally {
    await browser.close();
  }
});
