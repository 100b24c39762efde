// The learning plan: what the job goal needs against what the test showed, and the ranked
// suggestions (test, workshop help, learning offers, pilots) that close the gaps, each with
// its reasons. Pure; the strategy's recommendations 1–4 are the weights below.
import type { EducationLevel } from '../vocabulary';
import type { Requirement } from './esco';
import type { LearningMethod, SuggestionKind } from './learning.constants';

export interface TestedLevels {
  /** Level per DigComp area ('1'…'5'); null where the test asked nothing in that area. */
  areas: Record<string, number | null>;
  /** The overall level, used where an area has no level of its own. */
  overall: number;
  triageGroup: string;
}

export interface Gap {
  competence: string;
  required: number;
  /** What the test showed in the competence's area; null before any test. */
  tested: number | null;
  /** Levels missing (the whole requirement before any test). */
  gap: number;
  skills: string[];
  basic: boolean;
}

export const areaOf = (competence: string) => competence.split('.')[0]!;

export function testedLevel(competence: string, tested: TestedLevels | null): number | null {
  if (!tested) return null;
  return tested.areas[areaOf(competence)] ?? tested.overall;
}

/** Every requirement with its gap, the largest first (basics before job skills on a tie). */
export function computeGaps(requirements: Requirement[], tested: TestedLevels | null): Gap[] {
  return requirements
    .map((r) => {
      const level = testedLevel(r.competence, tested);
      return {
        competence: r.competence,
        required: r.level,
        tested: level,
        gap: Math.max(0, r.level - (level ?? 0)),
        skills: r.skills,
        basic: r.basic,
      };
    })
    .sort(
      (a, b) =>
        b.gap - a.gap ||
        Number(b.basic) - Number(a.basic) ||
        a.competence.localeCompare(b.competence, 'en', { numeric: true }),
    );
}

export interface CompetenceLevel {
  competence: string;
  level: number;
}

export interface OfferCandidate {
  id: string;
  name: string;
  methods: LearningMethod[];
  hoursPerWeek: number;
  weeks: number;
  /** The DigComp competences the offer lifts, and to which level. */
  lifts: CompetenceLevel[];
  prerequisites: CompetenceLevel[];
  /** Places left; 0 or less means a new enrolment goes on the waiting list. */
  seatsLeft: number;
}

export interface PilotCandidate {
  id: string;
  name: string;
  methods: LearningMethod[];
}

export interface PlanContext {
  gaps: Gap[];
  tested: TestedLevels | null;
  educationLevel: EducationLevel | null;
  digitallyVulnerable: boolean;
  /** Competences an eMentor suggested a course for after a workshop visit. */
  visitSuggestions: string[];
}

export type Reason =
  | { code: 'no_test' }
  | { code: 'basics_gap'; competences: string[] }
  | { code: 'digitally_vulnerable' }
  | { code: 'covers_gap'; competence: string; from: number | null; to: number }
  | { code: 'workplace_based' }
  | { code: 'short_intensive'; hoursPerWeek: number; weeks: number }
  | { code: 'reading_writing' }
  | { code: 'ementor_suggested'; competences: string[] }
  | { code: 'lacks_prerequisite'; competence: string; level: number }
  | { code: 'waitlist' }
  | { code: 'pilot_eligible' };

export interface Suggestion {
  kind: SuggestionKind;
  /** The offer or pilot; null for the test and workshop help. */
  refId: string | null;
  title: string;
  score: number;
  covers: string[];
  reasons: Reason[];
}

/** Recommendation 1: learning at a workplace or in practice beats the classroom. */
export const WORKPLACE_WEIGHT = 1.25;
/** Recommendation 3: short intensive courses (at most 8 weeks, at least 10 hours a week). */
export const INTENSIVE_WEIGHT = 1.15;
export const READING_WRITING_WEIGHT = 1.2;
export const EMENTOR_WEIGHT = 1.2;
export const PREREQUISITE_WEIGHT = 0.3;
export const WAITLIST_WEIGHT = 0.8;
/** A level of the basics counts more than a level of a job skill: without them nothing else works. */
export const BASIC_WEIGHT = 1.5;

const WORKPLACE_METHODS: LearningMethod[] = ['workplace', 'internship', 'practice_based'];
const LOW_EDUCATION: (EducationLevel | null)[] = ['primary'];

const round = (x: number) => Math.round(x * 100) / 100;

export function suggest(
  ctx: PlanContext,
  offers: OfferCandidate[],
  pilots: PilotCandidate[],
): Suggestion[] {
  const out: Suggestion[] = [];
  const open = ctx.gaps.filter((g) => g.gap > 0);

  if (!ctx.tested)
    out.push({
      kind: 'test',
      refId: null,
      title: 'test',
      score: 1000,
      covers: [],
      reasons: [{ code: 'no_test' }],
    });

  const basics = open
    .filter((g) => g.basic && g.tested !== null && g.tested < 3)
    .map((g) => g.competence);
  if (basics.length > 0 || ctx.digitallyVulnerable || ctx.tested?.triageGroup === 'foundation') {
    const reasons: Reason[] = [];
    if (basics.length > 0) reasons.push({ code: 'basics_gap', competences: basics });
    if (ctx.digitallyVulnerable) reasons.push({ code: 'digitally_vulnerable' });
    out.push({
      kind: 'workshop',
      refId: null,
      title: 'workshop',
      score: 500 + 10 * basics.length,
      covers: basics,
      reasons,
    });
  }

  for (const o of offers) {
    const reasons: Reason[] = [];
    const covers: string[] = [];
    let value = 0;
    for (const g of open) {
      const lift = o.lifts.find((l) => l.competence === g.competence);
      if (!lift) continue;
      const to = Math.min(lift.level, g.required);
      const closes = to - (g.tested ?? 0);
      if (closes <= 0) continue;
      value += closes * (g.basic ? BASIC_WEIGHT : 1);
      covers.push(g.competence);
      reasons.push({ code: 'covers_gap', competence: g.competence, from: g.tested, to });
    }
    if (value === 0) continue;
    let score = value;
    if (o.methods.some((m) => WORKPLACE_METHODS.includes(m))) {
      score *= WORKPLACE_WEIGHT;
      reasons.push({ code: 'workplace_based' });
    }
    if (o.weeks <= 8 && o.hoursPerWeek >= 10) {
      score *= INTENSIVE_WEIGHT;
      reasons.push({ code: 'short_intensive', hoursPerWeek: o.hoursPerWeek, weeks: o.weeks });
    }
    if (o.methods.includes('reading_writing') && LOW_EDUCATION.includes(ctx.educationLevel)) {
      score *= READING_WRITING_WEIGHT;
      reasons.push({ code: 'reading_writing' });
    }
    const suggested = covers.filter((c) => ctx.visitSuggestions.includes(c));
    if (suggested.length > 0) {
      score *= EMENTOR_WEIGHT;
      reasons.push({ code: 'ementor_suggested', competences: suggested });
    }
    for (const p of o.prerequisites) {
      const level = testedLevel(p.competence, ctx.tested);
      if (level === null || level < p.level) {
        score *= PREREQUISITE_WEIGHT;
        reasons.push({ code: 'lacks_prerequisite', competence: p.competence, level: p.level });
      }
    }
    if (o.seatsLeft <= 0) {
      score *= WAITLIST_WEIGHT;
      reasons.push({ code: 'waitlist' });
    }
    out.push({ kind: 'offer', refId: o.id, title: o.name, score: round(score), covers, reasons });
  }

  // Pilots are job-specific upskilling: worth the job skills still missing (not the basics).
  const jobGap = open.filter((g) => !g.basic).reduce((s, g) => s + g.gap, 0);
  for (const p of pilots) {
    if (jobGap === 0) break;
    const reasons: Reason[] = [{ code: 'pilot_eligible' }];
    let score = 1 + 0.5 * jobGap;
    if (p.methods.some((m) => WORKPLACE_METHODS.includes(m))) {
      score *= WORKPLACE_WEIGHT;
      reasons.push({ code: 'workplace_based' });
    }
    const covers = open.filter((g) => !g.basic).map((g) => g.competence);
    out.push({ kind: 'pilot', refId: p.id, title: p.name, score: round(score), covers, reasons });
  }

  return out.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
}
