import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts an adulte-relais hire rests on (L5134-102), recorded by HR with who and when: out of
 * work or on a PEC at hiring, the QPV of residence as checked (name and date), or the prefect's
 * exception. The birth date and the PEC extended-cap eligibility already had their columns.
 */
export class PersonEligibility1796860000000 implements MigrationInterface {
  name = 'PersonEligibility1796860000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" ADD "is_out_of_work_at_hiring" boolean`);
    await queryRunner.query(`ALTER TABLE "person" ADD "qpv_name" text`);
    await queryRunner.query(`ALTER TABLE "person" ADD "qpv_checked_on" date`);
    await queryRunner.query(`ALTER TABLE "person" ADD "prefect_exception" text`);
    await queryRunner.query(`ALTER TABLE "person" ADD "eligibility_recorded_by" uuid`);
    await queryRunner.query(
      `ALTER TABLE "person" ADD "eligibility_recorded_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "ck_person_qpv" CHECK (("qpv_name" IS NULL) = ("qpv_checked_on" IS NULL) AND ("qpv_name" IS NULL OR char_length("qpv_name") BETWEEN 1 AND 200))`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "ck_person_prefect_exception" CHECK ("prefect_exception" IS NULL OR char_length("prefect_exception") BETWEEN 1 AND 500)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" DROP CONSTRAINT "ck_person_prefect_exception"`);
    await queryRunner.query(`ALTER TABLE "person" DROP CONSTRAINT "ck_person_qpv"`);
    for (const column of [
      'eligibility_recorded_at',
      'eligibility_recorded_by',
      'prefect_exception',
      'qpv_checked_on',
      'qpv_name',
      'is_out_of_work_at_hiring',
    ]) {
      await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "${column}"`);
    }
  }
}
