import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OpeningHours, Site } from '@relais/api-types';
import { openingHoursIssues } from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import type { SiteOpeningHoursDto, SiteSundayDerogationDto } from './dto/site.dto';
import { SiteEntity } from './site.entity';

@Injectable()
export class SitesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every site of the caller's organisation with its locations: any member may see them. */
  async list(user: AuthUser): Promise<Site[]> {
    return this.read(this.dataSource.manager, user.organisationId);
  }

  /**
   * Replaces the site's public opening hours, sorted by day and time, audited with the hours
   * before and after. Ranges that end before they start or overlap on a day are refused (422),
   * each named by its field. Hours under the France Services minimum are kept: the rota then
   * flags FS_OPENING_HOURS and blocks publication until they are mended.
   */
  async setOpeningHours(user: AuthUser, siteId: string, body: SiteOpeningHoursDto): Promise<Site> {
    const hours: OpeningHours[] = body.openingHours.map(({ weekday, start, end }) => ({
      weekday,
      start,
      end,
    }));
    const issues = openingHoursIssues(hours);
    if (issues.length > 0) {
      throw new UnprocessableEntityException({
        message: `Horaires refusés — ${issues.map((issue) => issue.message).join(' ; ')}.`,
        details: issues,
      });
    }
    hours.sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(SiteEntity);
      const site = await repository.findOne({
        where: { id: siteId, organisationId: user.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!site) throw new NotFoundException('Site introuvable.');
      const before = site.openingHours;
      if (JSON.stringify(before) !== JSON.stringify(hours)) {
        await repository.update({ id: site.id }, { openingHours: hours });
        await this.audit.record(manager, user, {
          action: 'site.opening_hours',
          entity: 'site',
          entityId: site.id,
          details: { site: site.code, before, after: hours },
        });
      }
      return this.readOne(manager, user.organisationId, site.id);
    });
  }

  /**
   * Records, replaces or removes (`basis: null`) the site's derogation to Sunday rest, with who
   * did it and when, audited. The rota's checks read it at once (the site raises the data
   * version).
   */
  async setSundayDerogation(
    user: AuthUser,
    siteId: string,
    body: SiteSundayDerogationDto,
  ): Promise<Site> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(SiteEntity);
      const site = await repository.findOne({
        where: { id: siteId, organisationId: user.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!site) throw new NotFoundException('Site introuvable.');
      const basis = body.basis?.trim() ? body.basis.trim() : null;
      const before = site.sundayDerogation;
      if (basis !== before) {
        await repository.update(
          { id: site.id },
          {
            sundayDerogation: basis,
            sundayDerogationRecordedBy: basis === null ? null : user.accountId,
            sundayDerogationRecordedAt: basis === null ? null : new Date(),
          },
        );
        await this.audit.record(manager, user, {
          action: 'site.sunday_derogation',
          entity: 'site',
          entityId: site.id,
          details: { site: site.code, before, after: basis },
        });
      }
      return this.readOne(manager, user.organisationId, site.id);
    });
  }

  private async readOne(
    manager: EntityManager,
    organisationId: string,
    siteId: string,
  ): Promise<Site> {
    const [answer] = (await this.read(manager, organisationId)).filter((one) => one.id === siteId);
    return answer;
  }

  private async read(manager: EntityManager, organisationId: string): Promise<Site[]> {
    const sites = await manager.getRepository(SiteEntity).find({
      where: { organisationId },
      relations: { locations: true },
      order: { code: 'ASC', locations: { code: 'ASC' } },
    });
    const recorders = [...new Set(sites.flatMap((site) => site.sundayDerogationRecordedBy ?? []))];
    const names: { id: string; name: string }[] =
      recorders.length === 0
        ? []
        : await manager.query(
            `SELECT a.id, p.first_name || ' ' || p.last_name AS name
               FROM account a JOIN person p ON p.id = a.person_id WHERE a.id = ANY($1::uuid[])`,
            [recorders],
          );
    const nameOf = new Map(names.map((row) => [row.id, row.name]));
    return sites.map((site) => ({
      id: site.id,
      code: site.code,
      name: site.name,
      address: site.address,
      isFranceServices: site.isFranceServices,
      openingHours: site.openingHours,
      locations: (site.locations ?? []).map((location) => ({
        id: location.id,
        siteId: location.siteId,
        code: location.code,
        name: location.name,
        kind: location.kind,
        address: location.address,
      })),
      sundayDerogation:
        site.sundayDerogation === null
          ? null
          : {
              basis: site.sundayDerogation,
              at: (site.sundayDerogationRecordedAt ?? new Date(0)).toISOString(),
              byName: nameOf.get(site.sundayDerogationRecordedBy ?? '') ?? null,
            },
    }));
  }
}
