// The area's pages and menu entries (see src/web/pages.ts): found by src/web/areas.ts by this
// file's place, `src/<area>/web/pages.ts`, and its default export.
import type { AreaPages } from '../../web/pages';
import { organisationTexts } from './locales';

const organisationPages: AreaPages = {
  texts: organisationTexts,
  pages: [
    { path: '/admin/brugere', access: { can: 'users.manage' }, load: () => import('./UsersPage') },
    {
      path: '/admin/brugere/ny',
      access: { can: 'users.manage' },
      load: () => import('./UserFormPage'),
    },
    {
      path: '/admin/brugere/:id',
      access: { can: 'users.manage' },
      load: () => import('./UserFormPage'),
    },
    { path: '/admin/steder', access: { can: 'sites.manage' }, load: () => import('./SitesPage') },
    {
      path: '/admin/forbindelser',
      access: { can: 'settings.manage' },
      load: () => import('./SettingsPage'),
    },
  ],
  nav: [
    { to: '/admin/brugere', label: 'nav.users', can: 'users.manage', order: 90 },
    { to: '/admin/steder', label: 'nav.sites', can: 'sites.manage', order: 100 },
    { to: '/admin/forbindelser', label: 'nav.settings', can: 'settings.manage', order: 105 },
  ],
  home: [
    { to: '/admin/brugere', label: 'home.goUsers', can: 'users.manage', order: 110 },
    { to: '/admin/steder', label: 'home.goSites', can: 'sites.manage', order: 120 },
    { to: '/admin/forbindelser', label: 'home.goSettings', can: 'settings.manage', order: 125 },
  ],
};

export default organisationPages;
