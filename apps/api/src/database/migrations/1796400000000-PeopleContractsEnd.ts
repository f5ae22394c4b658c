import { MigrationInterface, QueryRunner } from 'typeorm';

export class PeopleContractsEnd1796400000000 implements MigrationInterface {
  name = 'PeopleContractsEnd1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "hr_note" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "author_id" uuid, "author_name" text NOT NULL, "text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_hr_note_text" CHECK (char_length("text") BETWEEN 1 AND 4000), CONSTRAINT "PK_dd684263314447484e60789c3d4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_hr_note_person" ON "hr_note"  ("person_id", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "contract" ADD "end_reason" text`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "planned_end_date" date`);
    await queryRunner.query(`ALTER TABLE "exit_record" ALTER COLUMN "category" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "ck_contract_end_reason" CHECK ("end_reason" IS NULL OR "end_reason" IN ('mutual_agreement', 'gross_misconduct', 'force_majeure', 'unfitness', 'permanent_job_elsewhere', 'trial_period', 'resignation', 'dismissal', 'rupture_conventionnelle'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "hr_note" ADD CONSTRAINT "fk_hr_note_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hr_note" ADD CONSTRAINT "fk_hr_note_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hr_note" ADD CONSTRAINT "fk_hr_note_author" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hr_note" DROP CONSTRAINT "fk_hr_note_author"`);
    await queryRunner.query(`ALTER TABLE "hr_note" DROP CONSTRAINT "fk_hr_note_person"`);
    await queryRunner.query(`ALTER TABLE "hr_note" DROP CONSTRAINT "fk_hr_note_organisation"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "ck_contract_end_reason"`);
    await queryRunner.query(`ALTER TABLE "exit_record" ALTER COLUMN "category" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "planned_end_date"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "end_reason"`);
    await queryRunner.query(`DROP INDEX "public"."ix_hr_note_person"`);
    await queryRunner.query(`DROP TABLE "hr_note"`);
  }
}
