// Builds the web client when dist/web is missing or older than its sources, so `npm start`
// works on a fresh checkout without a separate build step and stays fast afterwards.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/web');
const stamp = path.join(out, '.build-hash');

function walk(dir, acc) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, acc);
    else if (!entry.name.endsWith('.test.ts')) acc.push(p);
  }
  return acc;
}

const files = [
  ...walk(path.join(root, 'src'), []),
  path.join(root, 'vite.config.ts'),
  path.join(root, 'package-lock.json'),
].sort();
const hash = createHash('sha256');
for (const f of files) {
  const st = fs.statSync(f);
  hash.update(`${path.relative(root, f)}:${st.size}:${st.mtimeMs}\n`);
}
const digest = hash.digest('hex');

if (
  !process.argv.includes('--force') &&
  fs.existsSync(stamp) &&
  fs.readFileSync(stamp, 'utf8') === digest &&
  fs.existsSync(path.join(out, 'index.html'))
) {
  process.exit(0);
}
process.stderr.write('Building the web client …\n');
// The app, then the light citizen pages on Preact (vite.config.ts).
for (const light of ['0', '1'])
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit', env: { ...process.env, LIGHT: light } },
  );
fs.writeFileSync(stamp, digest);
