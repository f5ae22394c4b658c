import { MigrationInterface, QueryRunner } from 'typeorm';

export class AutoFill1795795819474 implements MigrationInterface {
  name = 'AutoFill1795795819474';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "auto_fill_job" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "created_by" uuid NOT NULL, "site_ids" uuid array NOT NULL, "week" text NOT NULL, "mode" text NOT NULL, "status" text NOT NULL DEFAULT 'running', "time_limit_seconds" smallint NOT NULL, "stop_requested" boolean NOT NULL DEFAULT false, "progress" jsonb, "proposal" jsonb, "fingerprint" jsonb NOT NULL DEFAULT '[]', "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_auto_fill_job_status" CHECK ("status" IN ('running', 'done', 'failed', 'applied', 'discarded')), CONSTRAINT "ck_auto_fill_job_mode" CHECK ("mode" IN ('fill', 'replan')), CONSTRAINT "PK_c7caba64b7a204814ddf7052f4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_auto_fill_job_creator" ON "auto_fill_job"  ("created_by", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_auto_fill_job_creator"`);
    await queryRunner.query(`DROP TABLE "auto_fill_job"`);
  }
}
