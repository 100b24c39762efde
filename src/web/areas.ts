/// <reference types="vite/client" />
// The web's list of areas: every `src/<area>/web/pages.ts` there is, found at build time, so a
// new area's pages and menu entries arrive with its folder. This is the browser's half of the
// area's module (the server's half, src/<area>/index.ts, cannot be bundled for phones); the
// module check (src/app/checks/modules.test.ts) holds the two halves together. The menu and
// home page order their entries by each entry's `order`; the router ranks paths itself.
import type { AreaPages } from './pages';

const found = import.meta.glob<AreaPages>('../*/web/pages.ts', { eager: true, import: 'default' });

/** Each area's pages, by the area's folder name (its module's name). */
export const AREA_WEB: readonly { area: string; pages: AreaPages }[] = Object.entries(found)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([file, pages]) => ({ area: file.split('/')[1]!, pages }));

export const AREA_PAGES: readonly AreaPages[] = AREA_WEB.map((a) => a.pages);
