import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contracts the law allows that the form refused: a replacement CDD without a precise term,
 * concluded for a minimum duration and ending when the absent employee returns (C. trav.,
 * L1242-7), and an adulte-relais contract as a CDI (L5134-103), which needs no new column.
 */
export class ContractForms1796850000000 implements MigrationInterface {
  name = 'ContractForms1796850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contract" ADD "minimum_end_date" date`);
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "ck_contract_minimum_end" CHECK ("minimum_end_date" IS NULL OR ("type" = 'CDD' AND "minimum_end_date" >= "start_date"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Without the column a CDD needs an end: the minimum duration is the closest date the law
    // guarantees.
    await queryRunner.query(
      `UPDATE "contract" SET "end_date" = "minimum_end_date" WHERE "end_date" IS NULL AND "minimum_end_date" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "ck_contract_minimum_end"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "minimum_end_date"`);
  }
}
