import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795786974780 implements MigrationInterface {
  name = 'Initial1795786974780';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // uuid-ossp for generated keys; btree_gist for the exclusion constraints of later schemas.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "uuid-ossp"`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "btree_gist"`);
    await queryRunner.query(`
            CREATE TABLE "audit_event" (
                "id" BIGSERIAL NOT NULL,
                "organisation_id" uuid,
                "account_id" uuid,
                "action" text NOT NULL,
                "entity" text NOT NULL,
                "entity_id" text,
                "details" jsonb NOT NULL DEFAULT '{}',
                "ip" text,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_event_entity" ON "audit_event" ("entity", "entity_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_event_organisation_at" ON "audit_event" ("organisation_id", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "organisation" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "name" text NOT NULL,
                "timezone" text NOT NULL DEFAULT 'Europe/Paris',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "location" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organisation_id" uuid NOT NULL,
                "site_id" uuid NOT NULL,
                "code" text NOT NULL,
                "name" text NOT NULL,
                "kind" text NOT NULL,
                "address" text NOT NULL,
                CONSTRAINT "ck_location_kind" CHECK (
                    "kind" IN (
                        'site',
                        'satellite',
                        'partner_permanence',
                        'outreach',
                        'workshop'
                    )
                ),
                CONSTRAINT "PK_876d7bdba03c72251ec4c2dc827" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_location_site" ON "location" ("site_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_location_organisation_code" ON "location" ("organisation_id", "code")
        `);
    await queryRunner.query(`
            CREATE TABLE "site" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organisation_id" uuid NOT NULL,
                "code" text NOT NULL,
                "name" text NOT NULL,
                "address" text NOT NULL,
                "is_france_services" boolean NOT NULL DEFAULT false,
                "opening_hours" jsonb NOT NULL DEFAULT '[]',
                CONSTRAINT "PK_635c0eeabda8862d5b0237b42b4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_site_organisation_code" ON "site" ("organisation_id", "code")
        `);
    await queryRunner.query(`
            CREATE TABLE "person" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organisation_id" uuid NOT NULL,
                "first_name" text NOT NULL,
                "last_name" text NOT NULL,
                "email" text,
                "job_title" text,
                "home_site_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_person_home_site" ON "person" ("home_site_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_person_organisation" ON "person" ("organisation_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "account" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "organisation_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "email" text NOT NULL,
                "password_hash" text,
                "role" text NOT NULL,
                "is_active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_account_email_lower" CHECK ("email" = lower("email")),
                CONSTRAINT "ck_account_role" CHECK ("role" IN ('admin', 'hr', 'manager', 'mediator')),
                CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_account_person" ON "account" ("person_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_account_email" ON "account" ("email")
        `);
    await queryRunner.query(`
            CREATE TABLE "session" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "account_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "ip" text,
                "user_agent" text,
                CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_session_account" ON "session" ("account_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_session_token_hash" ON "session" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "manager_site" (
                "person_id" uuid NOT NULL,
                "site_id" uuid NOT NULL,
                CONSTRAINT "pk_manager_site" PRIMARY KEY ("person_id", "site_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_manager_site_site" ON "manager_site" ("site_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "location"
            ADD CONSTRAINT "fk_location_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "location"
            ADD CONSTRAINT "fk_location_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "site"
            ADD CONSTRAINT "fk_site_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "person"
            ADD CONSTRAINT "fk_person_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "person"
            ADD CONSTRAINT "fk_person_home_site" FOREIGN KEY ("home_site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "account"
            ADD CONSTRAINT "fk_account_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "account"
            ADD CONSTRAINT "fk_account_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "session"
            ADD CONSTRAINT "fk_session_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "manager_site"
            ADD CONSTRAINT "fk_manager_site_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "manager_site"
            ADD CONSTRAINT "fk_manager_site_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // The audit trail is append-only: the database itself refuses to rewrite history.
    await queryRunner.query(`
            CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_event is append-only';
            END;
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "tr_audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
            FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_audit_event_append_only" ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION "audit_event_append_only"()`);
    await queryRunner.query(`
            ALTER TABLE "manager_site" DROP CONSTRAINT "fk_manager_site_site"
        `);
    await queryRunner.query(`
            ALTER TABLE "manager_site" DROP CONSTRAINT "fk_manager_site_person"
        `);
    await queryRunner.query(`
            ALTER TABLE "session" DROP CONSTRAINT "fk_session_account"
        `);
    await queryRunner.query(`
            ALTER TABLE "account" DROP CONSTRAINT "fk_account_person"
        `);
    await queryRunner.query(`
            ALTER TABLE "account" DROP CONSTRAINT "fk_account_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "person" DROP CONSTRAINT "fk_person_home_site"
        `);
    await queryRunner.query(`
            ALTER TABLE "person" DROP CONSTRAINT "fk_person_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "site" DROP CONSTRAINT "fk_site_organisation"
        `);
    await queryRunner.query(`
            ALTER TABLE "location" DROP CONSTRAINT "fk_location_site"
        `);
    await queryRunner.query(`
            ALTER TABLE "location" DROP CONSTRAINT "fk_location_organisation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_manager_site_site"
        `);
    await queryRunner.query(`
            DROP TABLE "manager_site"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_session_token_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_session_account"
        `);
    await queryRunner.query(`
            DROP TABLE "session"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_account_email"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_account_person"
        `);
    await queryRunner.query(`
            DROP TABLE "account"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_person_organisation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_person_home_site"
        `);
    await queryRunner.query(`
            DROP TABLE "person"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_site_organisation_code"
        `);
    await queryRunner.query(`
            DROP TABLE "site"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_location_organisation_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_location_site"
        `);
    await queryRunner.query(`
            DROP TABLE "location"
        `);
    await queryRunner.query(`
            DROP TABLE "organisation"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_event_organisation_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_event_entity"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
  }
}
