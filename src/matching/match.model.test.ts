import { describe, expect, it } from 'vitest';
import {
  explainMatch,
  shownLevel,
  topMatches,
  type CandidateSkills,
  type RoleNeeds,
} from './match.model';

const skills: CandidateSkills = {
  areas: { '1': 4, '3': 2, '5': 3 },
  badges: { '3.4': 5 },
  education: 'medium_higher',
  languages: ['da', 'en'],
  workAreas: ['2300', 'københavn'],
};
const role: RoleNeeds = {
  competences: [
    { competence: '1.1', level: 3 },
    { competence: '3.4', level: 5 },
    { competence: '5.2', level: 5 },
  ],
  education: 'medium_higher',
  languages: ['da', 'en'],
  place: { postalCode: '2300', municipality: 'København' },
};

describe('explainMatch', () => {
  it('counts a badge above the test level for its own competence', () => {
    expect(shownLevel('3.4', skills)).toBe(5);
    expect(shownLevel('3.1', skills)).toBe(2);
    expect(shownLevel('4.1', skills)).toBe(0);
  });

  it('explains what fits, what is missing and which offer closes the gap', () => {
    const m = explainMatch(skills, role, [
      { id: 'o1', name: 'Cloud-kursus', lifts: [{ competence: '5.2', level: 4 }] },
      { id: 'o2', name: 'Azure Fundamentals', lifts: [{ competence: '5.2', level: 5 }] },
    ]);
    expect(m.fits.map((f) => f.competence)).toEqual(['1.1', '3.4']);
    expect(m.missing).toEqual([
      {
        competence: '5.2',
        required: 5,
        shown: 3,
        closedBy: { id: 'o2', name: 'Azure Fundamentals' },
      },
    ]);
    // competence (1 + 1 + 0.6) / 3, everything else fits
    expect(m.parts.competence).toBeCloseTo(2.6 / 3);
    expect(m.score).toBeCloseTo(0.55 * (2.6 / 3) + 0.45, 3);
  });

  it('halves education one level below, and gives nothing further below or when unknown', () => {
    expect(explainMatch({ ...skills, education: 'short_higher' }, role).parts.education).toBe(0.5);
    expect(explainMatch({ ...skills, education: 'vocational' }, role).parts.education).toBe(0);
    expect(explainMatch({ ...skills, education: null }, role).parts.education).toBe(0);
    expect(explainMatch({ ...skills, education: 'long_higher' }, role).educationShort).toBe(false);
  });

  it('scores languages by share and place by postcode or municipality', () => {
    const m = explainMatch({ ...skills, languages: ['DA'], workAreas: ['frederiksberg'] }, role);
    expect(m.missingLanguages).toEqual(['en']);
    expect(m.parts.language).toBe(0.5);
    expect(m.placeFits).toBe(false);
    expect(explainMatch({ ...skills, workAreas: [] }, role).placeFits).toBe(true);
    expect(explainMatch(skills, { ...role, place: null }).placeFits).toBe(true);
  });

  it('gives a role without needs a full score', () => {
    expect(
      explainMatch(skills, { competences: [], education: null, languages: [], place: null }).score,
    ).toBe(1);
  });
});

describe('topMatches', () => {
  it('keeps the best by score, ties by id, like a full sort', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({
      id: `x${i % 37}-${i}`,
      score: (i * 7919) % 13,
    }));
    const sorted = [...items].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    expect(topMatches(items, 10)).toEqual(sorted.slice(0, 10));
    expect(topMatches([], 5)).toEqual([]);
  });
});
