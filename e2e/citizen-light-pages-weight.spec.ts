import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

// What an old phone actually downloads for the pages citizens open from a QR code or a link:
// the test and the workshop check-in. Counted on the wire (compressed bytes and headers), not
// from the build. Lighthouse's timing figures for the same pages: `npm run bench:light`.
const LIMIT = 150 * 1024;

async function weigh(page: Page, url: string) {
  const responses: { url: string; bytes: number; encoding?: string; cache?: string }[] = [];
  page.on('requestfinished', (request) => {
    void (async () => {
      const response = await request.response();
      const sizes = await request.sizes();
      responses.push({
        url: request.url(),
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        encoding: response?.headers()['content-encoding'],
        cache: response?.headers()['cache-control'],
      });
    })();
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
  return responses;
}

test('the test and the check-in page cost an old phone at most 150 KiB, compressed and cached', async ({
  browser,
}) => {
  const staff = await browser.newPage();
  await login(staff, 'ementor');
  const [workshop] = (await (await staff.request.get('/api/workshops')).json()) as { id: string }[];
  await staff.close();

  for (const path of ['/test', `/vaerksted/${workshop!.id}/tjek-ind`]) {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    const got = await weigh(page, path);
    const total = got.reduce((n, r) => n + r.bytes, 0);
    process.stdout.write(`${path}: ${(total / 1024).toFixed(1)} KiB in ${got.length} responses\n`);
    expect(total, path).toBeLessThanOrEqual(LIMIT);
    const assets = got.filter((r) => new URL(r.url).pathname.startsWith('/assets/'));
    expect(assets.length).toBeGreaterThan(1);
    for (const a of assets) {
      // Scripts and styles travel compressed, and a hashed asset is never asked for again.
      if (/\.(js|css)$/.test(a.url)) expect(['br', 'gzip'], a.url).toContain(a.encoding);
      expect(a.cache, a.url).toContain('immutable');
    }
    // Text shows in the phone's own font: no font files before it.
    expect(got.filter((r) => /\.(woff2?|ttf|eot)$/.test(r.url))).toEqual([]);
    await phone.close();
  }
});
