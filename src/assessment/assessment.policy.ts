import type { Actor } from '../platform/auth/roles';
import { anyOf, governing, type Policy } from '../platform/policy';

export interface CodeTarget {
  municipalityId: string;
  createdBy: string;
}

const handedItOut = (a: Actor, c: CodeTarget) =>
  anyOf('caseworker', 'ementor')(a) &&
  a.municipalityId === c.municipalityId &&
  c.createdBy === a.userId;

/**
 * Whoever handed out a test code follows the test taken with it: an eMentor goes through the
 * result with the citizen in the workshop. Nobody else reads a code's test (404).
 */
export const testCodePolicy: Policy<'readResult', CodeTarget> = {
  readResult: handedItOut,
};

export const testCodeRules = governing('testCode', testCodePolicy, (a) =>
  [a.userId, 'someone-else'].map((createdBy) => ({ municipalityId: a.municipalityId, createdBy })),
);

declare module '../platform/auth/capabilities' {
  interface AreaCapabilities {
    testCodes: true;
    testAdmin: true;
    ownTest: true;
  }
}
