// The OpenAPI document the app serves at /api/openapi.json, built from an app on an in-memory
// database: `tsx scripts/openapi.ts FILE` writes it (for client generators); `--lint` checks it
// with Redocly's recommended rules (redocly.yaml), as `npm run lint` does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/platform/db/client';
import { buildContext } from '../src/app/context';
import { loadConfig } from '../src/platform/config';
import { CprCipher } from '../src/platform/crypto/cpr-cipher';
import { buildServer } from '../src/app/server';

const lint = process.argv.includes('--lint');
const out =
  process.argv.slice(2).find((a) => !a.startsWith('--')) ??
  path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'digiloft-openapi-')), 'openapi.json');
const database = await openDatabase({ kind: 'pglite' });
const app = await buildServer(buildContext(loadConfig({}), database, CprCipher.random(), {}));
await app.ready();
fs.writeFileSync(out, JSON.stringify(app.swagger(), null, 2) + '\n');
await app.close();
await database.close();
if (!lint) {
  process.stderr.write(`OpenAPI document written to ${out}\n`);
} else {
  const redocly = path.join(import.meta.dirname, '../node_modules/@redocly/cli/bin/cli.js');
  const r = spawnSync(process.execPath, [redocly, 'lint', out, '--format=summary'], {
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  process.exit(r.status ?? 1);
}
