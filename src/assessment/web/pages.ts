// The area's pages and menu entries (see src/web/pages.ts): found by src/web/areas.ts by this
// file's place, `src/<area>/web/pages.ts`, and its default export.
import type { AreaPages } from '../../web/pages';
import { assessmentTexts } from './locales';

const assessmentPages: AreaPages = {
  texts: assessmentTexts,
  pages: [
    { path: '/testkoder', access: { can: 'testCodes' }, load: () => import('./TestCodesPage') },
    { path: '/testkoder/plakat', access: { can: 'testCodes' }, load: () => import('./PosterPage') },
    {
      path: '/testkoder/:id',
      access: { can: 'testCodes' },
      load: () => import('./CodeResultPage'),
    },
    { path: '/admin/test', access: { can: 'testAdmin' }, load: () => import('./TestAdminPage') },
    {
      path: '/admin/test/opgaver/ny',
      access: { can: 'testAdmin' },
      load: () => import('./ItemNewPage'),
    },
    {
      path: '/admin/test/opgaver/:id',
      access: { can: 'testAdmin' },
      load: () => import('./ItemEditPage'),
    },
  ],
  nav: [
    { to: '/testkoder', label: 'nav.testCodes', can: 'testCodes', order: 40 },
    { to: '/admin/test', label: 'nav.testAdmin', can: 'testAdmin', order: 110 },
  ],
  home: [
    { to: '/test', label: 'home.takeTest', can: 'ownTest', order: 10, external: true },
    { to: '/testkoder', label: 'home.goTestCodes', can: 'testCodes', order: 60 },
    { to: '/admin/test', label: 'home.goTestAdmin', can: 'testAdmin', order: 130 },
  ],
};

export default assessmentPages;
