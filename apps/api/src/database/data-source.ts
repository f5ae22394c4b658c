import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The one set of options shared by the running app, the migration CLI and the tests. */
export function dataSourceOptions(
  url: string,
  poolSize = 10,
  replicaUrls: readonly string[] = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // Streaming replicas take only the reads routed to them (ReadRouting): everything else,
    // repositories included, stays on the primary.
    ...(replicaUrls.length
      ? {
          replication: {
            master: { url },
            slaves: replicaUrls.map((replica) => ({ url: replica })),
            defaultMode: 'master' as const,
          },
        }
      : {}),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migration',
    // Each migration in its own transaction: a failing one leaves the previous ones applied.
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // The embedded server mixes up concurrent connections under load (seen with 20 parallel
    // writes), so it gets a single connection: commands queue up, each in its own transaction.
    // JIT off for every pooled connection: PostgreSQL judged the rota's queries worth compiling
    // (their row estimates are large on the national data) and spent longer compiling than running.
    extra: { max: poolSize, connectionTimeoutMillis: 10_000, options: '-c jit=off' },
  };
}
