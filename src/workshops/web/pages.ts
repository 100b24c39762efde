// The area's pages and menu entries (see src/web/pages.ts): found by src/web/areas.ts by this
// file's place, `src/<area>/web/pages.ts`, and its default export.
import type { AreaPages } from '../../web/pages';
import { workshopsTexts } from './locales';

const workshopsPages: AreaPages = {
  texts: workshopsTexts,
  pages: [
    {
      path: '/vaerksted/statistik',
      access: { can: 'workshopStats' },
      load: () => import('./StatsPage'),
    },
    {
      path: '/admin/vaerksteder',
      access: { can: 'workshopAdmin' },
      load: () => import('./WorkshopAdminPage'),
    },
    {
      path: '/vaerksted/:id/plakat',
      access: { can: 'doorPoster' },
      load: () => import('./DoorPosterPage'),
    },
    { path: '/vaerksted', access: { can: 'workshopQueue' }, load: () => import('./QueuePage') },
  ],
  nav: [
    { to: '/vaerksted', label: 'nav.workshop', can: 'workshopQueue', order: 20, end: true },
    { to: '/vaerksted/statistik', label: 'nav.stats', can: 'workshopStats', order: 30 },
    { to: '/admin/vaerksteder', label: 'nav.workshopAdmin', can: 'workshopAdmin', order: 120 },
  ],
  home: [
    { to: '/vaerksted', label: 'home.goWorkshop', can: 'workshopQueue', order: 50 },
    { to: '/vaerksted/statistik', label: 'home.goStats', can: 'workshopStats', order: 90 },
    { to: '/admin/vaerksteder', label: 'home.goWorkshopAdmin', can: 'workshopAdmin', order: 140 },
  ],
};

export default workshopsPages;
