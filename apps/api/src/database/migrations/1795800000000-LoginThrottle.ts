import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling counters shared by every API process (rate-limiter-flexible's PostgreSQL
 * store, its own table layout): no entity, the limiter reads and writes it directly.
 */
export class LoginThrottle1795800000000 implements MigrationInterface {
  name = 'LoginThrottle1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_throttle"`);
  }
}
