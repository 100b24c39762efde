import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, SERVER_LOG } from './e2e/server-log';
import { E2E_PORT } from './e2e/base-url';

const PORT = E2E_PORT;
// A fresh embedded database per run, seeded with the Copenhagen demo on first start.
const DATA_DIR = path.join(os.tmpdir(), `digiloft-e2e-${process.pid}-${Date.now()}`);
// The server's messages land here as files (MAIL_DIR); the workers read the same variable.
process.env.E2E_MAIL_DIR ??= path.join(DATA_DIR, 'mail');
// Throwaway certificates for NemLog-in, made before the server starts (scripts/e2e-saml-keys.mjs).
const SAML_DIR = path.join(DATA_DIR, 'saml');

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // The HTML report keeps what journeys attach (the right-to-left screenshots) for people to look at.
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'da-DK',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: `node scripts/ensure-web-build.mjs && node scripts/e2e-saml-keys.mjs ${SAML_DIR} && node bin/digiloft serve > ${SERVER_LOG} 2>&1`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      PUBLIC_URL: `http://localhost:${PORT}`,
      DATA_DIR,
      MAIL_DIR: process.env.E2E_MAIL_DIR,
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      SAML_SIGNING_KEY_FILE: path.join(SAML_DIR, 'signing.key'),
      SAML_SIGNING_CERT_FILE: path.join(SAML_DIR, 'signing.crt'),
      SAML_ENCRYPTION_KEY_FILE: path.join(SAML_DIR, 'encryption.key'),
      SAML_ENCRYPTION_CERT_FILE: path.join(SAML_DIR, 'encryption.crt'),
    },
  },
});
