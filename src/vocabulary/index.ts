// Words several areas share, in one place below them all (and import-free, so the web client
// uses them too): how people learn, how far they went in school, and the CVR number check.

/** How people learn (strategy recommendation 2: vary the methods); offers and pilots use it. */
export const LEARNING_METHODS = [
  'workplace',
  'internship',
  'practice_based',
  'e_learning',
  'game_based',
  'classroom',
  'reading_writing',
] as const;
export type LearningMethod = (typeof LEARNING_METHODS)[number];

/** Highest completed education, in the Danish levels (grundskole … lang videregående). */
export const EDUCATION_LEVELS = [
  'primary',
  'upper_secondary',
  'vocational',
  'short_higher',
  'medium_higher',
  'long_higher',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** A CVR number: 8 digits with a modulus-11 check (weights 2, 7, 6, 5, 4, 3, 2, 1). */
export function validCvr(cvr: string): boolean {
  if (!/^[1-9]\d{7}$/.test(cvr)) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  const sum = [...cvr].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return sum % 11 === 0;
}
