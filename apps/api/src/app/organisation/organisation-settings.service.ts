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
    splitDaySeverity: row.splitDaySeverity,
    sundayDerogation: row.sundayDerogation,
  };
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
    };
  }

  async update(
    user: AuthUser,
    body: UpdateOrganisationSettingsDto,
  ): Promise<OrganisationSettingsAnswer> {
    const wanted = normalised(body);
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
      Object.assign(row, wanted, { updatedBy: user.accountId });
      const saved = await repository.save(row);
      const after = toSettings(saved);
      const changed = (Object.keys(after) as (keyof OrganisationSettings)[]).filter(
        (field) => after[field] !== before[field],
      );
      await this.audit.record(manager, user, {
        action: 'organisation_settings.update',
        entity: 'organisation_settings',
        entityId: user.organisationId,
        details: { changed, before, after },
      });
      return { settings: after, updatedAt: saved.updatedAt.toISOString() };
    });
  }
}

/** The body with a share read at the bound it rounds (a form sends 1/3 as 0.3333). */
function normalised(body: UpdateOrganisationSettingsDto): OrganisationSettings {
  const { min, max } = ORGANISATION_SETTING_BOUNDS.complementaryHoursRatio;
  const ratio = body.complementaryHoursRatio;
  const snapped = Math.abs(ratio - max) < 1e-6 ? max : Math.abs(ratio - min) < 1e-6 ? min : ratio;
  return {
    timeZone: body.timeZone,
    dailyMaxMinutes: body.dailyMaxMinutes,
    weeklyAverageMaxMinutes: body.weeklyAverageMaxMinutes,
    complementaryHoursRatio: snapped,
    partTimeNoticeWorkingDays: body.partTimeNoticeWorkingDays,
    splitDaySeverity: body.splitDaySeverity,
    sundayDerogation: body.sundayDerogation?.trim() ? body.sundayDerogation.trim() : null,
  };
}
