// Gathers what the areas report (their exported follow-up reads) into the facts the indicator
// and journey models count. Citizens belong to their caseworker's site; academics and SMEs are
// decided here from the people and company registers.
import type { DbOrTx } from '../platform/db/client';
import { listSites, listUsers } from '../organisation';
import { followUpCitizens } from '../people';
import { firstVisits, visitCounts } from '../workshops';
import { firstCompletedTests, firstOffers } from '../assessment';
import { firstJobs, participations, pilotSummaries } from '../pilots';
import { followUpEnrolments } from '../learning';
import { companiesByIds, demandCounts } from '../companies';
import { acceptedContacts, heldMeetings } from '../matching';
import { earliestDays, type FollowUpFacts } from './indicators.model';

const ACADEMIC = new Set(['medium_higher', 'long_higher']);
const PLACED = new Set(['trainee_place', 'job_offer', 'hire']);

export interface GatheredFacts {
  facts: FollowUpFacts;
  sites: { id: string; name: string }[];
}

/** Each citizen's earliest day among rows. */
const firsts = (rows: readonly { citizenId: string; on: string }[]) =>
  [...earliestDays(rows)].map(([citizenId, on]) => ({ citizenId, on }));

export async function gatherFacts(db: DbOrTx, m: string): Promise<GatheredFacts> {
  const [users, sites, citizens] = await Promise.all([
    listUsers(db, m, { includeInactive: true }),
    listSites(db, m),
    followUpCitizens(db, m),
  ]);
  const siteOfUser = new Map(users.map((u) => [u.id, u.siteId]));
  const [offers, tests, visits, visited, enrolments, demand, held, accepted, taking, jobs] =
    await Promise.all([
      firstOffers(db, m),
      firstCompletedTests(db, m),
      visitCounts(db, m),
      firstVisits(db, m),
      followUpEnrolments(db, m),
      demandCounts(db, m),
      heldMeetings(db, m),
      acceptedContacts(db, m),
      participations(db, m),
      firstJobs(db, m),
    ]);
  const pilots = await pilotSummaries(db, m);
  const companyIds = [...new Set([...held, ...accepted].map((x) => x.companyId))];
  const sme = new Set(
    (await companiesByIds(db, m, companyIds)).filter((c) => c.sizeBand !== '250+').map((c) => c.id),
  );
  const academic = new Set(
    citizens.filter((c) => c.educationLevel && ACADEMIC.has(c.educationLevel)).map((c) => c.id),
  );
  const contacts = [...held, ...accepted];
  return {
    sites: sites.map((s) => ({ id: s.id, name: s.name })),
    facts: {
      citizens: citizens.map((c) => ({
        id: c.id,
        siteId: c.caseworkerId ? (siteOfUser.get(c.caseworkerId) ?? null) : null,
        registeredOn: c.registeredOn,
        flaggedOn: c.flaggedOn,
        academic: academic.has(c.id),
      })),
      offers,
      tests,
      enrolments,
      visits,
      firstVisits: visited,
      demand,
      smeContacts: firsts(
        contacts.filter((x) => academic.has(x.citizenId) && sme.has(x.companyId)),
      ),
      smePlacements: firsts(
        held
          .filter(
            (x) =>
              academic.has(x.citizenId) &&
              sme.has(x.companyId) &&
              x.outcome !== null &&
              PLACED.has(x.outcome),
          )
          .map((x) => ({ citizenId: x.citizenId, on: x.outcomeStartsOn ?? x.on })),
      ),
      pilots: pilots.map((p) => ({
        id: p.id,
        status: p.status,
        startsOn: p.startsOn,
        learningMethods: p.learningMethods,
      })),
      participations: taking,
      meetings: firsts(contacts),
      jobs,
    },
  };
}
