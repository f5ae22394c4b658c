import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Job-search support on the pathway: partner employers (per organisation, names unique), the
 * professional project (its validation closes P11), PMSMP immersions (one month at most de date à
 * date, D5135-3; a convention signed by the start, L5135-4; they close P10 once over),
 * applications and career actions (CPF, bilan de compétences, Pro-A, VAE).
 */
export class JobSearch1796890000000 implements MigrationInterface {
  name = 'JobSearch1796890000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "partner_employer" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "name" text NOT NULL,
        "sector" text,
        "town" text,
        "contact_name" text,
        "contact_email" text,
        "contact_phone" text,
        "note" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_partner_employer" PRIMARY KEY ("id")
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_partner_employer_name" ON "partner_employer" ("organisation_id", "name")`,
    );
    await queryRunner.query(
      `CREATE TABLE "professional_project" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "target_jobs" text NOT NULL,
        "sector" text,
        "steps" text,
        "validated_on" date,
        "validated_by" uuid,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_professional_project" PRIMARY KEY ("id")
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_professional_project_person" ON "professional_project" ("person_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "immersion" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "employer_id" uuid NOT NULL,
        "start_date" date NOT NULL,
        "end_date" date NOT NULL,
        "objective" text NOT NULL,
        "prescriber" text NOT NULL,
        "prescriber_name" text,
        "convention_signed_on" date NOT NULL,
        "tutor_name" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_immersion" PRIMARY KEY ("id"),
        CONSTRAINT "ck_immersion_dates" CHECK ("end_date" >= "start_date"),
        CONSTRAINT "ck_immersion_convention" CHECK ("convention_signed_on" <= "start_date"),
        CONSTRAINT "ck_immersion_objective" CHECK ("objective" IN ('DECOUVRIR_METIER', 'CONFIRMER_PROJET', 'INITIER_RECRUTEMENT')),
        CONSTRAINT "ck_immersion_prescriber" CHECK ("prescriber" IN ('FRANCE_TRAVAIL', 'MISSION_LOCALE', 'CAP_EMPLOI', 'AUTRE'))
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_immersion_person" ON "immersion" ("person_id", "start_date")`,
    );
    await queryRunner.query(
      `CREATE TABLE "job_application" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "employer_id" uuid,
        "employer_name" text,
        "position" text NOT NULL,
        "contract" text NOT NULL,
        "sent_on" date NOT NULL,
        "status" text NOT NULL,
        "status_on" date NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_job_application" PRIMARY KEY ("id"),
        CONSTRAINT "ck_job_application_employer" CHECK (("employer_id" IS NULL) <> ("employer_name" IS NULL)),
        CONSTRAINT "ck_job_application_contract" CHECK ("contract" IN ('CDI', 'CDD', 'INTERIM', 'CREATION', 'FORMATION', 'AUTRE')),
        CONSTRAINT "ck_job_application_status" CHECK ("status" IN ('ENVOYEE', 'ENTRETIEN', 'PROPOSITION', 'ACCEPTEE', 'REFUSEE', 'SANS_REPONSE')),
        CONSTRAINT "ck_job_application_status_on" CHECK ("status_on" >= "sent_on")
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_job_application_person" ON "job_application" ("person_id", "sent_on")`,
    );
    await queryRunner.query(
      `CREATE TABLE "career_action" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "person_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "title" text NOT NULL,
        "provider" text,
        "planned_start" date,
        "planned_end" date,
        "actual_start" date,
        "actual_end" date,
        "hours" numeric(6,1),
        "funding" text,
        "status" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_career_action" PRIMARY KEY ("id"),
        CONSTRAINT "ck_career_action_kind" CHECK ("kind" IN ('CPF', 'BILAN_COMPETENCES', 'PRO_A', 'VAE', 'AUTRE')),
        CONSTRAINT "ck_career_action_status" CHECK ("status" IN ('ENVISAGEE', 'DEMANDEE', 'ACCEPTEE', 'EN_COURS', 'TERMINEE', 'ABANDONNEE')),
        CONSTRAINT "ck_career_action_hours" CHECK ("hours" IS NULL OR "hours" > 0)
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_career_action_person" ON "career_action" ("person_id")`,
    );
    for (const [table, constraint] of [
      ['professional_project', 'fk_professional_project_person'],
      ['immersion', 'fk_immersion_person'],
      ['job_application', 'fk_job_application_person'],
      ['career_action', 'fk_career_action_person'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
    for (const [table, constraint] of [
      ['immersion', 'fk_immersion_employer'],
      ['job_application', 'fk_job_application_employer'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" FOREIGN KEY ("employer_id") REFERENCES "partner_employer"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'career_action',
      'job_application',
      'immersion',
      'professional_project',
      'partner_employer',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
