import { MigrationInterface, QueryRunner } from 'typeorm';

export class SelfService1795795655996 implements MigrationInterface {
  name = 'SelfService1795795655996';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_feed" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_calendar_feed_token_hash" ON "calendar_feed"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_calendar_feed_person" ON "calendar_feed"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "self_service_state" ("person_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "week_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8855293adfe0674fe26b7f0943c" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "link" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_notification_kind" CHECK ("kind" IN ('rota_published', 'request_decided', 'swap_offered', 'swap_accepted', 'swap_decided', 'reminder')), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notification_person_created" ON "notification"  ("person_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "shift_swap" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "shift_id" uuid NOT NULL, "shift_version" integer NOT NULL, "from_person_id" uuid NOT NULL, "to_person_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'offered', "message" text, "reply" text, "violations" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "accepted_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_shift_swap_people" CHECK ("from_person_id" <> "to_person_id"), CONSTRAINT "ck_shift_swap_status" CHECK ("status" IN ('offered', 'accepted', 'approved', 'refused', 'cancelled')), CONSTRAINT "PK_9f4ab9b9055b71c528af69b07c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_shift_swap_organisation_status" ON "shift_swap"  ("organisation_id", "status") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_shift_swap_shift" ON "shift_swap"  ("shift_id") `);
    await queryRunner.query(
      `ALTER TABLE "calendar_feed" ADD CONSTRAINT "fk_calendar_feed_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feed" ADD CONSTRAINT "fk_calendar_feed_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_service_state" ADD CONSTRAINT "fk_self_service_state_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_service_state" ADD CONSTRAINT "fk_self_service_state_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_swap" ADD CONSTRAINT "fk_shift_swap_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_swap" ADD CONSTRAINT "fk_shift_swap_shift" FOREIGN KEY ("shift_id") REFERENCES "shift"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_swap" ADD CONSTRAINT "fk_shift_swap_from_person" FOREIGN KEY ("from_person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_swap" ADD CONSTRAINT "fk_shift_swap_to_person" FOREIGN KEY ("to_person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shift_swap" DROP CONSTRAINT "fk_shift_swap_to_person"`);
    await queryRunner.query(`ALTER TABLE "shift_swap" DROP CONSTRAINT "fk_shift_swap_from_person"`);
    await queryRunner.query(`ALTER TABLE "shift_swap" DROP CONSTRAINT "fk_shift_swap_shift"`);
    await queryRunner.query(
      `ALTER TABLE "shift_swap" DROP CONSTRAINT "fk_shift_swap_organisation"`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_person"`);
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_organisation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_service_state" DROP CONSTRAINT "fk_self_service_state_organisation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_service_state" DROP CONSTRAINT "fk_self_service_state_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feed" DROP CONSTRAINT "fk_calendar_feed_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feed" DROP CONSTRAINT "fk_calendar_feed_organisation"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_shift_swap_shift"`);
    await queryRunner.query(`DROP INDEX "public"."ix_shift_swap_organisation_status"`);
    await queryRunner.query(`DROP TABLE "shift_swap"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notification_person_created"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP TABLE "self_service_state"`);
    await queryRunner.query(`DROP INDEX "public"."uq_calendar_feed_person"`);
    await queryRunner.query(`DROP INDEX "public"."uq_calendar_feed_token_hash"`);
    await queryRunner.query(`DROP TABLE "calendar_feed"`);
  }
}
