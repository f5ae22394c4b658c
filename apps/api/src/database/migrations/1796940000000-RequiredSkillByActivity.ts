import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The habilitation each activity requires (SKILL_REQUIRED): the rule read it from settings no
 * one could set, so it never fired. `{}` keeps every organisation as it was.
 */
export class RequiredSkillByActivity1796940000000 implements MigrationInterface {
  name = 'RequiredSkillByActivity1796940000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" ADD "required_skill_by_activity" jsonb NOT NULL DEFAULT '{}'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_settings" DROP COLUMN "required_skill_by_activity"`,
    );
  }
}
