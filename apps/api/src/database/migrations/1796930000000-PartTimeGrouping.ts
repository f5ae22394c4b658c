import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shortest block of work of a part-timer under 24 h a week by a derogation (PART_TIME_GROUPING,
 * C. trav., L3123-7: hours grouped in days or half-days), an organisation setting, 3 h by default.
 */
export class PartTimeGrouping1796930000000 implements MigrationInterface {
  name = 'PartTimeGrouping1796930000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" ADD "part_time_grouping_min_block_minutes" integer NOT NULL DEFAULT 180`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" ADD CONSTRAINT "ck_organisation_settings_grouping_block" CHECK ("part_time_grouping_min_block_minutes" BETWEEN 60 AND 360)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" DROP CONSTRAINT "ck_organisation_settings_grouping_block"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" DROP COLUMN "part_time_grouping_min_block_minutes"`,
    );
  }
}
