import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The one set of options shared by the running app, the migration CLI and the tests. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migration',
    // Each migration in its own transaction: a failing one leaves the previous ones applied.
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // The embedded server serialises transactions anyway; a real server gets a modest pool.
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
