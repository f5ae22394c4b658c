// Longer than ~450 lines on purpose: the ONE site-week loader (lock, load, rules input, the
// people as the rules see them) stays one file, so every feature reads a week the same way and
// `site-week-tables.int-spec.ts` can hold it to the tables it declares.
import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  CoverageRequirement,
  OrganisationSettings,
  RotaColleague,
  RotaPerson,
  RotaWeek,
  Shift,
} from '@relais/api-types';
import {
  addDays,
  effectiveMinutes,
  RotaComplianceInput,
  weeklyPremiums,
  zonedInstant,
} from '@relais/rules';
import { Brackets, EntityManager, In } from 'typeorm';
import { toZonedIso } from '../../../common/instant';
import { TIME_ZONE, WeekBounds, weekBounds } from '../../../common/week';
import { inTurnOrTogether } from '../../../database/in-turn';
import { AccessService } from '../../access/access.service';
import type { AuthUser } from '../../access/auth-user';
import { ContractEntity } from '../../contracts/contract.entity';
import { LocationEntity } from '../../organisation/location.entity';
import { readOrganisationSettings } from '../../organisation/organisation-settings.service';
import { SiteEntity } from '../../organisation/site.entity';
import { AbsenceEntity } from '../../people/absence.entity';
import { PersonSkillEntity } from '../../people/person-skill.entity';
import { PersonEntity } from '../../people/person.entity';
import { UnavailabilityEntity } from '../../people/unavailability.entity';
import { CoverageRequirementEntity } from '../coverage-requirement.entity';
import { NoticeAgreementEntity } from '../notice-agreement.entity';
import { RotaPublicationEntity } from '../rota-publication.entity';
import { differs, toShift } from '../rota.mapper';
import { ShiftEntity } from '../shift.entity';
import { SiteWeekEntity } from '../site-week.entity';
import { TravelTimeEntity } from '../travel-time.entity';
import { AgreementKey, changesForRules, PendingChange, pendingChanges } from './schedule-changes';
import { loadWorkHistory } from './work-history';

/**
 * A site-week as loaded: its site with locations, its row, its shifts, its last publication, and
 * the organisation's settings (thresholds, time zone) it was read with.
 */
export interface Loaded {
  site: SiteEntity & { locations: LocationEntity[] };
  settings: OrganisationSettings;
  siteWeek: SiteWeekEntity | null;
  shifts: Shift[];
  publication: RotaPublicationEntity | null;
}

/** What the rules read of a site-week, besides the shifts: people, requirements, settings. */
export type SiteWeekRulesInput = RotaComplianceInput & {
  people: RotaPerson[];
  requirements: CoverageRequirement[];
  settings: OrganisationSettings & LocationRules;
};

/**
 * What the rules of a site-week read besides its shifts: the team (`teamRowIds`), the people of
 * `peopleIdsOf` (sorted by name), the locations' rules, the week's requirements, and the written
 * agreements to its changes (once published).
 */
export interface SiteWeekParts {
  teamIds: string[];
  people: RotaPerson[];
  locationRules: LocationRules;
  requirements: CoverageRequirement[];
  agreements: AgreementKey[] | undefined;
}

/** What the rules read of the organisation's locations (see SiteWeekLoader.locationRules). */
export type LocationRules = Pick<RotaWeek, 'travelTimes' | 'sundayDerogationLocations'>;

/**
 * The one loader of a site-week, which every feature uses (grid, shifts, publication, auto-fill,
 * swaps, training): lock, load, and build the rules' input. The tables it reads are declared in
 * `site-week-tables.ts`; each carries the data-version trigger the rota cache keys on.
 */
@Injectable()
export class SiteWeekLoader {
  constructor(private readonly access: AccessService) {}

  /** Locks the site-week row (creating it as a draft): writes and publication of one week queue up. */
  async lockSiteWeek(
    manager: EntityManager,
    organisationId: string,
    siteId: string,
    week: string,
  ): Promise<SiteWeekEntity> {
    await manager.query(
      `INSERT INTO site_week (organisation_id, site_id, week, status, version) VALUES ($1, $2, $3, 'draft', 0)
       ON CONFLICT (site_id, week) DO NOTHING`,
      [organisationId, siteId, week],
    );
    return manager
      .getRepository(SiteWeekEntity)
      .createQueryBuilder('sw')
      .setLock('pessimistic_write')
      .where('sw.site_id = :siteId AND sw.week = :week', { siteId, week })
      .getOneOrFail();
  }

  async shiftsOfWeek(
    manager: EntityManager,
    siteId: string,
    week: string,
    timeZone = TIME_ZONE,
  ): Promise<ShiftEntity[]> {
    const bounds = weekBounds(week, timeZone);
    return (
      manager
        .getRepository(ShiftEntity)
        .createQueryBuilder('s')
        .where('s.site_id = :siteId', { siteId })
        .andWhere('s.start_at >= :from AND s.start_at < :to', {
          from: new Date(bounds.startMs),
          to: new Date(bounds.endMs),
        })
        // Shifts starting together in the order of their ids: the same order on every read.
        .orderBy('s.start_at')
        .addOrderBy('s.id')
        .getMany()
    );
  }

  /**
   * The live shifts of several site-weeks in one query, by `siteId|week`, each list in the order
   * `shiftsOfWeek` gives.
   */
  async shiftsOfWeeks(
    manager: EntityManager,
    siteWeeks: readonly { siteId: string; week: string }[],
    timeZone = TIME_ZONE,
  ): Promise<Map<string, ShiftEntity[]>> {
    const byKey = new Map<string, ShiftEntity[]>();
    if (siteWeeks.length === 0) return byKey;
    const ranges = siteWeeks.map(({ siteId, week }) => ({
      key: `${siteId}|${week}`,
      siteId,
      ...weekBounds(week, timeZone),
    }));
    const query = manager.getRepository(ShiftEntity).createQueryBuilder('s');
    query.where(
      new Brackets((any) => {
        ranges.forEach((range, index) =>
          any.orWhere(
            `(s.site_id = :site${index} AND s.start_at >= :from${index} AND s.start_at < :to${index})`,
            {
              [`site${index}`]: range.siteId,
              [`from${index}`]: new Date(range.startMs),
              [`to${index}`]: new Date(range.endMs),
            },
          ),
        );
      }),
    );
    const rows = await query.orderBy('s.start_at').addOrderBy('s.id').getMany();
    for (const range of ranges) {
      byKey.set(
        range.key,
        rows.filter((row) => {
          const start = row.startAt.getTime();
          return row.siteId === range.siteId && start >= range.startMs && start < range.endMs;
        }),
      );
    }
    return byKey;
  }

  async load(
    manager: EntityManager,
    user: AuthUser,
    siteId: string,
    week: string,
    isForPublication = false,
  ): Promise<Loaded> {
    const site = (await manager.getRepository(SiteEntity).findOne({
      where: { id: siteId, organisationId: user.organisationId },
      relations: { locations: true },
    })) as Loaded['site'] | null;
    if (!site) throw new NotFoundException('Site introuvable.');
    const settings = await readOrganisationSettings(manager, user.organisationId);
    const siteWeek = await manager.getRepository(SiteWeekEntity).findOneBy({ siteId, week });
    const publication =
      siteWeek && siteWeek.version > 0
        ? await manager
            .getRepository(RotaPublicationEntity)
            .findOneBy({ siteWeekId: siteWeek.id, version: siteWeek.version })
        : null;
    if (user.role === 'mediator' && !isForPublication) {
      // Mediators only ever see what was published, never the manager's drafts.
      return { site, settings, siteWeek, publication, shifts: publication?.shifts ?? [] };
    }
    const shifts = await this.liveShifts(manager, siteId, week, settings.timeZone, publication);
    return { site, settings, siteWeek, publication, shifts };
  }

  /** The week's shifts as the planner sees them, each marked when it differs from `publication`. */
  async liveShifts(
    manager: EntityManager,
    siteId: string,
    week: string,
    timeZone: string,
    publication: RotaPublicationEntity | null,
  ): Promise<Shift[]> {
    const entities = await this.shiftsOfWeek(manager, siteId, week, timeZone);
    return marked(entities, publication, timeZone);
  }

  /** Of the shifts `ids`, those now in the site-week, as `liveShifts` gives them. */
  async liveShiftsAmong(
    manager: EntityManager,
    siteId: string,
    week: string,
    timeZone: string,
    publication: RotaPublicationEntity | null,
    ids: readonly string[],
  ): Promise<Shift[]> {
    if (ids.length === 0) return [];
    const bounds = weekBounds(week, timeZone);
    const entities = await manager
      .getRepository(ShiftEntity)
      .createQueryBuilder('s')
      .where('s.id IN (:...ids)', { ids })
      .andWhere('s.site_id = :siteId', { siteId })
      .andWhere('s.start_at >= :from AND s.start_at < :to', {
        from: new Date(bounds.startMs),
        to: new Date(bounds.endMs),
      })
      .getMany();
    return marked(entities, publication, timeZone);
  }

  /** The rules' view of one site-week (shifts as loaded, their people, requirements, changes). */
  async rulesInput(
    manager: EntityManager,
    user: AuthUser,
    loaded: Loaded,
    week: string,
  ): Promise<SiteWeekRulesInput> {
    return assembleRulesInput(loaded, week, await this.rulesParts(manager, user, loaded, week));
  }

  /** What `rulesInput` reads besides the loaded week (see SiteWeekParts). */
  async rulesParts(
    manager: EntityManager,
    user: AuthUser,
    loaded: Loaded,
    week: string,
  ): Promise<SiteWeekParts> {
    const { site } = loaded;
    const timeZone = loaded.settings.timeZone;
    const bounds = weekBounds(week, timeZone);
    const teamIds = await this.teamRowIds(manager, site.id, bounds);
    const people = await this.weekPeople(manager, user, loaded, week, peopleIdsOf(loaded, teamIds));
    const locationRules = await this.locationRules(manager, user.organisationId);
    const requirements = (
      await manager
        .getRepository(CoverageRequirementEntity)
        .createQueryBuilder('r')
        .where('r.location_id IN (:...ids)', { ids: site.locations.map((location) => location.id) })
        .andWhere(
          new Brackets((qb) =>
            qb.where('r.valid_from IS NULL').orWhere('r.valid_from <= :to', { to: bounds.to }),
          ),
        )
        .andWhere(
          new Brackets((qb) =>
            qb
              .where('r.valid_until IS NULL')
              .orWhere('r.valid_until >= :from', { from: bounds.from }),
          ),
        )
        .orderBy('r.weekday')
        .addOrderBy('r.start_time')
        .getMany()
    ).map(toRequirement);
    const agreements =
      loaded.publication && loaded.siteWeek
        ? await this.noticeAgreements(manager, loaded.siteWeek.id)
        : undefined;
    return { teamIds, people, locationRules, requirements, agreements };
  }

  /** The people of a site-week as the rules and the grid see them (window: the week ± 8 days). */
  async weekPeople(
    manager: EntityManager,
    user: AuthUser,
    loaded: Loaded,
    week: string,
    personIds: string[],
  ): Promise<RotaPerson[]> {
    const timeZone = loaded.settings.timeZone;
    const bounds = weekBounds(week, timeZone);
    return this.people(
      manager,
      user,
      personIds,
      addDays(bounds.from, -8),
      addDays(bounds.to, 8),
      new Set(loaded.shifts.map((shift) => shift.id)),
      bounds,
      timeZone,
    );
  }

  /** The site's team for the week (under contract, or lent to it) and everyone staffed on it. */
  async teamIds(
    manager: EntityManager,
    siteId: string,
    bounds: WeekBounds,
    shifts: Shift[],
  ): Promise<string[]> {
    return [
      ...new Set([
        ...(await this.teamRowIds(manager, siteId, bounds)),
        ...shifts.flatMap((shift) => (shift.personId ? [shift.personId] : [])),
      ]),
    ];
  }

  /** The site's team for the week: under contract at the site, or lent to it. */
  async teamRowIds(manager: EntityManager, siteId: string, bounds: WeekBounds): Promise<string[]> {
    const teamRows: { id: string }[] = await manager.query(
      `SELECT DISTINCT p.id FROM person p JOIN contract c ON c.person_id = p.id
       WHERE c.start_date <= $3 AND (c.end_date IS NULL OR c.end_date >= $2)
         AND (p.home_site_id = $1 OR EXISTS (
           SELECT 1 FROM site_loan l WHERE l.person_id = p.id AND l.site_id = $1
              AND l.from_date <= $3 AND l.until_date >= $2))`,
      [siteId, bounds.from, bounds.to],
    );
    return teamRows.map((row) => row.id);
  }

  /**
   * What the rules read of the organisation's locations (never another's): the travel times
   * between them, and the locations of the sites with a recorded Sunday derogation.
   */
  async locationRules(manager: EntityManager, organisationId: string): Promise<LocationRules> {
    const rows = await manager
      .getRepository(TravelTimeEntity)
      .createQueryBuilder('t')
      .where('t.organisation_id = :organisationId', { organisationId })
      .getMany();
    const derogations: { location_id: string; basis: string }[] = await manager.query(
      `SELECT l.id AS location_id, s.sunday_derogation AS basis
         FROM location l JOIN site s ON s.id = l.site_id
        WHERE s.organisation_id = $1 AND s.sunday_derogation IS NOT NULL`,
      [organisationId],
    );
    return {
      travelTimes: rows.map((row) => ({
        fromLocationId: row.fromLocationId,
        toLocationId: row.toLocationId,
        minutes: row.minutes,
      })),
      sundayDerogationLocations: Object.fromEntries(
        derogations.map((row) => [row.location_id, row.basis]),
      ),
    };
  }

  /** People as the rules and the grid see them over a window (see RotaPerson). */
  async people(
    manager: EntityManager,
    user: AuthUser,
    personIds: string[],
    from: string,
    to: string,
    excludeShiftIds: Set<string>,
    week?: WeekBounds,
    timeZone = TIME_ZONE,
  ): Promise<RotaPerson[]> {
    if (personIds.length === 0) return [];
    const fromMs = zonedInstant(from, '00:00', timeZone);
    const toMs = zonedInstant(addDays(to, 1), '00:00', timeZone);
    // Sent at once, or in turn inside a transaction (one connection runs one query at a time).
    const [history, persons, contracts, absences, unavailabilities, skills, items] =
      await inTurnOrTogether(manager, [
        () =>
          loadWorkHistory(
            manager,
            user.organisationId,
            personIds,
            { fromMs, toMs },
            week ?? { from, to },
            timeZone,
          ),
        () =>
          manager
            .getRepository(PersonEntity)
            .findBy({ id: In(personIds), organisationId: user.organisationId }),
        () =>
          manager.getRepository(ContractEntity).find({
            where: { personId: In(personIds) },
            order: { startDate: 'ASC', id: 'ASC' },
          }),
        () =>
          manager
            .getRepository(AbsenceEntity)
            .createQueryBuilder('a')
            .where('a.person_id IN (:...ids)', { ids: personIds })
            .andWhere('a.start_date <= :to AND a.end_date >= :from', { from, to })
            .orderBy('a.start_date')
            .addOrderBy('a.id')
            .getMany(),
        () =>
          manager
            .getRepository(UnavailabilityEntity)
            .createQueryBuilder('u')
            .where('u.person_id IN (:...ids)', { ids: personIds })
            .andWhere('u.from_date <= :to AND (u.until_date IS NULL OR u.until_date >= :from)', {
              from,
              to,
            })
            .orderBy('u.id')
            .getMany(),
        () =>
          manager
            .getRepository(PersonSkillEntity)
            .find({ where: { personId: In(personIds) }, order: { id: 'ASC' } }),
        () => this.itemsOf(manager, personIds, fromMs, toMs),
      ]);
    return persons
      .map((person) => {
        const own = contracts.filter((contract) => contract.personId === person.id);
        const current = week
          ? own.find(
              (contract) =>
                contract.startDate <= week.to &&
                (contract.endDate === null || contract.endDate >= week.from),
            )
          : undefined;
        const canSeeKinds = this.access.canReadPerson(user, person) && user.role !== 'mediator';
        // A person lent by a site the reader does not run: only what the rules need.
        const isBorrowed = person.homeSiteId !== null && !user.siteIds.includes(person.homeSiteId);
        const ownItems = items.filter((item) => item.personId === person.id);
        const plannedMinutes = week ? plannedOf(ownItems, week) : 0;
        return {
          id: person.id,
          firstName: person.firstName,
          lastName: person.lastName,
          homeSiteId: person.homeSiteId,
          contract: current
            ? {
                type: current.type,
                start: current.startDate,
                end: current.endDate,
                weeklyHours: current.weeklyHours,
              }
            : null,
          contracts: own
            .filter(
              (contract) =>
                !isBorrowed ||
                (contract.startDate <= to &&
                  (contract.endDate === null || contract.endDate >= from)),
            )
            .map((contract) => ({
              type: contract.type,
              start: contract.startDate,
              end: contract.endDate,
              weeklyHours: contract.weeklyHours,
              ...(contract.isNightWorker ? { isNightWorker: true } : {}),
              ...(contract.cycleWeeks === null ? {} : { cycleWeeks: contract.cycleWeeks }),
              ...(contract.partTimeDerogation === null ? {} : { hasPartTimeDerogation: true }),
            })),
          plannedMinutes,
          // The week's minutes by pay band (L3123-29, L3121-36), for the row and the month's close.
          ...(week && current
            ? { hourBands: weeklyPremiums(current.weeklyHours, plannedMinutes) }
            : {}),
          absences: [
            ...absences
              .filter((absence) => absence.personId === person.id)
              .map((absence) => ({
                start: absence.startDate,
                end: absence.endDate,
                kind: canSeeKinds ? absence.kind : null,
              })),
            ...this.expandUnavailabilities(
              unavailabilities.filter((row) => row.personId === person.id),
              from,
              to,
              timeZone,
            ),
          ],
          skills: skills
            .filter(
              (skill) =>
                skill.personId === person.id &&
                (!isBorrowed || skill.expiresOn === null || skill.expiresOn >= from),
            )
            .map((skill) => ({
              skill: skill.skill,
              acquiredOn: skill.acquiredOn,
              expiresOn: skill.expiresOn,
            })),
          otherItems: otherItemsOf(user, person, ownItems, excludeShiftIds, timeZone),
          workHistory: history.get(person.id),
        };
      })
      .sort(byName);
  }

  /**
   * The people of a site-week again after writes of their shifts only: their work items of the
   * window and work history are read again, the rest of each (contracts, absences, skills: no
   * shift write changes them) is kept. The same people as `weekPeople` would read them.
   */
  async weekPeopleWork(
    manager: EntityManager,
    user: AuthUser,
    loaded: Loaded,
    week: string,
    people: readonly RotaPerson[],
  ): Promise<RotaPerson[]> {
    if (people.length === 0) return [];
    const timeZone = loaded.settings.timeZone;
    const bounds = weekBounds(week, timeZone);
    const from = addDays(bounds.from, -8);
    const to = addDays(bounds.to, 8);
    const fromMs = zonedInstant(from, '00:00', timeZone);
    const toMs = zonedInstant(addDays(to, 1), '00:00', timeZone);
    const personIds = people.map((person) => person.id);
    const excludeShiftIds = new Set(loaded.shifts.map((shift) => shift.id));
    const [history, items] = await inTurnOrTogether(manager, [
      () =>
        loadWorkHistory(
          manager,
          user.organisationId,
          personIds,
          { fromMs, toMs },
          bounds,
          timeZone,
        ),
      () => this.itemsOf(manager, personIds, fromMs, toMs),
    ]);
    return people.map((person) => {
      const ownItems = items.filter((item) => item.personId === person.id);
      const plannedMinutes = plannedOf(ownItems, bounds);
      return {
        ...person,
        plannedMinutes,
        ...(person.contract
          ? { hourBands: weeklyPremiums(person.contract.weeklyHours, plannedMinutes) }
          : {}),
        otherItems: otherItemsOf(user, person, ownItems, excludeShiftIds, timeZone),
        workHistory: history.get(person.id),
      };
    });
  }

  /** The people's work items overlapping `[fromMs, toMs)`, by start. */
  private itemsOf(
    manager: EntityManager,
    personIds: readonly string[],
    fromMs: number,
    toMs: number,
  ): Promise<ShiftEntity[]> {
    return (
      manager
        .getRepository(ShiftEntity)
        .createQueryBuilder('s')
        .where('s.person_id IN (:...ids)', { ids: personIds })
        // A shift lasts 24 h at most (ck_shift_period): the lower bound on start_at keeps the
        // index range to the window instead of the person's whole history.
        .andWhere('s.start_at < :to AND s.start_at > :earliest AND s.end_at > :from', {
          from: new Date(fromMs),
          earliest: new Date(fromMs - 24 * 3_600_000),
          to: new Date(toMs),
        })
        .orderBy('s.start_at')
        .addOrderBy('s.id')
        .getMany()
    );
  }

  /** The written agreements recorded for a site-week's changes (see NoticeAgreementEntity). */
  async noticeAgreements(manager: EntityManager, siteWeekId: string): Promise<AgreementKey[]> {
    return manager.getRepository(NoticeAgreementEntity).find({
      select: { personId: true, shiftId: true, schedule: true },
      where: { siteWeekId },
    });
  }

  /** Weekly unavailabilities become dated periods the rules treat like absences. */
  private expandUnavailabilities(
    rows: UnavailabilityEntity[],
    from: string,
    to: string,
    timeZone: string,
  ): RotaPerson['absences'] {
    const result: RotaPerson['absences'] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const weekday = ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
      for (const row of rows) {
        if (
          row.weekday !== weekday ||
          date < row.fromDate ||
          (row.untilDate !== null && date > row.untilDate)
        )
          continue;
        result.push({
          start: toZonedIso(zonedInstant(date, row.startTime, timeZone), timeZone),
          end: toZonedIso(zonedInstant(date, row.endTime, timeZone), timeZone),
          kind: 'unavailability',
        });
      }
    }
    return result;
  }
}

/** The shifts as the planner sees them, each marked when it differs from `publication`. */
function marked(
  entities: readonly ShiftEntity[],
  publication: RotaPublicationEntity | null,
  timeZone: string,
): Shift[] {
  const published = new Map((publication?.shifts ?? []).map((shift) => [shift.id, shift]));
  return entities.map((entity) => {
    const shift = toShift(entity, false, timeZone);
    return { ...shift, isChangedSincePublication: differs(shift, published.get(shift.id)) };
  });
}

/** Minutes of the items starting in the week, breaks deducted. */
function plannedOf(items: readonly ShiftEntity[], week: WeekBounds): number {
  return items
    .filter((item) => item.startAt.getTime() >= week.startMs && item.startAt.getTime() < week.endMs)
    .reduce(
      (sum, item) =>
        sum +
        effectiveMinutes({ start: item.startAt, end: item.endAt, breakMinutes: item.breakMinutes }),
      0,
    );
}

/** A person's work items outside the site-week, as the rules and the grid read them. */
function otherItemsOf(
  user: AuthUser,
  person: { homeSiteId: string | null },
  items: readonly ShiftEntity[],
  excludeShiftIds: ReadonlySet<string>,
  timeZone: string,
): RotaPerson['otherItems'] {
  // A person lent by a site the reader does not run: only what the rules need.
  const isBorrowed = person.homeSiteId !== null && !user.siteIds.includes(person.homeSiteId);
  let elsewhere = 0;
  return items
    .filter((item) => !excludeShiftIds.has(item.id))
    .map((item) => ({
      // Another site's item is a time range to the borrower, not a shift to open.
      id: isBorrowed && !user.siteIds.includes(item.siteId) ? `ailleurs:${++elsewhere}` : item.id,
      start: toZonedIso(item.startAt, timeZone),
      end: toZonedIso(item.endAt, timeZone),
      breakMinutes: item.breakMinutes,
      locationId: item.locationId,
      activity: item.activity,
    }));
}

/** By last then first name; namesakes by id, so that every read gives the same order. */
export function byName(a: RotaColleague, b: RotaColleague): number {
  return (
    a.lastName.localeCompare(b.lastName, 'fr') ||
    a.firstName.localeCompare(b.firstName, 'fr') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The people a site-week's rules read: its team, everyone staffed on it, and whoever a change
 * not yet published concerns (someone whose shift was removed or given away is owed the notice
 * too, L3123-31).
 */
export function peopleIdsOf(loaded: Loaded, teamIds: readonly string[]): string[] {
  const ids = new Set([
    ...teamIds,
    ...loaded.shifts.flatMap((shift) => (shift.personId ? [shift.personId] : [])),
  ]);
  for (const change of pendingOf(loaded)) ids.add(change.personId);
  return [...ids];
}

/** The changes of the week not yet published (none before its first publication). */
function pendingOf(loaded: Loaded): PendingChange[] {
  return loaded.publication
    ? pendingChanges(loaded.publication.shifts, loaded.shifts, loaded.settings.timeZone)
    : [];
}

/**
 * The rules' view of one site-week from the loaded week and what `rulesParts` read: pure, so that
 * a week patched after a write (see RotaService) is assembled as a week read whole.
 */
export function assembleRulesInput(
  loaded: Loaded,
  week: string,
  parts: SiteWeekParts,
  now?: number,
): SiteWeekRulesInput {
  const { site, shifts } = loaded;
  const changes =
    loaded.publication && loaded.siteWeek
      ? changesForRules(pendingOf(loaded), parts.agreements ?? [], now)
      : undefined;
  return {
    site: {
      id: site.id,
      isFranceServices: site.isFranceServices,
      openingHours: site.openingHours,
      locations: site.locations.map((location) => ({ id: location.id, kind: location.kind })),
    },
    week,
    shifts,
    people: parts.people,
    requirements: parts.requirements,
    changes,
    settings: { ...loaded.settings, ...parts.locationRules },
  };
}

export function toRequirement(row: CoverageRequirementEntity): CoverageRequirement {
  return {
    id: row.id,
    locationId: row.locationId,
    weekday: row.weekday,
    startTime: row.startTime,
    endTime: row.endTime,
    minStaff: row.minStaff,
    requiredSkill: row.requiredSkill,
    activity: row.activity,
    isPair: row.isPair,
  };
}
