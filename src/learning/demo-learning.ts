// The demo catalogue of learning offers (from the jobcentre's own classes to a company's
// workplace programme and a mainstream warehouse course), half a year of places on them (so the
// statistics show completion by method and provider, and a waiting list), and the demo
// citizen's two tests and learning plan towards office work.
import type { DbOrTx } from '../platform/db/client';
import { recordScriptedTest } from '../assessment';
import { findCitizen } from '../people';
import { esco } from './esco';
import { buildPlan } from './build-plan';
import { learningEnrolments, learningOffers, learningSessions } from './learning.schema';
import type { CompetenceLevel } from './plan.model';
import type { LearningMethod, OfferFormat, ProviderKind } from './learning.constants';
import { clock } from '../platform/clock';

interface DemoOffer {
  name: string;
  description: string;
  providerKind: ProviderKind;
  providerName: string;
  hostCvr?: string;
  methods: LearningMethod[];
  format: OfferFormat;
  hoursPerWeek: number;
  weeks: number;
  lifts: CompetenceLevel[];
  prerequisites?: CompetenceLevel[];
  languages: string[];
  capacity: number;
  priceDkk: number;
  mainstreaming?: boolean;
  /** Completion probability of a place, so methods differ in the statistics. */
  completes: number;
}

export const DEMO_OFFERS: DemoOffer[] = [
  {
    name: 'Kom godt i gang med MitID og Digital Post',
    description:
      'Små hold, hvor man logger på, læser og svarer på post fra det offentlige og bruger borger.dk.',
    providerKind: 'jobcentre',
    providerName: 'Jobcenter København',
    methods: ['classroom', 'reading_writing'],
    format: 'on_site',
    hoursPerWeek: 6,
    weeks: 4,
    lifts: [
      { competence: '2.3', level: 3 },
      { competence: '2.1', level: 3 },
      { competence: '1.1', level: 3 },
    ],
    languages: ['da', 'ar', 'so'],
    capacity: 12,
    priceDkk: 0,
    completes: 0.7,
  },
  {
    name: 'Office-pakken på jobbet',
    description:
      'Tekstbehandling, regneark og fælles mapper, øvet på opgaver fra rigtige arbejdspladser.',
    providerKind: 'cbsi',
    providerName: 'Center for Beskæftigelse, Sprog og Integration',
    methods: ['classroom', 'practice_based'],
    format: 'hybrid',
    hoursPerWeek: 12,
    weeks: 6,
    lifts: [
      { competence: '3.1', level: 4 },
      { competence: '1.3', level: 4 },
      { competence: '2.4', level: 4 },
    ],
    prerequisites: [{ competence: '1.1', level: 3 }],
    languages: ['da'],
    capacity: 16,
    priceDkk: 4500,
    completes: 0.75,
  },
  {
    name: 'IT-support i praksis',
    description:
      'Otte uger i en supportafdeling med en fast makker: fejlsøgning, brugerhjælp og sikkerhed.',
    providerKind: 'company',
    providerName: 'Nordlys IT ApS',
    hostCvr: '13612870',
    methods: ['workplace'],
    format: 'on_site',
    hoursPerWeek: 30,
    weeks: 8,
    lifts: [
      { competence: '5.1', level: 5 },
      { competence: '4.1', level: 4 },
      { competence: '2.1', level: 4 },
    ],
    prerequisites: [{ competence: '5.1', level: 3 }],
    languages: ['da', 'en'],
    capacity: 6,
    priceDkk: 0,
    completes: 0.85,
  },
  {
    name: 'Python for begyndere',
    description: 'Programmering fra bunden, med små projekter og en underviser to gange om ugen.',
    providerKind: 'school',
    providerName: 'Erhvervsskolen Øst',
    methods: ['e_learning', 'classroom'],
    format: 'hybrid',
    hoursPerWeek: 10,
    weeks: 10,
    lifts: [
      { competence: '3.4', level: 4 },
      { competence: '1.3', level: 4 },
    ],
    prerequisites: [{ competence: '1.3', level: 3 }],
    languages: ['da', 'en'],
    capacity: 20,
    priceDkk: 9800,
    completes: 0.55,
  },
  {
    name: 'Cloud-grundforløb (AZ-900)',
    description:
      'Fire intensive uger med e-læring og øvelser i skyen, afsluttet med certificeringen AZ-900.',
    providerKind: 'company',
    providerName: 'Skyværket ApS',
    hostCvr: '10403782',
    methods: ['e_learning', 'game_based'],
    format: 'online',
    hoursPerWeek: 20,
    weeks: 4,
    lifts: [
      { competence: '3.4', level: 5 },
      { competence: '5.2', level: 5 },
      { competence: '4.1', level: 5 },
    ],
    prerequisites: [{ competence: '5.2', level: 4 }],
    languages: ['en', 'da'],
    capacity: 4,
    priceDkk: 6000,
    completes: 0.8,
  },
  {
    name: 'Sikker på nettet',
    description:
      'Et spil om svindel-mails, stærke adgangskoder og hvad man deler, spillet i sit eget tempo.',
    providerKind: 'jobcentre',
    providerName: 'Jobcenter København',
    methods: ['game_based', 'e_learning'],
    format: 'online',
    hoursPerWeek: 3,
    weeks: 2,
    lifts: [
      { competence: '4.1', level: 3 },
      { competence: '4.2', level: 4 },
    ],
    languages: ['da', 'en', 'uk'],
    capacity: 40,
    priceDkk: 0,
    completes: 0.6,
  },
  {
    name: 'Lager og logistik med håndterminal',
    description:
      'AMU-kursus i lagerarbejde, hvor håndterminal og lagersystem er en del af undervisningen.',
    providerKind: 'school',
    providerName: 'AMU Lager og Transport',
    methods: ['practice_based', 'classroom'],
    format: 'on_site',
    hoursPerWeek: 37,
    weeks: 3,
    lifts: [
      { competence: '5.2', level: 3 },
      { competence: '1.3', level: 3 },
    ],
    languages: ['da'],
    capacity: 14,
    priceDkk: 0,
    mainstreaming: true,
    completes: 0.9,
  },
  {
    name: 'Dansk og digitale breve',
    description:
      'Læsning og skrivning på dansk, øvet på breve i Digital Post og beskeder fra jobcentret.',
    providerKind: 'cbsi',
    providerName: 'Center for Beskæftigelse, Sprog og Integration',
    methods: ['reading_writing', 'classroom'],
    format: 'on_site',
    hoursPerWeek: 8,
    weeks: 10,
    lifts: [
      { competence: '2.3', level: 3 },
      { competence: '2.1', level: 3 },
    ],
    languages: ['da', 'ar', 'uk'],
    capacity: 10,
    priceDkk: 0,
    completes: 0.65,
  },
];

const DAY = 24 * 3600_000;

export async function seedLearning(
  tx: DbOrTx,
  input: {
    municipalityId: string;
    adminId: string;
    caseworkerId: string;
    siteIds: string[];
    citizenIds: string[];
    demoCitizenId: string;
    rand: () => number;
    now?: Date;
  },
) {
  const { rand, municipalityId: m } = input;
  const now = input.now ?? clock.now();
  // Monday 09:00 Copenhagen (08:00 UTC in winter is close enough for demo sessions).
  const monday = new Date(now.getTime() + ((8 - now.getUTCDay()) % 7 || 7) * DAY);
  monday.setUTCHours(8, 0, 0, 0);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;

  for (const [k, o] of DEMO_OFFERS.entries()) {
    const [offer] = await tx
      .insert(learningOffers)
      .values({
        municipalityId: m,
        name: o.name,
        description: o.description,
        providerKind: o.providerKind,
        providerName: o.providerName,
        hostCvr: o.hostCvr ?? null,
        methods: o.methods,
        format: o.format,
        hoursPerWeek: o.hoursPerWeek,
        weeks: o.weeks,
        lifts: o.lifts,
        prerequisites: o.prerequisites ?? [],
        languages: o.languages,
        capacity: o.capacity,
        priceDkk: o.priceDkk,
        mainstreaming: o.mainstreaming ?? false,
        createdBy: input.adminId,
      })
      .returning();
    // The next run: one session a week, at a jobcentre site or the provider's own place.
    const atSite = o.providerKind === 'jobcentre' || o.providerKind === 'cbsi';
    for (let w = 0; w < Math.min(o.weeks, 4); w++) {
      const start = new Date(monday.getTime() + (w * 7 + (k % 3)) * DAY);
      await tx.insert(learningSessions).values({
        municipalityId: m,
        offerId: offer!.id,
        startsAt: start,
        endsAt: new Date(start.getTime() + 3 * 3600_000),
        siteId: atSite && o.format !== 'online' ? input.siteIds[k % input.siteIds.length]! : null,
        location: atSite
          ? o.format === 'online'
            ? 'Online (link i beskeden)'
            : ''
          : `${o.providerName}, København`,
      });
    }
    // Half a year of earlier runs: finished places, and the coming run's places and queue.
    const pool = input.citizenIds.slice(1);
    const finished = Math.round(o.capacity * 2.5);
    const rows: Omit<typeof learningEnrolments.$inferInsert, 'municipalityId' | 'offerId'>[] = [];
    for (let i = 0; i < finished; i++) {
      const created = new Date(now.getTime() - (20 + Math.floor(rand() * 160)) * DAY);
      const done = rand() < o.completes;
      rows.push({
        citizenId: pick(pool),
        status: done ? 'completed' : 'dropped_out',
        queuedAt: created,
        createdAt: created,
        completedAt: done ? new Date(created.getTime() + o.weeks * 7 * DAY) : null,
        endedAt: done ? null : new Date(created.getTime() + 14 * DAY),
        endReason: done ? null : 'dropped_out',
      });
    }
    // A small demo (seed --citizens 20) has fewer people than places: never loop for more.
    const upcoming = Math.min(
      pool.length,
      k === 4 ? o.capacity + 3 : Math.floor(o.capacity * (0.3 + 0.5 * rand())),
    );
    const taken = new Set<string>();
    for (let i = 0; i < upcoming; i++) {
      let citizenId = pick(pool);
      while (taken.has(citizenId)) citizenId = pick(pool);
      taken.add(citizenId);
      const created = new Date(now.getTime() - (upcoming - i) * 3600_000);
      rows.push({
        citizenId,
        status: i < o.capacity ? 'enrolled' : 'waitlisted',
        queuedAt: created,
        createdAt: created,
        completedAt: null,
        endedAt: null,
        endReason: null,
      });
    }
    await tx.insert(learningEnrolments).values(
      rows.map((r) => ({
        ...r,
        municipalityId: m,
        offerId: offer!.id,
        enrolledBy: input.caseworkerId,
      })),
    );
  }

  // The demo citizen took the test twice (the second after workshop help) and has a plan.
  for (const [daysAgo, levels] of [
    [120, [2, 1, 1, 1, 1]],
    [20, [3, 3, 2, 3, 2]],
  ] as const) {
    await recordScriptedTest(tx, {
      municipalityId: m,
      citizenId: input.demoCitizenId,
      levels,
      completedAt: new Date(now.getTime() - daysAgo * DAY),
    });
  }
  const citizen = (await findCitizen(tx, m, input.demoCitizenId))!;
  // ESCO "office clerk": the demo citizen's job goal, kontorassistent.
  const occupation = esco().search('office clerk', 1)[0]!;
  await buildPlan(tx, { citizen, occupation, by: input.caseworkerId });
}
