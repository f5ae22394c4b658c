import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ShiftResult } from '@relais/api-types';
import {
  civilDate,
  formatDayLabel,
  formatTime,
  isoWeekOfInstant,
  makeViolation,
} from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { isExclusionViolation } from '../../common/database-errors';
import { refuse } from '../../common/refuse';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { LocationEntity } from '../organisation/location.entity';
import { PersonEntity } from '../people/person.entity';
import { isLentTo } from '../people/site-loans.service';
import { CreateShiftDto, UpdateShiftDto } from './dto/rota.dto';
import { RotaReadCache, ShiftWrite } from './rota-read-cache';
import { auditSnapshot, toShift } from './rota.mapper';
import { RotaService } from './rota.service';
import { ShiftEntity } from './shift.entity';
import { SiteWeekLoader } from './site-week/site-week.loader';

const MAX_SHIFT_MS = 24 * 3_600_000;

export interface ShiftFields {
  personId: string | null;
  locationId: string;
  activity: ShiftEntity['activity'];
  startAt: Date;
  endAt: Date;
  breakMinutes: number;
  note: string | null;
}

@Injectable()
export class ShiftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly rota: RotaService,
    private readonly loader: SiteWeekLoader,
    private readonly cache: RotaReadCache,
  ) {}

  async create(user: AuthUser, dto: CreateShiftDto): Promise<ShiftResult> {
    const fields: ShiftFields = {
      personId: dto.personId ?? null,
      locationId: dto.locationId,
      activity: dto.activity,
      startAt: new Date(dto.start),
      endAt: new Date(dto.end),
      breakMinutes: dto.breakMinutes,
      note: dto.note ?? null,
    };
    const { shift: saved, version } = await this.guardOverlap(user, fields, null, () =>
      this.dataSource.transaction(async (manager) => {
        const location = await this.checkFields(manager, user, fields);
        const week = isoWeekOfInstant(fields.startAt.getTime(), user.timeZone);
        await this.loader.lockSiteWeek(manager, user.organisationId, location.siteId, week);
        const shift = await manager.save(
          manager.create(ShiftEntity, {
            ...fields,
            organisationId: user.organisationId,
            siteId: location.siteId,
            version: 1,
          }),
        );
        await this.audit.record(manager, user, {
          action: 'shift.create',
          entity: 'shift',
          entityId: shift.id,
          details: { siteId: shift.siteId, week, after: auditSnapshot(shift) },
        });
        return { shift, version: await this.writtenVersion(manager, user) };
      }),
    );
    this.recordWrite(user, version, [saved.personId], [saved]);
    return this.result(user, saved);
  }

  async update(user: AuthUser, id: string, dto: UpdateShiftDto): Promise<ShiftResult> {
    const current = await this.find(user, id);
    this.access.requireSite(user, current.siteId, 'write');
    refuseTrainingItem(current);
    const fields: ShiftFields = {
      personId: dto.personId === undefined ? current.personId : dto.personId,
      locationId: dto.locationId ?? current.locationId,
      activity: dto.activity ?? current.activity,
      startAt: dto.start ? new Date(dto.start) : current.startAt,
      endAt: dto.end ? new Date(dto.end) : current.endAt,
      breakMinutes: dto.breakMinutes ?? current.breakMinutes,
      note: dto.note === undefined ? current.note : dto.note,
    };
    const { shift: saved, version } = await this.guardOverlap(user, fields, id, () =>
      this.dataSource.transaction(async (manager) => {
        const location = await this.checkFields(manager, user, fields, current);
        const oldWeek = isoWeekOfInstant(current.startAt.getTime(), user.timeZone);
        const week = isoWeekOfInstant(fields.startAt.getTime(), user.timeZone);
        await this.loader.lockSiteWeek(manager, user.organisationId, current.siteId, oldWeek);
        if (location.siteId !== current.siteId || week !== oldWeek) {
          await this.loader.lockSiteWeek(manager, user.organisationId, location.siteId, week);
        }
        // Optimistic concurrency: only the version that was read may be overwritten.
        const result = await manager
          .createQueryBuilder()
          .update(ShiftEntity)
          .set({ ...fields, siteId: location.siteId, version: () => 'version + 1' })
          .where('id = :id AND version = :version', { id, version: dto.version })
          .execute();
        if (result.affected !== 1) throw await this.staleConflict(manager, id, user.timeZone);
        const shift = await manager.findOneByOrFail(ShiftEntity, { id });
        await this.audit.record(manager, user, {
          action: 'shift.update',
          entity: 'shift',
          entityId: id,
          details: {
            siteId: shift.siteId,
            week,
            before: auditSnapshot(current),
            after: auditSnapshot(shift),
          },
        });
        if (oldWeek !== week || location.siteId !== current.siteId) {
          await this.audit.record(manager, user, {
            action: 'shift.move_out',
            entity: 'shift',
            entityId: id,
            details: {
              siteId: current.siteId,
              week: oldWeek,
              before: auditSnapshot(current),
              after: auditSnapshot(shift),
            },
          });
        }
        return { shift, version: await this.writtenVersion(manager, user) };
      }),
    );
    this.recordWrite(user, version, [current.personId, saved.personId], [current, saved]);
    return this.result(user, saved);
  }

  async remove(user: AuthUser, id: string, version: number): Promise<void> {
    const current = await this.find(user, id);
    this.access.requireSite(user, current.siteId, 'write');
    refuseTrainingItem(current);
    const written = await this.dataSource.transaction(async (manager) => {
      const week = isoWeekOfInstant(current.startAt.getTime(), user.timeZone);
      await this.loader.lockSiteWeek(manager, user.organisationId, current.siteId, week);
      const result = await manager
        .createQueryBuilder()
        .delete()
        .from(ShiftEntity)
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (result.affected !== 1) throw await this.staleConflict(manager, id, user.timeZone);
      await this.audit.record(manager, user, {
        action: 'shift.delete',
        entity: 'shift',
        entityId: id,
        details: { siteId: current.siteId, week, before: auditSnapshot(current) },
      });
      return this.writtenVersion(manager, user);
    });
    this.recordWrite(user, written, [current.personId], [current]);
  }

  /**
   * The organisation's data version this transaction raises, read as its last step: the deferred
   * trigger is fired now instead of at the commit, which takes the counter's row lock (held to
   * the commit, as it would be from the commit on). Undefined should the counter not be this
   * transaction's (a write that raised nothing).
   */
  private async writtenVersion(
    manager: EntityManager,
    user: AuthUser,
  ): Promise<string | undefined> {
    await manager.query('SET CONSTRAINTS ALL IMMEDIATE');
    const [row]: { version: string; mine: boolean }[] = await manager.query(
      `SELECT version, last_xid = pg_current_xact_id() AS mine
         FROM organisation_data_version WHERE organisation_id = $1`,
      [user.organisationId],
    );
    return row?.mine ? row.version : undefined;
  }

  /**
   * Tells the rota cache what a committed shift write touched, so that the weeks computed before
   * it are patched rather than computed whole (see RotaReadCache, RotaService.patch).
   */
  private recordWrite(
    user: AuthUser,
    version: string | undefined,
    personIds: (string | null)[],
    shifts: ShiftEntity[],
  ): void {
    if (version === undefined) return;
    const write: ShiftWrite = {
      shiftIds: [...new Set(shifts.map((shift) => shift.id))],
      personIds: [...new Set(personIds.filter((id): id is string => id !== null))],
      shifts: shifts.map((shift) => ({ siteId: shift.siteId, startMs: shift.startAt.getTime() })),
    };
    this.cache.recordShiftWrite(user.organisationId, version, write);
  }

  private async find(user: AuthUser, id: string): Promise<ShiftEntity> {
    const shift = await this.dataSource
      .getRepository(ShiftEntity)
      .findOneBy({ id, organisationId: user.organisationId });
    if (!shift) throw new NotFoundException('Créneau introuvable.');
    return shift;
  }

  /** Checks times, location and person; returns the location (whose site receives the shift). */
  async checkFields(
    manager: EntityManager,
    user: AuthUser,
    fields: ShiftFields,
    current?: ShiftEntity,
  ): Promise<LocationEntity> {
    if (fields.endAt.getTime() <= fields.startAt.getTime())
      refuse('La fin du créneau doit suivre son début.', 'end', 'doit suivre le début');
    if (fields.endAt.getTime() - fields.startAt.getTime() > MAX_SHIFT_MS)
      refuse('Un créneau dure 24 h au plus.', 'end', '24 h au plus après le début');
    if (fields.breakMinutes * 60_000 >= fields.endAt.getTime() - fields.startAt.getTime()) {
      refuse(
        'La pause doit être plus courte que le créneau.',
        'breakMinutes',
        'plus longue que le créneau',
      );
    }
    const location = await manager.findOneBy(LocationEntity, {
      id: fields.locationId,
      organisationId: user.organisationId,
    });
    if (!location) refuse('Lieu inconnu.', 'locationId', 'lieu inconnu');
    this.access.requireSite(user, location.siteId, 'write');
    if (fields.personId) {
      const person = await manager.findOneBy(PersonEntity, {
        id: fields.personId,
        organisationId: user.organisationId,
      });
      if (!person) refuse('Personne inconnue.', 'personId', 'personne inconnue');
      const day = civilDate(fields.startAt.getTime(), user.timeZone);
      const isUnchanged =
        current?.personId === person.id &&
        current.siteId === location.siteId &&
        civilDate(current.startAt.getTime(), user.timeZone) === day;
      // Staffed at her own site, by someone who runs her own site, or lent to this one.
      if (
        !isUnchanged &&
        person.homeSiteId !== location.siteId &&
        !(person.homeSiteId && this.access.canAccessSite(user, person.homeSiteId, 'write')) &&
        !(await isLentTo(manager, person.id, location.siteId, day))
      ) {
        refuse(
          `${person.firstName} ${person.lastName} ne fait pas partie de l’équipe de ce site le ${formatDayLabel(day)} : RH ou la personne responsable de son site doit d’abord l’y prêter.`,
          'personId',
          'ni de ce site ni prêtée à ce site ce jour-là',
        );
      }
    }
    return location;
  }

  /** Turns the database's overlap refusal into a 409 naming the other work item. */
  private async guardOverlap<T>(
    user: AuthUser,
    fields: ShiftFields,
    selfId: string | null,
    run: () => Promise<T>,
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!isExclusionViolation(error) || !fields.personId) throw error;
      const [other] = await this.dataSource.query(
        `SELECT s.start_at, s.end_at, s.activity, s.site_id, l.name FROM shift s JOIN location l ON l.id = s.location_id
         WHERE s.person_id = $1 AND tstzrange(s.start_at, s.end_at) && tstzrange($2::timestamptz, $3::timestamptz) AND ($4::uuid IS NULL OR s.id <> $4)
         LIMIT 1`,
        [fields.personId, fields.startAt, fields.endAt, selfId],
      );
      if (other && !this.access.canAccessSite(user, other.site_id, 'read')) {
        // Another site's rota stays its own: only what explains the refusal.
        throw overlapRefusal(
          `Chevauchement refusé : cette personne est déjà planifiée sur un autre site le ${formatDayLabel(civilDate(other.start_at.getTime(), user.timeZone))} de ${formatTime(other.start_at.getTime(), user.timeZone)} à ${formatTime(other.end_at.getTime(), user.timeZone)}.`,
          fields.personId,
        );
      }
      const detail = other
        ? ` le créneau ${other.activity} du ${formatDayLabel(civilDate(other.start_at.getTime(), user.timeZone))} ${formatTime(other.start_at.getTime(), user.timeZone)}–${formatTime(other.end_at.getTime(), user.timeZone)} (${other.name})`
        : ' un autre créneau';
      throw overlapRefusal(
        `Chevauchement refusé : cette personne a déjà${detail}.`,
        fields.personId,
      );
    }
  }

  private async staleConflict(
    manager: EntityManager,
    id: string,
    timeZone: string,
  ): Promise<ConflictException> {
    const [last] = await manager.query(
      `SELECT e.at, p.first_name, p.last_name FROM audit_event e LEFT JOIN account a ON a.id = e.account_id LEFT JOIN person p ON p.id = a.person_id
       WHERE e.entity = 'shift' AND e.entity_id = $1 ORDER BY e.id DESC LIMIT 1`,
      [id],
    );
    const who = last?.first_name
      ? ` par ${last.first_name} ${last.last_name} à ${formatTime(last.at.getTime(), timeZone)}`
      : '';
    const exists = await manager.existsBy(ShiftEntity, { id });
    return new ConflictException(
      exists
        ? `Ce créneau a été modifié${who} depuis votre lecture : rechargez la semaine, rien n’a été écrasé.`
        : `Ce créneau a été supprimé${who} : rechargez la semaine.`,
    );
  }

  private async result(user: AuthUser, shift: ShiftEntity): Promise<ShiftResult> {
    const week = isoWeekOfInstant(shift.startAt.getTime(), user.timeZone);
    const rota = await this.rota.plannerRota(user, shift.siteId, week);
    const own = rota.shifts.find((candidate) => candidate.id === shift.id) ?? toShift(shift, true);
    return {
      shift: own,
      violations: rota.violations.filter((violation) => violation.shiftIds.includes(shift.id)),
    };
  }
}

/** A training session's work item is changed through its enrolment, never as a shift. */
function refuseTrainingItem(shift: ShiftEntity): void {
  if (shift.trainingSessionId)
    throw new ConflictException(
      'Ce créneau est une session de formation : modifiez ou retirez l’inscription depuis Formation.',
    );
}

/** The 409 of an overlap, with the OVERLAP violation the browser's live check also shows. */
function overlapRefusal(message: string, personId: string): ConflictException {
  return new ConflictException({
    message,
    violations: [makeViolation('OVERLAP', message, { personId })],
  });
}
