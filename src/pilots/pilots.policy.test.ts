import { describe, expect, it } from 'vitest';
import type { Role } from '../platform/auth/roles';
import { buildActor } from '../app/testing/factories';
import { pilotPolicy, type PilotTarget } from './pilots.policy';

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
