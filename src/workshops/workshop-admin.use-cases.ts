// The workshops as their admins and eMentors run them: the list, the door poster's site,
// weekly statistics (aggregates only), settings and closed days. Built over the settings cache
// the queue and bookings share, so a change reaches them at once in this process.
import type { UseCase } from '../platform/use-case';
import { notFound } from '../platform/errors';
import { clock } from '../platform/clock';
import { listWorkshopSites } from '../organisation';
import { danishDay } from './workshops.model';
import { lastWeeks, weeklyStats } from './stats.model';
import {
  deleteClosure,
  listClosures,
  notifyQueue,
  saveClosure,
  saveWorkshopConfig,
  visitFacts,
  workshopConfig,
  type WorkshopConfig,
} from './workshops.store';
import type { ClosureInput } from './workshops.contract';
import { ownWorkshop, type WorkshopDirectory } from './workshop-directory';

export function workshopAdminUseCases(directory: WorkshopDirectory) {
  const own = (uc: UseCase, siteId: string) => ownWorkshop(directory, uc.tx, uc.actor, siteId);

  return {
    async listWorkshops(uc: UseCase) {
      const rows = await listWorkshopSites(uc.tx, uc.actor.municipalityId);
      return rows.map((s) => ({ id: s.id, name: s.name, address: s.address }));
    },

    /** The workshop whose door poster is printed. */
    ownWorkshop: own,

    async weeklyStats(uc: UseCase, siteId: string, weeks: number) {
      const site = await own(uc, siteId);
      const now = clock.now();
      const since = new Date(now.getTime() - (weeks * 7 + 7) * 86400_000);
      const facts = await visitFacts(uc.tx, site.id, since);
      return weeklyStats(facts.visits, lastWeeks(now, weeks), facts.firstVisit);
    },

    async settings(uc: UseCase, siteId: string) {
      const site = await own(uc, siteId);
      return workshopConfig(uc.tx, site.id);
    },

    async updateSettings(uc: UseCase, siteId: string, config: WorkshopConfig) {
      const site = await own(uc, siteId);
      await saveWorkshopConfig(uc.tx, site, config, uc.actor.userId);
      directory.forget(site.id);
      // The queue screens redraw with the new opening hours and capacity.
      await notifyQueue(uc.tx, site.id);
      return config;
    },

    async closures(uc: UseCase, siteId: string) {
      const site = await own(uc, siteId);
      const rows = await listClosures(uc.tx, site.id, danishDay(clock.now()));
      return rows.map((r) => ({ id: r.id, day: r.day, reason: r.reason }));
    },

    async addClosure(uc: UseCase, siteId: string, input: ClosureInput) {
      const site = await own(uc, siteId);
      const row = await saveClosure(uc.tx, site, input);
      directory.forget(site.id);
      return { id: row.id, day: row.day, reason: row.reason };
    },

    async removeClosure(uc: UseCase, siteId: string, closureId: string) {
      const site = await own(uc, siteId);
      if (!(await deleteClosure(uc.tx, site.id, closureId))) throw notFound();
      directory.forget(site.id);
    },
  };
}
