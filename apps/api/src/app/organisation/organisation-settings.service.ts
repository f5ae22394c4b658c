import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationSettings, OrganisationSettingsAnswer } from '@relais/api-types';
import {
  DEFAULT_ORGANISATION_SETTINGS,
  ORGANISATION_SETTING_BOUNDS,
  validateOrganisationSettings,
} from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { UpdateOrganisationSettingsDto } from './dto/organisation-settings.dto';
import { OrganisationSettingsEntity } from './organisation-settings.entity';

/** The organisation's settings as the rules read them; the law's values without a row. */
export async function readOrganisationSettings(
  manager: EntityManager,
  organisationId: string,
): Promise<OrganisationSettings> {
  const row = await manager.getRepository(OrganisationSettingsEntity).findOneBy({ organisationId });
  return row ? toSettings(row) : { ...DEFAULT_ORGANISATION_SETTINGS };
}

function toSettings(row: OrganisationSettingsEntity): OrganisationSettings {
  return {
    timeZone: row.timeZone,
    dailyMaxMinutes: row.dailyMaxMinutes,
    weeklyAverageMaxMinutes: row.weeklyAverageMaxMinutes,
    complementaryHoursRatio: row.complementaryHoursRatio,
    partTimeNoticeWorkingDays: row.partTimeNoticeWorkingDays,
    splitDayAgreement:
      row.splitDayAgreementReference !== null && row.splitDayAgreementCounterparts !== null
        ? {
            reference: row.splitDayAgreementReference,
            counterparts: row.splitDayAgreementCounterparts,
          }
        : null,
    sundayDerogation: row.sundayDerogation,
    partTimeGroupingMinBlockMinutes: row.partTimeGroupingMinBlockMinutes,
    exitMinimumStayDays: row.exitMinimumStayDays,
    requiredSkillByActivity: row.requiredSkillByActivity,
  };
}

/** Who recorded the split-day agreement and when, with the account's name resolved. */
async function splitDayAgreementRecorded(
  manager: EntityManager,
  row: OrganisationSettingsEntity | null,
): Promise<OrganisationSettingsAnswer['splitDayAgreementRecorded']> {
  if (!row?.splitDayAgreementRecordedAt || row.splitDayAgreementReference === null) return null;
  const [name]: { first_name: string; last_name: string }[] = row.splitDayAgreementRecordedBy
    ? await manager.query(
        `SELECT p.first_name, p.last_name FROM account a JOIN person p ON p.id = a.person_id
          WHERE a.id = $1`,
        [row.splitDayAgreementRecordedBy],
      )
    : [];
  return {
    at: row.splitDayAgreementRecordedAt.toISOString(),
    byName: name ? `${name.first_name} ${name.last_name}` : null,
  };
}

function sameAgreement(
  a: OrganisationSettings['splitDayAgreement'],
  b: OrganisationSettings['splitDayAgreement'],
): boolean {
  return a?.reference === b?.reference && a?.counterparts === b?.counterparts;
}

/** `GET` and `PUT /api/organisation/settings`: read by those who plan, changed by an admin. */
@Injectable()
export class OrganisationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(user: AuthUser): Promise<OrganisationSettingsAnswer> {
    const row = await this.dataSource
      .getRepository(OrganisationSettingsEntity)
      .findOneBy({ organisationId: user.organisationId });
    return {
      settings: row ? toSettings(row) : { ...DEFAULT_ORGANISATION_SETTINGS },
      updatedAt: row?.updatedAt.toISOString() ?? null,
      splitDayAgreementRecorded: await splitDayAgreementRecorded(this.dataSource.manager, row),
    };
  }

  async update(
    user: AuthUser,
    body: UpdateOrganisationSettingsDto,
  ): Promise<OrganisationSettingsAnswer> {
    const kept = await readOrganisationSettings(this.dataSource.manager, user.organisationId);
    const wanted = normalised(body, kept);
    const issues = validateOrganisationSettings(wanted);
    if (issues.length > 0) {
      throw new UnprocessableEntityException({
        message: `Paramètres refusés — ${issues.map((issue) => `« ${issue.field} » : ${issue.message}`).join(' ; ')}.`,
        details: issues,
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(OrganisationSettingsEntity);
      await manager.query(
        `INSERT INTO organisation_settings (organisation_id) VALUES ($1) ON CONFLICT DO NOTHING`,
        [user.organisationId],
      );
      // Two admins saving at once: the second reads the first's values as its "before".
      const row = await repository
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.organisation_id = :id', { id: user.organisationId })
        .getOneOrFail();
      const before = toSettings(row);
      const { splitDayAgreement, ...values } = wanted;
      Object.assign(row, values, {
        updatedBy: user.accountId,
        splitDayAgreementReference: splitDayAgreement?.reference ?? null,
        splitDayAgreementCounterparts: splitDayAgreement?.counterparts ?? null,
      });
      // Who recorded the agreement and when stays with it until the agreement itself changes.
      if (!sameAgreement(before.splitDayAgreement, splitDayAgreement)) {
        row.splitDayAgreementRecordedBy = splitDayAgreement ? user.accountId : null;
        row.splitDayAgreementRecordedAt = splitDayAgreement ? new Date() : null;
      }
      const saved = await repository.save(row);
      const after = toSettings(saved);
      const changed = (Object.keys(after) as (keyof OrganisationSettings)[]).filter((field) =>
        field === 'splitDayAgreement'
          ? !sameAgreement(after.splitDayAgreement, before.splitDayAgreement)
          : field === 'requiredSkillByActivity'
            ? JSON.stringify(after[field]) !== JSON.stringify(before[field])
            : after[field] !== before[field],
      );
      await this.audit.record(manager, user, {
        action: 'organisation_settings.update',
        entity: 'organisation_settings',
        entityId: user.organisationId,
        details: { changed, before, after },
      });
      return {
        settings: after,
        updatedAt: saved.updatedAt.toISOString(),
        splitDayAgreementRecorded: await splitDayAgreementRecorded(manager, saved),
      };
    });
  }
}

/** The body with a share read at the bound it rounds (a form sends 1/3 as 0.3333). */
function normalised(
  body: UpdateOrganisationSettingsDto,
  kept: OrganisationSettings,
): OrganisationSettings {
  const { min, max } = ORGANISATION_SETTING_BOUNDS.complementaryHoursRatio;
  const ratio = body.complementaryHoursRatio;
  const snapped = Math.abs(ratio - max) < 1e-6 ? max : Math.abs(ratio - min) < 1e-6 ? min : ratio;
  return {
    timeZone: body.timeZone,
    dailyMaxMinutes: body.dailyMaxMinutes,
    weeklyAverageMaxMinutes: body.weeklyAverageMaxMinutes,
    complementaryHoursRatio: snapped,
    partTimeNoticeWorkingDays: body.partTimeNoticeWorkingDays,
    splitDayAgreement: body.splitDayAgreement
      ? {
          reference: body.splitDayAgreement.reference.trim(),
          counterparts: body.splitDayAgreement.counterparts.trim(),
        }
      : null,
    sundayDerogation: body.sundayDerogation?.trim() ? body.sundayDerogation.trim() : null,
    partTimeGroupingMinBlockMinutes:
      body.partTimeGroupingMinBlockMinutes ?? kept.partTimeGroupingMinBlockMinutes,
    exitMinimumStayDays: body.exitMinimumStayDays ?? kept.exitMinimumStayDays,
    requiredSkillByActivity: body.requiredSkillByActivity ?? kept.requiredSkillByActivity,
  };
}
