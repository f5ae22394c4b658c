import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The obligations of each contract type (PEC, adulte-relais, contrat pro, France Services) that
 * HR records to meet them: the date, the outcome chosen, a reference, the evidence; and the
 * reminders the daily job raised for them, once per obligation, due date and stage.
 */
export class ContractObligations1796870000000 implements MigrationInterface {
  name = 'ContractObligations1796870000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "contract_obligation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "contract_id" uuid NOT NULL,
        "code" text NOT NULL,
        "done_on" date NOT NULL,
        "outcome" text,
        "reference" text,
        "module_codes" text array NOT NULL DEFAULT '{}',
        "evidence" text,
        "recorded_by" uuid,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_contract_obligation" PRIMARY KEY ("id"),
        CONSTRAINT "ck_contract_obligation_code" CHECK ("code" IN ('PEC_PRESCRIBER', 'PEC_TRIPARTITE', 'PEC_ACTIONS', 'PEC_RENEWAL_REQUEST', 'PEC_EXIT_INTERVIEW', 'AR_POST', 'AR_CONVENTION_END', 'PRO_OPCO', 'PRO_FILING', 'PRO_TRAINING_HOURS', 'PRO_TUTOR', 'FS_CONTINUING_TRAINING', 'FS_AIDANTS_CONNECT')),
        CONSTRAINT "ck_contract_obligation_text" CHECK (("reference" IS NULL OR char_length("reference") BETWEEN 1 AND 500) AND ("evidence" IS NULL OR char_length("evidence") BETWEEN 1 AND 500))
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_contract_obligation_code" ON "contract_obligation" ("contract_id", "code")`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_obligation" ADD CONSTRAINT "fk_contract_obligation_contract" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "obligation_reminder" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "contract_id" uuid NOT NULL,
        "code" text NOT NULL,
        "due_on" date NOT NULL,
        "stage" text NOT NULL,
        "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_obligation_reminder" PRIMARY KEY ("id"),
        CONSTRAINT "ck_obligation_reminder_stage" CHECK ("stage" IN ('soon', 'late'))
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_obligation_reminder" ON "obligation_reminder" ("contract_id", "code", "due_on", "stage")`,
    );
    await queryRunner.query(
      `ALTER TABLE "obligation_reminder" ADD CONSTRAINT "fk_obligation_reminder_contract" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "obligation_reminder" DROP CONSTRAINT "fk_obligation_reminder_contract"`,
    );
    await queryRunner.query(`DROP INDEX "uq_obligation_reminder"`);
    await queryRunner.query(`DROP TABLE "obligation_reminder"`);
    await queryRunner.query(
      `ALTER TABLE "contract_obligation" DROP CONSTRAINT "fk_contract_obligation_contract"`,
    );
    await queryRunner.query(`DROP INDEX "uq_contract_obligation_code"`);
    await queryRunner.query(`DROP TABLE "contract_obligation"`);
  }
}
