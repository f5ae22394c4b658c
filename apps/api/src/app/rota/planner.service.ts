import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BatchResult, CandidatesAnswer, Shift, ViolationFixes } from '@relais/api-types';
import {
  addDays,
  checkRotaWeek,
  civilDate,
  fixesFor,
  formatDayLabel,
  formatTime,
  isoWeekday,
  isoWeekOf,
  isoWeekOfInstant,
  rankCandidates,
  RecentMinutes,
  violationKeyOf,
  windowOfIsoWeek,
  zonedInstant,
} from '@relais/rules';
import { DataSource, EntityManager } from 'typeorm';
import { isExclusionViolation } from '../../common/database-errors';
import { toZonedIso } from '../../common/instant';
import { refuse } from '../../common/refuse';
import { ReadRouting } from '../../database/read-routing';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { BatchEntry } from './rota-batch.entity';
import { RotaBatchService, snapshotOf } from './rota-batch.service';
import { auditSnapshot } from './rota.mapper';
import { ShiftEntity } from './shift.entity';
import { ShiftsService } from './shifts.service';
import { SiteWeekLoader, SiteWeekRulesInput } from './site-week/site-week.loader';

const ACTIVITY_WORDS: Record<string, string> = {
  accueil: 'Accueil',
  back_office: 'Back-office',
  permanence: 'Permanence',
  outreach: 'Médiation sortante',
  workshop: 'Atelier',
  digital_help: 'Numérique',
  meeting: 'Réunion',
  training: 'Formation',
};

/** The planner's helpers: who can take a shift or a need, and legal fixes of blocking problems. */
@Injectable()
export class PlannerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly loader: SiteWeekLoader,
    private readonly reads: ReadRouting,
    private readonly batches: RotaBatchService,
    private readonly shifts: ShiftsService,
  ) {}

  /**
   * Who can take an open shift (`shiftId`), or an uncovered need (`requirementId` on `date`),
   * without any new blocking problem, best first.
   */
  async candidates(
    user: AuthUser,
    query: {
      shiftId?: string;
      alongsideShiftId?: string;
      siteId?: string;
      requirementId?: string;
      date?: string;
    },
  ): Promise<CandidatesAnswer> {
    return this.reads.read(undefined, async (manager) => {
      let siteId: string;
      let week: string;
      let target: Shift | null = null;
      const shiftId = query.shiftId ?? query.alongsideShiftId;
      if (shiftId) {
        const entity = await manager.findOneBy(ShiftEntity, {
          id: shiftId,
          organisationId: user.organisationId,
        });
        if (!entity) throw new NotFoundException('Créneau introuvable.');
        siteId = entity.siteId;
        week = isoWeekOfInstant(entity.startAt.getTime(), user.timeZone);
      } else {
        if (!query.siteId || !query.requirementId || !query.date)
          refuse(
            'Indiquez un créneau (shiftId ou alongsideShiftId) ou un besoin (siteId, requirementId, date).',
            'shiftId',
            'créneau ou besoin attendu',
          );
        siteId = query.siteId;
        week = isoWeekOf(query.date);
      }
      this.access.requireSite(user, siteId, 'write');
      const input = await this.input(manager, user, siteId, week);
      if (query.shiftId) {
        target = input.shifts.find((shift) => shift.id === query.shiftId) ?? null;
      } else if (query.alongsideShiftId) {
        // A second person beside this shift (same place, times and activity): a new shift.
        const beside = input.shifts.find((shift) => shift.id === query.alongsideShiftId);
        if (!beside) throw new NotFoundException('Créneau introuvable.');
        target = {
          ...beside,
          id: '',
          personId: null,
          note: null,
          version: 0,
          trainingSessionId: null,
        };
        input.shifts = [...input.shifts, target];
      } else {
        const requirement = input.requirements.find((r) => r.id === query.requirementId);
        if (!requirement) refuse('Besoin inconnu pour ce site.', 'requirementId', 'inconnu');
        const date = query.date as string;
        if (isoWeekday(date) !== requirement.weekday)
          refuse('Ce besoin ne porte pas sur ce jour.', 'date', 'autre jour de la semaine');
        target = {
          id: '',
          siteId,
          personId: null,
          locationId: requirement.locationId,
          activity: requirement.activity ?? 'accueil',
          start: toZonedIso(
            zonedInstant(date, requirement.startTime, user.timeZone),
            user.timeZone,
          ),
          end: toZonedIso(zonedInstant(date, requirement.endTime, user.timeZone), user.timeZone),
          breakMinutes: 0,
          note: null,
          version: 0,
          isChangedSincePublication: true,
        };
        input.shifts = [...input.shifts, target];
      }
      if (!target) throw new NotFoundException('Créneau introuvable.');
      if (target.trainingSessionId)
        refuse('Une session de formation se pourvoit depuis Formation.', 'shiftId', 'formation');
      const recent = await this.recentMinutes(manager, input, week);
      const candidates = rankCandidates(input, target, recent).map(
        ({ score: _score, ...candidate }) => candidate,
      );
      return { shift: target, label: this.label(target, user.timeZone), candidates };
    });
  }

  /** Each blocking violation of the week with up to three legal fixes. */
  async fixes(user: AuthUser, siteId: string, week: string): Promise<ViolationFixes[]> {
    this.access.requireSite(user, siteId, 'write');
    return this.reads.read(undefined, async (manager) => {
      const input = await this.input(manager, user, siteId, week);
      const recent = await this.recentMinutes(manager, input, week);
      const before = checkRotaWeek(input);
      return before
        .filter((violation) => violation.severity === 'block')
        .map((violation) => ({ violation, fixes: fixesFor(input, violation, recent, before) }));
    });
  }

  /** Applies one fix, found again on the week as it is now, as one undoable batch. */
  async applyFix(
    user: AuthUser,
    siteId: string,
    week: string,
    fixId: string,
  ): Promise<BatchResult> {
    this.access.requireSite(user, siteId, 'write');
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.loader.lockSiteWeek(manager, user.organisationId, siteId, week);
        const input = await this.input(manager, user, siteId, week);
        const recent = await this.recentMinutes(manager, input, week);
        const before = checkRotaWeek(input);
        const key = fixId.split('#')[0];
        const violation = before.find(
          (candidate) => candidate.severity === 'block' && violationKeyOf(candidate) === key,
        );
        const fix = violation
          ? fixesFor(input, violation, recent, before).find((candidate) => candidate.id === fixId)
          : undefined;
        if (!fix)
          throw new ConflictException(
            'Ce correctif ne s’applique plus : la semaine a changé depuis. Rechargez-la pour voir les correctifs à jour.',
          );
        const entries: BatchEntry[] = [];
        for (const change of fix.changes) {
          const current = await manager.findOneByOrFail(ShiftEntity, { id: change.shiftId });
          const fields = {
            personId: change.personId === undefined ? current.personId : change.personId,
            locationId: change.locationId ?? current.locationId,
            activity: change.activity ?? current.activity,
            startAt: change.start ? new Date(change.start) : current.startAt,
            endAt: change.end ? new Date(change.end) : current.endAt,
            breakMinutes: change.breakMinutes ?? current.breakMinutes,
            note: current.note,
          };
          await this.shifts.checkFields(manager, user, fields, current);
          const result = await manager
            .createQueryBuilder()
            .update(ShiftEntity)
            .set({ ...fields, version: () => 'version + 1' })
            .where('id = :id AND version = :version', { id: current.id, version: current.version })
            .execute();
          if (result.affected !== 1)
            throw new ConflictException('Créneau modifié entre-temps : rechargez la semaine.');
          entries.push({
            shiftId: current.id,
            op: 'update',
            before: snapshotOf(current),
            version: current.version + 1,
          });
          await this.audit.record(manager, user, {
            action: 'shift.update',
            entity: 'shift',
            entityId: current.id,
            details: {
              siteId,
              week,
              before: auditSnapshot(current),
              after: auditSnapshot({ ...current, ...fields }),
              fix: fix.label,
            },
          });
        }
        const batchId = await this.batches.record(
          manager,
          user,
          siteId,
          week,
          'fix',
          `Correctif : ${fix.label}`,
          entries,
        );
        return { batchId, shiftCount: entries.length };
      });
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
      throw new ConflictException(
        'Correctif refusé : la personne a désormais un autre créneau à ces heures. Rechargez la semaine.',
      );
    }
  }

  private async input(
    manager: EntityManager,
    user: AuthUser,
    siteId: string,
    week: string,
  ): Promise<SiteWeekRulesInput> {
    const loaded = await this.loader.load(manager, user, siteId, week, true);
    return this.loader.rulesInput(manager, user, loaded, week);
  }

  /** Minutes each person of the week worked over the 4 weeks before it, all sites together. */
  private async recentMinutes(
    manager: EntityManager,
    input: SiteWeekRulesInput,
    week: string,
  ): Promise<RecentMinutes> {
    const ids = input.people.map((person) => person.id);
    if (ids.length === 0) return new Map();
    const monday = windowOfIsoWeek(week).from;
    const tz = input.settings.timeZone;
    const rows: { person_id: string; minutes: string }[] = await manager.query(
      `SELECT person_id, SUM(EXTRACT(EPOCH FROM (end_at - start_at)) / 60 - break_minutes) AS minutes
         FROM shift WHERE person_id = ANY($1) AND start_at >= $2 AND start_at < $3 GROUP BY person_id`,
      [
        ids,
        new Date(zonedInstant(addDays(monday, -28), '00:00', tz)),
        new Date(zonedInstant(monday, '00:00', tz)),
      ],
    );
    const out = new Map<string, number>(ids.map((id) => [id, 0]));
    for (const row of rows) out.set(row.person_id, Math.round(Number(row.minutes)));
    return out;
  }

  private label(shift: Shift, timeZone: string): string {
    const start = Date.parse(shift.start);
    return `${formatDayLabel(civilDate(start, timeZone))} ${formatTime(start, timeZone)}–${formatTime(Date.parse(shift.end), timeZone)} · ${ACTIVITY_WORDS[shift.activity] ?? shift.activity}`;
  }
}
