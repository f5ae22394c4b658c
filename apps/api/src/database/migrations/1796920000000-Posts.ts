import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Posts (job positions at a site) and what the délai de carence reads of a contract: the post
 * filled, whoever held it (L1244-3), the absent employee a replacement CDD replaces (L1242-12 1°,
 * L1244-4-1 1°) and the employee's refusal of a renewal (L1244-4-1), with who recorded it.
 */
export class Posts1796920000000 implements MigrationInterface {
  name = 'Posts1796920000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "post" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "site_id" uuid NOT NULL, "title" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_post_title" CHECK (char_length("title") BETWEEN 1 AND 120), CONSTRAINT "pk_post" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_post_site_title" ON "post" ("site_id", "title") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_post_organisation" ON "post" ("organisation_id") `);
    await queryRunner.query(
      `ALTER TABLE "post" ADD CONSTRAINT "fk_post_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "post" ADD CONSTRAINT "fk_post_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "contract" ADD "post_id" uuid`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "replaced_person_id" uuid`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "renewal_refused_on" date`);
    await queryRunner.query(`ALTER TABLE "contract" ADD "renewal_refused_recorded_by" uuid`);
    await queryRunner.query(
      `ALTER TABLE "contract" ADD "renewal_refused_recorded_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "ck_contract_replaced_person" CHECK ("replaced_person_id" IS NULL OR ("type" = 'CDD' AND "reason" = 'replacement'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "ck_contract_renewal_refused" CHECK ("renewal_refused_on" IS NULL OR "type" = 'CDD')`,
    );
    await queryRunner.query(`CREATE INDEX "ix_contract_post" ON "contract" ("post_id") `);
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "fk_contract_post" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "fk_contract_replaced_person" FOREIGN KEY ("replaced_person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "fk_contract_replaced_person"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "fk_contract_post"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contract_post"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "ck_contract_renewal_refused"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "ck_contract_replaced_person"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "renewal_refused_recorded_at"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "renewal_refused_recorded_by"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "renewal_refused_on"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "replaced_person_id"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP COLUMN "post_id"`);
    await queryRunner.query(`DROP TABLE "post"`);
  }
}
