// Gathers the people an evaluation compares, with their covariates and register weeks counted
// from the pilot's start week. Names and CPR numbers stay here: the result is pseudonymous.
import type { DbOrTx } from '../platform/db/client';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import { latestResults } from '../assessment';
import type { Person } from './evaluate-pilot.model';
import { ageOn, exitToEmployment, mondayOf, weeksBetween, type WeekStatus } from './pilots.model';
import { addDays } from '../workshops';
import {
  citizensWithRegisterData,
  enrolmentsOf,
  registerWeeksOf,
  reportedHiresOf,
  studyCitizens,
  type PilotRow,
} from './pilots.store';

export async function loadStudy(db: DbOrTx, cipher: CprCipher, pilot: PilotRow): Promise<Person[]> {
  const enrolled = (await enrolmentsOf(db, pilot.municipalityId, pilot.id)).map((r) => r.enrolment);
  const arms = new Map<string, Person['arm']>();
  const tookPart = new Map<string, boolean>();
  // Without any attendance on record, who took part is unknown (not "nobody").
  const attendanceKept = enrolled.some(
    (e) => e.arm === 'participant' && (e.sessionsAttended > 0 || e.completedAt !== null),
  );
  for (const e of enrolled)
    if (e.arm === 'participant' || e.arm === 'control') {
      arms.set(e.citizenId, e.arm);
      // A winner who never came did not take part; a control may have found the course elsewhere.
      if (attendanceKept)
        tookPart.set(
          e.citizenId,
          e.arm === 'participant'
            ? e.sessionsAttended > 0 || e.completedAt !== null
            : e.tookPartElsewhere,
        );
    }
  if (pilot.decisionRule.method === 'matching' || ![...arms.values()].includes('control')) {
    const taken = new Set(enrolled.map((e) => e.citizenId));
    for (const id of await citizensWithRegisterData(db, pilot.municipalityId))
      if (!taken.has(id)) arms.set(id, 'pool');
  }
  const ids = [...arms.keys()];
  // One after another: inside a transaction the queries share one connection.
  const people = await studyCitizens(db, pilot.municipalityId, ids);
  const weeks = await registerWeeksOf(db, pilot.municipalityId, ids);
  const tests = await latestResults(db, pilot.municipalityId, ids);
  const hires = await reportedHiresOf(db, pilot.municipalityId, ids);
  const start = mondayOf(pilot.startsOn);
  const byCitizen = new Map<string, WeekStatus[]>();
  for (const w of weeks) {
    const list = byCitizen.get(w.citizenId) ?? [];
    list.push({ offset: weeksBetween(start, w.week), benefit: w.benefit, employed: w.employed });
    byCitizen.set(w.citizenId, list);
  }
  const hireOffsets = new Map<string, number[]>();
  for (const h of hires)
    hireOffsets.set(h.citizenId, [
      ...(hireOffsets.get(h.citizenId) ?? []),
      weeksBetween(start, mondayOf(h.startsOn)),
    ]);
  return people.map((c) => {
    // The CPR number's last digit: even for women. Read here, never returned.
    const digits = cipher.decrypt(c.cprCipher);
    return {
      id: c.id,
      arm: arms.get(c.id)!,
      age: ageOn(c.birthDate, pilot.startsOn),
      female: Number(digits.at(-1)) % 2 === 0,
      educationLevel: c.educationLevel,
      digitalLevel: tests.get(c.id)?.theta ?? null,
      triageGroup: tests.get(c.id)?.triageGroup ?? null,
      ...(tookPart.has(c.id) && { tookPart: tookPart.get(c.id) }),
      weeks: byCitizen.get(c.id) ?? [],
      hireOffsets: hireOffsets.get(c.id) ?? [],
    };
  });
}

/** Citizens the default exit rate rests on at most: a sample keeps the registration page quick. */
const RATE_SAMPLE = 5000;

/**
 * The exit rate of comparable citizens from the register data: of those on benefit (and not in
 * work) in the week that lies the horizon and the stretch before the register's last week, the
 * share who exit (by the rule's stretch) within the horizon. The default expected rate for a
 * power calculation, in %; null with fewer than 20 such citizens.
 */
export async function registerExitRate(
  db: DbOrTx,
  municipalityId: string,
  outcomeWeeks: number,
  stretchWeeks: number,
): Promise<{ rate: number | null; people: number }> {
  const ids = (await citizensWithRegisterData(db, municipalityId)).sort().slice(0, RATE_SAMPLE);
  const weeks = await registerWeeksOf(db, municipalityId, ids);
  const last = weeks.reduce((m, w) => (w.week > m ? w.week : m), '');
  if (!last) return { rate: null, people: 0 };
  const from = addDays(last, -7 * (outcomeWeeks + stretchWeeks - 1));
  const byCitizen = new Map<string, WeekStatus[]>();
  for (const w of weeks) {
    const list = byCitizen.get(w.citizenId) ?? [];
    list.push({ offset: weeksBetween(from, w.week), benefit: w.benefit, employed: w.employed });
    byCitizen.set(w.citizenId, list);
  }
  let people = 0;
  let exited = 0;
  for (const list of byCitizen.values()) {
    const at = list.find((w) => w.offset === 0);
    if (!at || at.benefit === null || at.employed) continue;
    people++;
    const e = exitToEmployment(list, stretchWeeks);
    if (e.exitWeek !== null && e.exitWeek < outcomeWeeks) exited++;
  }
  return { rate: people >= 20 ? (100 * exited) / people : null, people };
}
