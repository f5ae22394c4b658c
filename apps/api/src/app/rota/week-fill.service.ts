import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CopyWeekResult } from '@relais/api-types';
import { addDays, civilDate, daysBetween, windowOfIsoWeek, zonedInstant } from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { toZonedIso } from '../../common/instant';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { RotaService } from './rota.service';
import { ShiftEntity } from './shift.entity';
import { SiteWeekLoader } from './site-week/site-week.loader';

/** Filling a week at once: a copy of another week, or the site's templates. */
@Injectable()
export class WeekFillService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly loader: SiteWeekLoader,
    private readonly rota: RotaService,
  ) {}

  /** Copies a week's shifts onto another week, same weekdays and wall-clock times (DST-safe). */
  async copy(
    user: AuthUser,
    siteId: string,
    fromWeek: string,
    toWeek: string,
    withPeople: boolean,
  ): Promise<CopyWeekResult> {
    this.access.requireSite(user, siteId, 'write');
    if (fromWeek === toWeek) {
      throw new UnprocessableEntityException({
        message: 'Choisissez deux semaines différentes.',
        details: [{ field: 'toWeek', message: 'identique à la semaine copiée' }],
      });
    }
    const offsetDays = daysBetween(windowOfIsoWeek(fromWeek).from, windowOfIsoWeek(toWeek).from);
    return this.dataSource.transaction(async (manager) => {
      await this.loader.lockSiteWeek(manager, user.organisationId, siteId, toWeek);
      const source = await this.loader.shiftsOfWeek(manager, siteId, fromWeek);
      let created = 0;
      let madeOpen = 0;
      // A training session's item belongs to its session: it is never copied as a shift.
      for (const shift of source.filter((item) => !item.trainingSessionId)) {
        const startAt = new Date(this.moveWallClock(shift.startAt, offsetDays, user.timeZone));
        const endAt = new Date(this.moveWallClock(shift.endAt, offsetDays, user.timeZone));
        let personId = withPeople ? shift.personId : null;
        if (personId && !(await this.isFree(manager, user, personId, siteId, startAt, endAt))) {
          personId = null;
          madeOpen++;
        }
        const saved = await manager.save(
          manager.create(ShiftEntity, {
            organisationId: user.organisationId,
            siteId,
            personId,
            locationId: shift.locationId,
            activity: shift.activity,
            startAt,
            endAt,
            breakMinutes: shift.breakMinutes,
            note: shift.note,
            version: 1,
          }),
        );
        created++;
        await this.audit.record(manager, user, {
          action: 'shift.create',
          entity: 'shift',
          entityId: saved.id,
          details: { siteId, week: toWeek, copiedFrom: shift.id },
        });
      }
      return { created, madeOpen };
    });
  }

  /** Adds the site's templates to a week as open shifts ("à pourvoir"). */
  async applyTemplates(user: AuthUser, siteId: string, week: string): Promise<CopyWeekResult> {
    this.access.requireSite(user, siteId, 'write');
    const templates = await this.rota.templates(user, siteId);
    const { from } = windowOfIsoWeek(week);
    return this.dataSource.transaction(async (manager) => {
      await this.loader.lockSiteWeek(manager, user.organisationId, siteId, week);
      let created = 0;
      for (const template of templates) {
        for (const weekday of template.weekdays) {
          const date = addDays(from, weekday - 1);
          const saved = await manager.save(
            manager.create(ShiftEntity, {
              organisationId: user.organisationId,
              siteId,
              personId: null,
              locationId: template.locationId,
              activity: template.activity,
              startAt: new Date(zonedInstant(date, template.startTime, user.timeZone)),
              endAt: new Date(zonedInstant(date, template.endTime, user.timeZone)),
              breakMinutes: template.breakMinutes,
              note: template.label,
              version: 1,
            }),
          );
          created++;
          await this.audit.record(manager, user, {
            action: 'shift.create',
            entity: 'shift',
            entityId: saved.id,
            details: { siteId, week, template: template.code },
          });
        }
      }
      return { created, madeOpen: created };
    });
  }

  private moveWallClock(date: Date, days: number, timeZone: string): number {
    const day = civilDate(date.getTime(), timeZone);
    const time = toZonedIso(date, timeZone).slice(11, 16);
    return zonedInstant(addDays(day, days), time, timeZone);
  }

  /** Whether a copied shift keeps its person: free, present, under contract, staffable here. */
  private async isFree(
    manager: EntityManager,
    user: AuthUser,
    personId: string,
    siteId: string,
    startAt: Date,
    endAt: Date,
  ): Promise<boolean> {
    const [overlap] = await manager.query(
      `SELECT 1 FROM shift WHERE person_id = $1 AND tstzrange(start_at, end_at) && tstzrange($2::timestamptz, $3::timestamptz) LIMIT 1`,
      [personId, startAt, endAt],
    );
    if (overlap) return false;
    const day = civilDate(startAt.getTime(), user.timeZone);
    const [absent] = await manager.query(
      `SELECT 1 FROM absence WHERE person_id = $1 AND start_date <= $2 AND end_date >= $2 LIMIT 1`,
      [personId, day],
    );
    const [contract] = await manager.query(
      `SELECT 1 FROM contract WHERE person_id = $1 AND start_date <= $2 AND (end_date IS NULL OR end_date >= $2) LIMIT 1`,
      [personId, day],
    );
    const [person]: { home_site_id: string | null; is_lent: boolean }[] = await manager.query(
      `SELECT p.home_site_id, EXISTS (SELECT 1 FROM site_loan l WHERE l.person_id = p.id AND l.site_id = $2
         AND l.from_date <= $3 AND l.until_date >= $3) AS is_lent FROM person p WHERE p.id = $1`,
      [personId, siteId, day],
    );
    const isStaffable =
      !!person &&
      (person.home_site_id === siteId ||
        person.is_lent ||
        (person.home_site_id !== null &&
          this.access.canAccessSite(user, person.home_site_id, 'write')));
    return !absent && !!contract && isStaffable;
  }
}
