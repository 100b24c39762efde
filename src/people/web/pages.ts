// The area's pages and menu entries (see src/web/pages.ts): found by src/web/areas.ts by this
// file's place, `src/<area>/web/pages.ts`, and its default export.
import type { AreaPages } from '../../web/pages';
import { peopleTexts } from './locales';

const peoplePages: AreaPages = {
  texts: peopleTexts,
  pages: [
    { path: '/borgere', access: { can: 'caseload' }, load: () => import('./CaseloadPage') },
    {
      path: '/borgere/ny',
      access: { can: 'citizens.create' },
      load: () => import('./CitizenCreatePage'),
    },
    { path: '/borgere/:id', access: { can: 'caseload' }, load: () => import('./CitizenPage') },
    { path: '/mine-data', access: { can: 'myData' }, load: () => import('./MyDataPage') },
  ],
  nav: [
    { to: '/borgere', label: 'nav.caseload', can: 'caseload', order: 10 },
    { to: '/mine-data', label: 'nav.myData', can: 'myData', order: 80 },
  ],
  home: [
    { to: '/mine-data', label: 'home.seeMyData', can: 'myData', order: 30 },
    { to: '/borgere', label: 'home.goCaseload', can: 'caseload', order: 40 },
  ],
};

export default peoplePages;
