import type { CutScores } from './cat';

/**
 * Default cut scores on the θ scale of the start parameters: the foundation cut lies between
 * DigComp levels 2 and 3 (the basics), the job-goal cut between levels 4 and 5. Admins set
 * their own per municipality.
 */
export const DEFAULT_CUTS: CutScores = { foundation: -1.125, jobGoal: 0.375 };
