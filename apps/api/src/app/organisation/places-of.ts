import { EntityManager, In } from 'typeorm';
import { inTurnOrTogether } from '../../database/in-turn';
import { LocationEntity } from './location.entity';
import { SiteEntity } from './site.entity';

/** The sites and locations some shifts take place at, by id (two reads, none without shifts). */
export async function placesOf(
  manager: EntityManager,
  shifts: readonly { siteId: string; locationId: string }[],
): Promise<{ site: Map<string, SiteEntity>; location: Map<string, LocationEntity> }> {
  const [sites, locations] = shifts.length
    ? await inTurnOrTogether(manager, [
        () =>
          manager.findBy(SiteEntity, {
            id: In([...new Set(shifts.map((shift) => shift.siteId))]),
          }),
        () =>
          manager.findBy(LocationEntity, {
            id: In([...new Set(shifts.map((shift) => shift.locationId))]),
          }),
      ])
    : [[], []];
  return {
    site: new Map(sites.map((row) => [row.id, row])),
    location: new Map(locations.map((row) => [row.id, row])),
  };
}
