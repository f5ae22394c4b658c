import { MigrationInterface, QueryRunner } from 'typeorm';

/** A notification kind of its own for the owner of an account whose logins keep failing. */
export class SecurityNotification1795830000000 implements MigrationInterface {
  name = 'SecurityNotification1795830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "ck_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "ck_notification_kind" CHECK ("kind" IN ('rota_published', 'request_decided', 'swap_offered', 'swap_accepted', 'swap_decided', 'reminder', 'security'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'security'`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "ck_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "ck_notification_kind" CHECK ("kind" IN ('rota_published', 'request_decided', 'swap_offered', 'swap_accepted', 'swap_decided', 'reminder'))`,
    );
  }
}
