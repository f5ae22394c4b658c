import { Client } from 'pg';

/**
 * Test databases on a real server (`DATABASE_URL`) are copies of a template: the first app of a
 * run to start migrates and seeds a database (see `startTestApp`; a new one every few minutes),
 * the next ones start on `CREATE DATABASE … TEMPLATE` of it, which finds migrations, job schema
 * and demo data already there (each app still runs the same start-up checks on it). `global-setup.ts` names the run's
 * templates (this variable, inherited by the jest workers), `global-teardown.ts` drops them.
 */
export const TEMPLATE_PREFIX_ENV = 'RELAIS_TEST_TEMPLATE';

export async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** `serverUrl` with its database replaced by `name`. */
export function databaseOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the databases whose name starts with `prefix` (this run's templates). */
export async function dropTemplates(serverUrl: string, prefix: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE left(datname, length($1)) = $1',
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}
