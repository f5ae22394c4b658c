import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exit categories derived from what followed: the job's length in months, a reason for every
 * neutralised exit, internal hires after an aided contract, the entry date the minimum stay is
 * counted from (an organisation setting). A training course carries no job length any more.
 */
export class ExitDerived1796810000000 implements MigrationInterface {
  name = 'ExitDerived1796810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exit_record" ADD "job_months" smallint`);
    await queryRunner.query(`ALTER TABLE "exit_record" ADD "neutralised_reason" text`);
    await queryRunner.query(
      `ALTER TABLE "exit_record" ADD "is_internal_hire" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "exit_record" ADD "entry_date" date`);
    // Neutralised exits recorded before had no reason: "other", their detail says which.
    await queryRunner.query(
      `UPDATE "exit_record" SET "neutralised_reason" = 'AUTRE' WHERE "category" = 'NEUTRALISEE'`,
    );
    await queryRunner.query(
      `UPDATE "exit_record" x SET "entry_date" = (SELECT min(c."start_date") FROM "contract" c
          JOIN "contract" e ON e."id" = x."contract_id"
         WHERE c."person_id" = e."person_id" AND c."start_date" <= e."start_date")
        WHERE x."contract_id" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "exit_record" DROP CONSTRAINT "ck_exit_record_dynamic"`);
    await queryRunner.query(
      `ALTER TABLE "exit_record" ADD CONSTRAINT "ck_exit_record_dynamic" CHECK ("category" NOT IN ('EMPLOI_DURABLE', 'EMPLOI_TRANSITION', 'SORTIE_POSITIVE') OR "job_contract_type" IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "exit_record" ADD CONSTRAINT "ck_exit_record_job_length" CHECK ("job_contract_type" NOT IN ('CDD', 'INTERIM') OR "duration_bucket" IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "exit_record" ADD CONSTRAINT "ck_exit_record_neutralised" CHECK (("category" = 'NEUTRALISEE') = ("neutralised_reason" IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "exit_record" ADD CONSTRAINT "ck_exit_record_neutralised_reason" CHECK ("neutralised_reason" IS NULL OR "neutralised_reason" IN ('DEMENAGEMENT', 'MALADIE', 'RETRAITE', 'DECES', 'INCARCERATION', 'AUTRE'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "exit_record" ADD CONSTRAINT "ck_exit_record_job_months" CHECK ("job_months" IS NULL OR "job_months" BETWEEN 1 AND 600)`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" ADD "exit_minimum_stay_days" integer NOT NULL DEFAULT 90`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" ADD CONSTRAINT "ck_organisation_settings_exit_stay" CHECK ("exit_minimum_stay_days" BETWEEN 0 AND 365)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" DROP CONSTRAINT "ck_organisation_settings_exit_stay"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" DROP COLUMN "exit_minimum_stay_days"`,
    );
    for (const name of ['job_months', 'neutralised_reason', 'neutralised', 'job_length', 'dynamic'])
      await queryRunner.query(`ALTER TABLE "exit_record" DROP CONSTRAINT "ck_exit_record_${name}"`);
    // A positive exit without a job length cannot satisfy the former rule: it gets "6 months or more".
    await queryRunner.query(
      `UPDATE "exit_record" SET "duration_bucket" = 'SIX_MONTHS_OR_MORE'
        WHERE "category" IN ('EMPLOI_DURABLE', 'EMPLOI_TRANSITION', 'SORTIE_POSITIVE') AND "duration_bucket" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "exit_record" ADD CONSTRAINT "ck_exit_record_dynamic" CHECK ("category" NOT IN ('EMPLOI_DURABLE', 'EMPLOI_TRANSITION', 'SORTIE_POSITIVE') OR ("job_contract_type" IS NOT NULL AND "duration_bucket" IS NOT NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "exit_record" DROP COLUMN "entry_date"`);
    await queryRunner.query(`ALTER TABLE "exit_record" DROP COLUMN "is_internal_hire"`);
    await queryRunner.query(`ALTER TABLE "exit_record" DROP COLUMN "neutralised_reason"`);
    await queryRunner.query(`ALTER TABLE "exit_record" DROP COLUMN "job_months"`);
  }
}
