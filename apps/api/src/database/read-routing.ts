import {
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, Observable } from 'rxjs';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';

/**
 * The primary's WAL position after the caller's last write. Reads routed to a replica go to the
 * primary until the replica has replayed that far: a manager always sees their own changes.
 */
export const READ_AFTER_COOKIE = 'relais_lsn';
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The caller's read-after position from its cookie, when it sent a well-formed one. */
export const ReadAfter = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined => {
    const value = context.switchToHttp().getRequest<FastifyRequest>().cookies?.[READ_AFTER_COOKIE];
    return value && LSN.test(value) ? value : undefined;
  },
);

/**
 * Sends heavy reads (the rota week, the mediator's week) to a streaming replica when
 * `DATABASE_REPLICA_URLS` names some, with read-your-writes; everything else uses the primary.
 */
@Injectable()
export class ReadRouting {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get hasReplicas(): boolean {
    return ((this.dataSource.driver as { slaves?: unknown[] }).slaves?.length ?? 0) > 0;
  }

  /**
   * Runs `read` on a replica that has replayed `readAfter` (the caller's last write), else on the
   * primary. A replica that cannot be reached is skipped: the primary answers.
   */
  async read<T>(readAfter: string | undefined, read: (manager: EntityManager) => Promise<T>) {
    if (!this.hasReplicas) return read(this.dataSource.manager);
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      let isCaughtUp: boolean;
      try {
        const [row] = await runner.query(
          // NULL on a primary (no replay): it has everything.
          `SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, true) AS ok`,
          [readAfter ?? '0/0'],
        );
        isCaughtUp = row.ok === true;
      } catch {
        isCaughtUp = false;
      }
      return await read(isCaughtUp ? runner.manager : this.dataSource.manager);
    } finally {
      await runner.release();
    }
  }

  /**
   * The primary's WAL position at or after the end of every transaction committed so far: the
   * insert position. Not `pg_current_wal_lsn()`, the *write* position: with asynchronous commit
   * (`synchronous_commit = off`) a commit returns before its record is written out, so that
   * position can still be before the caller's own write, and a lagging replica would pass for
   * caught up.
   */
  async primaryPosition(): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT pg_current_wal_insert_lsn()::text AS lsn`);
    return row.lsn;
  }
}

/** After every successful write, when replicas exist, remembers the primary's position. */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly routing: ReadRouting,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!this.routing.hasReplicas || SAFE_METHODS.has(request.method)) return next.handle();
    return next.handle().pipe(
      mergeMap((value) =>
        from(
          this.routing.primaryPosition().then((lsn) => {
            context.switchToHttp().getResponse<FastifyReply>().setCookie(READ_AFTER_COOKIE, lsn, {
              httpOnly: true,
              sameSite: 'lax',
              secure: this.config.isSecureCookie,
              path: '/',
              maxAge: 600,
            });
            return value;
          }),
        ),
      ),
    );
  }
}
