import { describe, expect, it } from 'vitest';
import { buildActor } from '../app/testing/factories';
import { ticketPolicy, type TicketTarget } from './workshops.policy';

const helping: TicketTarget = {
  municipalityId: 'm1',
  status: 'called',
  calledBy: 'u1',
  citizenId: 'c1',
};

describe('ticket policy: reading the test history of the citizen being helped', () => {
  it.each([
    ['the eMentor helping them', buildActor(['ementor']), helping, true],
    ['another eMentor', buildActor(['ementor'], { userId: 'u2' }), helping, false],
    [
      'the helper in another municipality',
      buildActor(['ementor'], { userId: 'u1', municipalityId: 'm2' }),
      helping,
      false,
    ],
    ['a caseworker (has the citizen page)', buildActor(['caseworker']), helping, false],
    ['an admin', buildActor(['admin']), helping, false],
    [
      'the helper, still waiting',
      buildActor(['ementor']),
      { ...helping, status: 'waiting' },
      false,
    ],
    ['the helper, visit logged', buildActor(['ementor']), { ...helping, status: 'done' }, false],
    [
      'the helper, not checked in as themselves',
      buildActor(['ementor']),
      { ...helping, citizenId: null },
      false,
    ],
  ])('%s → %s', (_label, a, ticket, allowed) => {
    expect(ticketPolicy.readCitizenTests(a, ticket)).toBe(allowed);
  });
});

describe('ticket policy: handing the citizen over', () => {
  it.each([
    ['the eMentor serving them', buildActor(['ementor']), helping, true],
    [
      'the server, also for a ticket without a record',
      buildActor(['ementor']),
      { ...helping, citizenId: null },
      true,
    ],
    [
      'an eMentor who is not serving them',
      buildActor(['ementor'], { userId: 'u2' }),
      helping,
      false,
    ],
    [
      'anyone, once the visit is logged',
      buildActor(['ementor']),
      { ...helping, status: 'done' },
      false,
    ],
    ['an admin', buildActor(['admin'], { userId: 'u1' }), helping, false],
  ])('%s → %s', (_label, a, ticket, allowed) => {
    expect(ticketPolicy.handOver(a, ticket)).toBe(allowed);
  });
});
