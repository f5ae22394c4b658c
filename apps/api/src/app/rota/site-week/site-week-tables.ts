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

/**
 * Tables whose updates raise the version only when one of these columns is set: a sign-in writes
 * the account's last login time (and may upgrade its password hash), which changes no week, and
 * must not drop every cached week of the organisation.
 */
export const DATA_VERSION_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  account: ['email', 'is_active', 'organisation_id', 'person_id', 'role'],
};

const TRIGGER_SUFFIX = '_data_version';

function definition(table: string): string {
  const columns = DATA_VERSION_COLUMNS[table];
  const update = columns
    ? `UPDATE OF ${columns.map((column) => `"${column}"`).join(', ')}`
    : 'UPDATE';
  return `CREATE CONSTRAINT TRIGGER "trg_${table}${TRIGGER_SUFFIX}" AFTER INSERT OR ${update} OR DELETE ON "${table}"
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_organisation_data_version"()`;
}

/**
 * Makes the data-version triggers match `DATA_VERSION_TABLES` (and `DATA_VERSION_COLUMNS`): creates the missing ones and drops
 * those of tables no longer listed. Run at start-up after the migrations (under their lock), so
 * the declaration above is the one list (a trigger watching other columns than declared is
 * made again). The trigger function comes from the DataVersion migration.
 */
export async function syncDataVersionTriggers(
  db: Pick<DataSource | EntityManager, 'query'>,
): Promise<{ created: string[]; dropped: string[]; updated: string[] }> {
  const rows: { table: string; trigger: string; columns: string }[] = await db.query(
    `SELECT c.relname AS table, t.tgname AS trigger,
            COALESCE((SELECT string_agg(a.attname, ',' ORDER BY a.attname)
                        FROM unnest(t.tgattr::int2[]) AS k(attnum)
                        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum), '') AS columns
       FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND t.tgname LIKE 'trg\\_%\\_data\\_version'`,
  );
  const present = new Map(rows.map((row) => [row.table, row.columns]));
  const created: string[] = [];
  const dropped: string[] = [];
  const updated: string[] = [];
  for (const table of DATA_VERSION_TABLES) {
    const columns = present.get(table);
    if (columns === undefined) {
      await db.query(definition(table));
      created.push(table);
    } else if (columns !== [...(DATA_VERSION_COLUMNS[table] ?? [])].sort().join(',')) {
      // One query, so one transaction: no write can slip between the drop and the creation.
      await db.query(
        `DROP TRIGGER "trg_${table}${TRIGGER_SUFFIX}" ON "${table}"; ${definition(table)}`,
      );
      updated.push(table);
    }
  }
  for (const row of rows) {
    if (DATA_VERSION_TABLES.includes(row.table)) continue;
    await db.query(`DROP TRIGGER "${row.trigger}" ON "${row.table}"`);
    dropped.push(row.table);
  }
  return { created, dropped, updated };
}
