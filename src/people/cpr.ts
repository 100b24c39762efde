import { clock } from '../platform/clock';
// CPR numbers (personnummer): pure rules, no I/O.
// Since 2007 the CPR office issues numbers without a valid modulus-11 check digit, so the check
// digit is never used to reject a number.

export type CprProblem = 'format' | 'date';

export interface ParsedCpr {
  /** Ten digits, no dash. */
  digits: string;
  birthDate: string; // ISO yyyy-mm-dd
  sex: 'female' | 'male';
  /** Day + 60: outside the range the CPR register issues; accepted only by demo tenants. */
  fictitious: boolean;
}

export type CprResult = { ok: true; cpr: ParsedCpr } | { ok: false; problem: CprProblem };

/** Century from digit 7 and the two-digit year, per the CPR office's table. */
export function birthYear(yy: number, seventh: number): number | null {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  // 5–8
  if (yy <= 57) return 2000 + yy;
  return 1800 + yy;
}

function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

export function parseCpr(input: string, options: { allowFictitious?: boolean } = {}): CprResult {
  const trimmed = input.trim();
  const m = /^(\d{6})-?(\d{4})$/.exec(trimmed);
  if (!m) return { ok: false, problem: 'format' };
  const digits = `${m[1]}${m[2]}`;
  let day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const seventh = Number(digits[6]);
  let fictitious = false;
  if (day > 60 && options.allowFictitious) {
    day -= 60;
    fictitious = true;
  }
  const year = birthYear(yy, seventh);
  if (year === null || !isValidDate(year, month, day)) return { ok: false, problem: 'date' };
  const birth = new Date(Date.UTC(year, month - 1, day));
  const now = clock.now();
  if (birth.getTime() > now.getTime()) return { ok: false, problem: 'date' };
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const last = Number(digits[9]);
  return {
    ok: true,
    cpr: { digits, birthDate: iso, sex: last % 2 === 0 ? 'female' : 'male', fictitious },
  };
}

/** The old modulus-11 rule. Informational only: failing it does not make a number invalid. */
export function passesModulus11(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  return sum % 11 === 0;
}

/** ddmmyy-xxxx: the only form a CPR number is ever shown in. */
export function maskCpr(digits: string): string {
  return `${digits.slice(0, 6)}-xxxx`;
}

/** Matches anything that looks like a CPR number, for scanning logs. */
export const CPR_PATTERN =
  /(?<!\d)(0[1-9]|[12]\d|3[01]|[6-8]\d|9[01])(0[1-9]|1[0-2])\d{2}-?\d{4}(?!\d)/;
