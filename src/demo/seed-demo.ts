import { seedCompanies } from '../companies';
import { seedMatching } from '../matching';
import type { Db } from '../platform/db/client';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import { hashPassword } from '../platform/auth/password';
import {
  findMunicipalityByCode,
  insertMunicipality,
  insertSite,
  insertUser,
} from '../organisation';
import { EDUCATION_LEVELS, createCitizen } from '../people';
import { seedWorkshops } from '../workshops';
import { AZURE_GOALS, seedPilots, seedVerdictPilots } from '../pilots';
import { learningOffersOf, seedLearning } from '../learning';
import { seedTaskforce } from '../taskforce';
import {
  DEMO_DOMAIN,
  DEMO_MUNICIPALITY,
  DEMO_PASSWORD,
  DEMO_SITES,
  DEMO_USERS,
  EMPLOYMENT_GOALS,
  FIRST_NAMES,
  LAST_NAMES,
  VULNERABILITY_REASONS,
  uniqueFictitiousCprs,
  demoGroups,
  prng,
} from './demo-data';
import { systemAudit } from '../platform/audit';
import { clock } from '../platform/clock';
import { seedDemoAnswerHistory, seedDemoTests } from '../assessment';

const DAY = 86_400_000;

export interface SeedResult {
  created: boolean;
  users: number;
  citizens: number;
}

export async function seedDemo(
  db: Db,
  cipher: CprCipher,
  opts: { citizens?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<SeedResult> {
  const total = opts.citizens ?? 800;
  const groups = demoGroups(total);
  if (await findMunicipalityByCode(db, DEMO_MUNICIPALITY.code)) {
    return { created: false, users: 0, citizens: 0 };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const m = await insertMunicipality(tx, { ...DEMO_MUNICIPALITY, allowFictitiousCpr: true });
    const sites = [];
    for (const s of DEMO_SITES) sites.push(await insertSite(tx, { ...s, municipalityId: m.id }));
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const row = await insertUser(tx, {
        municipalityId: m.id,
        email: `${u.key}@${DEMO_DOMAIN}`,
        name: u.name,
        roles: [...u.roles],
        siteId: u.site === null ? null : sites[u.site]!.id,
        passwordHash,
      });
      userIds.set(u.key, row.id);
    }
    const caseworkers = ['caseworker', 'caseworker2', 'caseworker3'].map((k) => userIds.get(k)!);
    const system = systemAudit(m.id);
    const rand = prng(20200101);
    const nextCpr = uniqueFictitiousCprs(rand);

    // The demo citizen who can log in sits on the demo caseworker's caseload.
    const citizenIds: string[] = [];
    // Registered at the jobcentre over the last two years, spread by their number (no draw from
    // the generator, so everything drawn after stays as it was).
    const registeredAt = (i: number) =>
      new Date(clock.now().getTime() - (1 + ((i * 37) % 700)) * DAY);
    const demoCitizen = await createCitizen(
      { tx, cipher, actor: system, purpose: 'system' },
      {
        cpr: nextCpr(0),
        firstName: 'Borger',
        lastName: 'Demosen',
        email: `citizen@${DEMO_DOMAIN}`,
        phone: '+45 00 00 00 00',
        address: 'Prøvevej 1',
        postalCode: '2500',
        city: 'Valby',
        employmentGoal: 'Kontorassistent',
        caseworkerId: caseworkers[0],
        userId: userIds.get('citizen')!,
        digitallyVulnerable: true,
        vulnerableReason: VULNERABILITY_REASONS[0]!,
        registeredAt: new Date(clock.now().getTime() - 150 * DAY),
      },
    );
    citizenIds.push(demoCitizen.id);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    for (let i = 1; i < groups.general; i++) {
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const vulnerable = rand() < 0.3;
      const created = await createCitizen(
        { tx, cipher, actor: system, purpose: 'system' },
        {
          cpr: nextCpr(i),
          firstName: first,
          lastName: last,
          email: rand() < 0.8 ? `${first}.${last}.${i}@eksempel.invalid`.toLowerCase() : null,
          phone:
            rand() < 0.9
              ? `+45 00 ${String(10 + (i % 90))} ${String(10 + ((i * 7) % 90))} 00`
              : null,
          address: `Eksempelgade ${1 + (i % 120)}`,
          postalCode: pick(['2400', '2450', '2500', '2300', '2200', '1799']),
          city: 'København',
          employmentGoal: pick(EMPLOYMENT_GOALS),
          educationLevel: pick(EDUCATION_LEVELS),
          caseworkerId: caseworkers[i % caseworkers.length],
          digitallyVulnerable: vulnerable,
          vulnerableReason: vulnerable ? pick(VULNERABILITY_REASONS) : null,
          registeredAt: registeredAt(i),
        },
      );
      citizenIds.push(created.id);
      opts.onProgress?.(i + 1, total);
    }
    /** A fictitious citizen with the extra fields (drawn after the shared ones, in this order). */
    const fictitious = async (
      i: number,
      extra: (first: string, last: string) => Partial<Parameters<typeof createCitizen>[1]>,
    ) => {
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const cpr = nextCpr(i);
      const postalCode = pick(['2400', '2450', '2500', '2300', '2200', '1799']);
      return createCitizen(
        { tx, cipher, actor: system, purpose: 'system' },
        {
          cpr,
          firstName: first,
          lastName: last,
          address: `Eksempelgade ${1 + (i % 120)}`,
          postalCode,
          city: 'København',
          caseworkerId: caseworkers[i % caseworkers.length],
          // The pilots' cohorts came to the jobcentre before their pilots started.
          registeredAt: new Date(clock.now().getTime() - (300 + ((i * 7) % 300)) * DAY),
          ...extra(first, last),
        },
      );
    };
    // The Azure pilot's cohort: academics with an IT job goal, twice as many as the rest.
    const cohort: Parameters<typeof seedPilots>[1]['cohort'] = [];
    for (let k = 0; k < groups.cohort; k++) {
      const i = groups.general + k;
      const created = await fictitious(i, (first, last) => ({
        email: `${first}.${last}.${i}@eksempel.invalid`.toLowerCase(),
        employmentGoal: pick(AZURE_GOALS),
        // Academics, mostly with a master's degree; a few did not finish one.
        educationLevel:
          rand() < 0.9
            ? pick(['long_higher', 'long_higher', 'medium_higher'] as const)
            : 'upper_secondary',
      }));
      cohort.push({
        id: created.id,
        birthDate: created.birthDate,
        employmentGoal: created.employmentGoal,
        educationLevel: created.educationLevel,
      });
      opts.onProgress?.(i + 1, total);
    }
    const azure = await seedPilots(tx, {
      municipalityId: m.id,
      managerId: userIds.get('pilot_manager')!,
      caseworkerId: caseworkers[1]!,
      cohort,
      rand,
    });
    // Two more pilots for the other verdicts: the ordinary citizens (no effect), and a further
    // cohort for the pilot stopped early.
    const earlyStop: string[] = [];
    for (let k = 0; k < groups.earlyStop; k++) {
      const i = groups.general + groups.cohort + k;
      const created = await fictitious(i, () => ({
        employmentGoal: 'Kontorassistent',
        educationLevel: pick(['upper_secondary', 'vocational', 'short_higher'] as const),
      }));
      earlyStop.push(created.id);
      opts.onProgress?.(i + 1, total);
    }
    await seedVerdictPilots(tx, cipher, {
      municipalityId: m.id,
      managerId: userIds.get('pilot_manager')!,
      caseworkerId: caseworkers[1]!,
      noEffectCohort: citizenIds.slice(1),
      earlyStopCohort: earlyStop,
    });
    await seedWorkshops(tx, {
      municipalityId: m.id,
      siteIds: sites.filter((s) => s.hasWorkshop).map((s) => s.id),
      ementorIds: ['ementor', 'ementor2'].map((k) => userIds.get(k)!),
      citizenIds,
      rand,
    });
    await seedLearning(tx, {
      municipalityId: m.id,
      adminId: userIds.get('admin')!,
      caseworkerId: caseworkers[0]!,
      siteIds: sites.map((s) => s.id),
      citizenIds,
      demoCitizenId: demoCitizen.id,
      rand,
    });
    const seededCompanies = await seedCompanies(tx, {
      municipalityId: m.id,
      consultantId: userIds.get('company_consultant')!,
      companyUserId: userIds.get('company')!,
      rand,
    });
    const matching = await seedMatching(tx, {
      municipalityId: m.id,
      consultantId: userIds.get('company_consultant')!,
      pilotId: azure.pilotId,
      pilotEndsOn: azure.endsOn,
      companies: seededCompanies.seeded,
      academics: cohort.filter((c) => c.educationLevel === 'long_higher').map((c) => c.id),
      demoCitizenId: demoCitizen.id,
      // The demo company (the first partner) asks the demo citizen about its first open role.
      requestRole: seededCompanies.seeded
        .filter((c) => c.openRoleIds.length > 0)
        .map((c) => ({ roleId: c.openRoleIds[0]!, companyId: c.id }))[0],
      rand,
    });
    // Caseworkers offered the test to seven in ten new citizens; four in ten took it, at three
    // levels (so all three triage groups appear).
    const LEVELS = [
      [1, 1, 1, 0, 0],
      [3, 2, 2, 2, 1],
      [5, 5, 4, 5, 4],
    ] as const;
    await seedDemoTests(tx, {
      municipalityId: m.id,
      offers: citizenIds.slice(1).flatMap((citizenId, k) => {
        const i = k + 1;
        if (i % 10 >= 7) return [];
        const offeredAt = new Date(registeredAt(i).getTime() + 3 * DAY);
        const at = new Date(offeredAt.getTime() + 2 * DAY);
        return [
          {
            citizenId,
            offeredBy: caseworkers[i % caseworkers.length]!,
            offeredAt,
            taken: i % 10 < 4 && at < clock.now() ? { at, levels: LEVELS[i % 3]! } : null,
          },
        ];
      }),
    });
    await seedDemoAnswerHistory(tx, { municipalityId: m.id, now: clock.now() });
    const offers = await learningOffersOf(tx, m.id, false);
    await seedTaskforce(tx, {
      municipalityId: m.id,
      userId: userIds.get('taskforce')!,
      sites: sites.map((s) => ({ id: s.id, name: s.name })),
      pilotId: azure.pilotId,
      offerId: offers.find((o) => o.weeks <= 8)?.id ?? offers[0]?.id ?? null,
      eventId: matching.azureEventId,
      cipher,
    });
    return { created: true, users: DEMO_USERS.length, citizens: total };
  });
}
