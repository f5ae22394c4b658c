import { MigrationInterface, QueryRunner } from 'typeorm';

/** A contract's hourly cost to the employer (coût horaire chargé), in cents: the rota's labour cost. */
export class ContractHourlyCost1796700000000 implements MigrationInterface {
  name = 'ContractHourlyCost1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contract" ADD "hourly_cost_cents" integer`);
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "ck_contract_hourly_cost" CHECK ("hourly_cost_cents" IS NULL OR ("hourly_cost_cents" >= 0 AND "hourly_cost_cents" <= 100000))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "ck_contract_hourly_cost"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "hourly_cost_cents"`);
  }
}
