import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A derogation to Sunday rest recorded per site (C. trav., L3132-12 and following: by right for
 * some activities, by prefectoral or municipal decision for others), with who recorded it and
 * when. A Sunday shift at one of the site's locations is then no longer flagged.
 */
export class SiteSundayDerogation1796840000000 implements MigrationInterface {
  name = 'SiteSundayDerogation1796840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "site" ADD "sunday_derogation" text`);
    await queryRunner.query(`ALTER TABLE "site" ADD "sunday_derogation_recorded_by" uuid`);
    await queryRunner.query(
      `ALTER TABLE "site" ADD "sunday_derogation_recorded_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "site" ADD CONSTRAINT "ck_site_sunday_derogation" CHECK ("sunday_derogation" IS NULL OR char_length("sunday_derogation") BETWEEN 1 AND 200)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "site" DROP CONSTRAINT "ck_site_sunday_derogation"`);
    await queryRunner.query(`ALTER TABLE "site" DROP COLUMN "sunday_derogation_recorded_at"`);
    await queryRunner.query(`ALTER TABLE "site" DROP COLUMN "sunday_derogation_recorded_by"`);
    await queryRunner.query(`ALTER TABLE "site" DROP COLUMN "sunday_derogation"`);
  }
}
