// One-time test codes: how they look, how long they last, and how they are stored (a keyed
// hash only, so a database copy does not give away working codes).
import crypto from 'node:crypto';
import type { CprCipher } from '../platform/crypto/cpr-cipher';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_DAYS = 14;

export function newCode(): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return out;
}

export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** The stored form of a code as a person typed it (spaces, dashes and case do not matter). */
export function codeHash(cipher: CprCipher, input: string): string {
  return cipher.hash(`testcode:${normaliseCode(input)}`);
}
