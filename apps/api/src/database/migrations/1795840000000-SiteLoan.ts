import { MigrationInterface, QueryRunner } from 'typeorm';

/** People lent to another site (its data-version trigger comes from SITE_WEEK_TABLES at start-up). */
export class SiteLoan1795840000000 implements MigrationInterface {
  name = 'SiteLoan1795840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "site_loan" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "site_id" uuid NOT NULL, "from_date" date NOT NULL, "until_date" date NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_site_loan_dates" CHECK ("until_date" >= "from_date"), CONSTRAINT "PK_c5b73b27ce3aab4d25f11a349d4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_site_loan_person" ON "site_loan"  ("person_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_site_loan_site_dates" ON "site_loan"  ("site_id", "from_date") `,
    );
    await queryRunner.query(
      `ALTER TABLE "site_loan" ADD CONSTRAINT "fk_site_loan_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "site_loan" ADD CONSTRAINT "fk_site_loan_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "site_loan" ADD CONSTRAINT "fk_site_loan_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "site_loan" DROP CONSTRAINT "fk_site_loan_site"`);
    await queryRunner.query(`ALTER TABLE "site_loan" DROP CONSTRAINT "fk_site_loan_person"`);
    await queryRunner.query(`ALTER TABLE "site_loan" DROP CONSTRAINT "fk_site_loan_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_site_loan_site_dates"`);
    await queryRunner.query(`DROP INDEX "public"."ix_site_loan_person"`);
    await queryRunner.query(`DROP TABLE "site_loan"`);
  }
}
