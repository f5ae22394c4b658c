import { MigrationInterface, QueryRunner } from 'typeorm';

/** Shift changes made as one step, to undo them as one step (see RotaBatchEntity). */
export class RotaBatch1796500000000 implements MigrationInterface {
  name = 'RotaBatch1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rota_batch" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "site_id" uuid NOT NULL, "week" text NOT NULL, "kind" text NOT NULL, "label" text NOT NULL, "account_id" uuid, "entries" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "undone_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_rota_batch_kind" CHECK ("kind" IN ('copy', 'templates', 'bulk_delete', 'bulk_move', 'fix')), CONSTRAINT "PK_b0d2ea0722976ad310a97d23eb6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rota_batch_site_week" ON "rota_batch"  ("site_id", "week", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "rota_batch" ADD CONSTRAINT "fk_rota_batch_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rota_batch" ADD CONSTRAINT "fk_rota_batch_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rota_batch" DROP CONSTRAINT "fk_rota_batch_site"`);
    await queryRunner.query(
      `ALTER TABLE "rota_batch" DROP CONSTRAINT "fk_rota_batch_organisation"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_rota_batch_site_week"`);
    await queryRunner.query(`DROP TABLE "rota_batch"`);
  }
}
