import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CprCipher, loadCprKey, parseKey } from './cpr-cipher';

describe('CprCipher', () => {
  const cipher = new CprCipher(crypto.randomBytes(32));

  it('round-trips and never stores the plain number', () => {
    const ct = cipher.encrypt('0101851234');
    expect(ct).not.toContain('0101851234');
    expect(cipher.decrypt(ct)).toBe('0101851234');
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.encrypt('0101851234')).not.toBe(cipher.encrypt('0101851234'));
  });

  it('detects tampering (GCM tag)', () => {
    const ct = cipher.encrypt('0101851234');
    const parts = ct.split('.');
    const body = Buffer.from(parts[2]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => cipher.decrypt(`${parts[0]}.${parts[1]}.${body.toString('base64url')}`)).toThrow();
  });

  it('cannot be decrypted with another key', () => {
    const other = new CprCipher(crypto.randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt('0101851234'))).toThrow();
  });

  it('hashes deterministically per key', () => {
    const other = new CprCipher(crypto.randomBytes(32));
    expect(cipher.hash('x')).toBe(cipher.hash('x'));
    expect(cipher.hash('x')).not.toBe(other.hash('x'));
  });
});

describe('key loading', () => {
  it('parses base64 and hex keys and rejects wrong lengths', () => {
    const key = crypto.randomBytes(32);
    expect(parseKey(key.toString('base64')).equals(key)).toBe(true);
    expect(parseKey(key.toString('hex')).equals(key)).toBe(true);
    expect(() => parseKey('c2hvcnQ=')).toThrow(/32 bytes/);
  });

  it('generates a private key file beside embedded data and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-key-'));
    const a = loadCprKey({ dataDir: dir });
    const b = loadCprKey({ dataDir: dir });
    expect(a.equals(b)).toBe(true);
    expect(fs.statSync(path.join(dir, 'cpr.key')).mode & 0o777).toBe(0o600);
  });

  it('requires CPR_KEY when there is no embedded data folder', () => {
    expect(() => loadCprKey({})).toThrow(/CPR_KEY/);
  });
});
