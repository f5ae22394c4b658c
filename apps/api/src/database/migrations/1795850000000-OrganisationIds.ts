import { MigrationInterface, QueryRunner } from 'typeorm';

/** The three tables of tenant data without `organisation_id` gain it (filled from their parents). */
const TABLES: { table: string; fill: string }[] = [
  {
    table: 'manager_site',
    fill: `UPDATE "manager_site" m SET "organisation_id" = s."organisation_id" FROM "site" s WHERE s."id" = m."site_id"`,
  },
  {
    table: 'rota_publication',
    fill: `UPDATE "rota_publication" p SET "organisation_id" = w."organisation_id" FROM "site_week" w WHERE w."id" = p."site_week_id"`,
  },
  {
    table: 'travel_time',
    fill: `UPDATE "travel_time" t SET "organisation_id" = l."organisation_id" FROM "location" l WHERE l."id" = t."from_location_id"`,
  },
];

/**
 * The data-version trigger function (see the DataVersion migration); before this migration it
 * found travel_time's organisation through its first location.
 */
function bumpFunction(readsTravelTimeLocation: boolean): string {
  const organisationOf = readsTravelTimeLocation
    ? `IF TG_TABLE_NAME = 'travel_time' THEN
           SELECT l.organisation_id INTO org FROM location l
            WHERE l.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.from_location_id ELSE NEW.from_location_id END;
         ELSIF TG_OP = 'DELETE' THEN`
    : `IF TG_OP = 'DELETE' THEN`;
  return `CREATE OR REPLACE FUNCTION "bump_organisation_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         org uuid;
       BEGIN
         ${organisationOf}
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
       END $$`;
}

export class OrganisationIds1795850000000 implements MigrationInterface {
  name = 'OrganisationIds1795850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, fill } of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "organisation_id" uuid`);
      await queryRunner.query(fill);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "organisation_id" SET NOT NULL`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    }
    // travel_time now carries its organisation like every other table.
    await queryRunner.query(bumpFunction(false));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(bumpFunction(true));
    for (const { table } of [...TABLES].reverse()) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "fk_${table}_organisation"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "organisation_id"`);
    }
  }
}
