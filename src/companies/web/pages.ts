// The area's pages and menu entries (see src/web/pages.ts): found by src/web/areas.ts by this
// file's place, `src/<area>/web/pages.ts`, and its default export.
import type { AreaPages } from '../../web/pages';
import { companiesTexts } from './locales';

const companiesPages: AreaPages = {
  texts: companiesTexts,
  pages: [
    { path: '/virksomheder', access: { can: 'companies' }, load: () => import('./CompaniesPage') },
    {
      path: '/virksomheder/ny',
      access: { can: 'companies' },
      load: () => import('./CompanyNewPage'),
    },
    {
      path: '/virksomheder/stillingsopslag',
      access: { can: 'jobAds' },
      load: () => import('./JobAdsPage'),
    },
    {
      path: '/virksomheder/spoergeskemaer',
      access: { can: 'surveys' },
      load: () => import('./SurveysPage'),
    },
    {
      path: '/virksomheder/spoergeskemaer/:id',
      access: { can: 'surveys' },
      load: () => import('./SurveyPage'),
    },
    { path: '/spoergeskema', access: 'public', load: () => import('./QuestionnairePage') },
    {
      path: '/efterspoergsel',
      access: { can: 'demand' },
      load: () => import('./DemandPage'),
    },
    {
      path: '/mine-virksomheder',
      access: { can: 'myCompanies' },
      load: () => import('./MyCompaniesPage'),
    },
    {
      path: '/virksomheder/:id',
      access: { can: 'companyPage' },
      load: () => import('./CompanyPage'),
    },
    {
      path: '/virksomheder/:id/roller/ny',
      access: { can: 'postRoles' },
      load: () => import('./RoleNewPage'),
    },
    {
      path: '/virksomhed/invitation',
      access: 'public',
      load: () => import('./InvitationPage'),
    },
  ],
  nav: [
    { to: '/virksomheder', label: 'companies.title', can: 'companies', order: 55 },
    { to: '/efterspoergsel', label: 'demand.nav', can: 'demand', order: 56 },
    { to: '/mine-virksomheder', label: 'companies.mine', can: 'myCompanies', order: 55 },
  ],
  home: [
    { to: '/virksomheder', label: 'companies.title', can: 'companies', order: 75 },
    { to: '/virksomheder/stillingsopslag', label: 'ads.title', can: 'jobAds', order: 76 },
    { to: '/virksomheder/spoergeskemaer', label: 'survey.title', can: 'surveys', order: 77 },
    { to: '/efterspoergsel', label: 'demand.title', can: 'demand', order: 78 },
    { to: '/mine-virksomheder', label: 'companies.mine', can: 'myCompanies', order: 75 },
  ],
};

export default companiesPages;
