import { describe, expect, it } from 'vitest';
import type { Role } from '../platform/auth/roles';
import { ROLES } from '../platform/auth/roles';
import { can } from '../platform/policy';
import { citizenPolicy } from './people.policy';
import { buildActor } from '../app/testing/factories';

const actor = buildActor;

const ownCase = { municipalityId: 'm1', caseworkerId: 'u1', userId: 'c1' };

describe('citizenPolicy: role × action', () => {
  // Only a caseworker with the citizen on their own caseload, and the citizen themself.
  const expected: Record<string, Role[]> = {
    read: ['caseworker'],
    update: ['caseworker'],
    flagVulnerable: ['caseworker'],
    addNote: ['caseworker'],
    readSelf: [],
  };
  for (const [action, roles] of Object.entries(expected)) {
    for (const role of ROLES) {
      it(`${role} ${roles.includes(role) ? 'may' : 'may not'} ${action} on own caseload`, () => {
        expect(can(citizenPolicy, actor([role]), action as 'read', ownCase)).toBe(
          roles.includes(role),
        );
      });
    }
  }

  it('denies a caseworker a citizen on another caseload', () => {
    expect(
      can(citizenPolicy, actor(['caseworker']), 'read', { ...ownCase, caseworkerId: 'u2' }),
    ).toBe(false);
  });

  it('denies a caseworker of another municipality', () => {
    expect(
      can(citizenPolicy, actor(['caseworker'], { municipalityId: 'm2' }), 'read', ownCase),
    ).toBe(false);
  });

  it('lets a citizen read only themselves', () => {
    const me = actor(['citizen'], { userId: 'c1' });
    expect(can(citizenPolicy, me, 'readSelf', ownCase)).toBe(true);
    expect(can(citizenPolicy, me, 'readSelf', { ...ownCase, userId: 'c2' })).toBe(false);
    expect(can(citizenPolicy, me, 'read', ownCase)).toBe(false);
  });
});
