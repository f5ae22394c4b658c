import { MigrationInterface, QueryRunner } from 'typeorm';

export class Training1795795730556 implements MigrationInterface {
  name = 'Training1795795730556';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "pathway_plan" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "contract_id" uuid, "contract_type" text NOT NULL, "required_module_codes" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d7a2a94a3d377ea4b073a610f98" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_pathway_plan_person" ON "pathway_plan"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "pathway_milestone" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "code" text NOT NULL, "title" text NOT NULL, "position" smallint NOT NULL, "due_on" date, "done_on" date, CONSTRAINT "PK_4022af1097d3d63321bc89433a5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_pathway_milestone_code" ON "pathway_milestone"  ("plan_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "pathway_evidence" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "milestone_id" uuid NOT NULL, "file_name" text NOT NULL, "media_type" text NOT NULL, "size_bytes" integer NOT NULL, "content" bytea NOT NULL, "uploaded_by" uuid, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "signed_off_by" uuid, "signed_off_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_pathway_evidence_size" CHECK ("size_bytes" BETWEEN 1 AND 5242880), CONSTRAINT "ck_pathway_evidence_type" CHECK ("media_type" IN ('application/pdf', 'image/jpeg', 'image/png')), CONSTRAINT "PK_915fbd559d00ab8ad4b3a251615" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pathway_evidence_milestone" ON "pathway_evidence"  ("milestone_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "pathway_note" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "body" text NOT NULL, "author_account_id" uuid, "author_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e1c97fe30c1547cacfa1837f00a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pathway_note_person" ON "pathway_note"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "exit_record" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid, "contract_id" uuid, "display_name" text NOT NULL, "site_id" uuid, "contract_type" text NOT NULL, "exit_date" date NOT NULL, "category" text NOT NULL, "job_contract_type" text, "duration_bucket" text, "employer_sector" text, "detail" text, "certification_obtained" boolean NOT NULL DEFAULT false, "follow_up_due" date NOT NULL, "follow_up_status" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_exit_record_dynamic" CHECK ("category" NOT IN ('EMPLOI_DURABLE', 'EMPLOI_TRANSITION', 'SORTIE_POSITIVE') OR ("job_contract_type" IS NOT NULL AND "duration_bucket" IS NOT NULL)), CONSTRAINT "ck_exit_record_category" CHECK ("category" IN ('EMPLOI_DURABLE', 'EMPLOI_TRANSITION', 'SORTIE_POSITIVE', 'AUTRE_SORTIE', 'NEUTRALISEE')), CONSTRAINT "PK_285c31c270577b3353bcd0ff8b0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_exit_record_contract" ON "exit_record"  ("contract_id") WHERE "contract_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "training_module" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "code" text NOT NULL, "title" text NOT NULL, "category" text NOT NULL, "hours" numeric(6,1) NOT NULL, "modality" text NOT NULL, "validity_months" integer, "prerequisite_codes" text array NOT NULL DEFAULT '{}', "mandatory_for" jsonb, "grants_skill" text, CONSTRAINT "ck_training_module_skill" CHECK ("grants_skill" IS NULL OR "grants_skill" IN ('france_services_initial', 'aidants_connect', 'sst', 'language')), CONSTRAINT "ck_training_module_modality" CHECK ("modality" IN ('presentiel', 'distanciel', 'mixte')), CONSTRAINT "ck_training_module_hours" CHECK ("hours" > 0), CONSTRAINT "PK_9b8d0e5f39fcbabed5e61c1f929" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_training_module_code" ON "training_module"  ("organisation_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "training_session" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "module_id" uuid NOT NULL, "site_id" uuid NOT NULL, "location_id" uuid NOT NULL, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "end_at" TIMESTAMP WITH TIME ZONE NOT NULL, "break_minutes" integer NOT NULL DEFAULT '0', "place" text, "trainer" text, "capacity" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_training_session_capacity" CHECK ("capacity" BETWEEN 1 AND 200), CONSTRAINT "ck_training_session_period" CHECK ("end_at" > "start_at"), CONSTRAINT "PK_a17a9657ff5a6e048bfd82c4651" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_training_session_start" ON "training_session"  ("organisation_id", "start_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "training_enrolment" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "session_id" uuid NOT NULL, "person_id" uuid NOT NULL, "shift_id" uuid, "status" text NOT NULL DEFAULT 'enrolled', "attendance_by" uuid, "validated_by" uuid, "validated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_training_enrolment_status" CHECK ("status" IN ('enrolled', 'present', 'absent', 'validated')), CONSTRAINT "PK_9ebc68e22f4412f9275200cf6f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_training_enrolment_person" ON "training_enrolment"  ("session_id", "person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "training_record" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "module_id" uuid NOT NULL, "completed_on" date NOT NULL, "hours" numeric(6,1) NOT NULL, "expires_on" date, "enrolment_id" uuid, CONSTRAINT "PK_bb21cf01b9f9eaec90b518a9426" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_training_record_person" ON "training_record"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "certificate_reminder" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "person_skill_id" uuid NOT NULL, "skill" text NOT NULL, "expires_on" date NOT NULL, "threshold_days" smallint NOT NULL, "message" text NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_certificate_reminder_threshold" CHECK ("threshold_days" IN (90, 60, 30, 7)), CONSTRAINT "PK_3b0e78b067c90a6821fbccc83df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_certificate_reminder_person" ON "certificate_reminder"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificate_reminder_threshold" ON "certificate_reminder"  ("person_skill_id", "threshold_days") `,
    );
    await queryRunner.query(`ALTER TABLE "shift" ADD "training_session_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "shift" ADD CONSTRAINT "fk_shift_training_session" FOREIGN KEY ("training_session_id") REFERENCES "training_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pathway_plan" ADD CONSTRAINT "fk_pathway_plan_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pathway_plan" ADD CONSTRAINT "fk_pathway_plan_contract" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pathway_milestone" ADD CONSTRAINT "fk_pathway_milestone_plan" FOREIGN KEY ("plan_id") REFERENCES "pathway_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pathway_evidence" ADD CONSTRAINT "fk_pathway_evidence_milestone" FOREIGN KEY ("milestone_id") REFERENCES "pathway_milestone"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pathway_note" ADD CONSTRAINT "fk_pathway_note_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exit_record" ADD CONSTRAINT "fk_exit_record_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exit_record" ADD CONSTRAINT "fk_exit_record_contract" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exit_record" ADD CONSTRAINT "fk_exit_record_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_session" ADD CONSTRAINT "fk_training_session_module" FOREIGN KEY ("module_id") REFERENCES "training_module"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_session" ADD CONSTRAINT "fk_training_session_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_session" ADD CONSTRAINT "fk_training_session_location" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_enrolment" ADD CONSTRAINT "fk_training_enrolment_session" FOREIGN KEY ("session_id") REFERENCES "training_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_enrolment" ADD CONSTRAINT "fk_training_enrolment_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_enrolment" ADD CONSTRAINT "fk_training_enrolment_shift" FOREIGN KEY ("shift_id") REFERENCES "shift"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_record" ADD CONSTRAINT "fk_training_record_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_record" ADD CONSTRAINT "fk_training_record_module" FOREIGN KEY ("module_id") REFERENCES "training_module"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_record" ADD CONSTRAINT "fk_training_record_enrolment" FOREIGN KEY ("enrolment_id") REFERENCES "training_enrolment"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificate_reminder" ADD CONSTRAINT "fk_certificate_reminder_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificate_reminder" ADD CONSTRAINT "fk_certificate_reminder_skill" FOREIGN KEY ("person_skill_id") REFERENCES "person_skill"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "certificate_reminder" DROP CONSTRAINT "fk_certificate_reminder_skill"`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificate_reminder" DROP CONSTRAINT "fk_certificate_reminder_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_record" DROP CONSTRAINT "fk_training_record_enrolment"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_record" DROP CONSTRAINT "fk_training_record_module"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_record" DROP CONSTRAINT "fk_training_record_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_enrolment" DROP CONSTRAINT "fk_training_enrolment_shift"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_enrolment" DROP CONSTRAINT "fk_training_enrolment_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_enrolment" DROP CONSTRAINT "fk_training_enrolment_session"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_session" DROP CONSTRAINT "fk_training_session_location"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_session" DROP CONSTRAINT "fk_training_session_site"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_session" DROP CONSTRAINT "fk_training_session_module"`,
    );
    await queryRunner.query(`ALTER TABLE "exit_record" DROP CONSTRAINT "fk_exit_record_site"`);
    await queryRunner.query(`ALTER TABLE "exit_record" DROP CONSTRAINT "fk_exit_record_contract"`);
    await queryRunner.query(`ALTER TABLE "exit_record" DROP CONSTRAINT "fk_exit_record_person"`);
    await queryRunner.query(`ALTER TABLE "pathway_note" DROP CONSTRAINT "fk_pathway_note_person"`);
    await queryRunner.query(
      `ALTER TABLE "pathway_evidence" DROP CONSTRAINT "fk_pathway_evidence_milestone"`,
    );
    await queryRunner.query(
      `ALTER TABLE "pathway_milestone" DROP CONSTRAINT "fk_pathway_milestone_plan"`,
    );
    await queryRunner.query(
      `ALTER TABLE "pathway_plan" DROP CONSTRAINT "fk_pathway_plan_contract"`,
    );
    await queryRunner.query(`ALTER TABLE "pathway_plan" DROP CONSTRAINT "fk_pathway_plan_person"`);
    await queryRunner.query(`ALTER TABLE "shift" DROP CONSTRAINT "fk_shift_training_session"`);
    await queryRunner.query(`ALTER TABLE "shift" DROP COLUMN "training_session_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_reminder_threshold"`);
    await queryRunner.query(`DROP INDEX "public"."ix_certificate_reminder_person"`);
    await queryRunner.query(`DROP TABLE "certificate_reminder"`);
    await queryRunner.query(`DROP INDEX "public"."ix_training_record_person"`);
    await queryRunner.query(`DROP TABLE "training_record"`);
    await queryRunner.query(`DROP INDEX "public"."uq_training_enrolment_person"`);
    await queryRunner.query(`DROP TABLE "training_enrolment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_training_session_start"`);
    await queryRunner.query(`DROP TABLE "training_session"`);
    await queryRunner.query(`DROP INDEX "public"."uq_training_module_code"`);
    await queryRunner.query(`DROP TABLE "training_module"`);
    await queryRunner.query(`DROP INDEX "public"."uq_exit_record_contract"`);
    await queryRunner.query(`DROP TABLE "exit_record"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pathway_note_person"`);
    await queryRunner.query(`DROP TABLE "pathway_note"`);
    await queryRunner.query(`DROP INDEX "public"."ix_pathway_evidence_milestone"`);
    await queryRunner.query(`DROP TABLE "pathway_evidence"`);
    await queryRunner.query(`DROP INDEX "public"."uq_pathway_milestone_code"`);
    await queryRunner.query(`DROP TABLE "pathway_milestone"`);
    await queryRunner.query(`DROP INDEX "public"."uq_pathway_plan_person"`);
    await queryRunner.query(`DROP TABLE "pathway_plan"`);
  }
}
