// The Copenhagen demo's follow-up: each workshop site a centre of its own, and the taskforce's
// actions behind the recommendations (some done, one late), linked to the Azure pilot, a course
// and the matchmaking event.
import type { DbOrTx } from '../platform/db/client';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import type { UseCase } from '../platform/use-case';
import { issueReport } from './taskforce.use-cases';
import { clock, copenhagenDay } from '../platform/clock';
import { addDays } from '../workshops';
import {
  insertAction,
  insertCentre,
  insertSpending,
  saveBudget,
  setCentreSites,
} from './taskforce.store';
import type { ActionStatus, Recommendation } from './taskforce.constants';

export async function seedTaskforce(
  tx: DbOrTx,
  input: {
    municipalityId: string;
    userId: string;
    sites: { id: string; name: string }[];
    pilotId: string;
    offerId: string | null;
    eventId: string | null;
    cipher: CprCipher;
  },
) {
  const m = input.municipalityId;
  const centres: string[] = [];
  for (const s of input.sites) {
    const name = s.name.replace(/^Jobcenter København, /, 'Center ');
    const c = await insertCentre(tx, m, name);
    await setCentreSites(tx, m, c.id, [s.id]);
    centres.push(c.id);
  }
  const today = copenhagenDay(clock.now());
  const actions: [Recommendation, string, string, number, ActionStatus, number | null, string][] = [
    [
      'r1',
      'Aftaler om praktik med digitale opgaver hos 10 virksomheder',
      'Virksomhedsservice',
      60,
      'in_progress',
      null,
      '',
    ],
    [
      'r2',
      'Spilbaseret læring afprøvet i værkstederne',
      'Værkstedsleder',
      -30,
      'done',
      0,
      'Afprøvet med 40 borgere; godt modtaget.',
    ],
    [
      'r3',
      'Korte, intensive forløb i Office og Azure',
      'Taskforcen',
      -14,
      'in_progress',
      null,
      'Forsinket: leverandøren mangler undervisere.',
    ],
    [
      'r4',
      'Spørgeskema om digitale kompetencebehov til 200 virksomheder',
      'Virksomhedsservice',
      30,
      'planned',
      null,
      '',
    ],
    [
      'r5',
      'Alle nyledige tilbydes testen ved første samtale',
      'Centerchefer',
      90,
      'in_progress',
      1,
      '',
    ],
    [
      'r6',
      'Matchmaking mellem SMV’er og ledige akademikere',
      'Virksomhedsservice',
      -7,
      'done',
      null,
      '',
    ],
    ['r7', 'Beslutning om Azure-projektet efter 26 uger', 'Styregruppen', 45, 'planned', null, ''],
    [
      'track1',
      'Længere åbningstid i værkstedet på Lærkevej',
      'Værkstedsleder',
      -45,
      'planned',
      1,
      'Afventer bemanding.',
    ],
  ];
  for (const [rec, title, owner, days, status, centre, notes] of actions) {
    const links =
      rec === 'r7'
        ? [{ kind: 'pilot' as const, id: input.pilotId }]
        : rec === 'r3' && input.offerId
          ? [{ kind: 'offer' as const, id: input.offerId }]
          : rec === 'r6' && input.eventId
            ? [{ kind: 'event' as const, id: input.eventId }]
            : [];
    await insertAction(tx, {
      municipalityId: m,
      recommendation: rec,
      title,
      owner,
      centreId: centre === null ? null : (centres[centre] ?? null),
      dueOn: addDays(today, days),
      status,
      notes,
      links,
      createdBy: input.userId,
    });
  }
  // The budget runs over last year and this, so the demo's history falls inside it.
  const year = Number(today.slice(0, 4));
  await saveBudget(tx, {
    municipalityId: m,
    totalDkk: 2_200_000,
    startsOn: `${year - 1}-01-01`,
    endsOn: `${year}-12-31`,
    ementorRateDkk: 400,
    updatedBy: input.userId,
  });
  const costs: ['pilot' | 'course' | 'other', string, number, number][] = [
    ['pilot', 'Microsoft-kursusmateriale og AZ-900-prøver', -250, 310_000],
    ['pilot', 'Undervisere, første halvdel', -180, 420_000],
    ['pilot', 'Undervisere, anden halvdel', -100, 380_000],
    ['course', 'Licenser til e-læring (Office)', -200, 45_000],
    ['other', 'Konference om digital inklusion', -60, 25_000],
  ];
  for (const [kind, description, days, amountDkk] of costs)
    await insertSpending(tx, {
      municipalityId: m,
      kind,
      pilotId: kind === 'pilot' ? input.pilotId : null,
      description,
      on: addDays(today, days),
      amountDkk,
      createdBy: input.userId,
    });
  // One report already issued to the committee, as the taskforce would have done it.
  const uc: UseCase = {
    tx,
    actor: {
      userId: input.userId,
      municipalityId: m,
      roles: ['taskforce'],
      name: 'Taskforcen',
      email: '',
      locale: 'da',
      sessionId: '',
    },
    audit: { municipalityId: m, actorId: input.userId, actorRole: 'taskforce' },
  };
  await issueReport(uc, input.cipher, {
    title: `Status på strategien for digitale kompetencer, ${today}`,
    from: `${year - 1}-01-01`,
    to: today,
    texts: {
      summary:
        'Taskforcen følger de syv anbefalinger på tværs af centrene. Værkstederne er godt besøgt, testen tilbydes nu de fleste nyledige, og Azure-projektet afventer sin afgørelse.',
      r3: 'De korte, intensive forløb er forsinkede, fordi leverandøren mangler undervisere.',
      pilots:
        'Jobsøgning med digitale værktøjer er lukket uden effekt; Digital kontorpraktik videreføres.',
      budget: 'Forbruget følger planen; der er plads til et nyt pilotprojekt næste år.',
    },
  });
}
