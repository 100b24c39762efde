// The area's pages and menu entries (see src/web/pages.ts): found by src/web/areas.ts by this
// file's place, `src/<area>/web/pages.ts`, and its default export.
import type { AreaPages } from '../../web/pages';
import { pilotsTexts } from './locales';

const pilotsPages: AreaPages = {
  texts: pilotsTexts,
  pages: [
    { path: '/pilotprojekter', access: { can: 'pilots' }, load: () => import('./PilotsPage') },
    {
      path: '/pilotprojekter/ny',
      access: { can: 'pilots.manage' },
      load: () => import('./PilotNewPage'),
    },
    {
      path: '/pilotprojekter/portefoelje',
      access: { can: 'pilots.portfolio' },
      load: () => import('./PortfolioPage'),
    },
    { path: '/pilotprojekter/:id', access: { can: 'pilots' }, load: () => import('./PilotPage') },
  ],
  nav: [{ to: '/pilotprojekter', label: 'nav.pilots', can: 'pilots', order: 50 }],
  home: [{ to: '/pilotprojekter', label: 'home.goPilots', can: 'pilots', order: 70 }],
};

export default pilotsPages;
