import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../platform/auth/roles';
import { testCodePolicy } from './assessment.policy';

const actor = (roles: Role[], userId = 'u1', municipalityId = 'm1'): Actor => ({
  userId,
  municipalityId,
  roles,
  name: 'Test',
  email: 'test@example.dk',
  locale: 'da',
  sessionId: 's',
});
const code = { municipalityId: 'm1', createdBy: 'u1' };

describe('test code policy', () => {
  it.each([
    ['ementor who handed it out', actor(['ementor']), true],
    ['caseworker who handed it out', actor(['caseworker']), true],
    ['another eMentor', actor(['ementor'], 'u2'), false],
    ['same user in another municipality', actor(['ementor'], 'u1', 'm2'), false],
    ['the same person as admin only', actor(['admin']), false],
    ['a citizen', actor(['citizen']), false],
  ])('%s → %s', (_label, a, allowed) => {
    expect(testCodePolicy.readResult(a, code)).toBe(allowed);
  });
});
