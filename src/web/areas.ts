// The web's one list of areas: their pages and menu entries, in layer order (as
// src/app/modules.ts lists them for the server). A new area with pages adds one line here.
import type { AreaPages } from './pages';
import { organisationPages } from '../organisation/web/pages';
import { peoplePages } from '../people/web/pages';
import { workshopsPages } from '../workshops/web/pages';
import { assessmentPages } from '../assessment/web/pages';
import { pilotsPages } from '../pilots/web/pages';
import { learningPages } from '../learning/web/pages';

export const AREA_PAGES: readonly AreaPages[] = [
  organisationPages,
  peoplePages,
  workshopsPages,
  assessmentPages,
  pilotsPages,
  learningPages,
];
