import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ActivityCode,
  BulkAddedShift,
  BulkShift,
  BulkSkippedShift,
  CopyWeekResult,
} from '@relais/api-types';
import {
  addDays,
  civilDate,
  closedDayOf,
  daysBetween,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import { DataSource, EntityManager, In } from 'typeorm';
import { toZonedIso } from '../../common/instant';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { readOrganisationSettings } from '../organisation/organisation-settings.service';
import { SiteEntity } from '../organisation/site.entity';
import { PersonEntity } from '../people/person.entity';
import { BatchEntry } from './rota-batch.entity';
import { moveWallClock, RotaBatchService } from './rota-batch.service';
import { auditSnapshot } from './rota.mapper';
import { RotaService } from './rota.service';
import { ShiftEntity } from './shift.entity';
import { SiteWeekLoader } from './site-week/site-week.loader';

/** A shift a bulk action means to add, before the checks. */
interface Wanted {
  personId: string | null;
  locationId: string;
  activity: ActivityCode;
  startAt: Date;
  endAt: Date;
  breakMinutes: number;
  note: string | null;
  /** Audit details telling where it comes from. */
  origin: Record<string, unknown>;
}

/** What a bulk action will do: the shifts it adds (some left open, with why) and those it skips. */
interface Plan {
  add: (Wanted & { unassigned: string | null })[];
  skipped: BulkSkippedShift[];
}

/**
 * Filling a week at once: a copy of another week, or the site's templates. Both show what they
 * would do first (`dryRun`), skip closed days and what the week already holds (so a second click
 * adds nothing), and are kept as one batch to undo as one step.
 */
@Injectable()
export class WeekFillService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly loader: SiteWeekLoader,
    private readonly rota: RotaService,
    private readonly batches: RotaBatchService,
  ) {}

  /** Copies a week's shifts onto another week, same weekdays and wall-clock times (DST-safe). */
  async copy(
    user: AuthUser,
    siteId: string,
    fromWeek: string,
    toWeek: string,
    withPeople: boolean,
    dryRun = false,
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
      const source = await this.loader.shiftsOfWeek(manager, siteId, fromWeek, user.timeZone);
      // A training session's item belongs to its session: it is never copied as a shift.
      const wanted: Wanted[] = source
        .filter((item) => !item.trainingSessionId)
        .map((shift) => ({
          personId: withPeople ? shift.personId : null,
          locationId: shift.locationId,
          activity: shift.activity,
          startAt: new Date(moveWallClock(shift.startAt, offsetDays, user.timeZone)),
          endAt: new Date(moveWallClock(shift.endAt, offsetDays, user.timeZone)),
          breakMinutes: shift.breakMinutes,
          note: shift.note,
          origin: { copiedFrom: shift.id, fromWeek },
        }));
      const plan = await this.plan(manager, user, siteId, toWeek, wanted);
      const week = Number(fromWeek.slice(6));
      return this.apply(
        manager,
        user,
        siteId,
        toWeek,
        plan,
        dryRun,
        'copy',
        `Copie de la semaine ${week}`,
      );
    });
  }

  /** Adds the site's templates to a week as open shifts ("à pourvoir"). */
  async applyTemplates(
    user: AuthUser,
    siteId: string,
    week: string,
    dryRun = false,
  ): Promise<CopyWeekResult> {
    this.access.requireSite(user, siteId, 'write');
    const templates = await this.rota.templates(user, siteId);
    const { from } = windowOfIsoWeek(week);
    return this.dataSource.transaction(async (manager) => {
      await this.loader.lockSiteWeek(manager, user.organisationId, siteId, week);
      const wanted: Wanted[] = templates.flatMap((template) =>
        template.weekdays.map((weekday) => {
          const date = addDays(from, weekday - 1);
          return {
            personId: null,
            locationId: template.locationId,
            activity: template.activity,
            startAt: new Date(zonedInstant(date, template.startTime, user.timeZone)),
            endAt: new Date(zonedInstant(date, template.endTime, user.timeZone)),
            breakMinutes: template.breakMinutes,
            note: template.label,
            origin: { template: template.code },
          };
        }),
      );
      const plan = await this.plan(manager, user, siteId, week, wanted);
      return this.apply(
        manager,
        user,
        siteId,
        week,
        plan,
        dryRun,
        'templates',
        'Modèles appliqués',
      );
    });
  }

  /**
   * Sorts the wanted shifts: skipped on a closed day or when an identical shift is already in the
   * week (each existing shift answers for one wanted shift only), left open when the person is
   * absent, out of contract, busy at those times or no longer of the team.
   */
  private async plan(
    manager: EntityManager,
    user: AuthUser,
    siteId: string,
    week: string,
    wanted: Wanted[],
  ): Promise<Plan> {
    const site = await manager.findOneBy(SiteEntity, {
      id: siteId,
      organisationId: user.organisationId,
    });
    if (!site) throw new NotFoundException('Site introuvable.');
    const settings = await readOrganisationSettings(manager, user.organisationId);
    const existing = await this.loader.shiftsOfWeek(manager, siteId, week, user.timeZone);
    const present = new Map<string, number>();
    for (const shift of existing) present.set(keyOf(shift), (present.get(keyOf(shift)) ?? 0) + 1);
    const takeExisting = (shift: Wanted): boolean => {
      const count = present.get(keyOf(shift)) ?? 0;
      if (count === 0) return false;
      present.set(keyOf(shift), count - 1);
      return true;
    };
    const names = await this.names(manager, user, wanted);
    const planned = new Map<string, { start: number; end: number }[]>();
    const plan: Plan = { add: [], skipped: [] };
    for (const shift of wanted) {
      const day = civilDate(shift.startAt.getTime(), user.timeZone);
      const closed = closedDayOf(day, site.openingHours, settings);
      if (closed) {
        plan.skipped.push(this.skip(shift, names, closed.reason, closed.label, user.timeZone));
        continue;
      }
      if (takeExisting(shift)) {
        plan.skipped.push(
          this.skip(shift, names, 'duplicate', 'déjà dans la semaine', user.timeZone),
        );
        continue;
      }
      let unassigned: string | null = null;
      if (shift.personId) {
        const why = await this.unavailable(manager, user, shift.personId, siteId, shift, planned);
        if (why) {
          unassigned = `${names.get(shift.personId) ?? 'La personne'} ${why}`;
          const open = { ...shift, personId: null };
          if (takeExisting(open)) {
            plan.skipped.push(
              this.skip(
                open,
                names,
                'duplicate',
                'déjà dans la semaine (à pourvoir)',
                user.timeZone,
              ),
            );
            continue;
          }
          plan.add.push({ ...open, unassigned });
          continue;
        }
        const list = planned.get(shift.personId) ?? [];
        list.push({ start: shift.startAt.getTime(), end: shift.endAt.getTime() });
        planned.set(shift.personId, list);
      }
      plan.add.push({ ...shift, unassigned });
    }
    return plan;
  }

  /** Writes the plan as one batch (or only answers with it, for a preview). */
  private async apply(
    manager: EntityManager,
    user: AuthUser,
    siteId: string,
    week: string,
    plan: Plan,
    dryRun: boolean,
    kind: 'copy' | 'templates',
    label: string,
  ): Promise<CopyWeekResult> {
    const names = await this.names(manager, user, plan.add);
    const added: BulkAddedShift[] = plan.add.map((shift) => ({
      ...this.bulkShift(shift, names, user.timeZone),
      unassigned: shift.unassigned,
    }));
    const madeOpen = plan.add.filter((shift) => shift.unassigned).length;
    const answer = {
      created: added.length,
      madeOpen: kind === 'templates' ? added.length : madeOpen,
      added,
      skipped: plan.skipped,
    };
    if (dryRun) return { ...answer, batchId: null };
    const entries: BatchEntry[] = [];
    for (const shift of plan.add) {
      const saved = await manager.save(
        manager.create(ShiftEntity, {
          organisationId: user.organisationId,
          siteId,
          personId: shift.personId,
          locationId: shift.locationId,
          activity: shift.activity,
          startAt: shift.startAt,
          endAt: shift.endAt,
          breakMinutes: shift.breakMinutes,
          note: shift.note,
          version: 1,
        }),
      );
      entries.push({ shiftId: saved.id, op: 'create', before: null, version: 1 });
      await this.audit.record(manager, user, {
        action: 'shift.create',
        entity: 'shift',
        entityId: saved.id,
        details: { siteId, week, ...shift.origin, after: auditSnapshot(saved) },
      });
    }
    const count = entries.length;
    const batchId = await this.batches.record(
      manager,
      user,
      siteId,
      week,
      kind,
      `${label} (${count} ${count === 1 ? 'créneau' : 'créneaux'})`,
      entries,
    );
    return { ...answer, batchId };
  }

  private skip(
    shift: Wanted,
    names: Map<string, string>,
    reason: BulkSkippedShift['reason'],
    why: string,
    timeZone: string,
  ): BulkSkippedShift {
    return { ...this.bulkShift(shift, names, timeZone), reason, why };
  }

  private bulkShift(shift: Wanted, names: Map<string, string>, timeZone: string): BulkShift {
    return {
      personId: shift.personId,
      personName: shift.personId ? (names.get(shift.personId) ?? null) : null,
      locationId: shift.locationId,
      activity: shift.activity,
      start: toZonedIso(shift.startAt, timeZone),
      end: toZonedIso(shift.endAt, timeZone),
      breakMinutes: shift.breakMinutes,
      note: shift.note,
    };
  }

  private async names(
    manager: EntityManager,
    user: AuthUser,
    shifts: { personId: string | null }[],
  ): Promise<Map<string, string>> {
    const ids = [...new Set(shifts.flatMap((shift) => (shift.personId ? [shift.personId] : [])))];
    if (ids.length === 0) return new Map();
    const people = await manager.findBy(PersonEntity, {
      id: In(ids),
      organisationId: user.organisationId,
    });
    return new Map(people.map((person) => [person.id, `${person.firstName} ${person.lastName}`]));
  }

  /**
   * Why a copied shift cannot keep its person (words following her name), or null: busy at those
   * times (here or elsewhere, this batch included), absent, out of contract, or not staffable here.
   */
  private async unavailable(
    manager: EntityManager,
    user: AuthUser,
    personId: string,
    siteId: string,
    shift: Wanted,
    planned: Map<string, { start: number; end: number }[]>,
  ): Promise<string | null> {
    const { startAt, endAt } = shift;
    const day = civilDate(startAt.getTime(), user.timeZone);
    const [absent] = await manager.query(
      `SELECT 1 FROM absence WHERE person_id = $1 AND start_date <= $2 AND end_date >= $2 LIMIT 1`,
      [personId, day],
    );
    if (absent) return 'a une absence ou un congé ce jour-là';
    const [contract] = await manager.query(
      `SELECT 1 FROM contract WHERE person_id = $1 AND start_date <= $2 AND (end_date IS NULL OR end_date >= $2) LIMIT 1`,
      [personId, day],
    );
    if (!contract) return 'n’est pas sous contrat ce jour-là';
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
    if (!isStaffable) return 'ne fait plus partie de l’équipe de ce site ce jour-là';
    const [overlap] = await manager.query(
      `SELECT 1 FROM shift WHERE person_id = $1 AND tstzrange(start_at, end_at) && tstzrange($2::timestamptz, $3::timestamptz) LIMIT 1`,
      [personId, startAt, endAt],
    );
    const clashes = (planned.get(personId) ?? []).some(
      (range) => range.start < endAt.getTime() && startAt.getTime() < range.end,
    );
    if (overlap || clashes) return 'a déjà un créneau à ces heures';
    return null;
  }
}

/** Two shifts are the same when everything but their note and id is. */
function keyOf(shift: {
  personId: string | null;
  locationId: string;
  activity: string;
  startAt: Date;
  endAt: Date;
  breakMinutes: number;
}): string {
  return [
    shift.personId ?? 'open',
    shift.locationId,
    shift.activity,
    shift.startAt.getTime(),
    shift.endAt.getTime(),
    shift.breakMinutes,
  ].join('|');
}
