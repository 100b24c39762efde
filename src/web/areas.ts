/// <reference types="vite/client" />
// The web's list of areas: every `src/<area>/web/pages.ts` there is, found at build time, so a
// new area's pages and menu entries arrive with its folder. The menu and home page order their
// entries by each entry's `order`; the router ranks paths itself.
import type { AreaPages } from './pages';

const found = import.meta.glob<AreaPages>('../*/web/pages.ts', { eager: true, import: 'default' });

export const AREA_PAGES: readonly AreaPages[] = Object.entries(found)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([, pages]) => pages);
