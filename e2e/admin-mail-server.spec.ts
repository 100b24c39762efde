import { expect, test } from '@playwright/test';
import { startSmtpServer } from '../src/platform/testing/smtp-server';
import { expectAccessible, login } from './helpers';

test('admin sets the municipality’s mail server, tests it, and reads the delivery status', async ({
  page,
}) => {
  const server = await startSmtpServer({ login: { user: 'kk-digiloft', pass: 'smtp-kodeord' } });
  try {
    await login(page, 'admin');
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Forbindelser' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Forbindelser' })).toBeVisible();
    await expectAccessible(page);

    const form = page.getByRole('form', { name: 'Mailserver (SMTP)' });
    await form.getByLabel('Send mails gennem denne server').check();
    await form.getByLabel('Server', { exact: true }).fill('127.0.0.1');
    await form.getByLabel('Port', { exact: true }).fill(String(server.port));
    await form.getByLabel('Kryptering').selectOption('none');
    await form.getByLabel('Brugernavn').fill('kk-digiloft');
    await form.getByLabel('Adgangskode').fill('forkert');
    await form.getByLabel('Afsenderadresse').fill('noreply@kk.dk');
    await form.getByLabel('Afsendernavn').fill('Jobcenter København');
    await form.getByRole('button', { name: 'Gem mailserver' }).click();
    await expect(form.getByRole('status')).toHaveText('Mailserveren er gemt.');

    // A wrong password: the server's own reason is shown.
    await form.getByRole('button', { name: 'Test forbindelsen' }).click();
    await expect(form.getByText(/Forbindelsen virker ikke: .*535/)).toBeVisible();

    await form.getByLabel('Adgangskode').fill('smtp-kodeord');
    await form.getByRole('button', { name: 'Gem mailserver' }).click();
    await expect(form.getByRole('status')).toHaveText('Mailserveren er gemt.');
    await expect(form.getByText('Der er gemt en adgangskode')).toBeVisible();
    await form.getByRole('button', { name: 'Test forbindelsen' }).click();
    await expect(form.getByText(/Forbindelsen virker: serveren svarede/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Levering af beskeder' })).toBeVisible();
    await expectAccessible(page);

    // Bad input is refused with a clear message, by keyboard too.
    await form.getByLabel('Server', { exact: true }).fill('ikke en server!');
    await form.getByLabel('Server', { exact: true }).press('Enter');
    await expect(form.getByText('Skriv mailserverens navn, fx smtp.kk.dk.').first()).toBeVisible();

    // The other journeys read the demo's mail as files: switch the server off again.
    await form.getByLabel('Server', { exact: true }).fill('127.0.0.1');
    await form.getByLabel('Send mails gennem denne server').uncheck();
    await form.getByRole('button', { name: 'Gem mailserver' }).click();
    await expect(form.getByRole('status')).toHaveText('Mailserveren er gemt.');
  } finally {
    await server.close();
  }
});
