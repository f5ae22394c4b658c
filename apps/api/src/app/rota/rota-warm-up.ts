import type { INestApplicationContext } from '@nestjs/common';
import { isoWeekOf } from '@relais/rules';
import { DataSource } from 'typeorm';
import { todayIn } from '../../common/today';
import type { AuthUser } from '../access/auth-user';
import { RotaService } from './rota.service';
import { SiteWeekLoader } from './site-week/site-week.loader';

/**
 * Builds one site-week of this week once, just after the server starts listening, and throws the
 * result away (nothing enters the rota cache): the first week a planner opens after a restart
 * then runs on compiled code and warm database connections (the very first build of a process
 * took 3 to 5 times as long as the next ones here). Runs in the background, in a read-only
 * transaction; a failure only costs that speed. Says which site-week it built (none on an empty
 * database).
 */
export async function warmUpRota(
  app: INestApplicationContext,
): Promise<{ siteId: string; week: string; shifts: number } | null> {
  const dataSource = app.get(DataSource);
  const rota = app.get(RotaService);
  const loader = app.get(SiteWeekLoader);
  const sites: { id: string; organisation_id: string }[] = await dataSource.query(
    `SELECT s.id, s.organisation_id FROM site s
      WHERE EXISTS (SELECT 1 FROM shift h WHERE h.site_id = s.id)
      ORDER BY s.organisation_id, s.id LIMIT 1`,
  );
  const site = sites[0];
  if (!site) return null;
  const week = isoWeekOf(todayIn());
  // Someone who may read every site of the organisation; no session, nothing is written.
  const reader: AuthUser = {
    accountId: '00000000-0000-0000-0000-000000000000',
    sessionId: '00000000-0000-0000-0000-000000000000',
    organisationId: site.organisation_id,
    personId: '00000000-0000-0000-0000-000000000000',
    email: '',
    role: 'admin',
    siteIds: [site.id],
    firstName: '',
    lastName: '',
    timeZone: 'Europe/Paris',
  };
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    const loaded = await loader.load(manager, reader, site.id, week);
    const built = await rota.build(manager, reader, loaded, week);
    JSON.stringify(built);
    return { siteId: site.id, week, shifts: built.shifts.length };
  });
}
