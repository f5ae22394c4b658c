import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-service: claims on open shifts ("Je suis disponible"), two-way swaps (the colleague's
 * shift given back), and the managers' notifications of new requests and claims.
 */
export class SelfServiceClaims1796300000000 implements MigrationInterface {
  name = 'SelfServiceClaims1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "open_shift_claim" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "shift_id" uuid NOT NULL, "shift_version" integer NOT NULL, "person_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'pending', "message" text, "reply" text, "violations" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_open_shift_claim_status" CHECK ("status" IN ('pending', 'approved', 'refused', 'withdrawn', 'closed')), CONSTRAINT "PK_615457fc31b9fc52045421fcf6e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_open_shift_claim_pending" ON "open_shift_claim"  ("shift_id", "person_id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_open_shift_claim_organisation_status" ON "open_shift_claim"  ("organisation_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_open_shift_claim_person" ON "open_shift_claim"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_open_shift_claim_shift" ON "open_shift_claim"  ("shift_id") `,
    );
    await queryRunner.query(`ALTER TABLE "shift_swap" ADD "counter_shift_id" uuid`);
    await queryRunner.query(`ALTER TABLE "shift_swap" ADD "counter_shift_version" integer`);
    await queryRunner.query(
      `ALTER TABLE "shift_swap" ADD CONSTRAINT "ck_shift_swap_counter" CHECK (("counter_shift_id" IS NULL) = ("counter_shift_version" IS NULL) AND "counter_shift_id" IS DISTINCT FROM "shift_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "open_shift_claim" ADD CONSTRAINT "fk_open_shift_claim_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "open_shift_claim" ADD CONSTRAINT "fk_open_shift_claim_shift" FOREIGN KEY ("shift_id") REFERENCES "shift"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "open_shift_claim" ADD CONSTRAINT "fk_open_shift_claim_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_swap" ADD CONSTRAINT "fk_shift_swap_counter_shift" FOREIGN KEY ("counter_shift_id") REFERENCES "shift"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "ck_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "ck_notification_kind" CHECK ("kind" IN ('rota_published', 'request_decided', 'swap_offered', 'swap_accepted', 'swap_decided', 'reminder', 'security', 'request_filed', 'claim_filed', 'claim_decided'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "notification" WHERE "kind" IN ('request_filed', 'claim_filed', 'claim_decided')`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "ck_notification_kind"`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "ck_notification_kind" CHECK ("kind" IN ('rota_published', 'request_decided', 'swap_offered', 'swap_accepted', 'swap_decided', 'reminder', 'security'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_swap" DROP CONSTRAINT "fk_shift_swap_counter_shift"`,
    );
    await queryRunner.query(
      `ALTER TABLE "open_shift_claim" DROP CONSTRAINT "fk_open_shift_claim_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "open_shift_claim" DROP CONSTRAINT "fk_open_shift_claim_shift"`,
    );
    await queryRunner.query(
      `ALTER TABLE "open_shift_claim" DROP CONSTRAINT "fk_open_shift_claim_organisation"`,
    );
    await queryRunner.query(`ALTER TABLE "shift_swap" DROP CONSTRAINT "ck_shift_swap_counter"`);
    await queryRunner.query(`ALTER TABLE "shift_swap" DROP COLUMN "counter_shift_version"`);
    await queryRunner.query(`ALTER TABLE "shift_swap" DROP COLUMN "counter_shift_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_open_shift_claim_shift"`);
    await queryRunner.query(`DROP INDEX "public"."ix_open_shift_claim_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_open_shift_claim_organisation_status"`);
    await queryRunner.query(`DROP INDEX "public"."ux_open_shift_claim_pending"`);
    await queryRunner.query(`DROP TABLE "open_shift_claim"`);
  }
}
