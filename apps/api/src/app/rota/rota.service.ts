import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CoverageCell,
  CoverageRequirement,
  RotaWeek,
  RotaWeekTotals,
  Shift,
  ShiftTemplate,
  Violation,
  WallRotaWeek,
} from '@relais/api-types';
import {
  checkRotaWeekPerson,
  checkRotaWeekSite,
  civilDate,
  coverageCells,
  effectiveMinutes,
  frenchPublicHolidays,
  mergeViolations,
  toEpochMs,
  windowOfIsoWeek,
} from '@relais/rules';
import { DataSource, EntityManager, In } from 'typeorm';
import { EncodedBody } from '../../common/encoded-body';
import { todayIn } from '../../common/today';
import { WeekBounds, weekBounds } from '../../common/week';
import { inTurnOrTogether } from '../../database/in-turn';
import { ReadRouting } from '../../database/read-routing';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { ContractEntity } from '../contracts/contract.entity';
import { LocationEntity } from '../organisation/location.entity';
import { PersonEntity } from '../people/person.entity';
import { CoverageRequirementEntity } from './coverage-requirement.entity';
import { Computed, RotaReadCache, ShiftWrite } from './rota-read-cache';
import { ShiftTemplateEntity } from './shift-template.entity';
import { SiteWeekEntity } from './site-week.entity';
import {
  assembleRulesInput,
  byName,
  Loaded,
  peopleIdsOf,
  SiteWeekLoader,
  SiteWeekParts,
  toRequirement,
} from './site-week/site-week.loader';

/** A contract's hourly cost over its dates (the site-week's labour cost). */
type ContractCost = Pick<ContractEntity, 'startDate' | 'endDate' | 'hourlyCostCents'>;

/**
 * What a planner's week was computed from, kept with it in the cache so that a shift write
 * patches it (see RotaService.patch): the loaded week, what its rules read, each person's
 * violations, and the contracts' costs of the people staffed on it.
 */
export interface SiteWeekState {
  loaded: Loaded;
  week: string;
  parts: SiteWeekParts;
  personViolations: ReadonlyMap<string, Violation[]>;
  /** The site's checks and coverage: they read the week's shifts and its people's skills. */
  site: SiteChecks;
  costs: ReadonlyMap<string, ContractCost[]>;
}

interface SiteChecks {
  violations: Violation[];
  coverage: CoverageCell[];
}

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
   * The JSON text of the weeks answered so far, by the answer object, with its compressed forms:
   * a week served from the cache is the same object on every hit, so it is serialised once, and
   * compressed once per encoding, not on every hit (96 kB for a site-week of 10 people on the
   * national data, about a quarter of a cached read's CPU; Brotli about a millisecond more).
   */
  private readonly bodies = new WeakMap<object, EncodedBody>();

  /** getRota as the body sent by `GET /api/rota` (the same text as the object serialised). */
  async getRotaBody(
    user: AuthUser,
    siteId: string,
    week: string,
    readAfter?: string,
  ): Promise<EncodedBody> {
    const answer = await this.getRota(user, siteId, week, readAfter);
    let body = this.bodies.get(answer);
    if (body === undefined) {
      body = new EncodedBody(JSON.stringify(answer));
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
      const built = await this.cache.through<SiteWeekState>(
        user.organisationId,
        version,
        reader,
        async () =>
          this.compute(manager, user, await this.loader.load(manager, user, siteId, week), week),
        (state, writes) => this.patch(manager, user, state, writes),
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
    return (await this.compute(manager, user, loaded, week)).week;
  }

  /** The planner's week computed whole, with what it was computed from (see SiteWeekState). */
  async compute(
    manager: EntityManager,
    user: AuthUser,
    loaded: Loaded,
    week: string,
  ): Promise<Computed<SiteWeekState>> {
    const parts = await this.loader.rulesParts(manager, user, loaded, week);
    return this.finish(manager, loaded, week, parts, new Map(), new Map(), undefined);
  }

  /**
   * The week of `state` after shift writes, reading and checking again only what they touched:
   * the week's shifts and row when a written shift stood in it (before or after), and the people
   * whose shifts were written. Everyone else keeps their row and violations: a person's checks
   * read only that person's work, absences, contracts and changes (`checkRotaWeekPerson`). The
   * people are rechecked over the whole week, whatever day the write touched: their long-window
   * rules read 12 weeks and 12 months of history, so a shift far from the week can still change
   * it. The site's checks, coverage and totals are recomputed from the week in memory. Undefined
   * when the week was published meanwhile (computed whole then). The result is the week computed
   * whole, byte for byte (`rota-incremental.int-spec.ts`).
   */
  async patch(
    manager: EntityManager,
    user: AuthUser,
    state: SiteWeekState,
    writes: readonly ShiftWrite[],
  ): Promise<Computed<SiteWeekState> | undefined> {
    const { week } = state;
    let loaded = state.loaded;
    const bounds = weekBounds(week, loaded.settings.timeZone);
    const isWeekWritten = writes.some((write) =>
      write.shifts.some(
        (shift) =>
          shift.siteId === loaded.site.id &&
          shift.startMs >= bounds.startMs &&
          shift.startMs < bounds.endMs,
      ),
    );
    if (isWeekWritten) {
      const [siteWeek]: SiteWeekRow[] = await manager.query(
        'SELECT status, version, published_at FROM site_week WHERE site_id = $1 AND week = $2',
        [loaded.site.id, week],
      );
      if (!isSameSiteWeek(loaded.siteWeek, siteWeek)) return undefined;
      // The written shifts are read again, the others kept: the order of `shiftsOfWeek`.
      const written = new Set(writes.flatMap((write) => write.shiftIds));
      const fresh = await this.loader.liveShiftsAmong(
        manager,
        loaded.site.id,
        week,
        loaded.settings.timeZone,
        loaded.publication,
        [...written],
      );
      const shifts = [...loaded.shifts.filter((shift) => !written.has(shift.id)), ...fresh].sort(
        (a, b) =>
          toEpochMs(a.start) - toEpochMs(b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      loaded = { ...loaded, shifts };
    }
    const touched = new Set(writes.flatMap((write) => write.personIds));
    const known = new Map(state.parts.people.map((person) => [person.id, person]));
    const ids = peopleIdsOf(loaded, state.parts.teamIds);
    // Someone new to the week is read whole; someone whose shifts were written, only her work.
    const added = ids.filter((id) => !known.has(id));
    const rewritten = ids.flatMap((id) => {
      const person = touched.has(id) ? known.get(id) : undefined;
      return person ? [person] : [];
    });
    const reread = new Set([...added, ...rewritten.map((person) => person.id)]);
    const [fresh, reworked] = await inTurnOrTogether(manager, [
      async () =>
        added.length > 0 ? this.loader.weekPeople(manager, user, loaded, week, added) : [],
      () => this.loader.weekPeopleWork(manager, user, loaded, week, rewritten),
    ]);
    const people = [
      ...fresh,
      ...reworked,
      ...ids.flatMap((id) => {
        const person = reread.has(id) ? undefined : known.get(id);
        return person ? [person] : [];
      }),
    ].sort(byName);
    const kept = new Map<string, Violation[]>();
    for (const [id, violations] of state.personViolations)
      if (!reread.has(id)) kept.set(id, violations);
    return this.finish(
      manager,
      loaded,
      week,
      { ...state.parts, people },
      kept,
      state.costs,
      // The same shifts and, with them, the same people: the site's checks stand.
      isWeekWritten || added.length > 0 ? undefined : state.site,
    );
  }

  /**
   * The planner's week from the loaded week and what its rules read: each person's violations
   * (those of `kept` as they are), the site's, coverage and totals.
   */
  private async finish(
    manager: EntityManager,
    loaded: Loaded,
    week: string,
    parts: SiteWeekParts,
    kept: ReadonlyMap<string, Violation[]>,
    knownCosts: ReadonlyMap<string, ContractCost[]>,
    keptSite: SiteChecks | undefined,
  ): Promise<Computed<SiteWeekState>> {
    const { site, siteWeek, publication, shifts } = loaded;
    const bounds = weekBounds(week, loaded.settings.timeZone);
    const input = assembleRulesInput(loaded, week, parts);
    const { people, requirements } = input;
    const { travelTimes, sundayDerogationLocations, ...settings } = input.settings;
    const siteShiftIds = new Set(shifts.map((shift) => shift.id));
    const published = new Map((publication?.shifts ?? []).map((shift) => [shift.id, shift]));
    const deleted = [...published.keys()].filter((id) => !siteShiftIds.has(id)).length;
    const window = windowOfIsoWeek(week);
    const personViolations = new Map(
      people.map((person) => [
        person.id,
        kept.get(person.id) ?? checkRotaWeekPerson(input, person, window, siteShiftIds),
      ]),
    );
    const costs = await this.costs(manager, shifts, knownCosts);
    const siteChecks = keptSite ?? {
      violations: checkRotaWeekSite(input),
      coverage: coverageCells(input),
    };
    return {
      week: {
        view: 'planner',
        siteId: site.id,
        week,
        status: siteWeek?.status ?? 'draft',
        version: siteWeek?.version ?? 0,
        publishedAt: siteWeek?.publishedAt?.toISOString() ?? null,
        unpublishedChanges:
          shifts.filter((shift) => shift.isChangedSincePublication).length + deleted,
        shifts,
        violations: mergeViolations(
          people.flatMap((person) => personViolations.get(person.id) ?? []),
          siteChecks.violations,
        ),
        coverage: siteChecks.coverage,
        people,
        requirements,
        holidays: holidaysOf(bounds),
        travelTimes,
        sundayDerogationLocations,
        settings,
        totals: totalsOf(shifts, costs, loaded.settings.timeZone),
      },
      state: { loaded, week, parts, personViolations, site: siteChecks, costs },
    };
  }

  /** The contracts' costs of the people staffed on the week, read for those not in `known`. */
  private async costs(
    manager: EntityManager,
    shifts: Shift[],
    known: ReadonlyMap<string, ContractCost[]>,
  ): Promise<Map<string, ContractCost[]>> {
    const personIds = [
      ...new Set(shifts.flatMap((shift) => (shift.personId ? [shift.personId] : []))),
    ];
    const missing = personIds.filter((id) => !known.has(id));
    const rows = missing.length
      ? await manager.getRepository(ContractEntity).find({
          select: { personId: true, startDate: true, endDate: true, hourlyCostCents: true },
          where: { personId: In(missing) },
          order: { startDate: 'ASC', id: 'ASC' },
        })
      : [];
    return new Map(
      personIds.map((id) => [id, known.get(id) ?? rows.filter((row) => row.personId === id)]),
    );
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

/**
 * The site-week's worked minutes and labour cost: each shift given to a person, costed at the
 * hourly cost of the contract in force on its day. Only the site total leaves this function.
 */
function totalsOf(
  shifts: Shift[],
  costs: ReadonlyMap<string, ContractCost[]>,
  timeZone: string,
): RotaWeekTotals {
  let minutes = 0;
  let costedMinutes = 0;
  let centsTimesMinutes = 0;
  const withoutCost = new Set<string>();
  for (const shift of shifts) {
    if (shift.personId === null) continue;
    const personId = shift.personId;
    const day = civilDate(shift.start, timeZone);
    const worked = effectiveMinutes(shift);
    const cents = costs
      .get(personId)
      ?.find(
        (contract) =>
          contract.startDate <= day && (contract.endDate === null || contract.endDate >= day),
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
    labourCostCents: costedMinutes > 0 || minutes === 0 ? Math.round(centsTimesMinutes / 60) : null,
    peopleWithoutCost: withoutCost.size,
  };
}

/** What a week shows of its site-week row. */
interface SiteWeekRow {
  status: SiteWeekEntity['status'];
  version: number;
  published_at: Date | null;
}

/**
 * Whether a site-week row read after shift writes shows what the week was computed with: a shift
 * write creates the row as a draft when missing (the week shows the same), and changes nothing
 * else of it.
 */
function isSameSiteWeek(before: SiteWeekEntity | null, after: SiteWeekRow | undefined): boolean {
  if (before === null)
    return after === undefined || (after.status === 'draft' && after.version === 0);
  return (
    after !== undefined &&
    after.status === before.status &&
    after.version === before.version &&
    after.published_at?.getTime() === before.publishedAt?.getTime()
  );
}
