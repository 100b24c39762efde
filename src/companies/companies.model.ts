// The company register's rules, pure: size and SME, the DB07 section of an industry code, the
// P-number's form, and how a posted role moves between open, filled and withdrawn.
import {
  DB07_SECTIONS,
  type Db07Section,
  type RoleStatus,
  type SizeBand,
} from './companies.constants';

export { validCvr } from '../vocabulary';

/** The band a head count falls in. */
export function bandOf(employees: number): SizeBand {
  if (employees < 10) return '0-9';
  if (employees < 50) return '10-49';
  if (employees < 250) return '50-249';
  return '250+';
}

/** Small and medium-sized: fewer than 250 employees. */
export const isSme = (band: SizeBand) => band !== '250+';

/** The DB07 section of a six-digit industry code (its first two digits are the division). */
export function sectionOf(industryCode: string): Db07Section | null {
  if (!/^\d{6}$/.test(industryCode)) return null;
  const division = Number(industryCode.slice(0, 2));
  for (const [section, [from, to]] of Object.entries(DB07_SECTIONS))
    if (division >= from && division <= to) return section as Db07Section;
  return null;
}

/** A production unit's P-number: ten digits, the first not 0. */
export const validPNumber = (p: string) => /^[1-9]\d{9}$/.test(p);

/** An open role is filled or withdrawn; a withdrawn one may open again, a filled one not. */
export const ROLE_MOVES: Record<RoleStatus, readonly RoleStatus[]> = {
  open: ['filled', 'withdrawn'],
  withdrawn: ['open'],
  filled: [],
};
export const canMoveRole = (from: RoleStatus, to: RoleStatus) => ROLE_MOVES[from].includes(to);
