import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  BatchResult,
  BulkDeleteRequest,
  BulkMoveRequest,
  RotaBatch,
  RotaBatchKind,
} from '@relais/api-types';
import {
  addDays,
  civilDate,
  formatDayLabel,
  formatTime,
  isoWeekOfInstant,
  zonedInstant,
} from '@relais/rules';
import { DataSource, EntityManager, In } from 'typeorm';
import { isExclusionViolation } from '../../common/database-errors';
import { toZonedIso } from '../../common/instant';
import { refuse } from '../../common/refuse';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { PersonEntity } from '../people/person.entity';
import { BatchEntry, BatchShiftSnapshot, RotaBatchEntity } from './rota-batch.entity';
import { auditSnapshot } from './rota.mapper';
import { ShiftEntity } from './shift.entity';
import { ShiftsService } from './shifts.service';
import { SiteWeekLoader } from './site-week/site-week.loader';

/** At most this many shifts in one bulk delete or move. */
const MAX_BULK = 500;

/**
 * Shift changes made as one step and undone as one step from the server (so an undo survives a
 * reload): copied weeks, templates, bulk delete and move, one-click fixes.
 */
@Injectable()
export class RotaBatchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly loader: SiteWeekLoader,
    private readonly shifts: ShiftsService,
  ) {}

  /** Keeps a batch inside the caller's transaction; returns its id (null when it changed nothing). */
  async record(
    manager: EntityManager,
    user: AuthUser,
    siteId: string,
    week: string,
    kind: RotaBatchKind,
    label: string,
    entries: BatchEntry[],
  ): Promise<string | null> {
    if (entries.length === 0) return null;
    const saved = await manager.save(
      manager.create(RotaBatchEntity, {
        organisationId: user.organisationId,
        siteId,
        week,
        kind,
        label,
        accountId: user.accountId,
        entries,
        undoneAt: null,
      }),
    );
    return saved.id;
  }

  /** The caller's last batch of a site-week that is not undone yet, or null. */
  async last(user: AuthUser, siteId: string, week: string): Promise<RotaBatch | null> {
    this.access.requireSite(user, siteId, 'write');
    const row = await this.dataSource.getRepository(RotaBatchEntity).findOne({
      where: {
        organisationId: user.organisationId,
        siteId,
        week,
        accountId: user.accountId,
      },
      order: { createdAt: 'DESC' },
    });
    if (!row || row.undoneAt) return null;
    return {
      id: row.id,
      kind: row.kind,
      label: row.label,
      shiftCount: row.entries.length,
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** Undoes a batch as one step; refused (409, in words) when one of its shifts was edited since. */
  async undo(user: AuthUser, batchId: string): Promise<BatchResult> {
    const batch = await this.dataSource
      .getRepository(RotaBatchEntity)
      .findOneBy({ id: batchId, organisationId: user.organisationId });
    if (!batch) throw new NotFoundException('Action introuvable : rien à annuler.');
    this.access.requireSite(user, batch.siteId, 'write');
    return this.dataSource.transaction(async (manager) => {
      await this.loader.lockSiteWeek(manager, user.organisationId, batch.siteId, batch.week);
      const locked = await manager
        .getRepository(RotaBatchEntity)
        .createQueryBuilder('b')
        .setLock('pessimistic_write')
        .where('b.id = :id', { id: batchId })
        .getOneOrFail();
      if (locked.undoneAt) throw new ConflictException('Cette action a déjà été annulée.');
      const ids = locked.entries.map((entry) => entry.shiftId);
      const current = new Map(
        (await manager.findBy(ShiftEntity, { id: In(ids) })).map((shift) => [shift.id, shift]),
      );
      // Nothing is undone when anything of the batch changed since: the manager's later work stands.
      for (const entry of locked.entries) {
        const shift = current.get(entry.shiftId);
        const isIntact =
          entry.op === 'delete' ? !shift : !!shift && shift.version === entry.version;
        if (!isIntact) {
          throw new ConflictException(
            `Annulation refusée : ${await this.describe(manager, user, shift, entry.before)} a été ${shift ? 'modifié' : 'supprimé'} depuis « ${locked.label} ». Rien n’a été annulé ; défaites ce créneau à la main.`,
          );
        }
      }
      try {
        for (const entry of [...locked.entries].reverse()) {
          if (entry.op === 'create') {
            await manager.delete(ShiftEntity, { id: entry.shiftId });
          } else if (entry.op === 'update' && entry.before) {
            await manager.update(
              ShiftEntity,
              { id: entry.shiftId },
              { ...fieldsOf(entry.before), version: () => 'version + 1' },
            );
          } else if (entry.op === 'delete' && entry.before) {
            await manager.insert(ShiftEntity, {
              id: entry.shiftId,
              organisationId: user.organisationId,
              ...fieldsOf(entry.before),
              version: 1,
            });
          }
        }
      } catch (error) {
        if (!isExclusionViolation(error)) throw error;
        throw new ConflictException(
          'Annulation refusée : une personne aurait deux créneaux qui se chevauchent. Rien n’a été annulé.',
        );
      }
      await manager.update(RotaBatchEntity, { id: batchId }, { undoneAt: new Date() });
      await this.audit.record(manager, user, {
        action: 'rota.batch_undo',
        entity: 'rota_batch',
        entityId: batchId,
        details: {
          siteId: locked.siteId,
          week: locked.week,
          label: locked.label,
          kind: locked.kind,
          shifts: ids.length,
        },
      });
      return { batchId, shiftCount: ids.length };
    });
  }

  /** Deletes the selected shifts in one transaction, undone as one step. */
  async bulkDelete(user: AuthUser, body: BulkDeleteRequest): Promise<BatchResult> {
    const { shifts, siteId, week } = await this.selection(user, body.shifts);
    return this.dataSource.transaction(async (manager) => {
      await this.loader.lockSiteWeek(manager, user.organisationId, siteId, week);
      const entries: BatchEntry[] = [];
      for (const shift of shifts) {
        const version = body.shifts.find((item) => item.id === shift.id)?.version;
        const result = await manager.delete(ShiftEntity, { id: shift.id, version });
        if (result.affected !== 1) throw this.stale(shift, user.timeZone);
        entries.push({ shiftId: shift.id, op: 'delete', before: snapshotOf(shift), version: null });
        await this.audit.record(manager, user, {
          action: 'shift.delete',
          entity: 'shift',
          entityId: shift.id,
          details: { siteId, week, before: auditSnapshot(shift), bulk: true },
        });
      }
      const label = `Suppression de ${plural(entries.length, 'créneau', 'créneaux')}`;
      const batchId = await this.record(manager, user, siteId, week, 'bulk_delete', label, entries);
      return { batchId, shiftCount: entries.length };
    });
  }

  /** Moves the selected shifts by whole days and/or to one person, in one transaction. */
  async bulkMove(user: AuthUser, body: BulkMoveRequest): Promise<BatchResult> {
    const { shifts, siteId, week } = await this.selection(user, body.shifts);
    const offset = body.dayOffset ?? 0;
    if (offset === 0 && body.personId === undefined)
      refuse('Choisissez un jour ou une personne.', 'dayOffset', 'aucun déplacement demandé');
    const tz = user.timeZone;
    let current: ShiftEntity | null = null;
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.loader.lockSiteWeek(manager, user.organisationId, siteId, week);
        const entries: BatchEntry[] = [];
        for (const shift of shifts) {
          current = shift;
          const moved = {
            personId: body.personId === undefined ? shift.personId : body.personId,
            locationId: shift.locationId,
            activity: shift.activity,
            startAt: new Date(moveWallClock(shift.startAt, offset, tz)),
            endAt: new Date(moveWallClock(shift.endAt, offset, tz)),
            breakMinutes: shift.breakMinutes,
            note: shift.note,
          };
          await this.shifts.checkFields(manager, user, moved, shift);
          const newWeek = isoWeekOfInstant(moved.startAt.getTime(), tz);
          if (newWeek !== week)
            await this.loader.lockSiteWeek(manager, user.organisationId, siteId, newWeek);
          const version = body.shifts.find((item) => item.id === shift.id)?.version;
          const result = await manager
            .createQueryBuilder()
            .update(ShiftEntity)
            .set({ ...moved, version: () => 'version + 1' })
            .where('id = :id AND version = :version', { id: shift.id, version })
            .execute();
          if (result.affected !== 1) throw this.stale(shift, tz);
          entries.push({
            shiftId: shift.id,
            op: 'update',
            before: snapshotOf(shift),
            version: (version ?? 0) + 1,
          });
          await this.audit.record(manager, user, {
            action: 'shift.update',
            entity: 'shift',
            entityId: shift.id,
            details: {
              siteId,
              week: newWeek,
              before: auditSnapshot(shift),
              after: auditSnapshot({ ...shift, ...moved }),
              bulk: true,
            },
          });
        }
        const label = `Déplacement de ${plural(entries.length, 'créneau', 'créneaux')}`;
        const batchId = await this.record(manager, user, siteId, week, 'bulk_move', label, entries);
        return { batchId, shiftCount: entries.length };
      });
    } catch (error) {
      if (!isExclusionViolation(error) || !current) throw error;
      const shift = current as ShiftEntity;
      throw new ConflictException(
        `Déplacement refusé : ${await this.describe(this.dataSource.manager, user, shift, null)} chevaucherait un autre créneau de la même personne. Rien n’a été déplacé.`,
      );
    }
  }

  /** The selected shifts, all of one site-week the caller runs, none a training session's. */
  private async selection(
    user: AuthUser,
    items: { id: string; version: number }[],
  ): Promise<{ shifts: ShiftEntity[]; siteId: string; week: string }> {
    if (items.length === 0) refuse('Sélectionnez au moins un créneau.', 'shifts', 'vide');
    if (items.length > MAX_BULK)
      refuse(`${MAX_BULK} créneaux au plus à la fois.`, 'shifts', `${MAX_BULK} au plus`);
    const shifts = await this.dataSource.getRepository(ShiftEntity).find({
      where: { id: In(items.map((item) => item.id)), organisationId: user.organisationId },
      order: { startAt: 'ASC' },
    });
    if (shifts.length !== new Set(items.map((item) => item.id)).size)
      throw new NotFoundException(
        'Un des créneaux sélectionnés a été supprimé entre-temps : rechargez la semaine.',
      );
    const siteId = shifts[0].siteId;
    const week = isoWeekOfInstant(shifts[0].startAt.getTime(), user.timeZone);
    for (const shift of shifts) {
      if (
        shift.siteId !== siteId ||
        isoWeekOfInstant(shift.startAt.getTime(), user.timeZone) !== week
      )
        refuse(
          'Les créneaux sélectionnés doivent être d’un même site et d’une même semaine.',
          'shifts',
          'plusieurs semaines ou sites',
        );
      if (shift.trainingSessionId)
        refuse(
          'Une session de formation se change depuis Formation, pas avec la sélection.',
          'shifts',
          'session de formation',
        );
    }
    this.access.requireSite(user, siteId, 'write');
    return { shifts, siteId, week };
  }

  private stale(shift: ShiftEntity, timeZone: string): ConflictException {
    const day = formatDayLabel(civilDate(shift.startAt.getTime(), timeZone));
    return new ConflictException(
      `Le créneau du ${day} ${formatTime(shift.startAt.getTime(), timeZone)} a été modifié depuis votre lecture : rechargez la semaine, rien n’a été changé.`,
    );
  }

  /** « le créneau de Léa Fontaine du mercredi 09/12 09:00–12:30 » (or « le créneau à pourvoir … »). */
  private async describe(
    manager: EntityManager,
    user: AuthUser,
    shift: ShiftEntity | undefined | null,
    before: BatchShiftSnapshot | null,
  ): Promise<string> {
    const personId = shift?.personId ?? before?.personId ?? null;
    const start = shift?.startAt.getTime() ?? (before ? Date.parse(before.start) : null);
    const end = shift?.endAt.getTime() ?? (before ? Date.parse(before.end) : null);
    const person = personId
      ? await manager.findOneBy(PersonEntity, { id: personId, organisationId: user.organisationId })
      : null;
    const who = person ? `de ${person.firstName} ${person.lastName}` : 'à pourvoir';
    if (start === null || end === null) return `le créneau ${who}`;
    const tz = user.timeZone;
    return `le créneau ${who} du ${formatDayLabel(civilDate(start, tz))} ${formatTime(start, tz)}–${formatTime(end, tz)}`;
  }
}

export function snapshotOf(shift: ShiftEntity): BatchShiftSnapshot {
  return {
    personId: shift.personId,
    locationId: shift.locationId,
    activity: shift.activity,
    start: shift.startAt.toISOString(),
    end: shift.endAt.toISOString(),
    breakMinutes: shift.breakMinutes,
    note: shift.note,
    siteId: shift.siteId,
  };
}

function fieldsOf(snapshot: BatchShiftSnapshot): {
  personId: string | null;
  locationId: string;
  activity: ShiftEntity['activity'];
  startAt: Date;
  endAt: Date;
  breakMinutes: number;
  note: string | null;
  siteId: string;
} {
  return {
    personId: snapshot.personId,
    locationId: snapshot.locationId,
    activity: snapshot.activity as ShiftEntity['activity'],
    startAt: new Date(snapshot.start),
    endAt: new Date(snapshot.end),
    breakMinutes: snapshot.breakMinutes,
    note: snapshot.note,
    siteId: snapshot.siteId,
  };
}

/** The same wall-clock time some days later (DST-safe). */
export function moveWallClock(date: Date, days: number, timeZone: string): number {
  if (days === 0) return date.getTime();
  const day = civilDate(date.getTime(), timeZone);
  const time = toZonedIso(date, timeZone).slice(11, 16);
  return zonedInstant(addDays(day, days), time, timeZone);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
