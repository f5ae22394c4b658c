// Longer than ~450 lines on purpose: one auto-fill job's life (start, progress, stop, apply,
// shutdown) shares its in-memory runs and one transaction per command; the pure planning lives
// in planner-model, demand, candidates, planner and proposal.
import {
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
  OnApplicationShutdown,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AutoFillApplyResult,
  AutoFillJob,
  AutoFillMode,
  AutoFillProgress,
  AutoFillProposal,
} from '@relais/api-types';
import { addDays, checkRotaWeek, windowOfIsoWeek, zonedInstant } from '@relais/rules';
import { closeSolverPool, solve, type SolveResult } from '@relais/solver';
import { DataSource, EntityManager, In } from 'typeorm';
import { isExclusionViolation } from '../../../common/database-errors';
import { TIME_ZONE } from '../../../common/week';
import { AccessService } from '../../access/access.service';
import type { AuthUser } from '../../access/auth-user';
import { AuditService } from '../../audit/audit.service';
import { SiteEntity } from '../../organisation/site.entity';
import { auditSnapshot } from '../rota.mapper';
import { ShiftEntity } from '../shift.entity';
import { SiteWeekLoader } from '../site-week/site-week.loader';
import { AutoFillJobEntity } from './auto-fill-job.entity';
import { AutoFillDto } from './auto-fill.dto';
import { buildModel, decodeProposal, PlannerInput, PlannerSite } from './planner';
import { HISTORY_WEEKS, priorWork, type PriorWork } from './soft-terms';

const PROGRESS_EVERY_MS = 300;
const STOP_POLL_MS = 400;

interface Running {
  readonly abort: AbortController;
  readonly done: Promise<void>;
}

function fingerprintOf(
  shifts: readonly { id: string; version: number; personId: string | null }[],
) {
  return shifts.map((s) => `${s.id}:${s.version}:${s.personId ?? ''}`).sort();
}

@Injectable()
export class AutoFillService implements OnApplicationShutdown {
  private readonly logger = new Logger(AutoFillService.name);
  private readonly running = new Map<string, Running>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly loader: SiteWeekLoader,
  ) {}

  async start(user: AuthUser, dto: AutoFillDto): Promise<AutoFillJob> {
    for (const siteId of dto.siteIds) this.access.requireSite(user, siteId, 'write');
    const sites = await this.dataSource
      .getRepository(SiteEntity)
      .countBy({ id: In(dto.siteIds), organisationId: user.organisationId });
    if (sites !== dto.siteIds.length) throw new NotFoundException('Site introuvable.');
    // A new run replaces the manager's previous one: it stops with its best proposal so far.
    const previous = await this.dataSource
      .getRepository(AutoFillJobEntity)
      .findBy({ createdBy: user.accountId, status: 'running' });
    for (const job of previous) {
      await this.dataSource
        .getRepository(AutoFillJobEntity)
        .update({ id: job.id, status: 'running' }, { stopRequested: true });
      this.running.get(job.id)?.abort.abort();
    }
    const timeLimitSeconds = dto.timeLimitSeconds ?? 10;
    const input = await this.plannerInput(
      this.dataSource.manager,
      user,
      dto.siteIds,
      dto.week,
      dto.mode,
      true,
    );
    const job = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(AutoFillJobEntity, {
          organisationId: user.organisationId,
          createdBy: user.accountId,
          siteIds: dto.siteIds,
          week: dto.week,
          mode: dto.mode,
          status: 'running',
          timeLimitSeconds,
          fingerprint: fingerprintOf(input.sites.flatMap((site) => site.input.shifts)),
        }),
      );
      await this.audit.record(manager, user, {
        action: 'rota.auto_fill.start',
        entity: 'auto_fill_job',
        entityId: saved.id,
        details: { siteIds: dto.siteIds, week: dto.week, mode: dto.mode, timeLimitSeconds },
      });
      return saved;
    });
    const abort = new AbortController();
    const done = this.run(job, input, abort.signal).finally(() => this.running.delete(job.id));
    this.running.set(job.id, { abort, done });
    return this.toJob(job);
  }

  async get(user: AuthUser, id: string): Promise<AutoFillJob> {
    return this.toJob(await this.find(user, id));
  }

  async stop(user: AuthUser, id: string): Promise<AutoFillJob> {
    const job = await this.find(user, id);
    if (job.status === 'running') {
      await this.dataSource
        .getRepository(AutoFillJobEntity)
        .update({ id, status: 'running' }, { stopRequested: true });
      this.running.get(id)?.abort.abort();
      await this.running.get(id)?.done;
    }
    return this.toJob(await this.find(user, id));
  }

  async discard(user: AuthUser, id: string): Promise<AutoFillJob> {
    const job = await this.find(user, id);
    if (job.status !== 'done') {
      throw new ConflictException(
        job.status === 'running'
          ? 'Le calcul est en cours : arrêtez-le d’abord.'
          : 'Cette proposition n’est plus en attente.',
      );
    }
    await this.dataSource
      .getRepository(AutoFillJobEntity)
      .update({ id, status: 'done' }, { status: 'discarded' });
    return this.toJob(await this.find(user, id));
  }

  /** Writes the proposal in one transaction, or nothing if the weeks moved meanwhile. */
  async apply(user: AuthUser, id: string): Promise<AutoFillApplyResult> {
    const found = await this.find(user, id);
    for (const siteId of found.siteIds) this.access.requireSite(user, siteId, 'write');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const job = await manager
          .getRepository(AutoFillJobEntity)
          .createQueryBuilder('j')
          .setLock('pessimistic_write')
          .where('j.id = :id', { id })
          .getOneOrFail();
        if (job.status !== 'done' || !job.proposal) {
          throw new ConflictException(
            job.status === 'running'
              ? 'Le calcul n’est pas terminé.'
              : job.status === 'applied'
                ? 'Cette proposition a déjà été appliquée.'
                : 'Cette proposition n’est plus disponible : relancez le remplissage.',
          );
        }
        for (const siteId of job.siteIds) {
          await this.loader.lockSiteWeek(manager, user.organisationId, siteId, job.week);
        }
        // In turn: one transaction, one connection.
        const current: ShiftEntity[] = [];
        for (const siteId of job.siteIds) {
          current.push(...(await this.loader.shiftsOfWeek(manager, siteId, job.week)));
        }
        if (fingerprintOf(current).join() !== [...job.fingerprint].sort().join()) {
          throw new ConflictException(
            'Le planning a changé depuis le calcul : relancez le remplissage automatique, rien n’a été écrit.',
          );
        }
        const result = await this.write(manager, user, job, job.proposal);
        const input = await this.plannerInput(manager, user, job.siteIds, job.week, job.mode);
        const blocking = input.sites
          .flatMap((site) => checkRotaWeek(site.input))
          .filter(
            (v) =>
              v.severity === 'block' &&
              v.personId !== undefined &&
              v.shiftIds.some((shiftId) => result.written.has(shiftId)),
          );
        if (blocking.length > 0) {
          throw new UnprocessableEntityException({
            message: `Proposition refusée : ${blocking.length} contrôle(s) bloquant(s), rien n’a été écrit.`,
            details: { violations: blocking },
            violations: blocking,
          });
        }
        await manager.update(AutoFillJobEntity, { id }, { status: 'applied' });
        await this.audit.record(manager, user, {
          action: 'rota.auto_fill.apply',
          entity: 'auto_fill_job',
          entityId: id,
          details: {
            siteIds: job.siteIds,
            week: job.week,
            created: result.created,
            assigned: result.assigned,
            removed: result.removed,
          },
        });
        return { created: result.created, assigned: result.assigned, removed: result.removed };
      });
    } catch (error) {
      if (isExclusionViolation(error)) {
        throw new ConflictException(
          'Une personne a reçu entre-temps un autre créneau au même moment : relancez le remplissage, rien n’a été écrit.',
        );
      }
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const all = [...this.running.values()];
    for (const run of all) run.abort.abort();
    await Promise.allSettled(all.map((run) => run.done));
    await closeSolverPool();
  }

  // ---- internals ----

  private async find(user: AuthUser, id: string): Promise<AutoFillJobEntity> {
    const job = await this.dataSource
      .getRepository(AutoFillJobEntity)
      .findOneBy({ id, organisationId: user.organisationId });
    if (!job || !job.siteIds.every((siteId) => this.access.canAccessSite(user, siteId, 'write'))) {
      throw new NotFoundException('Remplissage automatique introuvable.');
    }
    return job;
  }

  private async plannerInput(
    manager: EntityManager,
    user: AuthUser,
    siteIds: readonly string[],
    week: string,
    mode: AutoFillMode,
    withHistory = false,
  ): Promise<PlannerInput> {
    const sites: PlannerSite[] = [];
    // One organisation: every site-week carries its settings (thresholds, time zone, travel).
    let settings: PlannerInput['settings'] = {};
    for (const siteId of siteIds) {
      const loaded = await this.loader.load(manager, user, siteId, week);
      const input = await this.loader.rulesInput(manager, user, loaded, week);
      settings = input.settings;
      sites.push({
        input,
        isPublished: (loaded.siteWeek?.version ?? 0) > 0,
        publishedShiftIds: new Set((loaded.publication?.shifts ?? []).map((shift) => shift.id)),
      });
    }
    const timeZone = settings.timeZone ?? TIME_ZONE;
    const history = withHistory ? await this.history(manager, sites, week, timeZone) : undefined;
    return { week, mode, sites, settings, history };
  }

  /** What the sites' people worked in the 4 weeks before the week (fairness). */
  private async history(
    manager: EntityManager,
    sites: readonly PlannerSite[],
    week: string,
    timeZone: string,
  ): Promise<Map<string, PriorWork>> {
    const people = [
      ...new Map(
        sites.flatMap((site) => site.input.people).map((person) => [person.id, person]),
      ).values(),
    ];
    if (people.length === 0) return new Map();
    const monday = windowOfIsoWeek(week).from;
    const shifts = await manager
      .getRepository(ShiftEntity)
      .createQueryBuilder('s')
      .where('s.person_id IN (:...ids)', { ids: people.map((person) => person.id) })
      .andWhere('s.start_at >= :from AND s.start_at < :to', {
        from: new Date(zonedInstant(addDays(monday, -7 * HISTORY_WEEKS), '00:00', timeZone)),
        to: new Date(zonedInstant(monday, '00:00', timeZone)),
      })
      .getMany();
    return priorWork(
      people,
      shifts.flatMap((shift) =>
        shift.personId
          ? [
              {
                personId: shift.personId,
                start: shift.startAt,
                end: shift.endAt,
                breakMinutes: shift.breakMinutes,
                activity: shift.activity,
              },
            ]
          : [],
      ),
      monday,
      timeZone,
    );
  }

  private async run(
    job: AutoFillJobEntity,
    input: PlannerInput,
    signal: AbortSignal,
  ): Promise<void> {
    const repo = this.dataSource.getRepository(AutoFillJobEntity);
    const started = performance.now();
    let secondsToBest = 0;
    let pending: AutoFillProgress | undefined;
    let writing = Promise.resolve();
    const flush = (): void => {
      if (!pending) return;
      const progress = pending;
      pending = undefined;
      writing = writing
        .then(() => repo.update({ id: job.id, status: 'running' }, { progress }))
        .then(() => undefined);
    };
    const local = new AbortController();
    signal.addEventListener('abort', () => local.abort(), { once: true });
    const timer = setInterval(
      () => {
        flush();
        // Another API process may have been asked to stop this job.
        void repo
          .findOneBy({ id: job.id })
          .then((row) => {
            if (row?.stopRequested) local.abort();
          })
          .catch(() => undefined);
      },
      Math.min(PROGRESS_EVERY_MS, STOP_POLL_MS),
    );
    try {
      const model = buildModel(input);
      const modelSeconds = (performance.now() - started) / 1000;
      let result: SolveResult;
      if (model.slots.length === 0 || model.problem.employees.length === 0) {
        result = {
          roster: { assignments: model.problem.employees.map(() => Array(14).fill(null)) },
          objective: 0,
          feasible: true,
          optimal: true,
          status: 'optimal',
          seconds: 0,
          foundBy: 'greedy',
        };
      } else {
        result = await solve(model.problem, {
          timeLimitSeconds: job.timeLimitSeconds,
          seed: 1,
          // A week of one association is small: the MIP, started from the greedy roster, proves
          // it in about a second once its worker is warm; the local search alone joins it only
          // if it takes longer (1.5 s, a quarter of a shorter budget).
          localSearchShare: 0,
          parallelAfterSeconds: Math.min(1.5, job.timeLimitSeconds / 4),
          // The row search (benchmark-shaped models) is left out: auto-fill keeps its behaviour.
          rowSearch: false,
          signal: local.signal,
          // A worker still starting when stopped needs a moment to hand back its first roster.
          graceSeconds: 10,
          onProgress: (progress) => {
            secondsToBest = (performance.now() - started) / 1000;
            pending = {
              objective: progress.objective,
              feasible: progress.feasible,
              seconds: Math.round(secondsToBest * 10) / 10,
            };
          },
        });
      }
      const proposal: AutoFillProposal = decodeProposal(
        input,
        model,
        result,
        secondsToBest,
        modelSeconds,
      );
      clearInterval(timer);
      await writing;
      await repo.update(
        { id: job.id },
        {
          status: 'done',
          proposal,
          progress: {
            objective: result.objective,
            feasible: result.feasible,
            seconds: Math.round(((performance.now() - started) / 1000) * 10) / 10,
          },
        },
      );
    } catch (error) {
      clearInterval(timer);
      await writing.catch(() => undefined);
      this.logger.error(error instanceof Error ? error.stack : String(error));
      await repo
        .update(
          { id: job.id },
          { status: 'failed', error: 'Le calcul a échoué : réessayez, ou planifiez à la main.' },
        )
        .catch(() => undefined);
    }
  }

  private async write(
    manager: EntityManager,
    user: AuthUser,
    job: AutoFillJobEntity,
    proposal: AutoFillProposal,
  ): Promise<{ created: number; assigned: number; removed: number; written: Set<string> }> {
    const written = new Set<string>();
    let removed = 0;
    for (const release of proposal.release) {
      const gone = await manager.findOneBy(ShiftEntity, { id: release.shiftId });
      await manager.delete(ShiftEntity, { id: release.shiftId });
      removed++;
      await this.audit.record(manager, user, {
        action: 'shift.delete',
        entity: 'shift',
        entityId: release.shiftId,
        details: {
          siteId: release.siteId,
          week: job.week,
          autoFill: job.id,
          rule: release.rule,
          ...(gone ? { before: auditSnapshot(gone) } : {}),
        },
      });
    }
    let created = 0;
    let assigned = 0;
    for (const add of proposal.add) {
      if (add.openShiftId) {
        const open = await manager.findOneBy(ShiftEntity, { id: add.openShiftId });
        await manager.update(
          ShiftEntity,
          { id: add.openShiftId },
          { personId: add.personId, version: () => 'version + 1' },
        );
        written.add(add.openShiftId);
        assigned++;
        await this.audit.record(manager, user, {
          action: 'shift.update',
          entity: 'shift',
          entityId: add.openShiftId,
          details: {
            siteId: add.siteId,
            week: job.week,
            autoFill: job.id,
            personId: add.personId,
            ...(open
              ? {
                  before: auditSnapshot(open),
                  after: auditSnapshot({ ...open, personId: add.personId }),
                }
              : {}),
          },
        });
        continue;
      }
      const saved = await manager.save(
        manager.create(ShiftEntity, {
          organisationId: user.organisationId,
          siteId: add.siteId,
          personId: add.personId,
          locationId: add.locationId,
          activity: add.activity,
          startAt: new Date(add.start),
          endAt: new Date(add.end),
          breakMinutes: add.breakMinutes,
          note: null,
          version: 1,
        }),
      );
      written.add(saved.id);
      created++;
      await this.audit.record(manager, user, {
        action: 'shift.create',
        entity: 'shift',
        entityId: saved.id,
        details: {
          siteId: add.siteId,
          week: job.week,
          autoFill: job.id,
          after: auditSnapshot(saved),
        },
      });
    }
    return { created, assigned, removed, written };
  }

  private toJob(job: AutoFillJobEntity): AutoFillJob {
    return {
      id: job.id,
      siteIds: job.siteIds,
      week: job.week,
      mode: job.mode,
      status: job.status,
      timeLimitSeconds: job.timeLimitSeconds,
      progress: job.progress,
      proposal: job.proposal,
      error: job.error,
      createdAt: job.createdAt.toISOString(),
    };
  }
}
