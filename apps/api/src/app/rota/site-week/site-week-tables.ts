import type { DataSource, EntityManager } from 'typeorm';

/**
 * The tables the site-week loader reads, declared once. Each raises its organisation's data
 * version when written (the rota cache keys on it): `syncDataVersionTriggers` gives every table
 * listed here the trigger at start-up, and `site-week-tables.int-spec.ts` fails when the loader
 * reads a table that is not listed.
 */
export const SITE_WEEK_TABLES = [
  'site',
  'location',
  'site_week',
  'shift',
  'person',
  'contract',
  'absence',
  'unavailability',
  'person_skill',
  'coverage_requirement',
  'travel_time',
  'site_loan',
  'organisation_settings',
  'notice_agreement',
] as const;

/** Read by the loader, but only ever written with a row of another listed table. */
export const READ_THROUGH: Record<string, (typeof SITE_WEEK_TABLES)[number]> = {
  // A publication is written with its site-week's new version.
  rota_publication: 'site_week',
};

/** Not read by the loader, but their writes change what the week shows. */
const ALSO_VERSIONED = [
  // Accounts: who may read which week (the cache keys on the reader).
  'account',
  // Campaigns write the pair requirements of their period.
  'outreach_campaign',
] as const;

export const DATA_VERSION_TABLES: readonly string[] = [...SITE_WEEK_TABLES, ...ALSO_VERSIONED];

const TRIGGER_SUFFIX = '_data_version';

/**
 * Makes the data-version triggers match `DATA_VERSION_TABLES`: creates the missing ones and drops
 * those of tables no longer listed. Run at start-up after the migrations (under their lock), so
 * the declaration above is the one list. The trigger function comes from the DataVersion
 * migration.
 */
export async function syncDataVersionTriggers(
  db: Pick<DataSource | EntityManager, 'query'>,
): Promise<{ created: string[]; dropped: string[] }> {
  const rows: { table: string; trigger: string }[] = await db.query(
    `SELECT c.relname AS table, t.tgname AS trigger FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND t.tgname LIKE 'trg\\_%\\_data\\_version'`,
  );
  const present = new Set(rows.map((row) => row.table));
  const created: string[] = [];
  const dropped: string[] = [];
  for (const table of DATA_VERSION_TABLES) {
    if (present.has(table)) continue;
    await db.query(
      `CREATE CONSTRAINT TRIGGER "trg_${table}${TRIGGER_SUFFIX}" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_organisation_data_version"()`,
    );
    created.push(table);
  }
  for (const row of rows) {
    if (DATA_VERSION_TABLES.includes(row.table)) continue;
    await db.query(`DROP TRIGGER "${row.trigger}" ON "${row.table}"`);
    dropped.push(row.table);
  }
  return { created, dropped };
}
