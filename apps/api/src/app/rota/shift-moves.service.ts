import { ConflictException, HttpException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Shift, Violation } from '@relais/api-types';
import { isoWeekOfInstant, RULES_WAIVED_FOR_SWAPS } from '@relais/rules';
import { DataSource, EntityManager, In } from 'typeorm';
import { isExclusionViolation } from '../../common/database-errors';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { RotaPublicationEntity } from './rota-publication.entity';
import { auditSnapshot } from './rota.mapper';
import { RotaService } from './rota.service';
import { ShiftEntity } from './shift.entity';
import { SiteWeekEntity } from './site-week.entity';
import { SiteWeekLoader } from './site-week/site-week.loader';

/** A published shift changing hands: given to a colleague, exchanged, or an open shift taken. */
export interface ShiftMove {
  shiftId: string;
  /** The published version the people asked on: any change since makes the move stale (409). */
  version: number;
  /** Who holds it now; null for an open shift. */
  fromPersonId: string | null;
  toPersonId: string;
}

/** Moves made inside a transaction, with the blocking problems they created. */
export interface AppliedMoves {
  moves: ShiftMove[];
  /** The moved shifts as they now are. */
  shifts: ShiftEntity[];
  /** Each site-week touched, locked, with its current publication. */
  siteWeeks: { siteWeek: SiteWeekEntity; publication: RotaPublicationEntity; week: string }[];
  /** Blocking problems after the moves that were not there before. */
  created: Violation[];
}

/** The verdict on moves not made (yet): the problems they would create, or why they cannot be. */
export interface MovesPreview {
  violations: Violation[];
  /** Why the moves cannot be made at all (the shift changed, the person works then…). */
  problem: string | null;
}

function violationKey(violation: Violation): string {
  return `${violation.rule}|${violation.personId ?? ''}|${[...violation.shiftIds].sort().join(',')}`;
}

// A swap or a claim is asked for by the people it moves: the rules that protect people from
// changes imposed on them (notice periods) are not held against it.
function blocking(violations: Violation[]): Violation[] {
  return violations.filter(
    (violation) => violation.severity === 'block' && !RULES_WAIVED_FOR_SWAPS.has(violation.rule),
  );
}

/**
 * Published shifts changing hands outside the grid (swaps, exchanges, open shifts taken): the
 * moves are checked against the shifts as published, re-checked by the rules on every site-week
 * they touch, then published alone (a new version of each site-week; other draft edits stay
 * drafts). One transaction: the caller's.
 */
@Injectable()
export class ShiftMovesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: SiteWeekLoader,
    private readonly rota: RotaService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Makes the moves in the caller's transaction and returns the blocking problems they create;
   * throws a 409 with `staleMessage` when a shift is no longer as published and asked.
   */
  async apply(
    manager: EntityManager,
    user: AuthUser,
    moves: ShiftMove[],
    staleMessage: string,
  ): Promise<AppliedMoves> {
    const ids = moves.map((move) => move.shiftId);
    const current = await manager.findBy(ShiftEntity, {
      id: In(ids),
      organisationId: user.organisationId,
    });
    if (current.length !== new Set(ids).size)
      throw new ConflictException(
        'Ce créneau a été supprimé : le changement ne peut plus se faire.',
      );
    const keys = [
      ...new Set(
        current.map(
          (shift) => `${shift.siteId}|${isoWeekOfInstant(shift.startAt.getTime(), user.timeZone)}`,
        ),
      ),
    ].sort();
    const siteWeeks: AppliedMoves['siteWeeks'] = [];
    for (const key of keys) {
      const [siteId, week] = key.split('|');
      const siteWeek = await this.loader.lockSiteWeek(manager, user.organisationId, siteId, week);
      const publication = await manager.findOneBy(RotaPublicationEntity, {
        siteWeekId: siteWeek.id,
        version: siteWeek.version,
      });
      if (!publication) throw new ConflictException(staleMessage);
      siteWeeks.push({ siteWeek, publication, week });
    }
    const locked = await manager
      .getRepository(ShiftEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id IN (:...ids)', { ids })
      .orderBy('s.id')
      .getMany();
    for (const move of moves) {
      const shift = locked.find((candidate) => candidate.id === move.shiftId);
      const week = shift && isoWeekOfInstant(shift.startAt.getTime(), user.timeZone);
      const published = siteWeeks
        .find((entry) => entry.siteWeek.siteId === shift?.siteId && entry.week === week)
        ?.publication.shifts.find((candidate) => candidate.id === move.shiftId);
      if (
        !shift ||
        shift.version !== move.version ||
        shift.personId !== move.fromPersonId ||
        published?.version !== move.version ||
        (published.personId ?? null) !== move.fromPersonId
      )
        throw new ConflictException(staleMessage);
    }
    const before = new Set<string>();
    for (const { siteWeek, week } of siteWeeks)
      for (const violation of blocking(await this.check(manager, user, siteWeek.siteId, week)))
        before.add(violationKey(violation));
    // Everyone lets go first: an exchange of two overlapping shifts never holds both at once.
    const held = moves.filter((move) => move.fromPersonId !== null).map((move) => move.shiftId);
    if (held.length > 0)
      await manager
        .createQueryBuilder()
        .update(ShiftEntity)
        .set({ personId: null })
        .where('id IN (:...held)', { held })
        .execute();
    for (const move of moves) {
      await manager
        .createQueryBuilder()
        .update(ShiftEntity)
        .set({ personId: move.toPersonId, version: () => 'version + 1' })
        .where('id = :id', { id: move.shiftId })
        .execute();
    }
    const created: Violation[] = [];
    for (const { siteWeek, week } of siteWeeks)
      for (const violation of blocking(await this.check(manager, user, siteWeek.siteId, week)))
        if (
          !before.has(violationKey(violation)) &&
          !created.some((other) => violationKey(other) === violationKey(violation))
        )
          created.push(violation);
    const shifts = await manager.findBy(ShiftEntity, { id: In(ids) });
    return { moves, shifts, siteWeeks, created };
  }

  /**
   * Publishes only the moved shifts: a new version of each site-week touched, the rest of its
   * last publication unchanged. Audited as shift changes and publications.
   */
  async publish(
    manager: EntityManager,
    user: AuthUser,
    applied: AppliedMoves,
    justification: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    const publishedAt = new Date();
    const moved = new Map(applied.shifts.map((shift) => [shift.id, shift]));
    for (const { siteWeek, publication, week } of applied.siteWeeks) {
      const snapshot: Shift[] = publication.shifts.map((candidate) => {
        const shift = moved.get(candidate.id);
        return shift
          ? { ...candidate, personId: shift.personId, version: shift.version }
          : candidate;
      });
      const version = siteWeek.version + 1;
      await manager.save(
        manager.create(RotaPublicationEntity, {
          organisationId: user.organisationId,
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
      const here = applied.moves.filter((move) =>
        publication.shifts.some((candidate) => candidate.id === move.shiftId),
      );
      for (const move of here) {
        const shift = moved.get(move.shiftId);
        await this.audit.record(manager, user, {
          action: 'shift.update',
          entity: 'shift',
          entityId: move.shiftId,
          details: {
            siteId: siteWeek.siteId,
            week,
            ...details,
            before: shift
              ? { ...auditSnapshot(shift), personId: move.fromPersonId }
              : { personId: move.fromPersonId },
            after: shift ? auditSnapshot(shift) : { personId: move.toPersonId },
          },
        });
      }
      await this.audit.record(manager, user, {
        action: 'rota.publish',
        entity: 'site_week',
        entityId: siteWeek.id,
        details: {
          siteId: siteWeek.siteId,
          week,
          version,
          ...details,
          notified: [
            ...new Set(here.flatMap((move) => [move.fromPersonId, move.toPersonId])),
          ].filter((id) => id !== null),
        },
      });
    }
  }

  /** What the moves would do if made now, without making them (the transaction is undone). */
  async preview(user: AuthUser, moves: ShiftMove[], staleMessage: string): Promise<MovesPreview> {
    return this.dataSource.transaction(async (manager) => {
      const verdict = await this.verdict(manager, user, moves, staleMessage);
      return verdict;
    });
  }

  /**
   * What the moves would do, inside the caller's transaction, undone at once (a savepoint): the
   * same checks as `apply`, nothing written.
   */
  async verdict(
    manager: EntityManager,
    user: AuthUser,
    moves: ShiftMove[],
    staleMessage: string,
  ): Promise<MovesPreview> {
    await manager.query('SAVEPOINT shift_moves_verdict');
    try {
      const applied = await this.apply(manager, user, moves, staleMessage);
      return { violations: applied.created, problem: null };
    } catch (error) {
      if (isExclusionViolation(error))
        return { violations: [], problem: 'La personne travaille déjà à ce moment-là.' };
      if (error instanceof HttpException) return { violations: [], problem: error.message };
      throw error;
    } finally {
      await manager.query('ROLLBACK TO SAVEPOINT shift_moves_verdict');
    }
  }

  /** The site-week's blocking-relevant checks as the rules see it in this transaction. */
  private async check(
    manager: EntityManager,
    user: AuthUser,
    siteId: string,
    week: string,
  ): Promise<Violation[]> {
    const loaded = await this.loader.load(manager, user, siteId, week, true);
    return (await this.rota.build(manager, user, loaded, week)).violations;
  }
}
