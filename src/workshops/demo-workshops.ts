// Demo life in the two Copenhagen workshops: eight weeks of logged visits (so the statistics
// have something to show) and eMentor shifts for the coming two weeks (so times can be booked).
import type { DbOrTx } from '../platform/db/client';
import { workshopShifts, workshopVisits } from './workshops.schema';
import { VISIT_TOPICS } from './workshops.constants';
import { DEFAULT_OPENING_HOURS, danishDay } from './workshops.model';
import { addDays, danishTimeToUtc, weekdayOf } from './appointments.model';
import { clock } from '../platform/clock';

// How often each topic comes up: MitID and Digital Post dominate, as in the workshops' reports.
const TOPIC_WEIGHTS: Record<(typeof VISIT_TOPICS)[number], number> = {
  mitid: 30,
  digital_post: 22,
  borger_dk: 8,
  netbank: 10,
  jobnet_cv: 14,
  job_application_upload: 6,
  email: 8,
  device_basics: 12,
  apps: 5,
  security: 6,
  other: 4,
};

export async function seedWorkshops(
  tx: DbOrTx,
  input: {
    municipalityId: string;
    siteIds: string[];
    ementorIds: string[];
    citizenIds: string[];
    rand: () => number;
    now?: Date;
  },
) {
  const { rand } = input;
  const today = danishDay(input.now ?? clock.now());
  const topicPool = VISIT_TOPICS.flatMap((t) =>
    Array<(typeof VISIT_TOPICS)[number]>(TOPIC_WEIGHTS[t]).fill(t),
  );
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  // Returning visitors come from a small group, so some citizens are seen several times.
  const regulars = input.citizenIds.slice(0, 40);

  const visits: (typeof workshopVisits.$inferInsert)[] = [];
  for (let back = 56; back >= 1; back--) {
    const day = addDays(today, -back);
    const hours = DEFAULT_OPENING_HOURS[String(weekdayOf(day)) as '1'];
    if (!hours) continue;
    for (const [s, siteId] of input.siteIds.entries()) {
      const count = 5 + Math.floor(rand() * (s === 0 ? 10 : 6));
      for (let i = 0; i < count; i++) {
        const openMin = Number(hours[0].slice(0, 2)) * 60;
        const closeMin = Number(hours[1].slice(0, 2)) * 60;
        const m = openMin + Math.floor(rand() * (closeMin - openMin - 20));
        const at = danishTimeToUtc(
          day,
          `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
        );
        const first = pick(topicPool);
        const topics = rand() < 0.3 ? [...new Set([first, pick(topicPool)])] : [first];
        visits.push({
          municipalityId: input.municipalityId,
          siteId,
          ementorId: pick(input.ementorIds),
          citizenId: rand() < 0.35 ? pick(regulars) : null,
          topics,
          competences: [],
          device: rand() < 0.8 ? 'own' : 'loan',
          resolved: rand() < 0.76,
          minutes: 8 + Math.floor(rand() * 32),
          onBehalfWithPowerOfAttorney: false,
          // Waits skew short, with the odd long one at busy hours.
          waitedMinutes: Math.round(-12 * Math.log(1 - rand() * 0.98)),
          createdAt: at,
        });
      }
    }
  }
  if (visits.length > 0) await tx.insert(workshopVisits).values(visits);

  const shifts: (typeof workshopShifts.$inferInsert)[] = [];
  for (let ahead = 0; ahead < 14; ahead++) {
    const day = addDays(today, ahead);
    const hours = DEFAULT_OPENING_HOURS[String(weekdayOf(day)) as '1'];
    if (!hours) continue;
    for (const [s, siteId] of input.siteIds.entries()) {
      const userId = input.ementorIds[s % input.ementorIds.length]!;
      shifts.push({
        municipalityId: input.municipalityId,
        siteId,
        userId,
        day,
        start: hours[0],
        end: hours[1],
      });
    }
  }
  if (shifts.length > 0) await tx.insert(workshopShifts).values(shifts);
  return { visits: visits.length, shifts: shifts.length };
}
