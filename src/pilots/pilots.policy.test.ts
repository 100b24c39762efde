import { describe, expect, it } from 'vitest';
import type { Role } from '../platform/auth/roles';
import { buildActor } from '../app/testing/factories';
import { pilotPolicy, referralPolicy, type PilotTarget } from './pilots.policy';

const pilot = (status: PilotTarget['status'], lotteryDrawn = false): PilotTarget => ({
  municipalityId: 'm1',
  status,
  lotteryDrawn,
});

describe('pilot policy: role × action', () => {
  const table: [string, Role[], keyof typeof pilotPolicy, PilotTarget, boolean][] = [
    [
      'manager edits the rule while recruiting',
      ['pilot_manager'],
      'editRule',
      pilot('recruiting'),
      true,
    ],
    [
      'manager may not edit the rule once running',
      ['pilot_manager'],
      'editRule',
      pilot('running'),
      false,
    ],
    [
      'manager draws the lottery while recruiting',
      ['pilot_manager'],
      'lottery',
      pilot('recruiting'),
      true,
    ],
    ['…only once', ['pilot_manager'], 'lottery', pilot('recruiting', true), false],
    ['…not before recruiting', ['pilot_manager'], 'lottery', pilot('planned'), false],
    ['caseworker refers while recruiting', ['caseworker'], 'refer', pilot('recruiting'), true],
    [
      'caseworker may not refer after the lottery',
      ['caseworker'],
      'refer',
      pilot('recruiting', true),
      false,
    ],
    ['caseworker reads a pilot', ['caseworker'], 'read', pilot('running'), true],
    [
      'caseworker does not see the enrolment list',
      ['caseworker'],
      'seeEnrolments',
      pilot('running'),
      false,
    ],
    [
      'caseworker does not read evaluations',
      ['caseworker'],
      'evaluate',
      pilot('evaluating'),
      false,
    ],
    ['analyst reads evaluations', ['analyst'], 'evaluate', pilot('evaluating'), true],
    [
      'analyst does not see who is enrolled',
      ['analyst'],
      'seeEnrolments',
      pilot('evaluating'),
      false,
    ],
    ['analyst does not edit', ['analyst'], 'edit', pilot('planned'), false],
    ['a citizen reads nothing', ['citizen'], 'read', pilot('running'), false],
    ['an admin does not run pilots', ['admin'], 'edit', pilot('planned'), false],
    ['a closed pilot cannot move', ['pilot_manager'], 'move', pilot('closed'), false],
  ];
  it.each(table)('%s', (_label, roles, action, target, allowed) => {
    expect(pilotPolicy[action](buildActor(roles), target)).toBe(allowed);
  });
  it('another municipality sees nothing', () => {
    for (const action of Object.keys(pilotPolicy) as (keyof typeof pilotPolicy)[])
      expect(
        pilotPolicy[action](
          buildActor(['pilot_manager', 'analyst'], { municipalityId: 'm2' }),
          pilot('recruiting'),
        ),
      ).toBe(false);
  });
});

describe('referralPolicy', () => {
  const citizen = { municipalityId: 'm1', caseworkerId: 'u1', userId: 'c1' };
  const elsewhere = { ...citizen, caseworkerId: 'u2' };

  it('lets a caseworker refer their own citizens only', () => {
    expect(referralPolicy.referCitizen(buildActor(['caseworker']), citizen)).toBe(true);
    expect(referralPolicy.referCitizen(buildActor(['caseworker']), elsewhere)).toBe(false);
  });

  it('lets a pilot manager refer any citizen of the municipality, none of another', () => {
    expect(referralPolicy.referCitizen(buildActor(['pilot_manager']), elsewhere)).toBe(true);
    const away = buildActor(['pilot_manager'], { municipalityId: 'm2' });
    expect(referralPolicy.referCitizen(away, elsewhere)).toBe(false);
  });

  it('holds a pilot manager who is also a caseworker to their own caseload', () => {
    const both = buildActor(['caseworker', 'pilot_manager']);
    expect(referralPolicy.referCitizen(both, elsewhere)).toBe(false);
  });

  it('refuses every other role', () => {
    for (const role of ['citizen', 'ementor', 'analyst', 'admin', 'company'] as const)
      expect(referralPolicy.referCitizen(buildActor([role]), citizen), role).toBe(false);
  });
});
