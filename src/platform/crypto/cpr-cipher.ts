import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encrypts CPR numbers at rest (AES-256-GCM) and derives a keyed hash (HMAC-SHA-256) for exact
 * lookup. Both keys are derived from one 32-byte master key with HKDF, so there is one secret
 * to manage. Ciphertexts carry a version prefix so the key can be rotated later.
 */
export class CprCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('CPR key must be 32 bytes');
    this.encKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, '', 'digiloft cpr enc v1', 32));
    this.macKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, '', 'digiloft cpr mac v1', 32));
  }

  encrypt(digits: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `v1.${iv.toString('base64url')}.${Buffer.concat([ct, tag]).toString('base64url')}`;
  }

  decrypt(value: string): string {
    const [version, ivB64, body] = value.split('.');
    if (version !== 'v1' || !ivB64 || !body) throw new Error('Unknown CPR ciphertext format');
    const raw = Buffer.from(body, 'base64url');
    const decipher = crypto.createDecipheriv(
      'aes-256-gcm',
      this.encKey,
      Buffer.from(ivB64, 'base64url'),
    );
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([
      decipher.update(raw.subarray(0, raw.length - 16)),
      decipher.final(),
    ]).toString('utf8');
  }

  /** Keyed hash of any identifier (CPR digits, e-mail); stable for lookups, useless without the key. */
  hash(value: string): string {
    return crypto.createHmac('sha256', this.macKey).update(value).digest('base64url');
  }

  static random(): CprCipher {
    return new CprCipher(crypto.randomBytes(32));
  }
}

export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('CPR_KEY must be 32 bytes, base64 or hex encoded');
  return key;
}

/**
 * The key comes from CPR_KEY; on the embedded database a key file is generated beside the data
 * on first start (mode 0600). A PostgreSQL deployment must set CPR_KEY explicitly, so the key
 * never lives next to a shared database by accident.
 */
export function loadCprKey(opts: { envKey?: string; dataDir?: string }): Buffer {
  if (opts.envKey) return parseKey(opts.envKey);
  if (!opts.dataDir) {
    throw new Error('CPR_KEY is not set. Generate one with: openssl rand -base64 32');
  }
  const file = path.join(opts.dataDir, 'cpr.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64') + '\n', {
      mode: 0o600,
      flag: 'wx',
    });
  }
  return parseKey(fs.readFileSync(file, 'utf8'));
}

/** A fixed probe value: encrypted once per database, then decrypted at every start. */
export const KEY_CHECK_PLAINTEXT = 'digiloft-cpr-key-check';
