import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts of a PEC the duration rules read and nobody could record (L5134-25-1): its 3-month
 * initial term for a person who benefited from a sentence adjustment, and a PEC or CDDI prolonged
 * beyond its cap to finish a training action in progress, with the action and its end.
 */
export class PecFacts1796950000000 implements MigrationInterface {
  name = 'PecFacts1796950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "contract" ADD "has_reduced_initial_term" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "contract" ADD "training_extension_action" text`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "training_extension_end" date`);
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "ck_contract_training_extension"
         CHECK (("training_extension_action" IS NULL) = ("training_extension_end" IS NULL) AND ("training_extension_action" IS NULL OR "type" IN ('PEC', 'CDDI')))`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "ck_contract_reduced_initial_term"
         CHECK (NOT "has_reduced_initial_term" OR "type" = 'PEC')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "contract" DROP CONSTRAINT "ck_contract_reduced_initial_term"`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract" DROP CONSTRAINT "ck_contract_training_extension"`,
    );
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "training_extension_end"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "training_extension_action"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "has_reduced_initial_term"`);
  }
}
