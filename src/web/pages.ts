// What an area's web pages declare: their paths, who may open them (a capability the server
// gives), and their entries in the main menu. The app shell builds the router and the menu from
// every area's list (src/web/areas.ts).
import type { ComponentType } from 'react';
import type { Capability } from '../platform/auth/capabilities';
import type { CommunityLang } from '../platform/i18n/languages.constants';

export interface PageEntry {
  path: string;
  load: () => Promise<{ default: ComponentType }>;
  /** Logged-in users with this capability; `public` pages need no login at all. */
  access: { can: Capability } | 'public';
  /**
   * A citizen's page that exists in every citizen page language: its texts are in the area's
   * `communityTexts` (src/web/citizen-languages.test.ts holds it to that). Other pages show
   * Danish or English.
   */
  allLanguages?: true;
}

export interface NavEntry {
  to: string;
  /** An i18n key. */
  label: string;
  can: Capability;
  /** Where it sits in the menu, across areas (lower first). */
  order: number;
  /** Active only on this exact path (not on the paths below it). */
  end?: boolean;
}

/** A link on the home page, where a user starts. */
export interface HomeLink extends NavEntry {
  /** A page outside the app shell (a light page), reached by a full page load. */
  external?: boolean;
}

export interface AreaPages {
  pages: readonly PageEntry[];
  nav?: readonly NavEntry[];
  home?: readonly HomeLink[];
  /**
   * The texts of the area's pages, by top-level i18n key, in Danish and English. Under the
   * SHARED_TEXTS keys an area adds entries to a registry the shell shows (its audit actions and
   * purposes in the citizen's access log).
   */
  texts?: { da: object; en: object };
  /**
   * The texts of the area's `allLanguages` pages in the community languages, loaded only when a
   * citizen chooses one (phones that read Danish never download them).
   */
  communityTexts?: () => Promise<Record<CommunityLang, object>>;
}

/** Top-level text keys every area adds entries to, instead of owning them whole. */
export const SHARED_TEXTS: readonly string[] = ['actions', 'purposes'];
