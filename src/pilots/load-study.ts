// Gathers the people an evaluation compares, with their covariates and register weeks counted
// from the pilot's start week. Names and CPR numbers stay here: the result is pseudonymous.
import type { DbOrTx } from '../platform/db/client';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import { latestResults } from '../assessment';
import type { Person } from './evaluate-pilot.model';
import { ageOn, mondayOf, weeksBetween, type WeekStatus } from './pilots.model';
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
  for (const e of enrolled)
    if (e.arm === 'participant' || e.arm === 'control') arms.set(e.citizenId, e.arm);
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
      weeks: byCitizen.get(c.id) ?? [],
      hireOffsets: hireOffsets.get(c.id) ?? [],
    };
  });
}
