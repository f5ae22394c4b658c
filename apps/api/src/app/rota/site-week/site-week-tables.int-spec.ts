import type { Site } from '@relais/api-types';
import { addIsoWeeks, isoWeekOf } from '@relais/rules';
import type { Logger } from 'typeorm';
import { todayIn } from '../../../common/today';
import { startTestApp, TestApp } from '../../../testing/test-app';
import type { AuthUser } from '../../access/auth-user';
import {
  DATA_VERSION_TABLES,
  READ_THROUGH,
  SITE_WEEK_TABLES,
  syncDataVersionTriggers,
} from './site-week-tables';
import { SiteWeekLoader } from './site-week.loader';

/** Tables named after FROM, JOIN, INTO or UPDATE in a SQL text. */
function tablesOf(sql: string): string[] {
  return [...sql.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+"?([a-z_]+)"?/gi)].map((m) =>
    m[1].toLowerCase(),
  );
}

describe('the site-week loader and its declared tables', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function triggered(): Promise<string[]> {
    const rows: { table: string }[] = await t.dataSource.query(
      `SELECT c.relname AS table FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
        WHERE g.tgname = 'trg_' || c.relname || '_data_version'`,
    );
    return rows.map((row) => row.table).sort();
  }

  it('reads only declared tables, and every declared table raises the data version', async () => {
    const [hr] = await t.dataSource.query(
      `SELECT a.id, a.organisation_id, a.person_id FROM account a WHERE a.email = 'rh@relais.demo'`,
    );
    const sites: Site[] = await t.dataSource.query(
      'SELECT id, code FROM site WHERE organisation_id = $1',
      [hr.organisation_id],
    );
    const user: AuthUser = {
      accountId: hr.id,
      sessionId: 'spec',
      organisationId: hr.organisation_id,
      personId: hr.person_id,
      email: 'rh@relais.demo',
      role: 'hr',
      siteIds: sites.map((site) => site.id),
      firstName: 'RH',
      lastName: 'Spec',
      timeZone: 'Europe/Paris',
    };
    const loader = t.app.get(SiteWeekLoader);
    const logger: Logger = t.dataSource.logger;
    const original = logger.logQuery.bind(logger);
    const read = new Set<string>();
    logger.logQuery = (query, parameters, runner) => {
      for (const table of tablesOf(query)) read.add(table);
      return original(query, parameters, runner);
    };
    try {
      // This week is published in the seed (its changes since publication are read), next week a
      // draft.
      const thisWeek = isoWeekOf(todayIn());
      for (const week of [thisWeek, addIsoWeeks(thisWeek, 1)]) {
        for (const site of sites) {
          await t.dataSource.transaction(async (manager) => {
            await loader.lockSiteWeek(manager, user.organisationId, site.id, week);
            const loaded = await loader.load(manager, user, site.id, week, true);
            await loader.rulesInput(manager, user, loaded, week);
          });
        }
      }
    } finally {
      logger.logQuery = original;
    }
    // A name after FROM may be a CTE, a set-returning function or a column (extract(… FROM x)):
    // only the schema's real tables count.
    const tables: { name: string }[] = await t.dataSource.query(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`,
    );
    const real = new Set(tables.map((table) => table.name));
    const declared = new Set<string>([...SITE_WEEK_TABLES, ...Object.keys(READ_THROUGH)]);
    expect([...read].filter((table) => real.has(table) && !declared.has(table)).sort()).toEqual([]);
    // The loader really reads what is declared (a stale entry would hide a missing one).
    expect([...SITE_WEEK_TABLES].filter((table) => !read.has(table))).toEqual([]);
    expect(await triggered()).toEqual([...DATA_VERSION_TABLES].sort());
  });

  it('gives a newly declared table its trigger at start-up, and drops the trigger of a table no longer declared', async () => {
    await t.dataSource.query('DROP TRIGGER "trg_site_loan_data_version" ON "site_loan"');
    await t.dataSource.query(
      `CREATE CONSTRAINT TRIGGER "trg_notification_data_version" AFTER INSERT ON "notification"
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_organisation_data_version"()`,
    );
    // The account's trigger as the DataVersion migration made it: on every column.
    await t.dataSource.query(
      `DROP TRIGGER "trg_account_data_version" ON "account";
       CREATE CONSTRAINT TRIGGER "trg_account_data_version" AFTER INSERT OR UPDATE OR DELETE ON "account"
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_organisation_data_version"()`,
    );
    expect(await syncDataVersionTriggers(t.dataSource)).toEqual({
      created: ['site_loan'],
      dropped: ['notification'],
      updated: ['account'],
    });
    expect(await triggered()).toEqual([...DATA_VERSION_TABLES].sort());
    expect(await syncDataVersionTriggers(t.dataSource)).toEqual({
      created: [],
      dropped: [],
      updated: [],
    });
  });

  it('keeps the version (and the cached weeks) through a sign-in, and raises it on a change of role', async () => {
    const version = async (): Promise<string> => {
      const [row] = await t.dataSource.query(
        `SELECT v.version FROM organisation_data_version v
           JOIN account a ON a.organisation_id = v.organisation_id WHERE a.email = 'rh@relais.demo'`,
      );
      return String(row.version);
    };
    const before = await version();
    await t.login('rh@relais.demo');
    await t.login('manager.sud@relais.demo');
    expect(await version()).toBe(before);
    await t.dataSource.query(`UPDATE account SET role = 'hr' WHERE email = 'rh@relais.demo'`);
    expect(BigInt(await version())).toBeGreaterThan(BigInt(before));
  });
  it('reads several site-weeks in one query as it reads each alone', async () => {
    const loader = t.app.get(SiteWeekLoader);
    const sites: { id: string }[] = await t.dataSource.query('SELECT id FROM site ORDER BY code');
    const thisWeek = isoWeekOf(todayIn());
    const wanted = sites.flatMap((site) =>
      [-1, 0, 1].map((offset) => ({ siteId: site.id, week: addIsoWeeks(thisWeek, offset) })),
    );
    const together = await loader.shiftsOfWeeks(t.dataSource.manager, wanted);
    let shifts = 0;
    for (const { siteId, week } of wanted) {
      const alone = await loader.shiftsOfWeek(t.dataSource.manager, siteId, week);
      shifts += alone.length;
      expect(together.get(`${siteId}|${week}`)?.map((shift) => shift.id)).toEqual(
        alone.map((shift) => shift.id),
      );
    }
    // The demo plans these weeks: the comparison is not between empty lists.
    expect(shifts).toBeGreaterThan(50);
    expect(await loader.shiftsOfWeeks(t.dataSource.manager, [])).toEqual(new Map());
  });
});
