// People constants, import-free so the web client can use them.

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
