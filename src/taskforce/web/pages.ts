// The area's pages and menu entries (see src/web/pages.ts): found by src/web/areas.ts by this
// file's place, `src/<area>/web/pages.ts`, and its default export.
import type { AreaPages } from '../../web/pages';
import { taskforceTexts } from './locales';

const taskforcePages: AreaPages = {
  texts: taskforceTexts,
  pages: [
    { path: '/strategi', access: { can: 'strategy' }, load: () => import('./StrategyPage') },
    {
      path: '/strategi/sammenlign',
      access: { can: 'strategy' },
      load: () => import('./ComparePage'),
    },
    {
      path: '/strategi/borgerforloeb',
      access: { can: 'strategy' },
      load: () => import('./JourneyPage'),
    },
    { path: '/strategi/centre', access: { can: 'strategy' }, load: () => import('./CentresPage') },
    { path: '/strategi/budget', access: { can: 'strategy' }, load: () => import('./BudgetPage') },
    {
      path: '/strategi/rapporter',
      access: { can: 'strategy' },
      load: () => import('./ReportsPage'),
    },
    {
      path: '/strategi/:rec',
      access: { can: 'strategy' },
      load: () => import('./RecommendationPage'),
    },
  ],
  nav: [{ to: '/strategi', label: 'strategy.nav', can: 'strategy', order: 45 }],
  home: [{ to: '/strategi', label: 'strategy.title', can: 'strategy', order: 5 }],
};

export default taskforcePages;
