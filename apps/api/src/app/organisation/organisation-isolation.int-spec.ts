import type { Site } from '@relais/api-types';
import { isoWeekOf } from '@relais/rules';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../../testing/test-app';

/**
 * Every table of tenant data carries its organisation (one database serves many associations and
 * distributes by `organisation_id`); the few that do not are looked up before the organisation
 * is known, and say why here.
 */
const WITHOUT_ORGANISATION: Record<string, string> = {
  organisation: 'the tenant itself',
  session: 'looked up by token hash before the organisation is known',
  one_time_token: 'looked up by token hash before the organisation is known',
  login_throttle: 'keyed by hashed e-mail and address, before the organisation is known',
  migration: 'TypeORM’s own',
};

/** Rows whose organisation must be their parent's: [table, parent join, parent organisation]. */
const CHILDREN: [string, string][] = [
  ['manager_site', 'JOIN site p ON p.id = c.site_id'],
  ['rota_publication', 'JOIN site_week p ON p.id = c.site_week_id'],
  ['travel_time', 'JOIN location p ON p.id = c.from_location_id'],
  ['travel_time', 'JOIN location p ON p.id = c.to_location_id'],
];

describe('organisation isolation of the schema', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('gives every table of tenant data a non-null organisation_id', async () => {
    const rows: { table: string; nullable: string | null }[] = await t.dataSource.query(
      `SELECT t.table_name AS table, c.is_nullable AS nullable
         FROM information_schema.tables t
         LEFT JOIN information_schema.columns c ON c.table_schema = t.table_schema
          AND c.table_name = t.table_name AND c.column_name = 'organisation_id'
        WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`,
    );
    expect(rows.length).toBeGreaterThan(30);
    const missing = rows
      .filter((row) => row.nullable === null && !(row.table in WITHOUT_ORGANISATION))
      .map((row) => row.table);
    expect(missing).toEqual([]);
    // audit_event keeps events without an organisation (failed logins of unknown addresses).
    const nullable = rows.filter((row) => row.nullable === 'YES').map((row) => row.table);
    expect(nullable).toEqual(['audit_event']);
  });

  it('keeps manager_site, rota_publication and travel_time rows in their parent’s organisation, including what the API writes', async () => {
    const manager = await t.login('manager.sud@relais.demo');
    const sites = (await t.request<Site[]>('GET', '/api/sites', { cookie: manager })).body;
    const sud = sites.find((site) => site.code === 'S') as Site;
    // This week is published in the demo without a blocking problem: a new version.
    const week = isoWeekOf(todayIn());
    const published = await t.request('POST', '/api/rota/publish', {
      cookie: manager,
      body: { siteId: sud.id, week, justification: 'Points à justifier relus.' },
    });
    expect(published.status).toBe(200);
    for (const [table, join] of CHILDREN) {
      const [{ rows, wrong }] = await t.dataSource.query(
        `SELECT count(*)::int AS rows, count(*) FILTER (WHERE c.organisation_id <> p.organisation_id)::int AS wrong
           FROM ${table} c ${join}`,
      );
      expect({ table, wrong }).toEqual({ table, wrong: 0 });
      expect(rows).toBeGreaterThan(0);
    }
    const [latest] = await t.dataSource.query(
      `SELECT p.organisation_id, s.organisation_id AS site_organisation FROM rota_publication p
         JOIN site_week w ON w.id = p.site_week_id JOIN site s ON s.id = w.site_id
        WHERE w.site_id = $1 AND w.week = $2 ORDER BY p.version DESC LIMIT 1`,
      [sud.id, week],
    );
    expect(latest.organisation_id).toBe(latest.site_organisation);
  });
});
