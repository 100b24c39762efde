// Explained matches between a candidate's shown competences and a company role's needs. Pure.
// The score is a weighted mean of four fits, each 0…1:
//   competence (55 %): per required DigComp competence, shown level ÷ required (capped at 1),
//     the level shown being the test's level in the competence's area, raised by badges;
//   education (15 %): 1 at or above the role's level, ½ one level below, 0 further below;
//   language (15 %): the share of the role's languages the candidate speaks;
//   place (15 %): 1 when the candidate can work where the company is (postcode or
//     municipality), or either side named no place; else 0.
// Every match carries why: what fits, what is missing and the offer that closes each gap.
import { EDUCATION_LEVELS, type EducationLevel } from '../vocabulary';

export const MATCH_WEIGHTS = { competence: 0.55, education: 0.15, language: 0.15, place: 0.15 };

export interface CandidateSkills {
  /** Level per DigComp area ('1'…'5') shown by the latest test; absent before a test. */
  areas: Record<string, number>;
  /** Competence-level badges ('5.2' → 4): a course's badge shows the competence itself. */
  badges: Record<string, number>;
  education: EducationLevel | null;
  languages: string[];
  /** Postcodes and municipality names (lower case) the candidate can work in. */
  workAreas: string[];
}

export interface RoleNeeds {
  competences: { competence: string; level: number }[];
  education: EducationLevel | null;
  languages: string[];
  /** The workplace's postcode and municipality (lower case), when known. */
  place: { postalCode: string; municipality: string } | null;
}

export interface OfferLift {
  id: string;
  name: string;
  lifts: { competence: string; level: number }[];
}

export interface CompetenceFit {
  competence: string;
  required: number;
  shown: number;
  /** The offer that lifts the competence to the level required, for a gap. */
  closedBy: { id: string; name: string } | null;
}

export interface MatchExplanation {
  score: number;
  parts: { competence: number; education: number; language: number; place: number };
  fits: CompetenceFit[];
  missing: CompetenceFit[];
  missingLanguages: string[];
  educationShort: boolean;
  placeFits: boolean;
}

const areaOf = (competence: string) => competence.split('.')[0]!;

export function shownLevel(competence: string, skills: CandidateSkills): number {
  return Math.max(skills.areas[areaOf(competence)] ?? 0, skills.badges[competence] ?? 0);
}

const rank = (e: EducationLevel) => EDUCATION_LEVELS.indexOf(e);

export function explainMatch(
  skills: CandidateSkills,
  role: RoleNeeds,
  offers: readonly OfferLift[] = [],
): MatchExplanation {
  const fits: CompetenceFit[] = [];
  const missing: CompetenceFit[] = [];
  let competenceSum = 0;
  for (const need of role.competences) {
    const shown = shownLevel(need.competence, skills);
    competenceSum += Math.min(1, shown / need.level);
    if (shown >= need.level) {
      fits.push({ competence: need.competence, required: need.level, shown, closedBy: null });
      continue;
    }
    const offer = offers.find((o) =>
      o.lifts.some((l) => l.competence === need.competence && l.level >= need.level),
    );
    missing.push({
      competence: need.competence,
      required: need.level,
      shown,
      closedBy: offer ? { id: offer.id, name: offer.name } : null,
    });
  }
  const competence = role.competences.length ? competenceSum / role.competences.length : 1;

  let education = 1;
  if (role.education) {
    const below = skills.education === null ? 2 : rank(role.education) - rank(skills.education);
    education = below <= 0 ? 1 : below === 1 ? 0.5 : 0;
  }
  const spoken = new Set(skills.languages.map((l) => l.toLowerCase()));
  const missingLanguages = role.languages.filter((l) => !spoken.has(l.toLowerCase()));
  const language = role.languages.length
    ? (role.languages.length - missingLanguages.length) / role.languages.length
    : 1;
  const areas = new Set(skills.workAreas.map((a) => a.trim().toLowerCase()));
  const placeFits =
    role.place === null ||
    areas.size === 0 ||
    areas.has(role.place.postalCode) ||
    areas.has(role.place.municipality.toLowerCase());
  const place = placeFits ? 1 : 0;

  const w = MATCH_WEIGHTS;
  const score =
    w.competence * competence + w.education * education + w.language * language + w.place * place;
  return {
    score: Math.round(score * 1000) / 1000,
    parts: { competence, education, language, place },
    fits,
    missing,
    missingLanguages,
    educationShort: education < 1,
    placeFits,
  };
}

/** The best `limit` items by score (ties by id), without sorting everything. */
export function topMatches<T extends { id: string; score: number }>(
  items: Iterable<T>,
  limit: number,
): T[] {
  const best: T[] = [];
  const worse = (a: T, b: T) => a.score < b.score || (a.score === b.score && a.id > b.id);
  for (const item of items) {
    if (best.length === limit && !worse(best[best.length - 1]!, item)) continue;
    let i = best.length;
    while (i > 0 && worse(best[i - 1]!, item)) i--;
    best.splice(i, 0, item);
    if (best.length > limit) best.pop();
  }
  return best;
}
