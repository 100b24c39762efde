import { expect, test, type Page, type Response } from '@playwright/test';
import { expectAccessible, login, openFirstWorkshopAllDay, smallPhone } from './helpers';
import { SAME_ORIGIN } from './base-url';
import { onlyPractice, startCodeTest } from './practice';

/** Seconds of audio in a 16-bit mono WAV answer (its data chunk starts at byte 44). */
function wavSeconds(body: Buffer): number {
  expect(body.toString('ascii', 0, 4)).toBe('RIFF');
  return (body.length - 44) / (body.readUInt32LE(24) * 2);
}

/**
 * Presses "Læs op" with the keyboard and checks that the page is read: the browser's voice
 * was asked to speak, or (no voice for the language in this browser) the server's audio came.
 */
async function readAloud(
  page: Page,
  words: { lang: string; read: string; stop: string } = {
    lang: 'da',
    read: 'Læs op',
    stop: 'Stop oplæsningen',
  },
) {
  const button = page.getByRole('button', { name: words.read });
  await expect(button).toBeVisible();
  const voice = await button.getAttribute('data-voice');
  const audio: Promise<Response> | null =
    voice === 'server'
      ? page.waitForResponse(
          (r) => r.url().endsWith('/api/speech') && r.request().method() === 'POST',
        )
      : null;
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: words.stop })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // What is being read is marked; the first block is the page's heading.
  await expect(page.locator('.dl-reading')).toHaveCount(1);
  if (audio) {
    const res = await audio;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('audio/wav');
    // The page has played and let go of its copy; the same text asked again (from the cache).
    const asked = res.request().postDataJSON() as { lang: string; text: string };
    expect(asked.lang).toBe(words.lang);
    const again = await page.request.post('/api/speech', { data: asked, headers: SAME_ORIGIN });
    const seconds = wavSeconds(await again.body());
    expect(seconds).toBeGreaterThan(0.3);
    expect(seconds).toBeLessThan(15);
  } else {
    expect(voice).toBe('browser');
    expect(await page.evaluate(() => speechSynthesis.speaking || speechSynthesis.pending)).toBe(
      true,
    );
  }
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: words.read })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(page.locator('.dl-reading')).toHaveCount(0);
}

test('a citizen on a small phone has a test question and the ticket page read aloud; the check-in shows a picture with each topic', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const workshopId = await openFirstWorkshopAllDay(browser);
  const { page, close } = await startCodeTest(browser);
  await expect(page.getByRole('heading', { level: 1, name: /Spørgsmål 1/ })).toBeVisible();
  await readAloud(page);

  await page.goto(`/vaerksted/${workshopId}/tjek-ind`);
  // Every topic has its picture beside the word (hidden from screen readers: the word says it).
  const topics = page.getByRole('group', { name: 'Hvad vil du have hjælp til?' });
  await expect(topics.locator('label')).toHaveCount(11);
  await expect(topics.locator('label svg[aria-hidden="true"]')).toHaveCount(11);
  await page.getByLabel('Fornavn').fill('Borger');
  await page.getByLabel('MitID').check();
  await page.getByRole('button', { name: 'Tag et nummer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dit nummer' })).toBeVisible();
  await readAloud(page);
  await close();
});

test('a citizen stuck in the test asks for help: it pauses and names the workshops and when they open', async ({
  browser,
}) => {
  const { page, close } = await startCodeTest(browser);
  const question = page.getByRole('heading', { level: 1, name: /Spørgsmål 1/ });
  await expect(question).toBeVisible();
  await page.getByRole('button', { name: 'Jeg vil gerne have hjælp' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Få hjælp i et digitalt værksted' }),
  ).toBeVisible();
  await expect(page.getByText('Testen er sat på pause. Dine svar er gemt.')).toBeVisible();
  // The demo's two workshops, each with its address and when it is next open.
  const places = page.locator('.dl-places > li');
  await expect(places).toHaveCount(2);
  for (const place of await places.all()) {
    await expect(place.getByRole('heading', { level: 2 })).toContainText('Jobcenter København');
    await expect(place).toContainText(/Åben (nu|i dag|[a-zæøå]+dag)/);
    await expect(place.getByRole('link', { name: 'Book en tid' })).toBeVisible();
  }
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Fortsæt testen' }).click();
  await expect(question).toBeVisible();
  await close();
});

test('a citizen checks in at a workshop in Somali on a small phone; the page in Arabic reads right to left', async ({
  browser,
}, testInfo) => {
  const workshopId = await openFirstWorkshopAllDay(browser);
  const phone = await smallPhone(browser);
  const page = await phone.newPage();
  await page.goto(`/vaerksted/${workshopId}/tjek-ind`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tag et nummer' })).toBeVisible();
  // The picker names each language in its own words.
  const picker = page.getByLabel(/Sprog/);
  await expect(picker.locator('option')).toHaveText([
    'Dansk',
    'English',
    'العربية',
    'Soomaali',
    'Türkçe',
    'اردو',
    'فارسی',
    'Polski',
    'Українська',
  ]);
  await picker.selectOption('so');
  await expect(page.getByRole('heading', { level: 1, name: 'Qaado lambar' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'so');
  await expectAccessible(page);
  // A mistake is explained in Somali.
  await page.getByRole('button', { name: 'Qaado lambar' }).click();
  await expect(page.getByText('Qor magacaaga koowaad.').first()).toBeVisible();
  await page.getByLabel('Magaca koowaad').fill('Hodan');
  await page.getByLabel('Digital Post (boostada dhijitaalka)').check();
  await page.getByRole('button', { name: 'Qaado lambar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lambarkaaga' })).toBeVisible();
  await expect(page.getByText(/ayaa kaa horreeya|Adiga ayaa xiga/)).toBeVisible();
  const fits = await page.evaluate(
    () => document.documentElement.scrollWidth <= window.innerWidth + 1,
  );
  expect(fits).toBe(true);
  await page.getByRole('button', { name: 'Ka bax safka' }).click();
  await expect(page.getByText('Waad ka baxday safka.')).toBeVisible();

  // The choice is remembered; in Arabic the page is mirrored.
  await page.goto(`/vaerksted/${workshopId}/tjek-ind`);
  await expect(page.getByRole('heading', { level: 1, name: 'Qaado lambar' })).toBeVisible();
  await page.getByLabel(/Luqadda/).selectOption('ar');
  await expect(page.getByRole('heading', { level: 1, name: 'خذ رقمًا' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  // Radios sit on the right, the way the text runs.
  const mitid = page.locator('label[for="topic-mitid"]');
  const label = await mitid.boundingBox();
  const radio = await page.locator('#topic-mitid').boundingBox();
  expect(radio!.x).toBeGreaterThan(label!.x + label!.width / 2);
  await expectAccessible(page);
  await testInfo.attach('check-in in Arabic (right to left)', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  // An address can name the language (a poster's QR code in Arabic).
  const fresh = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const poster = await fresh.newPage();
  await poster.goto(`/vaerksted/${workshopId}/tjek-ind?lang=ar`);
  await expect(poster.getByRole('heading', { level: 1, name: 'خذ رقمًا' })).toBeVisible();
  await expect(poster.locator('html')).toHaveAttribute('dir', 'rtl');
  await fresh.close();
  // Back to Danish for the journeys that follow (they share the browser's cookies per context).
  await page.getByLabel(/اللغة/).selectOption('da');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await phone.close();
});

test('at the kiosk tablet a citizen takes a number in Arabic; the tablet is back in Danish for the next citizen, also after a restart', async ({
  browser,
}) => {
  const workshopId = await openFirstWorkshopAllDay(browser);
  const tablet = await browser.newContext({ viewport: { width: 800, height: 1100 } });
  const page = await tablet.newPage();
  await page.goto(`/vaerksted/${workshopId}/tjek-ind?kiosk`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Tag et nummer');
  await page.getByLabel(/Sprog/).selectOption('ar');
  await expect(heading).toHaveText('خذ رقمًا');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByLabel('الاسم الأول').fill('Amal');
  await page.locator('#topic-mitid').check();
  await page.getByRole('button', { name: 'خذ رقمًا' }).click();
  await expect(heading).toHaveText('رقمك');
  await page.getByRole('button', { name: 'خذ رقمًا جديدًا' }).click();
  // The next citizen meets the tablet's own language, with an empty form.
  await expect(heading).toHaveText('Tag et nummer');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByLabel('Fornavn')).toHaveValue('');
  // A citizen who chose Somali and walked away: a restarted tablet is in Danish all the same.
  await page.getByLabel(/Sprog/).selectOption('so');
  await expect(heading).toHaveText('Qaado lambar');
  await page.reload();
  await expect(heading).toHaveText('Tag et nummer');
  await expectAccessible(page);
  await tablet.close();
});

test('a citizen on a 320 px phone takes the test in Arabic with read-aloud on: mirrored, the practice MitID keeps its Danish buttons with their meaning, and the result names the language', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const bank = await onlyPractice(browser, ['s-mitid-1']);
  try {
    const staff = await browser.newPage();
    await login(staff, 'ementor');
    const made = await staff.request.post('/api/test-codes', { data: {}, headers: SAME_ORIGIN });
    const { code } = (await made.json()) as { code: string };
    await staff.close();
    const phone = await smallPhone(browser);
    const page = await phone.newPage();
    await page.goto(`/test#kode=${code}`);
    await page.getByLabel(/Sprog/).selectOption('ar');
    await expect(
      page.getByRole('heading', { level: 1, name: 'اختبر مهاراتك الرقمية' }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.getByRole('button', { name: 'ابدأ الاختبار' }).click();
    await page.getByLabel('أوافق على استخدام إجاباتي كما هو موضّح.').check();
    await page.getByRole('button', { name: 'أنا جاهز' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/السؤال 1/);
    await readAloud(page, { lang: 'ar', read: 'اقرأ بصوت عالٍ', stop: 'أوقف القراءة' });
    await testInfo.attach('test question in Arabic (right to left)', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });

    // Up to the practice login; its screen keeps the Danish words, with their meaning beside.
    const userId = page.getByLabel(/Bruger-ID/);
    let previous = '';
    for (let n = 0; n < 12 && (await userId.count()) === 0; n++) {
      await expect(heading).not.toHaveText(previous);
      previous = await heading.innerText();
      if ((await userId.count()) > 0) break;
      await page.locator('input[type=radio]').first().check();
      await page.getByRole('button', { name: 'التالي' }).click();
    }
    await expect(userId).toBeVisible();
    await expect(page.getByText(/معرّف المستخدم الوهمي OEVE-4821/)).toBeVisible();
    await expectAccessible(page);
    await userId.fill('OEVE-4821');
    await page.getByRole('button', { name: /Fortsæt.*متابعة/ }).click();
    const app = page.getByRole('region', { name: 'تطبيق MitID (تمرين)' });
    await app.getByRole('button', { name: /Godkend.*موافقة/ }).focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: 'لقد سجّلت الدخول إلى Jobnet' }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'التالي' }).click();

    // The rest of the test, to the result, which says the test was in Arabic.
    for (let n = 0; n < 120; n++) {
      await expect(heading).toHaveText(/السؤال \d+|نتيجتك/);
      if ((await heading.innerText()) === 'نتيجتك') break;
      previous = await heading.innerText();
      await page.locator('input[type=radio]').first().check();
      await page.getByRole('button', { name: 'التالي' }).click();
      await expect(heading).not.toHaveText(previous);
    }
    await expect(heading).toHaveText('نتيجتك');
    await expect(page.getByText('أجريت الاختبار باللغة العربية.')).toBeVisible();
    await expectAccessible(page);
    const fits = await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth + 1,
    );
    expect(fits).toBe(true);
    // Back to Danish for the journeys that follow.
    await page.getByLabel(/اللغة/).selectOption('da');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await phone.close();
  } finally {
    await bank.restore();
  }
});

test('a citizen reads Min plan in Ukrainian on a 320 px phone; the choice follows them to another phone, and the badge check opens in Arabic from its address', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const phone = await smallPhone(browser);
  const page = await phone.newPage();
  await login(page, 'citizen');
  await page.goto('/min-plan');
  await expect(page.getByRole('heading', { level: 1, name: 'Min plan' })).toBeVisible();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/preferences'));
  await page.getByLabel(/Sprog/).selectOption('uk');
  expect((await saved).status()).toBe(200);
  try {
    await expect(page.getByRole('heading', { level: 1, name: 'Мій план' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.getByRole('heading', { name: 'Ваші бейджі' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Головне меню' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Мої заходи' })).toBeVisible();
    await expectAccessible(page);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
    ).toBe(true);
    await testInfo.attach('Min plan in Ukrainian', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });
    // The agenda page speaks it too; a page not yet in Ukrainian stays wholly Danish.
    await page.getByRole('link', { name: 'Мої заходи' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Мої заходи' })).toBeVisible();
    await expectAccessible(page);
    await page.goto('/mine-data');
    await expect(page.getByRole('heading', { level: 1, name: 'Mine data' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');

    // Remembered for the citizen: another phone opens Min plan in Ukrainian.
    const other = await smallPhone(browser);
    const second = await other.newPage();
    await login(second, 'citizen');
    await second.goto('/min-plan');
    await expect(second.getByRole('heading', { level: 1, name: 'Мій план' })).toBeVisible();
    await other.close();
  } finally {
    // Back to Danish for the journeys that follow (the choice is kept on the demo citizen).
    await page.goto('/min-plan');
    const back = page.waitForResponse((r) => r.url().endsWith('/api/me/preferences'));
    await page.getByLabel(/Мова|Sprog/).selectOption('da');
    expect((await back).status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Min plan' })).toBeVisible();
    await phone.close();
  }

  // The public badge check, from an address that names Arabic (e.g. a QR code on a poster).
  const visitor = await smallPhone(browser);
  const check = await visitor.newPage();
  await check.goto('/badges/tjek?lang=ar');
  await expect(check.getByRole('heading', { level: 1, name: 'تحقق من شارة' })).toBeVisible();
  await expect(check.locator('html')).toHaveAttribute('dir', 'rtl');
  await check.getByLabel('الشارة (نص)').fill('ikke et badge');
  await check.getByRole('button', { name: 'تحقق من الشارة' }).click();
  await expect(check.getByText('هذا النص ليس شارة.', { exact: false })).toBeVisible();
  await expectAccessible(check);
  await visitor.close();
});
