// Synthetic register weeks with a known true effect, for the demo and for tests: everyone is on
// unemployment benefit before the start; afterwards each week a person finds work with a given
// hazard. Participants are locked in (a lower hazard) while the programme runs, then find work
// `hazardRatio` times as fast as controls. Once in work, they stay in work.
import { mulberry32 } from '../platform/random';
import type { WeekStatus } from './pilots.model';

export interface SyntheticDesign {
  /** Weekly hazard of finding work without the pilot. */
  baseHazard: number;
  /** After the programme, participants' hazard relative to the base. */
  hazardRatio: number;
  /** Hazard relative to the base during the programme (lock-in; < 1). */
  lockInRatio: number;
  programmeWeeks: number;
  weeksBefore: number;
  weeksAfter: number;
}

export const AZURE_DESIGN: SyntheticDesign = {
  baseHazard: 0.025,
  hazardRatio: 1.8,
  lockInRatio: 0.5,
  programmeWeeks: 8,
  weeksBefore: 26,
  weeksAfter: 60,
};

/** A person's weeks; `frailty` scales their hazard (e.g. by age) to create selection. */
export function syntheticWeeks(
  design: SyntheticDesign,
  participant: boolean,
  rand: () => number,
  frailty = 1,
): WeekStatus[] {
  const weeks: WeekStatus[] = [];
  for (let o = -design.weeksBefore; o < 0; o++)
    weeks.push({ offset: o, benefit: 'dagpenge', employed: false });
  let working = false;
  for (let o = 0; o < design.weeksAfter; o++) {
    if (!working) {
      const ratio = participant
        ? o < design.programmeWeeks
          ? design.lockInRatio
          : design.hazardRatio
        : 1;
      working = rand() < Math.min(1, design.baseHazard * ratio * frailty);
    }
    weeks.push(
      working
        ? { offset: o, benefit: null, employed: true }
        : { offset: o, benefit: 'dagpenge', employed: false },
    );
  }
  return weeks;
}

/** The true share in work within `h` weeks (exit counted from its first week, stretch 1). */
export function trueRate(design: SyntheticDesign, participant: boolean, h: number): number {
  let stay = 1;
  for (let o = 0; o < h; o++) {
    const ratio = participant
      ? o < design.programmeWeeks
        ? design.lockInRatio
        : design.hazardRatio
      : 1;
    stay *= 1 - design.baseHazard * ratio;
  }
  return 1 - stay;
}

export const seeded = (seed: number) => mulberry32(seed);
