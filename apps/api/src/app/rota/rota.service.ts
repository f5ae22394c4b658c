import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CoverageRequirement,
  RotaWeek,
  RotaWeekTotals,
  Shift,
  ShiftTemplate,
  WallRotaWeek,
} from '@relais/api-types';
import {
  checkRotaWeek,
  civilDate,
  coverageCells,
  effectiveMinutes,
  frenchPublicHolidays,
} from '@relais/rules';
import { DataSource, EntityManager, In } from 'typeorm';
import { todayIn } from '../../common/today';
import { WeekBounds, weekBounds } from '../../common/week';
import { ReadRouting } from '../../database/read-routing';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { ContractEntity } from '../contracts/contract.entity';
import { LocationEntity } from '../organisation/location.entity';
import { PersonEntity } from '../people/person.entity';
import { CoverageRequirementEntity } from './coverage-requirement.entity';
import { RotaReadCache } from './rota-read-cache';
import { ShiftTemplateEntity } from './shift-template.entity';
import { byName, Loaded, SiteWeekLoader, toRequirement } from './site-week/site-week.loader';

/** The week grid: the planner's live week with its checks, or a mediator's wall week. */
@Injectable()
export class RotaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly reads: ReadRouting,
    private readonly cache: RotaReadCache,
    private readonly loader: SiteWeekLoader,
  ) {}

  /**
   * The JSON text of the weeks answered so far, by the answer object: a week served from the
   * cache is the same object on every hit, so it is serialised once, not on every hit (96 kB for
   * a site-week of 10 people on the national data, about a quarter of a cached read's CPU).
   */
  private readonly bodies = new WeakMap<object, string>();

  /** getRota as the JSON text sent by `GET /api/rota` (the same text as the object serialised). */
  async getRotaJson(
    user: AuthUser,
    siteId: string,
    week: string,
    readAfter?: string,
  ): Promise<string> {
    const answer = await this.getRota(user, siteId, week, readAfter);
    let body = this.bodies.get(answer);
    if (body === undefined) {
      body = JSON.stringify(answer);
      this.bodies.set(answer, body);
    }
    return body;
  }

  /**
   * The week grid; read from a replica when there is one (`readAfter`: the caller's last write).
   * Computed once per data version of the organisation and reader (see RotaReadCache).
   */
  async getRota(
    user: AuthUser,
    siteId: string,
    week: string,
    readAfter?: string,
  ): Promise<RotaWeek | WallRotaWeek> {
    if (user.role === 'mediator') return this.wallRota(user, siteId, week, readAfter);
    return this.plannerRota(user, siteId, week, readAfter);
  }

  /** The live week with its checks, for those who plan it (admin, HR, the site's managers). */
  async plannerRota(
    user: AuthUser,
    siteId: string,
    week: string,
    readAfter?: string,
  ): Promise<RotaWeek> {
    this.access.requireSite(user, siteId, 'read');
    if (user.role === 'mediator')
      throw new ForbiddenException('Planning réservé aux responsables.');
    return this.reads.read(readAfter, async (manager) => {
      const version = await this.cache.version(manager, user.organisationId);
      const reader = [
        user.accountId,
        user.role,
        user.siteIds.join(','),
        siteId,
        week,
        todayIn(),
      ].join('|');
      const built = await this.cache.through(user.organisationId, version, reader, async () =>
        this.build(manager, user, await this.loader.load(manager, user, siteId, week), week),
      );
      // After the cache, for this caller: a week computed for another reader never brings its cost.
      return this.access.canSeeSiteLabourCost(user, siteId)
        ? built
        : { ...built, totals: { ...built.totals, labourCostCents: null } };
    });
  }

  /**
   * A mediator's view of a site-week: the last publication as printed for the office wall
   * (names, times, activity, place; the note of the reader's own shifts only). No draft, contract,
   * qualification, hours balance or check of anyone.
   */
  private async wallRota(
    user: AuthUser,
    siteId: string,
    week: string,
    readAfter?: string,
  ): Promise<WallRotaWeek> {
    this.access.requireSite(user, siteId, 'read');
    return this.reads.read(readAfter, async (manager) => {
      const loaded = await this.loader.load(manager, user, siteId, week);
      const bounds = weekBounds(week, loaded.settings.timeZone);
      const shifts = loaded.shifts.map((shift) => ({
        ...shift,
        note: shift.personId === user.personId ? shift.note : null,
        isChangedSincePublication: false,
      }));
      const ids = await this.loader.teamIds(manager, siteId, bounds, shifts);
      const persons = ids.length
        ? await manager
            .getRepository(PersonEntity)
            .findBy({ id: In(ids), organisationId: user.organisationId })
        : [];
      return {
        view: 'wall',
        siteId,
        week,
        status: loaded.siteWeek?.status ?? 'draft',
        version: loaded.siteWeek?.version ?? 0,
        publishedAt: loaded.siteWeek?.publishedAt?.toISOString() ?? null,
        shifts,
        people: persons
          .map((person) => ({
            id: person.id,
            firstName: person.firstName,
            lastName: person.lastName,
            homeSiteId: person.homeSiteId,
          }))
          .sort(byName),
        holidays: holidaysOf(bounds),
      };
    });
  }

  /** The week as the rules see it inside the caller's transaction (live shifts, drafts included). */
  async checkInTransaction(
    manager: EntityManager,
    user: AuthUser,
    siteId: string,
    week: string,
  ): Promise<RotaWeek> {
    if (user.role === 'mediator')
      throw new ForbiddenException('Planning réservé aux responsables.');
    return this.build(
      manager,
      user,
      await this.loader.load(manager, user, siteId, week, true),
      week,
    );
  }

  /** The planner's week: the loaded shifts with their checks, coverage and people. */
  async build(
    manager: EntityManager,
    user: AuthUser,
    loaded: Loaded,
    week: string,
  ): Promise<RotaWeek> {
    const { site, siteWeek, publication, shifts } = loaded;
    const bounds = weekBounds(week, loaded.settings.timeZone);
    const input = await this.loader.rulesInput(manager, user, loaded, week);
    const { people, requirements } = input;
    const { travelTimes, sundayDerogationLocations, ...settings } = input.settings;
    const siteShiftIds = new Set(shifts.map((shift) => shift.id));
    const published = new Map((publication?.shifts ?? []).map((shift) => [shift.id, shift]));
    const deleted = [...published.keys()].filter((id) => !siteShiftIds.has(id)).length;
    return {
      view: 'planner',
      siteId: site.id,
      week,
      status: siteWeek?.status ?? 'draft',
      version: siteWeek?.version ?? 0,
      publishedAt: siteWeek?.publishedAt?.toISOString() ?? null,
      unpublishedChanges:
        shifts.filter((shift) => shift.isChangedSincePublication).length + deleted,
      shifts,
      violations: checkRotaWeek(input),
      coverage: coverageCells(input),
      people,
      requirements,
      holidays: holidaysOf(bounds),
      travelTimes,
      sundayDerogationLocations,
      settings,
      totals: await this.totals(manager, shifts, loaded.settings.timeZone),
    };
  }

  /**
   * The site-week's worked minutes and labour cost: each shift given to a person, costed at the
   * hourly cost of the contract in force on its day. Only the site total leaves this method.
   */
  private async totals(
    manager: EntityManager,
    shifts: Shift[],
    timeZone: string,
  ): Promise<RotaWeekTotals> {
    const staffed = shifts.filter((shift) => shift.personId !== null);
    const personIds = [...new Set(staffed.map((shift) => shift.personId as string))];
    const contracts = personIds.length
      ? await manager.getRepository(ContractEntity).find({
          select: { personId: true, startDate: true, endDate: true, hourlyCostCents: true },
          where: { personId: In(personIds) },
        })
      : [];
    let minutes = 0;
    let costedMinutes = 0;
    let centsTimesMinutes = 0;
    const withoutCost = new Set<string>();
    for (const shift of staffed) {
      const personId = shift.personId as string;
      const day = civilDate(shift.start, timeZone);
      const worked = effectiveMinutes(shift);
      const cents = contracts.find(
        (contract) =>
          contract.personId === personId &&
          contract.startDate <= day &&
          (contract.endDate === null || contract.endDate >= day),
      )?.hourlyCostCents;
      minutes += worked;
      if (cents === null || cents === undefined) {
        withoutCost.add(personId);
        continue;
      }
      costedMinutes += worked;
      centsTimesMinutes += cents * worked;
    }
    return {
      minutes,
      labourCostCents:
        costedMinutes > 0 || minutes === 0 ? Math.round(centsTimesMinutes / 60) : null,
      peopleWithoutCost: withoutCost.size,
    };
  }

  async templates(user: AuthUser, siteId: string): Promise<ShiftTemplate[]> {
    this.access.requireSite(user, siteId, 'read');
    const rows = await this.dataSource
      .getRepository(ShiftTemplateEntity)
      .find({ where: { siteId }, order: { code: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      siteId: row.siteId,
      code: row.code,
      label: row.label,
      locationId: row.locationId,
      activity: row.activity,
      startTime: row.startTime,
      endTime: row.endTime,
      breakMinutes: row.breakMinutes,
      weekdays: row.weekdays,
    }));
  }

  async coverage(user: AuthUser, siteId: string): Promise<CoverageRequirement[]> {
    this.access.requireSite(user, siteId, 'read');
    const rows = await this.dataSource
      .getRepository(CoverageRequirementEntity)
      .createQueryBuilder('r')
      .innerJoin(LocationEntity, 'l', 'l.id = r.location_id')
      .where('l.site_id = :siteId', { siteId })
      .orderBy('r.weekday')
      .addOrderBy('r.start_time')
      .getMany();
    return rows.map(toRequirement);
  }
}

/** French public holidays falling in the week. */
function holidaysOf(bounds: WeekBounds): string[] {
  const years = [...new Set([bounds.from.slice(0, 4), bounds.to.slice(0, 4)])].map(Number);
  return years
    .flatMap((year) => frenchPublicHolidays(year).map((holiday) => holiday.date))
    .filter((date) => date >= bounds.from && date <= bounds.to);
}
