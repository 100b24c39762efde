import { describe, expect, it } from 'vitest';
import { bandOf, canMoveRole, isSme, sectionOf, validCvr, validPNumber } from './companies.model';
import { validCvr as pilotsCvr } from '../pilots/pilots.model';

describe('company rules', () => {
  it('checks CVR numbers by modulus 11 — the same check the pilots use', () => {
    expect(validCvr('10000009')).toBe(true);
    expect(validCvr('10000008')).toBe(false);
    expect(validCvr('01000009')).toBe(false);
    expect(validCvr('1000000')).toBe(false);
    expect(validCvr).toBe(pilotsCvr);
  });

  it('is an SME below 250 employees', () => {
    expect([0, 9, 10, 49, 50, 249, 250, 5000].map(bandOf)).toEqual([
      '0-9',
      '0-9',
      '10-49',
      '10-49',
      '50-249',
      '50-249',
      '250+',
      '250+',
    ]);
    expect(isSme(bandOf(249))).toBe(true);
    expect(isSme(bandOf(250))).toBe(false);
  });

  it('finds the DB07 section from the first two digits of the industry code', () => {
    expect(sectionOf('620100')).toBe('J');
    expect(sectionOf('471100')).toBe('G');
    expect(sectionOf('011100')).toBe('A');
    expect(sectionOf('990000')).toBe('U');
    expect(sectionOf('040000')).toBeNull(); // division 04 does not exist
    expect(sectionOf('62010')).toBeNull();
  });

  it('takes P-numbers of ten digits', () => {
    expect(validPNumber('1012345678')).toBe(true);
    expect(validPNumber('0012345678')).toBe(false);
    expect(validPNumber('101234567')).toBe(false);
  });

  it('moves roles open → filled or withdrawn, withdrawn → open, and never out of filled', () => {
    expect(canMoveRole('open', 'filled')).toBe(true);
    expect(canMoveRole('open', 'withdrawn')).toBe(true);
    expect(canMoveRole('withdrawn', 'open')).toBe(true);
    expect(canMoveRole('filled', 'open')).toBe(false);
    expect(canMoveRole('open', 'open')).toBe(false);
  });
});
