import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation settings: the rule thresholds an agreement may change, and the time zone, which
 * moves here from `organisation.timezone` (its data-version trigger comes from SITE_WEEK_TABLES at
 * start-up).
 */
export class OrganisationSettings1795950000000 implements MigrationInterface {
  name = 'OrganisationSettings1795950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation_settings" ("organisation_id" uuid NOT NULL, "time_zone" text NOT NULL DEFAULT 'Europe/Paris', "daily_max_minutes" integer NOT NULL DEFAULT '600', "weekly_average_max_minutes" integer NOT NULL DEFAULT '2640', "complementary_hours_ratio" double precision NOT NULL DEFAULT '0.1', "part_time_notice_working_days" integer NOT NULL DEFAULT '7', "split_day_severity" text NOT NULL DEFAULT 'warn', "sunday_derogation" text, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_organisation_settings_sunday" CHECK ("sunday_derogation" IS NULL OR char_length("sunday_derogation") BETWEEN 1 AND 200), CONSTRAINT "ck_organisation_settings_split_day" CHECK ("split_day_severity" IN ('info', 'warn', 'block')), CONSTRAINT "ck_organisation_settings_notice" CHECK ("part_time_notice_working_days" BETWEEN 3 AND 7), CONSTRAINT "ck_organisation_settings_complementary" CHECK ("complementary_hours_ratio" >= 0.1 AND "complementary_hours_ratio" <= 0.33333334), CONSTRAINT "ck_organisation_settings_weekly_average" CHECK ("weekly_average_max_minutes" BETWEEN 2640 AND 2760), CONSTRAINT "ck_organisation_settings_daily_max" CHECK ("daily_max_minutes" BETWEEN 600 AND 720), CONSTRAINT "ck_organisation_settings_time_zone" CHECK ("time_zone" IN ('Europe/Paris', 'America/Guadeloupe', 'America/Martinique', 'America/Cayenne', 'Indian/Reunion', 'Indian/Mayotte', 'America/Miquelon')), CONSTRAINT "pk_organisation_settings" PRIMARY KEY ("organisation_id"))`,
    );
    // An organisation outside Paris time keeps its zone; the others use the law's defaults.
    await queryRunner.query(
      `INSERT INTO "organisation_settings" ("organisation_id", "time_zone")
           SELECT "id", "timezone" FROM "organisation"
            WHERE "timezone" <> 'Europe/Paris' AND "timezone" IN ('America/Guadeloupe', 'America/Martinique', 'America/Cayenne', 'Indian/Reunion', 'Indian/Mayotte', 'America/Miquelon')`,
    );
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "timezone"`);
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" ADD CONSTRAINT "fk_organisation_settings_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" DROP CONSTRAINT "fk_organisation_settings_organisation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD "timezone" text NOT NULL DEFAULT 'Europe/Paris'`,
    );
    await queryRunner.query(
      `UPDATE "organisation" o SET "timezone" = s."time_zone" FROM "organisation_settings" s WHERE s."organisation_id" = o."id"`,
    );
    await queryRunner.query(`DROP TABLE "organisation_settings"`);
  }
}
