// A short-lived, per-process cache of each workshop's site row, settings and closed days. The
// queue's hot paths (check-in, call next, every screen update) read these on each request, yet
// they change a few times a year; an admin's change shows in this process at once and in the
// others within TTL_MS.
import type { Db, DbOrTx } from '../platform/db/client';
import type { Actor } from '../platform/auth/roles';
import { notFound } from '../platform/errors';
import { findWorkshopSite } from '../organisation';
import { listClosures, workshopConfig, type SiteRow, type WorkshopConfig } from './workshops.store';
import { clock } from '../platform/clock';

const TTL_MS = 5_000;

export interface WorkshopEntry {
  site: SiteRow;
  config: WorkshopConfig;
  closures: { day: string; reason: string }[];
}

export class WorkshopDirectory {
  private readonly entries = new Map<string, { at: number; entry: WorkshopEntry | null }>();

  constructor(private readonly db: Db) {}

  /**
   * The workshop, or null when the id is not an active workshop site. Inside a transaction,
   * pass it: the embedded database has one connection, which the transaction holds.
   */
  async get(siteId: string, db: DbOrTx = this.db): Promise<WorkshopEntry | null> {
    const hit = this.entries.get(siteId);
    if (hit && clock.ms() - hit.at < TTL_MS) return hit.entry;
    const site = await findWorkshopSite(db, siteId);
    const entry = site
      ? {
          site,
          config: await workshopConfig(db, siteId),
          closures: await listClosures(db, siteId),
        }
      : null;
    // Unknown ids are not kept, so probing random ids cannot fill the cache.
    if (entry) this.entries.set(siteId, { at: clock.ms(), entry });
    return entry;
  }

  forget(siteId: string) {
    this.entries.delete(siteId);
  }
}

/** A workshop of the actor's own municipality, else 404 (existence stays private). */
export async function ownWorkshop(
  directory: WorkshopDirectory,
  db: DbOrTx,
  actor: Actor,
  siteId: string,
): Promise<SiteRow> {
  const w = await directory.get(siteId, db);
  if (!w || w.site.municipalityId !== actor.municipalityId) throw notFound();
  return w.site;
}
