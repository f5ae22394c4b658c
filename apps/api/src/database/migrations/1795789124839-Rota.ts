import { MigrationInterface, QueryRunner } from 'typeorm';

export class Rota1795789124839 implements MigrationInterface {
  name = 'Rota1795789124839';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outreach_campaign" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "location_id" uuid NOT NULL, "partner" text NOT NULL, "estate" text NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "pattern" jsonb NOT NULL, CONSTRAINT "ck_outreach_campaign_dates" CHECK ("end_date" >= "start_date"), CONSTRAINT "PK_0f841f780aabeab9e2fc3c71c4a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "coverage_requirement" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "location_id" uuid NOT NULL, "weekday" smallint NOT NULL, "start_time" text NOT NULL, "end_time" text NOT NULL, "min_staff" smallint NOT NULL, "required_skill" text, "activity" text, "is_pair" boolean NOT NULL DEFAULT false, "campaign_id" uuid, "valid_from" date, "valid_until" date, CONSTRAINT "ck_coverage_requirement_staff" CHECK ("min_staff" BETWEEN 1 AND 50), CONSTRAINT "ck_coverage_requirement_times" CHECK ("end_time" > "start_time"), CONSTRAINT "ck_coverage_requirement_weekday" CHECK ("weekday" BETWEEN 1 AND 7), CONSTRAINT "PK_7db74e91da7bb3db15a3cf272f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_coverage_requirement_location" ON "coverage_requirement"  ("location_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "site_week" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "site_id" uuid NOT NULL, "week" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '0', "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, CONSTRAINT "ck_site_week_week" CHECK ("week" ~ '^[0-9]{4}-W[0-9]{2}$'), CONSTRAINT "ck_site_week_status" CHECK ("status" IN ('draft', 'published')), CONSTRAINT "PK_1dc722c9d31c46498a824f24aba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_site_week" ON "site_week"  ("site_id", "week") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rota_publication" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "site_week_id" uuid NOT NULL, "version" integer NOT NULL, "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "shifts" jsonb NOT NULL, "justification" text, CONSTRAINT "PK_5850add863cfefd5e511b78107f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_rota_publication_version" ON "rota_publication"  ("site_week_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "shift_template" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "site_id" uuid NOT NULL, "code" text NOT NULL, "label" text NOT NULL, "location_id" uuid NOT NULL, "activity" text NOT NULL, "start_time" text NOT NULL, "end_time" text NOT NULL, "break_minutes" integer NOT NULL DEFAULT '0', "weekdays" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_5b21be224526f8914c7c340a24e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_shift_template_site_code" ON "shift_template"  ("site_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "shift" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "site_id" uuid NOT NULL, "person_id" uuid, "location_id" uuid NOT NULL, "activity" text NOT NULL, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "end_at" TIMESTAMP WITH TIME ZONE NOT NULL, "break_minutes" integer NOT NULL DEFAULT '0', "note" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_shift_activity" CHECK ("activity" IN ('accueil', 'back_office', 'permanence', 'outreach', 'workshop', 'digital_help', 'meeting', 'training')), CONSTRAINT "ck_shift_break" CHECK ("break_minutes" >= 0 AND "break_minutes" * interval '1 minute' < "end_at" - "start_at"), CONSTRAINT "ck_shift_period" CHECK ("end_at" > "start_at" AND "end_at" - "start_at" <= interval '24 hours'), CONSTRAINT "ex_shift_person_period" EXCLUDE USING gist ("person_id" WITH =, tstzrange("start_at", "end_at") WITH &&) WHERE ("person_id" IS NOT NULL), CONSTRAINT "PK_53071a6485a1e9dc75ec3db54b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_shift_person_start" ON "shift"  ("person_id", "start_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_shift_site_start" ON "shift"  ("site_id", "start_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "travel_time" ("from_location_id" uuid NOT NULL, "to_location_id" uuid NOT NULL, "minutes" smallint NOT NULL, CONSTRAINT "ck_travel_time_minutes" CHECK ("minutes" BETWEEN 0 AND 240), CONSTRAINT "pk_travel_time" PRIMARY KEY ("from_location_id", "to_location_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "outreach_campaign" ADD CONSTRAINT "fk_outreach_campaign_location" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coverage_requirement" ADD CONSTRAINT "fk_coverage_requirement_location" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coverage_requirement" ADD CONSTRAINT "fk_coverage_requirement_campaign" FOREIGN KEY ("campaign_id") REFERENCES "outreach_campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "site_week" ADD CONSTRAINT "fk_site_week_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rota_publication" ADD CONSTRAINT "fk_rota_publication_site_week" FOREIGN KEY ("site_week_id") REFERENCES "site_week"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_template" ADD CONSTRAINT "fk_shift_template_location" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift" ADD CONSTRAINT "fk_shift_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift" ADD CONSTRAINT "fk_shift_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift" ADD CONSTRAINT "fk_shift_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift" ADD CONSTRAINT "fk_shift_location" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "travel_time" ADD CONSTRAINT "fk_travel_time_from" FOREIGN KEY ("from_location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "travel_time" ADD CONSTRAINT "fk_travel_time_to" FOREIGN KEY ("to_location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "travel_time" DROP CONSTRAINT "fk_travel_time_to"`);
    await queryRunner.query(`ALTER TABLE "travel_time" DROP CONSTRAINT "fk_travel_time_from"`);
    await queryRunner.query(`ALTER TABLE "shift" DROP CONSTRAINT "fk_shift_location"`);
    await queryRunner.query(`ALTER TABLE "shift" DROP CONSTRAINT "fk_shift_person"`);
    await queryRunner.query(`ALTER TABLE "shift" DROP CONSTRAINT "fk_shift_site"`);
    await queryRunner.query(`ALTER TABLE "shift" DROP CONSTRAINT "fk_shift_organisation"`);
    await queryRunner.query(
      `ALTER TABLE "shift_template" DROP CONSTRAINT "fk_shift_template_location"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rota_publication" DROP CONSTRAINT "fk_rota_publication_site_week"`,
    );
    await queryRunner.query(`ALTER TABLE "site_week" DROP CONSTRAINT "fk_site_week_site"`);
    await queryRunner.query(
      `ALTER TABLE "coverage_requirement" DROP CONSTRAINT "fk_coverage_requirement_campaign"`,
    );
    await queryRunner.query(
      `ALTER TABLE "coverage_requirement" DROP CONSTRAINT "fk_coverage_requirement_location"`,
    );
    await queryRunner.query(
      `ALTER TABLE "outreach_campaign" DROP CONSTRAINT "fk_outreach_campaign_location"`,
    );
    await queryRunner.query(`DROP TABLE "travel_time"`);
    await queryRunner.query(`DROP INDEX "public"."ix_shift_site_start"`);
    await queryRunner.query(`DROP INDEX "public"."ix_shift_person_start"`);
    await queryRunner.query(`DROP TABLE "shift"`);
    await queryRunner.query(`DROP INDEX "public"."uq_shift_template_site_code"`);
    await queryRunner.query(`DROP TABLE "shift_template"`);
    await queryRunner.query(`DROP INDEX "public"."uq_rota_publication_version"`);
    await queryRunner.query(`DROP TABLE "rota_publication"`);
    await queryRunner.query(`DROP INDEX "public"."uq_site_week"`);
    await queryRunner.query(`DROP TABLE "site_week"`);
    await queryRunner.query(`DROP INDEX "public"."ix_coverage_requirement_location"`);
    await queryRunner.query(`DROP TABLE "coverage_requirement"`);
    await queryRunner.query(`DROP TABLE "outreach_campaign"`);
  }
}
