import { describe, expect, it } from 'vitest';
import { birthYear, maskCpr, parseCpr, passesModulus11 } from './cpr';

describe('parseCpr', () => {
  it('accepts ddmmyy-xxxx and ten digits', () => {
    const a = parseCpr('010185-1234');
    const b = parseCpr('0101851234');
    expect(a).toEqual(b);
    expect(a.ok && a.cpr.birthDate).toBe('1985-01-01');
  });

  it('accepts numbers that fail the old modulus-11 check (issued since 2007)', () => {
    expect(passesModulus11('0101851234')).toBe(false);
    expect(parseCpr('010185-1234').ok).toBe(true);
  });

  it('knows a number that passes modulus 11', () => {
    // 070761-4285: 0*4+7*3+0*2+7*7+6*6+1*5+4*4+2*3+8*2+5*1 = 154 = 14*11
    expect(passesModulus11('0707614285')).toBe(true);
  });

  it.each([['01018512345'], ['abcdef-1234'], ['010185 1234'], [''], ['01-01-85-1234']])(
    'rejects the format of %s',
    (input) => {
      expect(parseCpr(input)).toEqual({ ok: false, problem: 'format' });
    },
  );

  it.each([['320185-1234'], ['001385-1234'], ['290285-1234'], ['310485-1234'], ['000185-1234']])(
    'rejects the impossible date in %s',
    (input) => {
      expect(parseCpr(input)).toEqual({ ok: false, problem: 'date' });
    },
  );

  it('accepts 29 February in a leap year only', () => {
    expect(parseCpr('290284-1234').ok).toBe(true);
    expect(parseCpr('290200-4234').ok).toBe(true); // 2000 is a leap year (digit 7 = 4)
    expect(parseCpr('290200-1234').ok).toBe(false); // 1900 is not
  });

  it('places the century by digit 7 per the CPR table', () => {
    expect(birthYear(85, 0)).toBe(1985);
    expect(birthYear(10, 4)).toBe(2010);
    expect(birthYear(50, 4)).toBe(1950);
    expect(birthYear(10, 9)).toBe(2010);
    expect(birthYear(70, 9)).toBe(1970);
    expect(birthYear(10, 6)).toBe(2010);
    expect(birthYear(70, 6)).toBe(1870);
  });

  it('rejects birth dates in the future', () => {
    expect(parseCpr('010150-5234')).toEqual({ ok: false, problem: 'date' }); // 2050
  });

  it('reads sex from the last digit', () => {
    const f = parseCpr('010185-1232');
    const m = parseCpr('010185-1233');
    expect(f.ok && f.cpr.sex).toBe('female');
    expect(m.ok && m.cpr.sex).toBe('male');
  });

  it('accepts fictitious day+60 numbers only when allowed', () => {
    expect(parseCpr('610185-1234')).toEqual({ ok: false, problem: 'date' });
    const r = parseCpr('610185-1234', { allowFictitious: true });
    expect(r.ok && r.cpr).toMatchObject({ birthDate: '1985-01-01', fictitious: true });
  });
});

describe('maskCpr', () => {
  it('shows ddmmyy-xxxx only', () => {
    expect(maskCpr('0101851234')).toBe('010185-xxxx');
  });
});
