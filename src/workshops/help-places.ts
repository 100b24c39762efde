// Where a citizen can get help in person, and when: the municipality's open workshops, soonest
// open first. The test offers it when a citizen asks for help midway.
import type { DbOrTx } from '../platform/db/client';
import { clock } from '../platform/clock';
import { listWorkshopSites } from '../organisation';
import { nextOpening, type NextOpening } from './workshops.model';
import { listClosures, workshopConfig } from './workshops.store';

export interface HelpPlace {
  id: string;
  name: string;
  address: string;
  postalCode: string;
  city: string;
  /** When it is next open (within two weeks), or null. */
  next: NextOpening | null;
}

export async function helpPlaces(db: DbOrTx, municipalityId: string): Promise<HelpPlace[]> {
  const now = clock.now();
  const places: HelpPlace[] = [];
  for (const site of await listWorkshopSites(db, municipalityId)) {
    const config = await workshopConfig(db, site.id);
    places.push({
      id: site.id,
      name: site.name,
      address: site.address,
      postalCode: site.postalCode,
      city: site.city,
      next: nextOpening(
        now,
        config.openingHours,
        await listClosures(db, site.id),
        config.openOnHolidays,
      ),
    });
  }
  const order = (p: HelpPlace) =>
    p.next ? `${p.next.now ? 0 : 1}${p.next.day}${p.next.from}` : '2';
  return places.sort((a, b) => order(a).localeCompare(order(b)) || a.name.localeCompare(b.name));
}
