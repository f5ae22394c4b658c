import { MigrationInterface, QueryRunner } from 'typeorm';

export class PeopleContracts1795788521105 implements MigrationInterface {
  name = 'PeopleContracts1795788521105';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "one_time_token" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "account_id" uuid NOT NULL, "purpose" text NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_one_time_token_purpose" CHECK ("purpose" IN ('invitation', 'password_reset')), CONSTRAINT "PK_956e3dd6580e4829e05ab460808" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_one_time_token_account" ON "one_time_token"  ("account_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_one_time_token_hash" ON "one_time_token"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contract" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "type" text NOT NULL, "start_date" date NOT NULL, "end_date" date, "weekly_hours" numeric(4,2) NOT NULL, "reason" text, "renewal_of" uuid, "tutor_id" uuid, "part_time_derogation" text, "derogation_requested_on" date, "training_hours" integer, "convention_number" text, "convention_start" date, "convention_end" date, "warnings" jsonb NOT NULL DEFAULT '[]', "justification" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_contract_hours" CHECK ("weekly_hours" > 0 AND "weekly_hours" <= 48), CONSTRAINT "ck_contract_dates" CHECK ("end_date" IS NULL OR "end_date" >= "start_date"), CONSTRAINT "ck_contract_type" CHECK ("type" IN ('CDD', 'PEC', 'ADULTE_RELAIS', 'PRO', 'CDDI', 'CDI')), CONSTRAINT "ex_contract_person_period" EXCLUDE USING gist ("person_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&), CONSTRAINT "PK_17c3a89f58a2997276084e706e8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_contract_tutor" ON "contract"  ("tutor_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_contract_organisation_end" ON "contract"  ("organisation_id", "end_date") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_contract_person" ON "contract"  ("person_id") `);
    await queryRunner.query(
      `CREATE TABLE "contract_alert" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "contract_id" uuid NOT NULL, "threshold_days" smallint NOT NULL, "message" text NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_contract_alert_threshold" CHECK ("threshold_days" IN (90, 60, 30)), CONSTRAINT "PK_fe31d9143f82b0acc00feba9fa5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_contract_alert_threshold" ON "contract_alert"  ("contract_id", "threshold_days") `,
    );
    await queryRunner.query(
      `CREATE TABLE "absence" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "kind" text NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_absence_dates" CHECK ("end_date" >= "start_date"), CONSTRAINT "ck_absence_kind" CHECK ("kind" IN ('leave', 'sickness', 'training', 'other')), CONSTRAINT "PK_30089b15c0f880f026581218c16" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_absence_person_dates" ON "absence"  ("person_id", "start_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "person_skill" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "skill" text NOT NULL, "detail" text, "acquired_on" date NOT NULL, "expires_on" date, CONSTRAINT "ck_person_skill_dates" CHECK ("expires_on" IS NULL OR "expires_on" >= "acquired_on"), CONSTRAINT "ck_person_skill_code" CHECK ("skill" IN ('france_services_initial', 'aidants_connect', 'sst', 'language')), CONSTRAINT "PK_580b1f14dc037301541254b0063" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_person_skill_person" ON "person_skill"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "unavailability" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "weekday" smallint NOT NULL, "start_time" text NOT NULL, "end_time" text NOT NULL, "from_date" date NOT NULL, "until_date" date, CONSTRAINT "ck_unavailability_times" CHECK ("end_time" > "start_time"), CONSTRAINT "ck_unavailability_weekday" CHECK ("weekday" BETWEEN 1 AND 7), CONSTRAINT "PK_176e6b52ee1b44acea3b66e8aac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_unavailability_person" ON "unavailability"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_request" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "kind" text NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "weekday" smallint, "start_time" text, "end_time" text, "comment" text, "status" text NOT NULL DEFAULT 'pending', "reply" text, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_staff_request_weekday" CHECK ("weekday" IS NULL OR "weekday" BETWEEN 1 AND 7), CONSTRAINT "ck_staff_request_dates" CHECK ("end_date" >= "start_date"), CONSTRAINT "ck_staff_request_status" CHECK ("status" IN ('pending', 'approved', 'refused')), CONSTRAINT "ck_staff_request_kind" CHECK ("kind" IN ('leave', 'unavailability')), CONSTRAINT "PK_41bbafca9644c0f2bc09534df6d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_staff_request_organisation_status" ON "staff_request"  ("organisation_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_staff_request_person" ON "staff_request"  ("person_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD "is_siae" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "person" ADD "birth_date" date`);
    await queryRunner.query(
      `ALTER TABLE "person" ADD "is_pec_extended_cap_eligible" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE "one_time_token" ADD CONSTRAINT "fk_one_time_token_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "fk_contract_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "fk_contract_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "fk_contract_renewal_of" FOREIGN KEY ("renewal_of") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "fk_contract_tutor" FOREIGN KEY ("tutor_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_alert" ADD CONSTRAINT "fk_contract_alert_contract" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "absence" ADD CONSTRAINT "fk_absence_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "absence" ADD CONSTRAINT "fk_absence_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "person_skill" ADD CONSTRAINT "fk_person_skill_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "person_skill" ADD CONSTRAINT "fk_person_skill_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unavailability" ADD CONSTRAINT "fk_unavailability_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unavailability" ADD CONSTRAINT "fk_unavailability_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_request" ADD CONSTRAINT "fk_staff_request_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_request" ADD CONSTRAINT "fk_staff_request_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "staff_request" DROP CONSTRAINT "fk_staff_request_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_request" DROP CONSTRAINT "fk_staff_request_organisation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "unavailability" DROP CONSTRAINT "fk_unavailability_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "unavailability" DROP CONSTRAINT "fk_unavailability_organisation"`,
    );
    await queryRunner.query(`ALTER TABLE "person_skill" DROP CONSTRAINT "fk_person_skill_person"`);
    await queryRunner.query(
      `ALTER TABLE "person_skill" DROP CONSTRAINT "fk_person_skill_organisation"`,
    );
    await queryRunner.query(`ALTER TABLE "absence" DROP CONSTRAINT "fk_absence_person"`);
    await queryRunner.query(`ALTER TABLE "absence" DROP CONSTRAINT "fk_absence_organisation"`);
    await queryRunner.query(
      `ALTER TABLE "contract_alert" DROP CONSTRAINT "fk_contract_alert_contract"`,
    );
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "fk_contract_tutor"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "fk_contract_renewal_of"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "fk_contract_person"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "fk_contract_organisation"`);
    await queryRunner.query(
      `ALTER TABLE "one_time_token" DROP CONSTRAINT "fk_one_time_token_account"`,
    );
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "is_pec_extended_cap_eligible"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "birth_date"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "is_siae"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_request_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_request_organisation_status"`);
    await queryRunner.query(`DROP TABLE "staff_request"`);
    await queryRunner.query(`DROP INDEX "public"."ix_unavailability_person"`);
    await queryRunner.query(`DROP TABLE "unavailability"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_skill_person"`);
    await queryRunner.query(`DROP TABLE "person_skill"`);
    await queryRunner.query(`DROP INDEX "public"."ix_absence_person_dates"`);
    await queryRunner.query(`DROP TABLE "absence"`);
    await queryRunner.query(`DROP INDEX "public"."uq_contract_alert_threshold"`);
    await queryRunner.query(`DROP TABLE "contract_alert"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contract_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contract_organisation_end"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contract_tutor"`);
    await queryRunner.query(`DROP TABLE "contract"`);
    await queryRunner.query(`DROP INDEX "public"."uq_one_time_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_one_time_token_account"`);
    await queryRunner.query(`DROP TABLE "one_time_token"`);
  }
}
