import { describe, expect, it } from 'vitest';
import { buildActor } from '../app/testing/factories';
import { companyPolicy } from './companies.policy';

const M = 'muni-1';
describe('company policy', () => {
  const consultant = buildActor(['company_consultant'], { municipalityId: M });
  const member = buildActor(['company'], { municipalityId: M, userId: 'member-1' });
  const stranger = buildActor(['company'], { municipalityId: M, userId: 'stranger-1' });
  const admin = buildActor(['admin'], { municipalityId: M });
  const elsewhere = buildActor(['company_consultant'], { municipalityId: 'muni-2' });
  const caseworker = buildActor(['caseworker'], { municipalityId: M });
  const company = { municipalityId: M, members: [member.userId] };

  it.each([
    ['consultant', consultant, { read: true, edit: true, seeLog: true, postRole: true }],
    ['member', member, { read: true, edit: false, seeLog: false, postRole: true }],
    ['other company user', stranger, { read: false, edit: false, seeLog: false, postRole: false }],
    ['admin', admin, { read: true, edit: false, seeLog: true, postRole: false }],
    [
      'consultant elsewhere',
      elsewhere,
      { read: false, edit: false, seeLog: false, postRole: false },
    ],
    ['caseworker', caseworker, { read: false, edit: false, seeLog: false, postRole: false }],
  ] as const)('%s', (_name, actor, expected) => {
    expect({
      read: companyPolicy.read(actor, company),
      edit: companyPolicy.edit(actor, company),
      seeLog: companyPolicy.seeLog(actor, company),
      postRole: companyPolicy.postRole(actor, company),
    }).toEqual(expected);
  });
});
