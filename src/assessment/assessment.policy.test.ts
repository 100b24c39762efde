import { describe, expect, it } from 'vitest';
import { buildActor } from '../app/testing/factories';
import { testCodePolicy } from './assessment.policy';

const code = { municipalityId: 'm1', createdBy: 'u1' };

describe('test code policy', () => {
  it.each([
    ['ementor who handed it out', buildActor(['ementor']), true],
    ['caseworker who handed it out', buildActor(['caseworker']), true],
    ['another eMentor', buildActor(['ementor'], { userId: 'u2' }), false],
    [
      'same user in another municipality',
      buildActor(['ementor'], { userId: 'u1', municipalityId: 'm2' }),
      false,
    ],
    ['the same person as admin only', buildActor(['admin']), false],
    ['a citizen', buildActor(['citizen']), false],
  ])('%s → %s', (_label, a, allowed) => {
    expect(testCodePolicy.readResult(a, code)).toBe(allowed);
  });
});
