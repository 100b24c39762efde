import { describe, expect, it } from 'vitest';
import {
  LOGIN_RULES,
  loginWait,
  scopeWait,
  testCodeWait,
  type PastAttempt,
} from './throttle.model';

const T0 = new Date('2026-11-30T10:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const fail = (s: number, over: Partial<PastAttempt> = {}): PastAttempt => ({
  accountKey: 'anna',
  ip: '10.0.0.1',
  device: null,
  succeeded: false,
  at: at(s),
  ...over,
});

describe('scopeWait', () => {
  it('lets the free failures through, then doubles the wait up to the cap', () => {
    const rule = LOGIN_RULES.accountAndSource; // 3 free, 2 s doubling, 15 min cap
    const attempts = (n: number) => Array.from({ length: n }, (_, i) => fail(i));
    expect(scopeWait(rule, attempts(3), at(2))).toBe(0);
    expect(scopeWait(rule, attempts(4), at(3))).toBe(2); // 2 s after the last failure
    expect(scopeWait(rule, attempts(5), at(4))).toBe(4);
    expect(scopeWait(rule, attempts(6), at(5))).toBe(8);
    expect(scopeWait(rule, attempts(4), at(10))).toBe(0); // waited long enough
    expect(scopeWait(rule, attempts(40), at(39))).toBe(900);
  });

  it('starts again after a success where the scope says so', () => {
    const attempts = [fail(0), fail(1), fail(2), fail(3), { ...fail(4), succeeded: true }, fail(5)];
    expect(scopeWait(LOGIN_RULES.accountAndSource, attempts, at(5))).toBe(0);
    expect(scopeWait({ ...LOGIN_RULES.source, free: 3 }, attempts, at(5))).toBeGreaterThan(0);
  });
});

describe('loginWait', () => {
  it('a guesser elsewhere does not keep the owner out on a device that logged in before', () => {
    // 40 wrong passwords for Anna from many addresses.
    const guesses = Array.from({ length: 40 }, (_, i) => fail(i, { ip: `203.0.113.${i}` }));
    expect(loginWait({ accountKey: 'anna', ip: '10.0.0.1', device: null }, guesses, at(39))).toBe(
      900,
    );
    expect(
      loginWait({ accountKey: 'anna', ip: '10.0.0.1', device: 'annas-phone' }, guesses, at(39)),
    ).toBe(0);
  });

  it('a known device is throttled on its own count, so a stolen cookie is no key', () => {
    const own = Array.from({ length: 12 }, (_, i) => fail(i, { device: 'annas-phone' }));
    expect(
      loginWait({ accountKey: 'anna', ip: '10.0.0.1', device: 'annas-phone' }, own, at(12)),
    ).toBeGreaterThan(0);
  });

  it('one guesser on shared Wi-Fi does not stop others at once: the address gets a growing wait', () => {
    const spray = Array.from({ length: 30 }, (_, i) => fail(i, { accountKey: `acct-${i}` }));
    // 30 failures are free for the address; Bo, who never failed, logs in as usual.
    expect(loginWait({ accountKey: 'bo', ip: '10.0.0.1', device: null }, spray, at(30))).toBe(0);
    const more = [...spray, fail(30, { accountKey: 'acct-x' })];
    expect(loginWait({ accountKey: 'bo', ip: '10.0.0.1', device: null }, more, at(30))).toBe(5);
  });
});

describe('testCodeWait', () => {
  it('counts only test codes from the address', () => {
    const codes = Array.from({ length: 10 }, (_, i) => fail(i, { accountKey: 'test_code' }));
    const eleven = [...codes, fail(10, { accountKey: 'test_code' })];
    expect(testCodeWait('10.0.0.1', codes, at(10))).toBe(0);
    expect(testCodeWait('10.0.0.1', eleven, at(10))).toBe(2);
    expect(testCodeWait('10.0.0.2', eleven, at(10))).toBe(0);
  });
});
