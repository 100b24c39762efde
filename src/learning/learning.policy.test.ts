import { describe, expect, it } from 'vitest';
import { buildActor } from '../app/testing/factories';
import { badgePolicy, enrolmentPolicy, offerPolicy } from './learning.policy';

const citizen = { municipalityId: 'm1', caseworkerId: 'u1', userId: 'c1' };
const badge = { municipalityId: 'm1', citizen };

describe('badgePolicy', () => {
  it('lets an admin of the municipality revoke any citizen’s badge', () => {
    expect(badgePolicy.revoke(buildActor(['admin'], { userId: 'a1' }), badge)).toBe(true);
  });

  it('lets the citizen’s own caseworker revoke it, not another caseworker', () => {
    expect(badgePolicy.revoke(buildActor(['caseworker']), badge)).toBe(true);
    expect(badgePolicy.revoke(buildActor(['caseworker'], { userId: 'u2' }), badge)).toBe(false);
  });

  it('refuses an admin of another municipality and the citizen', () => {
    expect(badgePolicy.revoke(buildActor(['admin'], { municipalityId: 'm2' }), badge)).toBe(false);
    expect(badgePolicy.revoke(buildActor(['citizen'], { userId: 'c1' }), badge)).toBe(false);
  });
});

describe('offerPolicy and enrolmentPolicy', () => {
  it('manage only active offers; a retired one is read, not changed', () => {
    const admin = buildActor(['admin']);
    expect(offerPolicy.manage(admin, { municipalityId: 'm1', status: 'active' })).toBe(true);
    expect(offerPolicy.manage(admin, { municipalityId: 'm1', status: 'retired' })).toBe(false);
    expect(offerPolicy.read(admin, { municipalityId: 'm1', status: 'retired' })).toBe(true);
  });

  it('lets a citizen cancel their own live place but not record attendance', () => {
    const self = buildActor(['citizen'], { userId: 'c1' });
    const e = { municipalityId: 'm1', status: 'enrolled', citizen };
    expect(enrolmentPolicy.cancel(self, e)).toBe(true);
    expect(enrolmentPolicy.cancel(self, { ...e, status: 'completed' })).toBe(false);
    expect(enrolmentPolicy.attend(self, e)).toBe(false);
  });
});
