import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The month close (issue #18): months closed per organisation or site with their variables as
 * closed, adjustments that correct a closed month in a later one, the mapping of our variable
 * codes to the payroll software's, the hours statements sent and signed, the person's payroll
 * number, and the database's refusal of any change to a shift of a closed month.
 */
export class MonthClose1796970000000 implements MigrationInterface {
  name = 'MonthClose1796970000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "payroll_month" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "site_id" uuid, "month" text NOT NULL, "closed_by" uuid, "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "snapshot" jsonb NOT NULL, CONSTRAINT "ck_payroll_month_month" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "pk_payroll_month" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_payroll_month_site" ON "payroll_month"  ("site_id", "month") WHERE "site_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_payroll_month_organisation" ON "payroll_month"  ("organisation_id", "month") WHERE "site_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "payroll_adjustment" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "month" text NOT NULL, "corrects_month" text NOT NULL, "code" text NOT NULL, "quantity" integer NOT NULL, "reason" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_payroll_adjustment_quantity" CHECK ("quantity" <> 0), CONSTRAINT "ck_payroll_adjustment_months" CHECK ("corrects_month" < "month"), CONSTRAINT "ck_payroll_adjustment_code" CHECK ("code" IN ('HEURES_CONTRAT', 'HEURES_TRAVAILLEES', 'HEURES_FORMATION', 'HEURES_COMPL_10', 'HEURES_COMPL_25', 'HEURES_SUP_25', 'HEURES_SUP_50', 'HEURES_DIMANCHE', 'HEURES_FERIE', 'HEURES_NUIT', 'ABS_CONGES_PAYES', 'ABS_MALADIE', 'ABS_FORMATION', 'ABS_INDISPONIBILITE', 'ABS_AUTRE')), CONSTRAINT "pk_payroll_adjustment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_payroll_adjustment_month" ON "payroll_adjustment"  ("organisation_id", "month") `,
    );
    await queryRunner.query(
      `CREATE TABLE "payroll_code_mapping" ("organisation_id" uuid NOT NULL, "code" text NOT NULL, "external_code" text NOT NULL, CONSTRAINT "ck_payroll_code_mapping_external" CHECK (char_length("external_code") BETWEEN 1 AND 40), CONSTRAINT "ck_payroll_code_mapping_code" CHECK ("code" IN ('HEURES_CONTRAT', 'HEURES_TRAVAILLEES', 'HEURES_FORMATION', 'HEURES_COMPL_10', 'HEURES_COMPL_25', 'HEURES_SUP_25', 'HEURES_SUP_50', 'HEURES_DIMANCHE', 'HEURES_FERIE', 'HEURES_NUIT', 'ABS_CONGES_PAYES', 'ABS_MALADIE', 'ABS_FORMATION', 'ABS_INDISPONIBILITE', 'ABS_AUTRE')), CONSTRAINT "pk_payroll_code_mapping" PRIMARY KEY ("organisation_id", "code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "hours_statement" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "month" text NOT NULL, "sent_by" uuid, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "signed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_hours_statement_month" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "pk_hours_statement" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_hours_statement_person_month" ON "hours_statement"  ("person_id", "month") `,
    );
    await queryRunner.query(`ALTER TABLE "person" ADD "payroll_id" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_person_payroll_id" ON "person"  ("organisation_id", "payroll_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "payroll_month" ADD CONSTRAINT "fk_payroll_month_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payroll_month" ADD CONSTRAINT "fk_payroll_month_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payroll_adjustment" ADD CONSTRAINT "fk_payroll_adjustment_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payroll_adjustment" ADD CONSTRAINT "fk_payroll_adjustment_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payroll_code_mapping" ADD CONSTRAINT "fk_payroll_code_mapping_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hours_statement" ADD CONSTRAINT "fk_hours_statement_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hours_statement" ADD CONSTRAINT "fk_hours_statement_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // A shift of a closed month is read-only, whichever path writes it (rota, training,
    // swaps, auto-fill): the month is the shift's start in the organisation's zone, closed for
    // the whole organisation, for the shift's site or for the person's home site.
    await queryRunner.query(`CREATE FUNCTION "closed_month_of_shift"(org uuid, site uuid, person uuid, at timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
            SELECT pm.month || '|' || COALESCE(s.name, '')
            FROM payroll_month pm
            LEFT JOIN site s ON s.id = pm.site_id
            WHERE pm.organisation_id = org
              AND pm.month = to_char(at AT TIME ZONE COALESCE((SELECT os.time_zone FROM organisation_settings os WHERE os.organisation_id = org), 'Europe/Paris'), 'YYYY-MM')
              AND (pm.site_id IS NULL OR pm.site_id = site OR pm.site_id = (SELECT p.home_site_id FROM person p WHERE p.id = person))
            ORDER BY pm.site_id NULLS FIRST
            LIMIT 1
        $$`);
    await queryRunner.query(`CREATE FUNCTION "shift_closed_month_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE hit text;
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    hit := closed_month_of_shift(OLD.organisation_id, OLD.site_id, OLD.person_id, OLD.start_at);
                END IF;
                IF hit IS NULL AND TG_OP IN ('INSERT', 'UPDATE') THEN
                    hit := closed_month_of_shift(NEW.organisation_id, NEW.site_id, NEW.person_id, NEW.start_at);
                END IF;
                IF hit IS NOT NULL THEN
                    RAISE EXCEPTION 'closed month %', hit USING ERRCODE = 'RLM01', DETAIL = hit;
                END IF;
                RETURN COALESCE(NEW, OLD);
            END;
        $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_shift_closed_month" BEFORE INSERT OR UPDATE OR DELETE ON "shift" FOR EACH ROW EXECUTE FUNCTION "shift_closed_month_guard"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_shift_closed_month" ON "shift"`);
    await queryRunner.query(`DROP FUNCTION "shift_closed_month_guard"()`);
    await queryRunner.query(`DROP FUNCTION "closed_month_of_shift"(uuid, uuid, uuid, timestamptz)`);
    await queryRunner.query(
      `ALTER TABLE "hours_statement" DROP CONSTRAINT "fk_hours_statement_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "hours_statement" DROP CONSTRAINT "fk_hours_statement_organisation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "payroll_code_mapping" DROP CONSTRAINT "fk_payroll_code_mapping_organisation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "payroll_adjustment" DROP CONSTRAINT "fk_payroll_adjustment_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "payroll_adjustment" DROP CONSTRAINT "fk_payroll_adjustment_organisation"`,
    );
    await queryRunner.query(`ALTER TABLE "payroll_month" DROP CONSTRAINT "fk_payroll_month_site"`);
    await queryRunner.query(
      `ALTER TABLE "payroll_month" DROP CONSTRAINT "fk_payroll_month_organisation"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_person_payroll_id"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "payroll_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_hours_statement_person_month"`);
    await queryRunner.query(`DROP TABLE "hours_statement"`);
    await queryRunner.query(`DROP TABLE "payroll_code_mapping"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payroll_adjustment_month"`);
    await queryRunner.query(`DROP TABLE "payroll_adjustment"`);
    await queryRunner.query(`DROP INDEX "public"."uq_payroll_month_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."uq_payroll_month_site"`);
    await queryRunner.query(`DROP TABLE "payroll_month"`);
  }
}
