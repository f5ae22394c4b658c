import type { DataSource } from 'typeorm';

/**
 * Makes one site-week a week never published: its publications deleted and the week back to a
 * draft. The demo publishes this week; a spec that empties it and plans it anew would otherwise
 * meet its own removals as late changes of a published week.
 */
export async function unpublishSiteWeek(
  dataSource: DataSource,
  siteId: string,
  week: string,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `DELETE FROM rota_publication WHERE site_week_id IN
         (SELECT id FROM site_week WHERE site_id = $1 AND week = $2)`,
      [siteId, week],
    );
    await manager.query(
      `UPDATE site_week SET status = 'draft', published_at = NULL, published_by = NULL
        WHERE site_id = $1 AND week = $2`,
      [siteId, week],
    );
  });
}
