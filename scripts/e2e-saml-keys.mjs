// Throwaway certificates for the journeys' server, so MitID can be tried against the test
// NemLog-in the journey starts (a real installation is given its own: SAML_*_FILE).
import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

const dir = process.argv[2];
fs.mkdirSync(dir, { recursive: true });
for (const use of ['signing', 'encryption']) {
  const made = await generate([{ name: 'commonName', value: `digiloft-e2e-${use}` }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  fs.writeFileSync(path.join(dir, `${use}.key`), made.private);
  fs.writeFileSync(path.join(dir, `${use}.crt`), made.cert);
}
