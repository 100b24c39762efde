// The area's pages and menu entries (see src/web/pages.ts): found by src/web/areas.ts by this
// file's place, `src/<area>/web/pages.ts`, and its default export.
import type { AreaPages } from '../../web/pages';
import { learningTexts } from './locales';

const learningPages: AreaPages = {
  texts: learningTexts,
  communityTexts: () => import('./locales.community').then((m) => m.learningCommunityTexts),
  pages: [
    {
      path: '/badges/tjek',
      access: 'public',
      allLanguages: true,
      load: () => import('./VerifyPage'),
    },
    { path: '/kurser', access: { can: 'courses' }, load: () => import('./OffersPage') },
    {
      path: '/kurser/nyt',
      access: { can: 'courses.manage' },
      load: () => import('./OfferNewPage'),
    },
    {
      path: '/kurser/statistik',
      access: { can: 'courseStats' },
      load: () => import('./LearningStatsPage'),
    },
    { path: '/kurser/:id', access: { can: 'courses' }, load: () => import('./OfferPage') },
    {
      path: '/min-plan',
      access: { can: 'myPlan' },
      allLanguages: true,
      load: () => import('./MyPlanPage'),
    },
  ],
  nav: [
    { to: '/kurser', label: 'nav.courses', can: 'courses', order: 60 },
    { to: '/min-plan', label: 'nav.myPlan', can: 'myPlan', order: 70 },
  ],
  home: [
    { to: '/min-plan', label: 'home.goMyPlan', can: 'myPlan', order: 20 },
    { to: '/kurser', label: 'home.goCourses', can: 'courses', order: 80 },
    { to: '/kurser/statistik', label: 'home.goCourseStats', can: 'courseStats', order: 100 },
  ],
};

export default learningPages;
