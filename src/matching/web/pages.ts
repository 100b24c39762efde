// The area's pages and menu entries (see src/web/pages.ts): found by src/web/areas.ts by this
// file's place, `src/<area>/web/pages.ts`, and its default export.
import type { AreaPages } from '../../web/pages';
import { matchingTexts } from './locales';

const matchingPages: AreaPages = {
  texts: matchingTexts,
  communityTexts: () => import('./locales.community').then((m) => m.matchingCommunityTexts),
  pages: [
    { path: '/matchmaking', access: { can: 'matchmaking' }, load: () => import('./EventsPage') },
    {
      path: '/matchmaking/statistik',
      access: { can: 'matchmakingStats' },
      load: () => import('./StatsPage'),
    },
    { path: '/matchmaking/:id', access: { can: 'matchmaking' }, load: () => import('./EventPage') },
    {
      path: '/mine-arrangementer',
      access: { can: 'myMatchmaking' },
      allLanguages: true,
      load: () => import('./MyEventsPage'),
    },
    {
      path: '/min-profil-til-virksomheder',
      access: { can: 'candidatePool' },
      load: () => import('./PoolPage'),
    },
    {
      path: '/roller/:id/kandidater',
      access: { can: 'companyMatchmaking' },
      load: () => import('./RoleCandidatesPage'),
    },
    {
      path: '/smv-og-akademikere',
      access: { can: 'smeAcademics' },
      load: () => import('./SmeAcademicsPage'),
    },
    {
      path: '/virksomheder/:id/arrangementer',
      access: { can: 'companyMatchmaking' },
      load: () => import('./CompanyEventsPage'),
    },
  ],
  nav: [
    { to: '/matchmaking', label: 'matchmaking.nav', can: 'matchmaking', order: 57 },
    { to: '/mine-arrangementer', label: 'myEvents.title', can: 'myMatchmaking', order: 75 },
    { to: '/min-profil-til-virksomheder', label: 'pool.nav', can: 'candidatePool', order: 76 },
  ],
  home: [
    { to: '/matchmaking', label: 'matchmaking.title', can: 'matchmaking', order: 79 },
    {
      to: '/matchmaking/statistik',
      label: 'matchmaking.statsTitle',
      can: 'matchmakingStats',
      order: 101,
    },
    { to: '/mine-arrangementer', label: 'myEvents.title', can: 'myMatchmaking', order: 25 },
    { to: '/min-profil-til-virksomheder', label: 'pool.title', can: 'candidatePool', order: 26 },
    { to: '/smv-og-akademikere', label: 'pool.smeTitle', can: 'smeAcademics', order: 80 },
  ],
};

export default matchingPages;
