import type { AppSettings } from '../context';

/**
 * An absolute link to a page or resource of this installation, from the configured public
 * address: never from the request's Host or X-Forwarded-Host, which a caller chooses.
 */
export function publicLink(settings: Pick<AppSettings, 'publicUrl'>, path: string): string {
  if (!path.startsWith('/')) throw new Error(`publicLink needs an absolute path, got ${path}`);
  return `${settings.publicUrl}${path}`;
}
