import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../platform/auth/roles';
import { ticketPolicy, type TicketTarget } from './workshops.policy';

const actor = (roles: Role[], userId = 'u1', municipalityId = 'm1'): Actor => ({
  userId,
  municipalityId,
  roles,
  name: 'Test',
  email: 'test@example.dk',
  locale: 'da',
  sessionId: 's',
});
const helping: TicketTarget = {
  municipalityId: 'm1',
  status: 'called',
  calledBy: 'u1',
  citizenId: 'c1',
};

describe('ticket policy: reading the test history of the citizen being helped', () => {
  it.each([
    ['the eMentor helping them', actor(['ementor']), helping, true],
    ['another eMentor', actor(['ementor'], 'u2'), helping, false],
    ['the helper in another municipality', actor(['ementor'], 'u1', 'm2'), helping, false],
    ['a caseworker (has the citizen page)', actor(['caseworker']), helping, false],
    ['an admin', actor(['admin']), helping, false],
    ['the helper, still waiting', actor(['ementor']), { ...helping, status: 'waiting' }, false],
    ['the helper, visit logged', actor(['ementor']), { ...helping, status: 'done' }, false],
    [
      'the helper, not checked in as themselves',
      actor(['ementor']),
      { ...helping, citizenId: null },
      false,
    ],
  ])('%s → %s', (_label, a, ticket, allowed) => {
    expect(ticketPolicy.readCitizenTests(a, ticket)).toBe(allowed);
  });
});
