// The Copenhagen demo's companies: 25 invented companies (names and CVR numbers made up, the
// numbers passing the modulus-11 check, every one marked fictitious), among them the Microsoft
// partners of the Azure pilot; the roles they posted; the business service's log; and 40 job
// ads analysed with the committed model. Dates are relative to the clock, so the demo keeps
// its shape as the calendar moves.
import { eq } from 'drizzle-orm';
import { clock } from '../platform/clock';
import type { DbOrTx } from '../platform/db/client';
import { esco, requirementsOf } from '../learning';
import { parseConll } from './job-ads/corpus';
import { analyseAd } from './job-ads/analyse';
import { jobAdAnalyser } from './job-ads/job-ad-model';
import { BUNDLED_DATA } from './job-ads/training-data';
import fs from 'node:fs';
import { bandOf, sectionOf, validCvr } from './companies.model';
import {
  companies,
  companyActivities,
  companyContacts,
  companyMembers,
  companyUnits,
  demandSurveys,
  jobAds,
  jobRoles,
  surveyAnswers,
  surveyInvitations,
} from './companies.schema';
import { newToken, tokenHash } from '../platform/crypto/tokens';
import type { RoleStatus } from './companies.constants';

interface DemoCompany {
  name: string;
  industryCode: string;
  employees: number;
  city: string;
  postalCode: string;
  /** A Microsoft partner taking part in the Azure pilot's matchmaking. */
  azurePartner?: boolean;
}

const COMPANIES: DemoCompany[] = [
  {
    name: 'Skyhavn Cloud ApS',
    industryCode: '620200',
    employees: 38,
    city: 'København K',
    postalCode: '1150',
    azurePartner: true,
  },
  {
    name: 'Nordlys Data A/S',
    industryCode: '620100',
    employees: 120,
    city: 'København Ø',
    postalCode: '2100',
    azurePartner: true,
  },
  {
    name: 'Bølge IT-Drift ApS',
    industryCode: '620300',
    employees: 22,
    city: 'Valby',
    postalCode: '2500',
    azurePartner: true,
  },
  {
    name: 'Kvist Konsulenthus ApS',
    industryCode: '620200',
    employees: 9,
    city: 'København N',
    postalCode: '2200',
    azurePartner: true,
  },
  {
    name: 'Havnefront Software A/S',
    industryCode: '582900',
    employees: 310,
    city: 'København S',
    postalCode: '2300',
    azurePartner: true,
  },
  {
    name: 'Tårnby Netværk ApS',
    industryCode: '611000',
    employees: 45,
    city: 'Kastrup',
    postalCode: '2770',
    azurePartner: true,
  },
  {
    name: 'Amager Regnskabsservice ApS',
    industryCode: '692000',
    employees: 14,
    city: 'København S',
    postalCode: '2300',
  },
  {
    name: 'Frederiksberg Tandklinik ApS',
    industryCode: '862300',
    employees: 11,
    city: 'Frederiksberg',
    postalCode: '2000',
  },
  {
    name: 'Vesterbro Boligadministration A/S',
    industryCode: '683200',
    employees: 64,
    city: 'København V',
    postalCode: '1620',
  },
  {
    name: 'Søndermarken Plejecenter (fond)',
    industryCode: '871000',
    employees: 180,
    city: 'Frederiksberg',
    postalCode: '2000',
  },
  {
    name: 'Kløverbladet Logistik A/S',
    industryCode: '522900',
    employees: 420,
    city: 'Hvidovre',
    postalCode: '2650',
  },
  {
    name: 'Nørrebro Cykler ApS',
    industryCode: '476400',
    employees: 7,
    city: 'København N',
    postalCode: '2200',
  },
  {
    name: 'Strandvejens Revision I/S',
    industryCode: '692000',
    employees: 32,
    city: 'Hellerup',
    postalCode: '2900',
  },
  {
    name: 'Christianshavn Arkitekter ApS',
    industryCode: '711100',
    employees: 27,
    city: 'København K',
    postalCode: '1401',
  },
  {
    name: 'Bispebjerg VVS & El ApS',
    industryCode: '432200',
    employees: 41,
    city: 'København NV',
    postalCode: '2400',
  },
  {
    name: 'Sundby Supermarkeder A/S',
    industryCode: '471100',
    employees: 650,
    city: 'København S',
    postalCode: '2300',
  },
  {
    name: 'Østerbro Sprogskole ApS',
    industryCode: '855900',
    employees: 19,
    city: 'København Ø',
    postalCode: '2100',
  },
  {
    name: 'Kongens Have Hotel A/S',
    industryCode: '551000',
    employees: 95,
    city: 'København K',
    postalCode: '1306',
  },
  {
    name: 'Refshaleøen Film & Lyd ApS',
    industryCode: '591100',
    employees: 16,
    city: 'København K',
    postalCode: '1432',
  },
  {
    name: 'Valby Trykkeri A/S',
    industryCode: '181200',
    employees: 58,
    city: 'Valby',
    postalCode: '2500',
  },
  {
    name: 'Nordhavn Forsikringsmægler A/S',
    industryCode: '662200',
    employees: 210,
    city: 'København Ø',
    postalCode: '2150',
  },
  {
    name: 'Brønshøj Rengøring ApS',
    industryCode: '812100',
    employees: 73,
    city: 'Brønshøj',
    postalCode: '2700',
  },
  {
    name: 'Islands Brygge Marketing ApS',
    industryCode: '731100',
    employees: 12,
    city: 'København S',
    postalCode: '2300',
  },
  {
    name: 'Carlsberg Byens Bageri ApS',
    industryCode: '107100',
    employees: 24,
    city: 'Valby',
    postalCode: '2500',
  },
  {
    name: 'Københavns Kundecenter A/S',
    industryCode: '822000',
    employees: 280,
    city: 'København SV',
    postalCode: '2450',
  },
];

/** The n-th invented CVR number that passes the check (weights 2, 7, 6, 5, 4, 3, 2, 1). */
function fictitiousCvr(n: number): string {
  for (let base = 4_000_000 + n * 37; ; base++) {
    const first7 = String(base).padStart(7, '0');
    for (let d = 0; d <= 9; d++) if (validCvr(`${first7}${d}`)) return `${first7}${d}`;
  }
}

/** Roles by the kind of company, as ESCO occupation searches. */
const ROLE_TEMPLATES: [string, string, number][] = [
  ['Cloud-administrator', 'cloud engineer', 2],
  ['Softwareudvikler', 'software developer', 3],
  ['IT-supporter', 'ICT help desk agent', 2],
  ['Dataanalytiker', 'data analyst', 1],
  ['Netværkstekniker', 'network technician', 1],
  ['Bogholder', 'bookkeeper', 1],
  ['Kontorassistent', 'office clerk', 2],
  ['Kundeservicemedarbejder', 'contact centre agent', 4],
  ['Lagermedarbejder', 'warehouse worker', 3],
  ['Social- og sundhedshjælper', 'home care aide', 2],
];

const daysFromNow = (days: number) => {
  const d = new Date(clock.now().getTime() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
};

export async function seedCompanies(
  tx: DbOrTx,
  input: {
    municipalityId: string;
    consultantId: string;
    companyUserId: string;
    rand: () => number;
  },
) {
  const { municipalityId, rand } = input;
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const rows = await tx
    .insert(companies)
    .values(
      COMPANIES.map((c, i) => ({
        municipalityId,
        cvr: fictitiousCvr(i),
        name: c.name,
        industryCode: c.industryCode,
        industrySection: sectionOf(c.industryCode)!,
        employees: c.employees,
        sizeBand: bandOf(c.employees),
        address: `${pick(['Vestergade', 'Nørregade', 'Havnegade', 'Strandvej', 'Bredgade'])} ${1 + Math.floor(rand() * 90)}`,
        postalCode: c.postalCode,
        city: c.city,
        fictitious: true,
      })),
    )
    .returning();
  await tx.insert(companyUnits).values(
    rows.map((c, i) => ({
      municipalityId,
      companyId: c.id,
      pNumber: String(1_100_000_000 + i * 7919),
      name: `${c.name.split(' ')[0]} – hovedkontor`,
      postalCode: c.postalCode,
      city: c.city,
    })),
  );
  await tx.insert(companyContacts).values(
    rows.map((c, i) => ({
      municipalityId,
      companyId: c.id,
      name: `${pick(['Hanne', 'Jens', 'Mette', 'Ali', 'Sofie', 'Lars', 'Fatima'])} ${pick(['Eksempelsen', 'Prøvesen', 'Demosen'])}`,
      title: pick(['HR-chef', 'Direktør', 'Rekrutteringsansvarlig', 'Driftschef']),
      email: `kontakt${i + 1}@virksomhed.example`,
    })),
  );
  // The demo company user acts for the first partner.
  await tx
    .insert(companyMembers)
    .values({ municipalityId, companyId: rows[0]!.id, userId: input.companyUserId });

  const activities: (typeof companyActivities.$inferInsert)[] = [];
  rows.forEach((c, i) => {
    activities.push({
      municipalityId,
      companyId: c.id,
      kind: i % 3 === 0 ? 'visit' : 'contact',
      on: daysFromNow(-10 - Math.floor(rand() * 120)),
      note:
        i % 3 === 0
          ? 'Besøg: gennemgik rekrutteringsbehov for det næste halve år.'
          : 'Telefonmøde om digitale kompetencer i virksomheden.',
      by: input.consultantId,
    });
    if (COMPANIES[i]!.azurePartner)
      activities.push({
        municipalityId,
        companyId: c.id,
        kind: 'agreement',
        agreement: 'recruitment',
        places: 1 + Math.floor(rand() * 3),
        on: daysFromNow(-200),
        note: 'Microsoft-partner: deltager i matchmaking efter Azure-pilotens kursus.',
        by: input.consultantId,
      });
    else if (i % 4 === 1)
      activities.push({
        municipalityId,
        companyId: c.id,
        kind: 'agreement',
        agreement: pick(['workplace_training', 'trainee'] as const),
        places: 1 + Math.floor(rand() * 4),
        on: daysFromNow(-30 - Math.floor(rand() * 60)),
        note: 'Aftale om pladser til ledige med behov for digital opkvalificering.',
        by: input.consultantId,
      });
  });
  await tx.insert(companyActivities).values(activities);

  const catalogue = esco();
  const roles: (typeof jobRoles.$inferInsert)[] = [];
  rows.forEach((c, i) => {
    const it = COMPANIES[i]!.azurePartner || c.industrySection === 'J';
    const templates = it ? ROLE_TEMPLATES.slice(0, 5) : ROLE_TEMPLATES.slice(5);
    const count = 1 + Math.floor(rand() * 2);
    for (let k = 0; k < count; k++) {
      const [title, search, people] = pick(templates);
      const o = catalogue.search(search, 1)[0];
      if (!o) continue;
      const status: RoleStatus = rand() < 0.75 ? 'open' : rand() < 0.6 ? 'filled' : 'withdrawn';
      const created = new Date(clock.now().getTime() - Math.floor(rand() * 300) * 86_400_000);
      roles.push({
        municipalityId,
        companyId: c.id,
        title,
        occupationId: o.id,
        iscoGroup: o.iscoGroup,
        people,
        neededBy: daysFromNow(30 + Math.floor(rand() * 150)),
        location: c.city,
        competences: requirementsOf(o)
          .slice(0, 6)
          .map((r) => ({ competence: r.competence, level: r.level })),
        education: it ? 'medium_higher' : null,
        languages: it ? ['da', 'en'] : ['da'],
        workplaceLearning: it ? ['trainee', 'internship'] : ['internship', 'on_the_job'],
        status,
        statusChangedAt: status === 'open' ? null : clock.now(),
        createdBy: i === 0 ? input.companyUserId : input.consultantId,
        createdAt: created,
        updatedAt: created,
      });
    }
  });
  const roleRows = await tx.insert(jobRoles).values(roles).returning();

  // Forty ads, each a dozen sentences from the Kompetencer job ads, analysed as a consultant
  // would paste them; every third is saved to a role of its company.
  const sentences = parseConll(
    fs.readFileSync(`${BUNDLED_DATA}kompetencer_danish_train.conll`, 'utf8'),
    false,
  );
  const analyser = jobAdAnalyser();
  const ads: (typeof jobAds.$inferInsert)[] = [];
  for (let a = 0; a < 40; a++) {
    const company = rows[a % rows.length]!;
    const text = Array.from({ length: 12 }, () => pick(sentences).join(' ')).join('\n\n');
    const analysis = analyseAd(analyser, text);
    const role = a % 3 === 0 ? roleRows.find((r) => r.companyId === company.id) : undefined;
    const at = new Date(clock.now().getTime() - Math.floor(rand() * 360) * 86_400_000);
    ads.push({
      municipalityId,
      companyId: company.id,
      roleId: role?.id ?? null,
      title: `Stillingsopslag ${a + 1}: ${company.name}`,
      text,
      phrases: analysis.phrases.map((p) => ({
        kind: p.kind,
        text: p.text,
        group: p.group,
        competence: p.competence,
      })),
      by: input.consultantId,
      createdAt: at,
    });
  }
  await tx.insert(jobAds).values(ads);

  // The demand survey, asked twice half a year apart; about two in three companies answered.
  const asked = ['1.3', '2.1', '2.4', '3.4', '4.1', '4.2', '5.1', '5.2'];
  const [survey] = await tx
    .insert(demandSurveys)
    .values({
      municipalityId,
      title: 'Digitale kompetencer i københavnske virksomheder',
      intro: 'Hjælp jobcentret med at opkvalificere ledige til de job, I har.',
      competences: asked,
      reminderDays: 7,
      closesOn: daysFromNow(60),
      createdBy: input.consultantId,
      createdAt: new Date(clock.now().getTime() - 220 * 86_400_000),
    })
    .returning();
  for (const [round, ago, share] of [
    [1, 210, 0.7],
    [2, 30, 0.6],
  ] as const) {
    const sentAt = new Date(clock.now().getTime() - ago * 86_400_000);
    const chosen = rows.filter(() => rand() < 0.85);
    const invitations = await tx
      .insert(surveyInvitations)
      .values(
        chosen.map((c, i) => ({
          municipalityId,
          surveyId: survey!.id,
          round,
          companyId: c.id,
          email: `kontakt${rows.indexOf(c) + 1}@virksomhed.example`,
          tokenHash: tokenHash(newToken()),
          sentAt,
          remindedAt: i % 2 === 0 ? new Date(sentAt.getTime() + 7 * 86_400_000) : null,
          answeredAt: null,
        })),
      )
      .returning();
    const answered = invitations.filter(() => rand() < share);
    if (answered.length === 0) continue;
    const answeredAt = new Date(sentAt.getTime() + 5 * 86_400_000);
    await tx.insert(surveyAnswers).values(
      answered.map((inv) => {
        const it = COMPANIES[rows.findIndex((c) => c.id === inv.companyId)]!.azurePartner;
        return {
          municipalityId,
          invitationId: inv.id,
          surveyId: survey!.id,
          round,
          companyId: inv.companyId,
          answers: asked.map((competence) => {
            const technical = ['3.4', '4.1', '5.1'].includes(competence);
            const p = it ? (technical ? 0.9 : 0.6) : technical ? 0.15 : 0.6;
            return {
              competence,
              now: rand() < p,
              inTwoYears: rand() < Math.min(1, p + 0.2),
              cannotRecruit: rand() < p / 2,
              trainInHouse: rand() < 0.3,
            };
          }),
          comment: '',
          answeredAt,
        };
      }),
    );
    for (const inv of answered)
      await tx
        .update(surveyInvitations)
        .set({ answeredAt })
        .where(eq(surveyInvitations.id, inv.id));
  }
  return {
    companies: rows.length,
    roles: roleRows.length,
    ads: ads.length,
    /** For the matchmaking demo: the Azure partners first, then the other companies. */
    seeded: rows.map((c, i) => ({
      id: c.id,
      name: c.name,
      azurePartner: COMPANIES[i]!.azurePartner === true,
      sme: c.sizeBand !== '250+',
      section: c.industrySection,
      roles: roleRows.filter((r) => r.companyId === c.id).map((r) => r.title),
      openRoleIds: roleRows
        .filter((r) => r.companyId === c.id && r.status === 'open')
        .map((r) => r.id),
    })),
  };
}
