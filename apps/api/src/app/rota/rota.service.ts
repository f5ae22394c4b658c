import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CopyWeekResult,
  CoverageRequirement,
  PublishResult,
  RotaChange,
  RotaPerson,
  RotaWeek,
  Shift,
  ShiftTemplate,
  Violation,
} from '@relais/contracts';
import {
  addDays,
  checkRotaPerson,
  checkRotaWeek,
  civilDate,
  coverageCells,
  daysBetween,
  frenchPublicHolidays,
  RotaComplianceInput,
  ScheduleChange,
  shiftToWorkItem,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { toZonedIso } from '../../common/instant';
import { todayIn } from '../../common/today';
import { TIME_ZONE, WeekBounds, weekBounds } from '../../common/week';
import { ReadRouting } from '../../database/read-routing';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { ContractEntity } from '../contracts/contract.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { LocationEntity } from '../organisation/location.entity';
import { SiteEntity } from '../organisation/site.entity';
import { AbsenceEntity } from '../people/absence.entity';
import { PeopleService } from '../people/people.service';
import { PersonSkillEntity } from '../people/person-skill.entity';
import { PersonEntity } from '../people/person.entity';
import { UnavailabilityEntity } from '../people/unavailability.entity';
import { CoverageRequirementEntity } from './coverage-requirement.entity';
import { RotaPublicationEntity } from './rota-publication.entity';
import { RotaReadCache } from './rota-read-cache';
import { differs, differsInSchedule, toShift } from './rota.mapper';
import { ShiftTemplateEntity } from './shift-template.entity';
import { ShiftEntity } from './shift.entity';
import { SiteWeekEntity } from './site-week.entity';
import { TravelTimeEntity } from './travel-time.entity';

export interface Loaded {
  site: SiteEntity & { locations: LocationEntity[] };
  siteWeek: SiteWeekEntity | null;
  shifts: Shift[];
  publication: RotaPublicationEntity | null;
}

@Injectable()
export class RotaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly reads: ReadRouting,
    private readonly notifications: NotificationsService,
    private readonly cache: RotaReadCache,
  ) {}

  /**
   * The week grid; read from a replica when there is one (`readAfter`: the caller's last write).
   * Computed once per data version of the organisation and reader (see RotaReadCache).
   */
  async getRota(
    user: AuthUser,
    siteId: string,
    week: string,
    readAfter?: string,
  ): Promise<RotaWeek> {
    this.access.requireSite(user, siteId, 'read');
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
      return this.cache.through(user.organisationId, version, reader, async () =>
        this.build(manager, user, await this.load(manager, user, siteId, week), week),
      );
    });
  }

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

  async publish(
    user: AuthUser,
    siteId: string,
    week: string,
    justification: string | null,
    ip: string,
  ): Promise<PublishResult> {
    this.access.requireSite(user, siteId, 'write');
    return this.dataSource.transaction(async (manager) => {
      const siteWeek = await this.lockSiteWeek(manager, user.organisationId, siteId, week);
      const loaded = await this.load(manager, user, siteId, week, true);
      const rota = await this.build(manager, user, loaded, week);
      const blocking = rota.violations.filter((violation) => violation.severity === 'block');
      if (blocking.length > 0) {
        throw new UnprocessableEntityException({
          message: `Publication refusée : ${blocking.length} contrôle(s) bloquant(s) à corriger.`,
          details: { violations: blocking },
          violations: blocking,
        });
      }
      const previous = new Map(
        (loaded.publication?.shifts ?? []).map((shift) => [shift.id, shift]),
      );
      const current = rota.shifts;
      const touched = new Set<string>();
      for (const shift of current) {
        if (differs(shift, previous.get(shift.id))) {
          if (shift.personId) touched.add(shift.personId);
          const before = previous.get(shift.id)?.personId;
          if (before) touched.add(before);
        }
      }
      for (const [id, shift] of previous) {
        if (!current.some((other) => other.id === id) && shift.personId)
          touched.add(shift.personId);
      }
      const version = siteWeek.version + 1;
      const publishedAt = new Date();
      const snapshot = current.map((shift) => ({ ...shift, isChangedSincePublication: false }));
      await manager.save(
        manager.create(RotaPublicationEntity, {
          siteWeekId: siteWeek.id,
          version,
          publishedBy: user.accountId,
          shifts: snapshot,
          justification,
        }),
      );
      await manager.update(
        SiteWeekEntity,
        { id: siteWeek.id },
        { status: 'published', version, publishedAt, publishedBy: user.accountId },
      );
      const warnings = rota.violations.filter((violation) => violation.severity === 'warn');
      await this.audit.record(
        manager,
        user,
        {
          action: 'rota.publish',
          entity: 'site_week',
          entityId: siteWeek.id,
          details: {
            siteId,
            week,
            version,
            shifts: snapshot.length,
            notified: [...touched],
            warnings: warnings.map((w) => w.rule),
            justification,
          },
        },
        ip,
      );
      await this.notifications.notify(
        manager,
        [...touched],
        'rota_published',
        `Planning de la semaine ${week.slice(6)} publié`,
        `Vos créneaux de la semaine ${week.slice(6)} ont changé : consultez votre semaine.`,
        '/ma-semaine',
      );
      return {
        siteId,
        week,
        version,
        publishedAt: publishedAt.toISOString(),
        notifiedPersonIds: [...touched],
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
    return this.build(manager, user, await this.load(manager, user, siteId, week, true), week);
  }

  /** Copies a week's shifts onto another week, same weekdays and wall-clock times (DST-safe). */
  async copy(
    user: AuthUser,
    siteId: string,
    fromWeek: string,
    toWeek: string,
    withPeople: boolean,
    ip: string,
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
      await this.lockSiteWeek(manager, user.organisationId, siteId, toWeek);
      const source = await this.shiftsOfWeek(manager, siteId, fromWeek);
      let created = 0;
      let madeOpen = 0;
      // A training session's item belongs to its session: it is never copied as a shift.
      for (const shift of source.filter((item) => !item.trainingSessionId)) {
        const startAt = new Date(this.moveWallClock(shift.startAt, offsetDays));
        const endAt = new Date(this.moveWallClock(shift.endAt, offsetDays));
        let personId = withPeople ? shift.personId : null;
        if (personId && !(await this.isFree(manager, personId, startAt, endAt))) {
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
        await this.audit.record(
          manager,
          user,
          {
            action: 'shift.create',
            entity: 'shift',
            entityId: saved.id,
            details: { siteId, week: toWeek, copiedFrom: shift.id },
          },
          ip,
        );
      }
      return { created, madeOpen };
    });
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

  /** Adds the site's templates to a week as open shifts ("à pourvoir"). */
  async applyTemplates(
    user: AuthUser,
    siteId: string,
    week: string,
    ip: string,
  ): Promise<CopyWeekResult> {
    this.access.requireSite(user, siteId, 'write');
    const templates = await this.templates(user, siteId);
    const { from } = windowOfIsoWeek(week);
    return this.dataSource.transaction(async (manager) => {
      await this.lockSiteWeek(manager, user.organisationId, siteId, week);
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
              startAt: new Date(zonedInstant(date, template.startTime, TIME_ZONE)),
              endAt: new Date(zonedInstant(date, template.endTime, TIME_ZONE)),
              breakMinutes: template.breakMinutes,
              note: template.label,
              version: 1,
            }),
          );
          created++;
          await this.audit.record(
            manager,
            user,
            {
              action: 'shift.create',
              entity: 'shift',
              entityId: saved.id,
              details: { siteId, week, template: template.code },
            },
            ip,
          );
        }
      }
      return { created, madeOpen: created };
    });
  }

  async history(user: AuthUser, siteId: string, week: string): Promise<RotaChange[]> {
    this.access.requireSite(user, siteId, 'read');
    const rows: {
      at: Date;
      action: string;
      entity_id: string | null;
      details: Record<string, unknown>;
      entity: string;
      first_name: string | null;
      last_name: string | null;
    }[] = await this.dataSource.query(
      `SELECT e.at, e.action, e.entity, e.entity_id, e.details, p.first_name, p.last_name
         FROM audit_event e LEFT JOIN account a ON a.id = e.account_id LEFT JOIN person p ON p.id = a.person_id
         WHERE e.organisation_id = $1 AND e.details->>'siteId' = $2 AND e.details->>'week' = $3
         ORDER BY e.at DESC, e.id DESC LIMIT 500`,
      [user.organisationId, siteId, week],
    );
    return rows.map((row) => ({
      at: row.at.toISOString(),
      actorName: row.first_name ? `${row.first_name} ${row.last_name}` : null,
      action: row.action,
      shiftId: row.entity === 'shift' ? row.entity_id : null,
      details: row.details,
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

  /** Violations of one person over a date range, all sites together. */
  async compliance(
    user: AuthUser,
    personId: string,
    from: string,
    to: string,
  ): Promise<Violation[]> {
    const person = await this.people.findInOrganisation(user, personId);
    this.people.requireCanRead(user, person);
    if (to < from) {
      throw new UnprocessableEntityException({
        message: 'La fin de la période précède son début.',
        details: [{ field: 'to', message: 'doit suivre « from »' }],
      });
    }
    if (daysBetween(from, to) > 366) {
      throw new UnprocessableEntityException({
        message: 'Période trop longue : un an au plus.',
        details: [{ field: 'to', message: 'un an au plus' }],
      });
    }
    const [rotaPerson] = await this.rotaPeople(
      this.dataSource.manager,
      user,
      [personId],
      from,
      to,
      new Set(),
    );
    const items = rotaPerson.otherItems.map((item) => shiftToWorkItem({ ...item, personId }));
    return checkRotaPerson(
      rotaPerson,
      items,
      { from, to },
      {
        travelTimes: await this.travelTimes(this.dataSource.manager, user.organisationId),
      },
    );
  }

  // ---- internals ----

  async shiftsOfWeek(manager: EntityManager, siteId: string, week: string): Promise<ShiftEntity[]> {
    const bounds = weekBounds(week);
    return manager
      .getRepository(ShiftEntity)
      .createQueryBuilder('s')
      .where('s.site_id = :siteId', { siteId })
      .andWhere('s.start_at >= :from AND s.start_at < :to', {
        from: new Date(bounds.startMs),
        to: new Date(bounds.endMs),
      })
      .orderBy('s.start_at')
      .getMany();
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
    const siteWeek = await manager.getRepository(SiteWeekEntity).findOneBy({ siteId, week });
    const publication =
      siteWeek && siteWeek.version > 0
        ? await manager
            .getRepository(RotaPublicationEntity)
            .findOneBy({ siteWeekId: siteWeek.id, version: siteWeek.version })
        : null;
    if (user.role === 'mediator' && !isForPublication) {
      // Mediators only ever see what was published, never the manager's drafts.
      return { site, siteWeek, publication, shifts: publication?.shifts ?? [] };
    }
    const published = new Map((publication?.shifts ?? []).map((shift) => [shift.id, shift]));
    const entities = await this.shiftsOfWeek(manager, siteId, week);
    const shifts = entities.map((entity) => {
      const shift = toShift(entity, false);
      return { ...shift, isChangedSincePublication: differs(shift, published.get(shift.id)) };
    });
    return { site, siteWeek, publication, shifts };
  }

  /** The rules' view of one site-week (shifts as loaded, their people, requirements, changes). */
  async complianceInput(
    manager: EntityManager,
    user: AuthUser,
    loaded: Loaded,
    week: string,
  ): Promise<
    RotaComplianceInput & {
      people: RotaPerson[];
      requirements: CoverageRequirement[];
      settings: { travelTimes: RotaWeek['travelTimes'] };
    }
  > {
    const { site, shifts } = loaded;
    const bounds = weekBounds(week);
    const teamRows: { id: string }[] = await manager.query(
      `SELECT DISTINCT p.id FROM person p JOIN contract c ON c.person_id = p.id
       WHERE p.home_site_id = $1 AND c.start_date <= $3 AND (c.end_date IS NULL OR c.end_date >= $2)`,
      [site.id, bounds.from, bounds.to],
    );
    const personIds = [
      ...new Set([
        ...teamRows.map((row) => row.id),
        ...shifts.flatMap((shift) => (shift.personId ? [shift.personId] : [])),
      ]),
    ];
    const siteShiftIds = new Set(shifts.map((shift) => shift.id));
    const people = await this.rotaPeople(
      manager,
      user,
      personIds,
      addDays(bounds.from, -8),
      addDays(bounds.to, 8),
      siteShiftIds,
      bounds,
    );
    const travelTimes = await this.travelTimes(manager, user.organisationId);
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
    const changes = loaded.publication
      ? this.changesSince(loaded.publication.shifts, shifts)
      : undefined;
    const settings = { travelTimes };
    return {
      site: {
        id: site.id,
        isFranceServices: site.isFranceServices,
        openingHours: site.openingHours,
        locations: site.locations.map((location) => ({ id: location.id, kind: location.kind })),
      },
      week,
      shifts,
      people,
      requirements,
      changes,
      settings,
    };
  }

  private async build(
    manager: EntityManager,
    user: AuthUser,
    loaded: Loaded,
    week: string,
  ): Promise<RotaWeek> {
    const { site, siteWeek, publication, shifts } = loaded;
    const bounds = weekBounds(week);
    const input = await this.complianceInput(manager, user, loaded, week);
    const { people, requirements } = input;
    const travelTimes = input.settings.travelTimes;
    const siteShiftIds = new Set(shifts.map((shift) => shift.id));
    const years = [...new Set([bounds.from.slice(0, 4), bounds.to.slice(0, 4)])].map(Number);
    const holidays = years
      .flatMap((year) => frenchPublicHolidays(year).map((holiday) => holiday.date))
      .filter((date) => date >= bounds.from && date <= bounds.to);
    const published = new Map((publication?.shifts ?? []).map((shift) => [shift.id, shift]));
    const deleted = [...published.keys()].filter((id) => !siteShiftIds.has(id)).length;
    return {
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
      holidays,
      travelTimes,
    };
  }

  /** Changes to a published week, per person, as the notice rules (L3123-31, L3123-10) read them. */
  private changesSince(published: Shift[], current: Shift[]): Record<string, ScheduleChange[]> {
    const before = new Map(published.map((shift) => [shift.id, shift]));
    const now = Date.now();
    const byPerson: Record<string, ScheduleChange[]> = {};
    for (const shift of current) {
      const old = before.get(shift.id);
      if (!shift.personId || !differsInSchedule(shift, old)) continue;
      const days = [
        civilDate(shift.start, TIME_ZONE),
        ...(old ? [civilDate(old.start, TIME_ZONE)] : []),
      ].sort();
      const minutes =
        (new Date(shift.end).getTime() - new Date(shift.start).getTime()) / 60_000 -
        shift.breakMinutes;
      const oldMinutes =
        old && old.personId === shift.personId
          ? (new Date(old.end).getTime() - new Date(old.start).getTime()) / 60_000 -
            old.breakMinutes
          : 0;
      (byPerson[shift.personId] ??= []).push({
        publishedAt: now,
        firstAffectedDay: days[0],
        shiftIds: [shift.id],
        addedMinutes: minutes - oldMinutes,
      });
    }
    return byPerson;
  }

  /** The organisation's travel times (never another's locations). */
  private async travelTimes(
    manager: EntityManager,
    organisationId: string,
  ): Promise<RotaWeek['travelTimes']> {
    const rows = await manager
      .getRepository(TravelTimeEntity)
      .createQueryBuilder('t')
      .innerJoin('t.from', 'l')
      .where('l.organisation_id = :organisationId', { organisationId })
      .getMany();
    return rows.map((row) => ({
      fromLocationId: row.fromLocationId,
      toLocationId: row.toLocationId,
      minutes: row.minutes,
    }));
  }

  private async rotaPeople(
    manager: EntityManager,
    user: AuthUser,
    personIds: string[],
    from: string,
    to: string,
    excludeShiftIds: Set<string>,
    week?: WeekBounds,
  ): Promise<RotaPerson[]> {
    if (personIds.length === 0) return [];
    const fromMs = zonedInstant(from, '00:00', TIME_ZONE);
    const toMs = zonedInstant(addDays(to, 1), '00:00', TIME_ZONE);
    const [persons, contracts, absences, unavailabilities, skills, items] = await Promise.all([
      manager
        .getRepository(PersonEntity)
        .findBy({ id: In(personIds), organisationId: user.organisationId }),
      manager
        .getRepository(ContractEntity)
        .find({ where: { personId: In(personIds) }, order: { startDate: 'ASC' } }),
      manager
        .getRepository(AbsenceEntity)
        .createQueryBuilder('a')
        .where('a.person_id IN (:...ids)', { ids: personIds })
        .andWhere('a.start_date <= :to AND a.end_date >= :from', { from, to })
        .getMany(),
      manager
        .getRepository(UnavailabilityEntity)
        .createQueryBuilder('u')
        .where('u.person_id IN (:...ids)', { ids: personIds })
        .andWhere('u.from_date <= :to AND (u.until_date IS NULL OR u.until_date >= :from)', {
          from,
          to,
        })
        .getMany(),
      manager.getRepository(PersonSkillEntity).findBy({ personId: In(personIds) }),
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
        .getMany(),
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
        const canSeeKinds = this.people.canRead(user, person) && user.role !== 'mediator';
        const ownItems = items.filter((item) => item.personId === person.id);
        const plannedMinutes = week
          ? ownItems
              .filter(
                (item) =>
                  item.startAt.getTime() >= week.startMs && item.startAt.getTime() < week.endMs,
              )
              .reduce(
                (sum, item) =>
                  sum +
                  (item.endAt.getTime() - item.startAt.getTime()) / 60_000 -
                  item.breakMinutes,
                0,
              )
          : 0;
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
          contracts: own.map((contract) => ({
            type: contract.type,
            start: contract.startDate,
            end: contract.endDate,
            weeklyHours: contract.weeklyHours,
          })),
          plannedMinutes,
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
            ),
          ],
          skills: skills
            .filter((skill) => skill.personId === person.id)
            .map((skill) => ({
              skill: skill.skill,
              acquiredOn: skill.acquiredOn,
              expiresOn: skill.expiresOn,
            })),
          otherItems: ownItems
            .filter((item) => !excludeShiftIds.has(item.id))
            .map((item) => ({
              id: item.id,
              start: toZonedIso(item.startAt),
              end: toZonedIso(item.endAt),
              breakMinutes: item.breakMinutes,
              locationId: item.locationId,
              activity: item.activity,
            })),
        };
      })
      .sort(
        (a, b) =>
          a.lastName.localeCompare(b.lastName, 'fr') ||
          a.firstName.localeCompare(b.firstName, 'fr'),
      );
  }

  /** Weekly unavailabilities become dated periods the rules treat like absences. */
  private expandUnavailabilities(
    rows: UnavailabilityEntity[],
    from: string,
    to: string,
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
          start: toZonedIso(zonedInstant(date, row.startTime, TIME_ZONE)),
          end: toZonedIso(zonedInstant(date, row.endTime, TIME_ZONE)),
          kind: 'unavailability',
        });
      }
    }
    return result;
  }

  private moveWallClock(date: Date, days: number): number {
    const day = civilDate(date.getTime(), TIME_ZONE);
    const time = toZonedIso(date).slice(11, 16);
    return zonedInstant(addDays(day, days), time, TIME_ZONE);
  }

  private async isFree(
    manager: EntityManager,
    personId: string,
    startAt: Date,
    endAt: Date,
  ): Promise<boolean> {
    const [overlap] = await manager.query(
      `SELECT 1 FROM shift WHERE person_id = $1 AND tstzrange(start_at, end_at) && tstzrange($2::timestamptz, $3::timestamptz) LIMIT 1`,
      [personId, startAt, endAt],
    );
    if (overlap) return false;
    const day = civilDate(startAt.getTime(), TIME_ZONE);
    const [absent] = await manager.query(
      `SELECT 1 FROM absence WHERE person_id = $1 AND start_date <= $2 AND end_date >= $2 LIMIT 1`,
      [personId, day],
    );
    const [contract] = await manager.query(
      `SELECT 1 FROM contract WHERE person_id = $1 AND start_date <= $2 AND (end_date IS NULL OR end_date >= $2) LIMIT 1`,
      [personId, day],
    );
    return !absent && !!contract;
  }
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
