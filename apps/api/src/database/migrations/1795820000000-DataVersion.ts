import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows feed the rota week (grid, people, rules): a write to any of them bumps it. */
export const VERSIONED_TABLES = [
  'site',
  'location',
  // A publication is written with its site-week's new version: site_week covers it.
  'site_week',
  'shift',
  'person',
  'account',
  'contract',
  'absence',
  'unavailability',
  'person_skill',
  'coverage_requirement',
  'outreach_campaign',
  'travel_time',
] as const;

/**
 * One version number per organisation, raised by every transaction that writes a row the rota
 * week reads: the API keys its cache of computed weeks on it. The trigger is a deferred
 * constraint trigger, so the row lock on the counter is taken at commit, after every other lock
 * of the transaction (no deadlock with the site-week locks), and only once per transaction.
 * Bulk loads under `session_replication_role = replica` (seed:national) do not fire it.
 */
export class DataVersion1795820000000 implements MigrationInterface {
  name = 'DataVersion1795820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation_data_version" (
         "organisation_id" uuid PRIMARY KEY REFERENCES "organisation" ("id") ON DELETE CASCADE,
         "version" bigint NOT NULL DEFAULT 0,
         "last_xid" xid8)`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "bump_organisation_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         org uuid;
       BEGIN
         IF TG_TABLE_NAME = 'travel_time' THEN
           SELECT l.organisation_id INTO org FROM location l
            WHERE l.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.from_location_id ELSE NEW.from_location_id END;
         ELSIF TG_OP = 'DELETE' THEN
           org := OLD.organisation_id;
         ELSE
           org := NEW.organisation_id;
         END IF;
         IF org IS NULL THEN
           RETURN NULL;
         END IF;
         INSERT INTO organisation_data_version AS v (organisation_id, version, last_xid)
           VALUES (org, 1, pg_current_xact_id())
           ON CONFLICT (organisation_id) DO UPDATE
             SET version = v.version + 1, last_xid = EXCLUDED.last_xid
             WHERE v.last_xid IS DISTINCT FROM EXCLUDED.last_xid;
         RETURN NULL;
       END $$`,
    );
    for (const table of VERSIONED_TABLES) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER "trg_${table}_data_version" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_organisation_data_version"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of VERSIONED_TABLES) {
      await queryRunner.query(`DROP TRIGGER "trg_${table}_data_version" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "bump_organisation_data_version"()`);
    await queryRunner.query(`DROP TABLE "organisation_data_version"`);
  }
}
