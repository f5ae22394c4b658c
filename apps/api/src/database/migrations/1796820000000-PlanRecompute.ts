import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pathway plans recomputed on every contract change: the span each plan's milestones were
 * planned from (to tell a template date from one HR moved), and the history of what moved.
 */
export class PlanRecompute1796820000000 implements MigrationInterface {
  name = 'PlanRecompute1796820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pathway_plan" ADD "planned_hire" date`);
    await queryRunner.query(`ALTER TABLE "pathway_plan" ADD "planned_end" date`);
    await queryRunner.query(
      `UPDATE "pathway_plan" p SET "planned_hire" = s.hire,
              "planned_end" = CASE WHEN s.open_ended THEN NULL ELSE s.last_end END
         FROM (SELECT "person_id", min("start_date") AS hire, max("end_date") AS last_end,
                      bool_or("end_date" IS NULL) AS open_ended
                 FROM "contract" GROUP BY "person_id") s
        WHERE s."person_id" = p."person_id"`,
    );
    await queryRunner.query(
      `CREATE TABLE "pathway_plan_change" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL,
        "plan_id" uuid NOT NULL,
        "reason" text NOT NULL,
        "changes" jsonb NOT NULL,
        "actor_account_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_pathway_plan_change" PRIMARY KEY ("id"),
        CONSTRAINT "ck_pathway_plan_change_reason" CHECK ("reason" IN ('contract_create', 'contract_renew', 'contract_correct', 'contract_end', 'exit'))
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_pathway_plan_change_plan" ON "pathway_plan_change" ("plan_id", "created_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "pathway_plan_change" ADD CONSTRAINT "fk_pathway_plan_change_plan" FOREIGN KEY ("plan_id") REFERENCES "pathway_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "pathway_plan_change" DROP CONSTRAINT "fk_pathway_plan_change_plan"`,
    );
    await queryRunner.query(`DROP INDEX "ix_pathway_plan_change_plan"`);
    await queryRunner.query(`DROP TABLE "pathway_plan_change"`);
    await queryRunner.query(`ALTER TABLE "pathway_plan" DROP COLUMN "planned_end"`);
    await queryRunner.query(`ALTER TABLE "pathway_plan" DROP COLUMN "planned_hire"`);
  }
}
