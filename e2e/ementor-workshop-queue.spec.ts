import { expect, test } from '@playwright/test';
import { expectAccessible, login, openFirstWorkshopAllDay } from './helpers';

test('a citizen checks in on a phone; an eMentor calls and logs the visit; the screen shows the call', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const workshopId = await openFirstWorkshopAllDay(browser);

  // The TV in the room.
  const tv = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await tv.goto(`/vaerksted/${workshopId}/skaerm`);
  await expect(tv.getByRole('heading', { level: 1, name: /Digitalt værksted/ })).toBeVisible();
  await expectAccessible(tv);

  // The citizen scans the QR code on the door with an old, small phone.
  const phone = await browser.newContext({
    viewport: { width: 320, height: 640 },
    isMobile: true,
    hasTouch: true,
    locale: 'da-DK',
  });
  const citizen = await phone.newPage();
  await citizen.goto(`/vaerksted/${workshopId}/tjek-ind`);
  await expect(citizen.getByRole('heading', { level: 1, name: 'Tag et nummer' })).toBeVisible();
  await expectAccessible(citizen);
  await citizen.getByRole('button', { name: 'Tag et nummer' }).click();
  await expect(citizen.getByText('Skriv dit fornavn.')).toBeVisible();
  // Keyboard only: the name, then the topic, then the button.
  await citizen.getByLabel('Fornavn').focus();
  await citizen.keyboard.type('Lise');
  await citizen.getByLabel('Digital Post').focus();
  await citizen.keyboard.press('Space');
  await citizen.getByRole('button', { name: 'Tag et nummer' }).focus();
  await citizen.keyboard.press('Enter');
  await expect(citizen.getByRole('heading', { level: 1, name: 'Dit nummer' })).toBeVisible();
  const number = (await citizen.locator('.dl-ticket-number').innerText()).trim();
  await expect(citizen.getByRole('status')).toContainText(/foran dig|den næste/);
  await expectAccessible(citizen);
  const fits = await citizen.evaluate(
    () => document.documentElement.scrollWidth <= window.innerWidth + 1,
  );
  expect(fits).toBe(true);

  // The eMentor sees Lise in the live queue and calls until it is her turn.
  const ementor = await browser.newPage();
  await login(ementor, 'ementor');
  await ementor
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Værksted' })
    .click();
  await expect(ementor.getByRole('heading', { level: 1, name: 'Køen i værkstedet' })).toBeVisible();
  await expect(ementor.getByRole('cell', { name: 'Lise' })).toBeVisible();
  await expectAccessible(ementor);
  const helping = ementor.getByRole('heading', { level: 2, name: /Du hjælper nr\./ });
  for (let i = 0; i < 20; i++) {
    await ementor.getByRole('button', { name: 'Kald næste' }).click();
    await expect(helping.first()).toBeVisible();
    if ((await helping.first().innerText()).includes(`nr. ${number},`)) break;
    await ementor.getByRole('button', { name: 'Mødte ikke op' }).first().click();
    await expect(helping).toHaveCount(0);
  }
  await expect(helping).toHaveText(`Du hjælper nr. ${number}, Lise`);

  // Live: the citizen's phone and the screen in the room show the call.
  await expect(citizen.getByRole('status')).toHaveText('Det er din tur! Gå hen til en eMentor.');
  await expect(tv.locator('.dl-screen-latest')).toHaveText(number);
  await expectAccessible(tv);

  // The visit log: acting on the citizen's behalf asks for a Digital Fuldmagt.
  await expect(ementor.getByLabel('Digital Post')).toBeChecked();
  await ementor.getByLabel('Lånt af værkstedet').check();
  await ementor.getByLabel('Minutter').fill('25');
  await ementor.getByLabel(/Jeg handlede på borgerens vegne/).check();
  await expect(ementor.getByRole('alert')).toContainText('Digital Fuldmagt');
  await ementor.getByRole('button', { name: 'Afslut og gem besøget' }).click();
  await expect(
    ementor.getByText(/skal borgeren have givet dig en Digital Fuldmagt\. Bekræft/),
  ).toBeVisible();
  await ementor.getByLabel('Borgeren har givet mig en Digital Fuldmagt til det').check();
  await expectAccessible(ementor);
  await ementor.getByRole('button', { name: 'Afslut og gem besøget' }).click();
  await expect(helping).toHaveCount(0);
  await expect(citizen.getByRole('status')).toHaveText('Tak for besøget.');
  await phone.close();
});
