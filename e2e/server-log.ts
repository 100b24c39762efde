import os from 'node:os';
import path from 'node:path';

/** Where the e2e server writes its log; the last journey scans it for CPR numbers. */
export const SERVER_LOG = path.join(
  os.tmpdir(),
  `digiloft-e2e-server-${process.env.E2E_PORT ?? 3107}.log`,
);

/** Debian Chromium's flags for this closed network, shared by every browser the tests start. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
