import { anyOf, governing, type Policy } from '../platform/policy';

/** A municipality's connections to the outside (mail server, identity providers): admins only. */
export const settingsPolicy: Policy<'manage', { municipalityId: string }> = {
  manage: (a, t) => anyOf('admin')(a) && a.municipalityId === t.municipalityId,
};

export const settingsRules = governing('settings', settingsPolicy, (a) => [
  { municipalityId: a.municipalityId },
]);

declare module '../platform/auth/capabilities' {
  interface AreaCapabilities {
    'settings.manage': true;
  }
}
