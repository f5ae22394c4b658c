import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Training counted in minutes actually attended, session by session: a module closes (record,
 * qualification, milestones) when its validated sessions reach its hours. Sessions already taken
 * count their length less the break; enrolments already validated belong to the record they made.
 */
export class TrainingAttendedHours1796800000000 implements MigrationInterface {
  name = 'TrainingAttendedHours1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "training_enrolment" ADD "attended_minutes" integer`);
    await queryRunner.query(`ALTER TABLE "training_enrolment" ADD "record_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "training_enrolment" ADD CONSTRAINT "ck_training_enrolment_attended" CHECK ("attended_minutes" IS NULL OR "attended_minutes" BETWEEN 1 AND 1440)`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_enrolment" ADD CONSTRAINT "fk_training_enrolment_record" FOREIGN KEY ("record_id") REFERENCES "training_record"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_training_enrolment_record" ON "training_enrolment" ("record_id")`,
    );
    await queryRunner.query(
      `UPDATE "training_enrolment" e
          SET "attended_minutes" = GREATEST(1, LEAST(1440,
                (extract(epoch FROM (s."end_at" - s."start_at")) / 60)::int - s."break_minutes"))
         FROM "training_session" s
        WHERE s."id" = e."session_id" AND e."status" IN ('present', 'validated')`,
    );
    await queryRunner.query(
      `UPDATE "training_enrolment" e SET "record_id" = r."id"
         FROM "training_record" r WHERE r."enrolment_id" = e."id"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_training_enrolment_record"`);
    await queryRunner.query(
      `ALTER TABLE "training_enrolment" DROP CONSTRAINT "fk_training_enrolment_record"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_enrolment" DROP CONSTRAINT "ck_training_enrolment_attended"`,
    );
    await queryRunner.query(`ALTER TABLE "training_enrolment" DROP COLUMN "record_id"`);
    await queryRunner.query(`ALTER TABLE "training_enrolment" DROP COLUMN "attended_minutes"`);
  }
}
