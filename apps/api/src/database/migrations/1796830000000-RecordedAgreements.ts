import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts the part-time rules need, recorded with who recorded them and when: a part-timer's written
 * agreement to a change of a published week (no notice then, Cass. soc. 9 nov. 2016), and the
 * agreement allowing split days with its counterparts (L3123-30), which replaces the bare
 * severity switch: without a recorded agreement split days block, as the law has it.
 */
export class RecordedAgreements1796830000000 implements MigrationInterface {
  name = 'RecordedAgreements1796830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notice_agreement" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "site_week_id" uuid NOT NULL, "person_id" uuid NOT NULL, "shift_id" uuid NOT NULL, "schedule" text NOT NULL, "reference" text NOT NULL, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_notice_agreement_reference" CHECK (char_length("reference") BETWEEN 1 AND 500), CONSTRAINT "pk_notice_agreement" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notice_agreement_site_week" ON "notice_agreement" ("site_week_id", "person_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "notice_agreement" ADD CONSTRAINT "fk_notice_agreement_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notice_agreement" ADD CONSTRAINT "fk_notice_agreement_site_week" FOREIGN KEY ("site_week_id") REFERENCES "site_week"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notice_agreement" ADD CONSTRAINT "fk_notice_agreement_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" DROP CONSTRAINT "ck_organisation_settings_split_day"`,
    );
    // A bare severity ('info', 'warn') names no agreement nor counterparts: the law's default.
    await queryRunner.query(`ALTER TABLE "organisation_settings" DROP COLUMN "split_day_severity"`);
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" ADD "split_day_agreement_reference" text`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" ADD "split_day_agreement_counterparts" text`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" ADD "split_day_agreement_recorded_by" uuid`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" ADD "split_day_agreement_recorded_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" ADD CONSTRAINT "ck_organisation_settings_split_day_agreement" CHECK (("split_day_agreement_reference" IS NULL AND "split_day_agreement_counterparts" IS NULL) OR (char_length("split_day_agreement_reference") BETWEEN 1 AND 500 AND char_length("split_day_agreement_counterparts") BETWEEN 1 AND 500))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" DROP CONSTRAINT "ck_organisation_settings_split_day_agreement"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" ADD "split_day_severity" text NOT NULL DEFAULT 'warn'`,
    );
    // A recorded agreement made split days a warning; without one they now blocked.
    await queryRunner.query(
      `UPDATE "organisation_settings" SET "split_day_severity" = CASE WHEN "split_day_agreement_reference" IS NULL THEN 'block' ELSE 'warn' END`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" ADD CONSTRAINT "ck_organisation_settings_split_day" CHECK ("split_day_severity" IN ('info', 'warn', 'block'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" DROP COLUMN "split_day_agreement_recorded_at"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" DROP COLUMN "split_day_agreement_recorded_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" DROP COLUMN "split_day_agreement_counterparts"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" DROP COLUMN "split_day_agreement_reference"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notice_agreement" DROP CONSTRAINT "fk_notice_agreement_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notice_agreement" DROP CONSTRAINT "fk_notice_agreement_site_week"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notice_agreement" DROP CONSTRAINT "fk_notice_agreement_organisation"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_notice_agreement_site_week"`);
    await queryRunner.query(`DROP TABLE "notice_agreement"`);
  }
}
