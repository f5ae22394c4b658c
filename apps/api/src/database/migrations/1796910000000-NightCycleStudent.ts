import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts the working-time and contract rules read and nobody could record: a contract's night
 * worker status (L3122-5) and multi-week cycle (L3121-44, whose changes owe 7 days' notice,
 * L3121-47), and a person's pursuit of studies (the part-time derogation of a student under 26,
 * L3123-7).
 */
export class NightCycleStudent1796910000000 implements MigrationInterface {
  name = 'NightCycleStudent1796910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "contract" ADD "is_night_worker" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "contract" ADD "cycle_weeks" smallint`);
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "ck_contract_cycle_weeks"
         CHECK ("cycle_weeks" IS NULL OR "cycle_weeks" BETWEEN 2 AND 52)`,
    );
    await queryRunner.query(`ALTER TABLE "person" ADD "is_student" boolean`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "is_student"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "ck_contract_cycle_weeks"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "cycle_weeks"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "is_night_worker"`);
  }
}
