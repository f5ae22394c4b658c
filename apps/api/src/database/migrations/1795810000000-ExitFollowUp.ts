import { MigrationInterface, QueryRunner } from 'typeorm';

/** The 6-month follow-up of an exit: the situation found and the day of the contact. */
export class ExitFollowUp1795810000000 implements MigrationInterface {
  name = 'ExitFollowUp1795810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exit_record" ADD "follow_up_on" date`);
    await queryRunner.query(
      `ALTER TABLE "exit_record" ADD CONSTRAINT "ck_exit_record_follow_up_status" CHECK ("follow_up_status" IS NULL OR "follow_up_status" IN ('EMPLOI_DURABLE', 'EMPLOI_TRANSITION', 'SORTIE_POSITIVE', 'AUTRE_SORTIE', 'SANS_NOUVELLES', 'REFUS'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "exit_record" ADD CONSTRAINT "ck_exit_record_follow_up" CHECK (("follow_up_status" IS NULL) = ("follow_up_on" IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exit_record" DROP CONSTRAINT "ck_exit_record_follow_up"`);
    await queryRunner.query(
      `ALTER TABLE "exit_record" DROP CONSTRAINT "ck_exit_record_follow_up_status"`,
    );
    await queryRunner.query(`ALTER TABLE "exit_record" DROP COLUMN "follow_up_on"`);
  }
}
