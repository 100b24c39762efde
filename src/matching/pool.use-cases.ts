// The candidate pool: a citizen opts in with consent and is shown to companies by what they can
// do (never name, CPR, age, gender or photo); roles get explained matches; the consultant
// shortlists and asks; the citizen answers on the phone, and only an accepted request reveals
// who they are, to that company only (audited). Leaving the pool deletes the profile, withdraws
// every request and cancels the citizen's future matchmaking meetings at once.
import { writeAudit } from '../platform/audit';
import { clock, copenhagenDay } from '../platform/clock';
import type { DbOrTx } from '../platform/db/client';
import { conflict, invalid, notFound } from '../platform/errors';
import { enqueue } from '../platform/messaging/outbox';
import { authorize } from '../platform/policy';
import type { UseCase } from '../platform/use-case';
import { citizensByIds, loadSelf, type CitizenRow } from '../people';
import { completedTestsByCitizen, type CompletedTest } from '../assessment';
import { pilotsPassedByCitizen } from '../pilots';
import { learningOffersOf, validBadgesByCitizen, type HeldBadge } from '../learning';
import { membersOf, openRolesWithCompany } from '../companies';
import type {
  MyProfileView,
  PoolContactInput,
  ProfileInput,
  RoleCandidatesView,
} from './pool.contract';
import {
  explainMatch,
  topMatches,
  type CandidateSkills,
  type OfferLift,
  type RoleNeeds,
} from './match.model';
import { candidateHandle } from './events.model';
import { candidaciesOf, updateCandidacy, updateMeetings } from './events.store';
import {
  answerRequest,
  deleteProfile,
  findProfile,
  poolOf,
  profileOf,
  requestsOfCitizen,
  requestsOfRole,
  requestsOfRoles,
  setCv,
  upsertProfile,
  upsertRequest,
  type ProfileRow,
} from './pool.store';
import { takingPartPolicy } from './matching.policy';
import { CV_MAX_BYTES, MY_POOL_PATH } from './matching.constants';
import { channelOf, languagesOf, type LinkTo } from './events.use-cases';
import { contactRequestMessage } from './event-messages';

const PURPOSE = 'matchmaking' as const;
const MATCHES_SHOWN = 25;

/** What the platform knows and shows of a citizen (no name, age, gender or photo). */
async function shownOf(db: DbOrTx, c: CitizenRow) {
  return (await shownOfMany(db, c.municipalityId, [c])).get(c.id)!;
}

type Shown = {
  areas: CompletedTest['areas'];
  badges: string[];
  pilots: string[];
  education: CitizenRow['educationLevel'];
  jobGoal: CitizenRow['employmentGoal'];
  /** For the score: a DigComp badge shows its area's level as the test does. */
  badgeAreas: HeldBadge[];
};

/** The same for a whole pool: three queries, whatever its size. */
async function shownOfMany(
  db: DbOrTx,
  municipalityId: string,
  people: readonly CitizenRow[],
): Promise<Map<string, Shown>> {
  const ids = people.map((c) => c.id);
  const [tests, badges, pilots] = [
    await completedTestsByCitizen(db, municipalityId, ids),
    await validBadgesByCitizen(db, municipalityId, ids),
    await pilotsPassedByCitizen(db, municipalityId, ids),
  ];
  return new Map(
    people.map((c) => {
      const held = badges.get(c.id) ?? [];
      return [
        c.id,
        {
          areas: tests.get(c.id)?.at(-1)?.areas ?? [],
          badges: held.map((b) => b.name),
          pilots: pilots.get(c.id) ?? [],
          education: c.educationLevel,
          jobGoal: c.employmentGoal,
          badgeAreas: held.filter((b) => b.kind === 'digcomp' && b.area && b.level),
        },
      ];
    }),
  );
}

function skillsOf(shown: Shown, p: ProfileRow): CandidateSkills {
  const areas: Record<string, number> = {};
  for (const a of shown.areas) if (a.level !== null) areas[a.area] = a.level;
  for (const b of shown.badgeAreas) areas[b.area!] = Math.max(areas[b.area!] ?? 0, b.level ?? 0);
  return {
    areas,
    badges: {},
    education: shown.education,
    languages: p.languages,
    workAreas: p.workAreas,
  };
}

type OpenRole = Awaited<ReturnType<typeof openRolesWithCompany>>[number];

function needsOf(r: OpenRole): RoleNeeds {
  return {
    competences: r.role.competences,
    education: r.role.education,
    languages: r.role.languages,
    place: r.company.postalCode
      ? { postalCode: r.company.postalCode, municipality: r.company.city.replace(/ [A-ZØ]$/, '') }
      : null,
  };
}

async function offerLifts(db: DbOrTx, municipalityId: string): Promise<OfferLift[]> {
  const offers = await learningOffersOf(db, municipalityId, false);
  return offers.map((o) => ({ id: o.id, name: o.name, lifts: o.lifts }));
}

const publicShown = (s: Awaited<ReturnType<typeof shownOf>>) => ({
  areas: s.areas,
  badges: s.badges,
  pilots: s.pilots,
  education: s.education,
  jobGoal: s.jobGoal,
});

async function myView(uc: UseCase, c: CitizenRow): Promise<MyProfileView> {
  const p = await profileOf(uc.tx, c.municipalityId, c.id);
  const shown = await shownOf(uc.tx, c);
  const requests = await requestsOfCitizen(uc.tx, c.municipalityId, c.id);
  const roles = await openRolesWithCompany(uc.tx, c.municipalityId);
  const byId = new Map(roles.map((r) => [r.role.id, r]));
  const offers = p ? await offerLifts(uc.tx, c.municipalityId) : [];
  const ranked = p
    ? topMatches(
        roles.map((r) => ({
          id: r.role.id,
          score: explainMatch(skillsOf(shown, p), needsOf(r)).score,
        })),
        5,
      )
    : [];
  return {
    inPool: p !== null,
    consentedAt: p?.consentedAt.toISOString() ?? null,
    pitch: p?.pitch ?? '',
    languages: p?.languages ?? [],
    workAreas: p?.workAreas ?? [],
    cvName: p?.cvName ?? null,
    shown: publicShown(shown),
    // A shortlist is the consultant's working list: the citizen sees requests once sent.
    requests: requests
      .filter((r) => r.status !== 'shortlisted')
      .map((r) => {
        const role = byId.get(r.roleId);
        return {
          id: r.id,
          company: role?.company.name ?? '',
          role: role?.role.title ?? '',
          status: r.status,
          sentAt: r.sentAt?.toISOString() ?? null,
        };
      }),
    roles: ranked.map(({ id }) => {
      const r = byId.get(id)!;
      return {
        id,
        title: r.role.title,
        company: r.company.name,
        explanation: explainMatch(skillsOf(shown, p!), needsOf(r), offers),
      };
    }),
  };
}

export async function myProfile(uc: UseCase) {
  const c = await loadSelf(uc.tx, uc.actor);
  await writeAudit(uc.tx, uc.audit, {
    action: 'matching.pool.self_read',
    entity: 'citizen',
    entityId: c.id,
    citizenId: c.id,
    purpose: 'self_access',
  });
  return myView(uc, c);
}

/** Opts in (with consent) or updates the pitch, languages and areas. */
export async function joinPool(uc: UseCase, input: ProfileInput) {
  const c = await loadSelf(uc.tx, uc.actor);
  const existing = await profileOf(uc.tx, c.municipalityId, c.id);
  await upsertProfile(uc.tx, {
    municipalityId: c.municipalityId,
    citizenId: c.id,
    consentedAt: clock.now(),
    pitch: input.pitch,
    languages: [...new Set(input.languages.map((l) => l.toLowerCase()))],
    workAreas: [...new Set(input.workAreas.map((a) => a.toLowerCase()))],
  });
  await writeAudit(uc.tx, uc.audit, {
    action: existing ? 'matching.pool.update' : 'matching.pool.join',
    entity: 'citizen',
    entityId: c.id,
    citizenId: c.id,
    purpose: 'self_access',
  });
  return myView(uc, c);
}

/** Leaves at once: profile and requests deleted, future matchmaking meetings cancelled. */
export async function leavePool(uc: UseCase) {
  const c = await loadSelf(uc.tx, uc.actor);
  await deleteProfile(uc.tx, c.municipalityId, c.id);
  const today = copenhagenDay(clock.now());
  for (const { event, candidacy } of await candidaciesOf(uc.tx, c.municipalityId, c.id)) {
    if (event.on < today || event.status === 'held') continue;
    await updateCandidacy(uc.tx, candidacy.id, { status: 'declined' });
    await updateMeetings(
      uc.tx,
      event.id,
      { citizenId: c.id, statuses: ['planned'] },
      { status: 'cancelled' },
    );
  }
  await writeAudit(uc.tx, uc.audit, {
    action: 'matching.pool.leave',
    entity: 'citizen',
    entityId: c.id,
    citizenId: c.id,
    purpose: 'self_access',
  });
  return myView(uc, c);
}

/** The citizen attaches a CV: a real PDF (by its first bytes, not its name) of at most 2 MB. */
export async function uploadCv(uc: UseCase, body: unknown, name: string) {
  const c = await loadSelf(uc.tx, uc.actor);
  const p = await profileOf(uc.tx, c.municipalityId, c.id);
  if (!p) throw conflict('pool_join_first');
  if (!Buffer.isBuffer(body) || body.length === 0) throw invalid('pool_cv_pdf');
  if (body.length > CV_MAX_BYTES) throw invalid('pool_cv_size');
  if (body.subarray(0, 5).toString('latin1') !== '%PDF-') throw invalid('pool_cv_pdf');
  await setCv(uc.tx, p.id, body.toString('base64'), name);
  await writeAudit(uc.tx, uc.audit, {
    action: 'matching.pool.cv',
    entity: 'citizen',
    entityId: c.id,
    citizenId: c.id,
    purpose: 'self_access',
  });
  return myView(uc, c);
}

export async function answerContactRequest(uc: UseCase, id: string, answer: 'accept' | 'decline') {
  const c = await loadSelf(uc.tx, uc.actor);
  const request = (await requestsOfCitizen(uc.tx, c.municipalityId, c.id)).find(
    (r) => r.id === id && r.status !== 'shortlisted',
  );
  if (!request) throw notFound();
  if (request.status !== 'pending') throw conflict('pool_request_answered');
  await answerRequest(
    uc.tx,
    request.id,
    answer === 'accept' ? 'accepted' : 'declined',
    clock.now(),
  );
  await writeAudit(uc.tx, uc.audit, {
    action: answer === 'accept' ? 'matching.pool.accept' : 'matching.pool.decline',
    entity: 'contact_request',
    entityId: request.id,
    citizenId: c.id,
    purpose: 'self_access',
  });
  return myView(uc, c);
}

async function loadRole(uc: UseCase, roleId: string) {
  const [role] = await openRolesWithCompany(uc.tx, uc.actor.municipalityId, roleId);
  if (!role) throw notFound();
  authorize(
    takingPartPolicy,
    uc.actor,
    'answer',
    { municipalityId: role.role.municipalityId, members: await membersOf(uc.tx, role.company.id) },
    'not_found',
  );
  return role;
}

async function candidatesView(uc: UseCase, role: OpenRole): Promise<RoleCandidatesView> {
  const m = uc.actor.municipalityId;
  const pool = await poolOf(uc.tx, m);
  const people = await citizensByIds(
    uc.tx,
    m,
    pool.map((p) => p.citizenId),
  );
  const requests = new Map(
    (await requestsOfRole(uc.tx, m, role.role.id)).map((r) => [r.citizenId, r]),
  );
  const offers = await offerLifts(uc.tx, m);
  const needs = needsOf(role);
  const shownAll = await shownOfMany(uc.tx, m, [...people.values()]);
  const scored: { id: string; score: number; profile: ProfileRow; shown: Shown }[] = [];
  for (const p of pool) {
    const shown = shownAll.get(p.citizenId);
    if (!shown) continue;
    scored.push({
      id: p.id,
      score: explainMatch(skillsOf(shown, p), needs).score,
      profile: p,
      shown,
    });
  }
  // The best matches, and always those already asked about this role, whatever their rank.
  const top = topMatches(scored, MATCHES_SHOWN);
  const asked = scored.filter(
    (x) => requests.has(x.profile.citizenId) && !top.some((b) => b.id === x.id),
  );
  const best = [...top, ...asked.sort((a, b) => b.score - a.score)];
  const revealed = best.filter((b) => requests.get(b.profile.citizenId)?.status === 'accepted');
  // Every reveal of who a candidate is, to whom, is in the audit log.
  await writeAudit(uc.tx, uc.audit, [
    {
      action: 'matching.pool.read',
      entity: 'job_role',
      entityId: role.role.id,
      purpose: PURPOSE,
      details: { candidates: best.length },
    },
    ...revealed.map((b) => ({
      action: 'matching.pool.reveal',
      entity: 'job_role',
      entityId: role.role.id,
      citizenId: b.profile.citizenId,
      purpose: PURPOSE,
      details: { company: role.company.name },
    })),
  ]);
  return {
    role: { id: role.role.id, title: role.role.title, company: role.company.name },
    candidates: best.map((b) => {
      const request = requests.get(b.profile.citizenId);
      const person = people.get(b.profile.citizenId)!;
      return {
        id: b.id,
        handle: candidateHandle(role.role.id, b.profile.citizenId),
        pitch: b.profile.pitch,
        shown: publicShown(b.shown),
        languages: b.profile.languages,
        hasCv: b.profile.cvBase64 !== null,
        explanation: explainMatch(skillsOf(b.shown, b.profile), needs, offers),
        contact: request?.status ?? null,
        revealed:
          request?.status === 'accepted'
            ? {
                name: `${person.firstName} ${person.lastName}`,
                email: person.email,
                phone: person.phone,
              }
            : null,
      };
    }),
  };
}

/** Ranked, explained candidates for an open role: anonymous until a request is accepted. */
export async function roleCandidates(uc: UseCase, roleId: string) {
  return candidatesView(uc, await loadRole(uc, roleId));
}

/** The consultant shortlists a candidate for a role, or sends them the contact request. */
export async function contactCandidate(
  uc: UseCase,
  roleId: string,
  input: PoolContactInput,
  link: LinkTo,
) {
  const role = await loadRole(uc, roleId);
  const profile = await findProfile(uc.tx, uc.actor.municipalityId, input.candidateId);
  if (!profile) throw invalid('pool_candidate_unknown');
  const current = (await requestsOfRole(uc.tx, uc.actor.municipalityId, role.role.id)).find(
    (r) => r.citizenId === profile.citizenId,
  );
  if (current && current.status !== 'shortlisted') throw conflict('pool_request_sent');
  await upsertRequest(uc.tx, {
    municipalityId: uc.actor.municipalityId,
    citizenId: profile.citizenId,
    roleId: role.role.id,
    companyId: role.company.id,
    status: input.send ? 'pending' : 'shortlisted',
    createdBy: uc.actor.userId,
    sentAt: input.send ? clock.now() : null,
  });
  if (input.send) {
    const person = (await citizensByIds(uc.tx, uc.actor.municipalityId, [profile.citizenId])).get(
      profile.citizenId,
    );
    const reach = person ? channelOf(person) : null;
    if (person && reach)
      await enqueue(uc.tx, uc.actor.municipalityId, {
        ...reach,
        kind: 'contact_request',
        ...contactRequestMessage(
          { company: role.company.name, role: role.role.title, link: link(MY_POOL_PATH) },
          (await languagesOf(uc.tx, [person])).get(person.id)!,
        ),
        sendAfter: clock.now(),
      });
  }
  await writeAudit(uc.tx, uc.audit, {
    action: input.send ? 'matching.pool.request' : 'matching.pool.shortlist',
    entity: 'job_role',
    entityId: role.role.id,
    citizenId: profile.citizenId,
    purpose: PURPOSE,
  });
  // The list is read again through its own audited route (it may reveal others).
  return { contact: input.send ? ('pending' as const) : ('shortlisted' as const) };
}

/** The CV of a candidate who accepted this role's request (it names them), else 404. */
export async function candidateCv(uc: UseCase, roleId: string, candidateId: string) {
  const role = await loadRole(uc, roleId);
  const profile = await findProfile(uc.tx, uc.actor.municipalityId, candidateId);
  const request = profile
    ? (await requestsOfRole(uc.tx, uc.actor.municipalityId, role.role.id)).find(
        (r) => r.citizenId === profile.citizenId,
      )
    : null;
  if (!profile?.cvBase64 || request?.status !== 'accepted') throw notFound();
  await writeAudit(uc.tx, uc.audit, {
    action: 'matching.pool.cv_read',
    entity: 'job_role',
    entityId: role.role.id,
    citizenId: profile.citizenId,
    purpose: PURPOSE,
  });
  return { pdf: Buffer.from(profile.cvBase64, 'base64'), name: profile.cvName ?? 'cv.pdf' };
}

const ACADEMIC = new Set(['medium_higher', 'long_higher']);

/**
 * Recommendation 6: SMEs' open roles that need digital competences, how many academics in the
 * pool match them well (score ≥ 0.6), the forms of collaboration the company offers, and the
 * contact requests to follow up. Counts only; the candidates are on each role's page.
 */
export async function smeAcademics(uc: UseCase) {
  const m = uc.actor.municipalityId;
  const roles = (await openRolesWithCompany(uc.tx, m)).filter(
    (r) => r.company.sizeBand !== '250+' && r.role.competences.length > 0,
  );
  const pool = await poolOf(uc.tx, m);
  const people = await citizensByIds(
    uc.tx,
    m,
    pool.map((p) => p.citizenId),
  );
  const academics: { profile: ProfileRow; skills: CandidateSkills }[] = [];
  for (const p of pool) {
    const person = people.get(p.citizenId);
    if (!person?.educationLevel || !ACADEMIC.has(person.educationLevel)) continue;
    academics.push({ profile: p, skills: skillsOf(await shownOf(uc.tx, person), p) });
  }
  const rows = roles.map((r) => {
    const scores = academics.map((a) => explainMatch(a.skills, needsOf(r)).score);
    return {
      roleId: r.role.id,
      role: r.role.title,
      companyId: r.company.id,
      company: r.company.name,
      forms: [...r.role.workplaceLearning, 'hire'],
      academics: scores.filter((s) => s >= 0.6).length,
      best: scores.length ? Math.max(...scores) : 0,
    };
  });
  const requests = await requestsOfRoles(
    uc.tx,
    m,
    roles.map((r) => r.role.id),
  );
  const byRole = new Map(roles.map((r) => [r.role.id, r]));
  return {
    rows: rows.sort((a, b) => b.academics - a.academics || a.company.localeCompare(b.company)),
    followUps: requests
      .filter(
        (q) => q.status === 'pending' || q.status === 'accepted' || q.status === 'shortlisted',
      )
      .map((q) => ({
        company: byRole.get(q.roleId)!.company.name,
        role: byRole.get(q.roleId)!.role.title,
        handle: candidateHandle(q.roleId, q.citizenId),
        status: q.status,
        since: (q.answeredAt ?? q.sentAt ?? q.createdAt).toISOString(),
      })),
  };
}
