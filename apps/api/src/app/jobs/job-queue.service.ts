import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { FindJobsOptions, Job, JobWithMetadata, Queue, SendOptions } from 'pg-boss';
import { PgBoss } from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { TIME_ZONE } from '../../common/week';
import { APP_CONFIG, AppConfig } from '../../config/config';

/** The schema pg-boss creates and owns (outside TypeORM's migrations). */
export const JOB_SCHEMA = 'pgboss';

/** unique_violation, duplicate_schema, duplicate_table, duplicate_object: a concurrent install. */
const RACE_CODES = new Set(['23505', '42P06', '42P07', '42710']);

export interface QueueSpec<T extends object> {
  name: string;
  /** Retries, back-off, dead letter queue, retention. */
  options?: Omit<Queue, 'name'>;
  /** Polling interval of this process's worker, in seconds. */
  pollingIntervalSeconds?: number;
  /** Runs one job; a throw fails the attempt (pg-boss retries it, then dead-letters it). */
  work?(job: Job<T>): Promise<unknown>;
  /**
   * Runs on `JOBS_CRON` (Paris time): pg-boss creates one job per occurrence, whatever the number
   * of processes.
   */
  isScheduled?: boolean;
}

/**
 * The PostgreSQL-backed job queue (pg-boss) every API process shares: its tables hold scheduled
 * jobs, e-mails to send and their retries, and row locks (`FOR UPDATE SKIP LOCKED`) hand each job
 * to one worker of one process. It runs its SQL on TypeORM's own pool, so on the embedded
 * database (one connection) its queries simply queue up with the requests'.
 */
@Injectable()
export class JobQueueService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly specs: QueueSpec<object>[] = [];
  private boss?: PgBoss;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Declares a queue; call from a constructor or `onModuleInit`, before `start`. */
  register<T extends object>(spec: QueueSpec<T>): void {
    this.specs.push(spec as QueueSpec<object>);
  }

  /**
   * Installs or upgrades pg-boss's schema, creates the queues, schedules and workers. Called once
   * the migrations have run; several processes may start at once (pg-boss takes an advisory lock).
   */
  async start(): Promise<void> {
    if (this.boss) return;
    const cron = this.config.jobsCron;
    const boss = await this.startBoss(cron !== null);
    this.boss = boss;
    for (const spec of this.specs) {
      await boss.createQueue(spec.name, spec.options);
      // createQueue leaves an existing queue as it is: settings changed since apply now.
      if (spec.options) await boss.updateQueue(spec.name, spec.options);
    }
    for (const spec of this.specs) {
      const { work } = spec;
      if (work) {
        await boss.work<object>(
          spec.name,
          { pollingIntervalSeconds: spec.pollingIntervalSeconds ?? 2 },
          async ([job]) => work(job),
        );
      }
      if (spec.isScheduled && cron !== null) {
        // One schedule for every organisation: hourly runs fall on the hour in any zone of whole
        // hours; each job then reads its own organisations' days.
        await boss.schedule(spec.name, cron, null, { tz: TIME_ZONE, missed: 'once' });
      }
    }
  }

  /**
   * Starts pg-boss, installing its schema when absent. pg-boss serialises installs with an advisory
   * lock, but PostgreSQL does not refresh its catalog cache on an advisory lock: the second of two
   * processes installing at once may still miss the schema the first committed and fail on
   * pg_namespace's unique index. That process then simply starts again and finds it installed.
   */
  private async startBoss(schedule: boolean, attempt = 1): Promise<PgBoss> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const boss = new PgBoss({
      schema: JOB_SCHEMA,
      db: { executeSql: (text, values) => pool.query(text, values) },
      schedule,
      // The queues hold a few jobs an hour: no need for pg-boss's per-instance bookkeeping.
      persistWarnings: false,
    });
    boss.on('error', (error: unknown) =>
      this.logger.error(error instanceof Error ? error.message : String(error)),
    );
    try {
      await boss.start();
      return boss;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 3 || !RACE_CODES.has(String(code))) throw error;
      this.logger.warn(`Another process was installing the job schema; starting again.`);
      await boss.stop({ graceful: false, close: false }).catch(() => undefined);
      return this.startBoss(schedule, attempt + 1);
    }
  }

  /**
   * Adds a job inside the caller's transaction: it exists only if the transaction commits, and is
   * then handed to a worker (in this process or another).
   */
  async send(
    manager: EntityManager,
    name: string,
    data: object,
    options: SendOptions = {},
  ): Promise<void> {
    const runner = manager.queryRunner;
    const db = runner
      ? {
          executeSql: async (text: string, values?: unknown[]) => ({
            rows: (await runner.query(text, values, true)).records,
          }),
        }
      : undefined;
    await this.started().send(name, data, { ...options, ...(db ? { db } : {}) });
  }

  /** Jobs of a queue, oldest first (`queued`: only those still to run). */
  find<T>(name: string, options: FindJobsOptions): Promise<JobWithMetadata<T>[]> {
    return this.started().findJobs<T>(name, options);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    // A job cut short is handed again once its expiry passes: every job is safe to run twice.
    await boss?.stop({ graceful: true, timeout: 5_000, close: false });
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('File de tâches non démarrée.');
    return this.boss;
  }
}
