import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Professional titles tracked block by block: the assessment sessions (exam or VAE jury) with their
 * results, the training hours toward each block, and the tutor's competence assessments at entry,
 * midpoint and exit of a contract. An exit keeps the blocks obtained by its date; the records
 * typed before (certified_blocks null) keep their flag as it was.
 */
export class CertificationBlocks1796880000000 implements MigrationInterface {
  name = 'CertificationBlocks1796880000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "certification_session" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "title_code" text NOT NULL, "block_codes" text array NOT NULL, "route" text NOT NULL, "held_on" date NOT NULL, "result" text NOT NULL, "note" text, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_certification_session_note" CHECK ("note" IS NULL OR char_length("note") BETWEEN 1 AND 500), CONSTRAINT "ck_certification_session_blocks" CHECK (cardinality("block_codes") BETWEEN 1 AND 20), CONSTRAINT "ck_certification_session_result" CHECK ("result" IN ('ADMIS', 'AJOURNE', 'ABSENT')), CONSTRAINT "ck_certification_session_route" CHECK ("route" IN ('EXAMEN', 'VAE')), CONSTRAINT "pk_certification_session" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_certification_session_person" ON "certification_session"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "certification_block_training" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "title_code" text NOT NULL, "block_code" text NOT NULL, "hours" numeric(6,1) NOT NULL, "training_record_id" uuid, "recorded_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_certification_block_training_hours" CHECK ("hours" >= 0 AND "hours" <= 2000), CONSTRAINT "pk_certification_block_training" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certification_block_training" ON "certification_block_training"  ("person_id", "title_code", "block_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "competence_assessment" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "contract_id" uuid NOT NULL, "person_id" uuid NOT NULL, "stage" text NOT NULL, "assessed_on" date NOT NULL, "assessor_id" uuid, "ratings" jsonb NOT NULL, "note" text, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_competence_assessment_note" CHECK ("note" IS NULL OR char_length("note") BETWEEN 1 AND 1000), CONSTRAINT "ck_competence_assessment_stage" CHECK ("stage" IN ('ENTREE', 'MI_PARCOURS', 'SORTIE')), CONSTRAINT "pk_competence_assessment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_competence_assessment_person" ON "competence_assessment"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_competence_assessment_stage" ON "competence_assessment"  ("contract_id", "stage") `,
    );
    await queryRunner.query(`ALTER TABLE "exit_record" ADD "certified_blocks" text array`);
    await queryRunner.query(
      `ALTER TABLE "exit_record" ADD CONSTRAINT "ck_exit_record_certified" CHECK ("certified_blocks" IS NULL OR "certification_obtained" = (cardinality("certified_blocks") > 0))`,
    );
    await queryRunner.query(
      `ALTER TABLE "certification_session" ADD CONSTRAINT "fk_certification_session_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certification_block_training" ADD CONSTRAINT "fk_certification_block_training_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certification_block_training" ADD CONSTRAINT "fk_certification_block_training_record" FOREIGN KEY ("training_record_id") REFERENCES "training_record"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" ADD CONSTRAINT "fk_competence_assessment_contract" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" ADD CONSTRAINT "fk_competence_assessment_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" ADD CONSTRAINT "fk_competence_assessment_assessor" FOREIGN KEY ("assessor_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" DROP CONSTRAINT "fk_competence_assessment_assessor"`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" DROP CONSTRAINT "fk_competence_assessment_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_assessment" DROP CONSTRAINT "fk_competence_assessment_contract"`,
    );
    await queryRunner.query(
      `ALTER TABLE "certification_block_training" DROP CONSTRAINT "fk_certification_block_training_record"`,
    );
    await queryRunner.query(
      `ALTER TABLE "certification_block_training" DROP CONSTRAINT "fk_certification_block_training_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "certification_session" DROP CONSTRAINT "fk_certification_session_person"`,
    );
    await queryRunner.query(`ALTER TABLE "exit_record" DROP CONSTRAINT "ck_exit_record_certified"`);
    await queryRunner.query(`ALTER TABLE "exit_record" DROP COLUMN "certified_blocks"`);
    await queryRunner.query(`DROP INDEX "public"."uq_competence_assessment_stage"`);
    await queryRunner.query(`DROP INDEX "public"."ix_competence_assessment_person"`);
    await queryRunner.query(`DROP TABLE "competence_assessment"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certification_block_training"`);
    await queryRunner.query(`DROP TABLE "certification_block_training"`);
    await queryRunner.query(`DROP INDEX "public"."ix_certification_session_person"`);
    await queryRunner.query(`DROP TABLE "certification_session"`);
  }
}
