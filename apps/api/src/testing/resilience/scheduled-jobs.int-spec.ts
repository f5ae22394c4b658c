import { addDays } from '@relais/rules';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ContractJobsService } from '../../app/contracts/contract-jobs.service';
import { RemindersService } from '../../app/notifications/reminders.service';
import { TrainingJobsService } from '../../app/training/training-jobs.service';
import { todayIn } from '../../common/today';
import { startTestApp, TestApp } from '../test-app';

// Two API instances on one database need a real server (the embedded one lives in one process).
const hasServer = Boolean(process.env['DATABASE_URL']);
const describeOnServer = hasServer ? describe : describe.skip;
if (!hasServer) {
  console.warn('scheduled jobs spec skipped: it needs a PostgreSQL server in DATABASE_URL');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Two Nest apps with their own pools, schedulers and workers, sharing nothing but the database:
// the job queue's claims and locks are all in PostgreSQL, as between two processes.
describeOnServer('hourly jobs with two API instances on one database', () => {
  const server = new URL(process.env['DATABASE_URL'] ?? 'postgres://localhost/postgres');
  const name = `relais_jobs_${process.pid}_${Date.now()}`;
  const databaseUrl = Object.assign(new URL(server.toString()), { pathname: `/${name}` });
  const query = async <T>(url: URL, text: string, values: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    return client
      .query(text, values)
      .then((result) => result.rows as T[])
      .finally(() => client.end());
  };
  const runs = {
    reminders: jest.spyOn(RemindersService.prototype, 'remindTomorrow'),
    certificates: jest.spyOn(TrainingJobsService.prototype, 'runDaily'),
    contracts: jest.spyOn(ContractJobsService.prototype, 'runDaily'),
  };
  let apps: TestApp[] = [];

  beforeAll(async () => {
    await query(server, `CREATE DATABASE ${name}`);
    // Every minute instead of every hour, so the test sees two occurrences in about a minute.
    const env = { SESSION_SECRET: randomBytes(24).toString('hex'), JOBS_CRON: '* * * * *' };
    apps = await Promise.all([
      startTestApp(env, { databaseUrl: databaseUrl.toString() }),
      startTestApp(env, { databaseUrl: databaseUrl.toString() }),
    ]);
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await query(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    jest.restoreAllMocks();
  });

  it('each occurrence of a scheduled job gives one job, run by one worker of one instance', async () => {
    const completed = async (queue: string) => {
      const [row] = await query<{ n: number }>(
        databaseUrl,
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
        [queue],
      );
      return row.n;
    };
    // Two occurrences: the one due at start-up and the next minute's, after the demo seed.
    const deadline = Date.now() + 150_000;
    while ((await completed('shift-reminders')) < 2) {
      if (Date.now() > deadline) throw new Error('timed out waiting for two occurrences');
      await sleep(500);
    }
    // Both instances stop their workers (waiting for a running job) before the count.
    for (const app of apps) await app.close();
    apps = [];

    // pg-boss files each occurrence of a schedule as one job of its own queue (keyed on the
    // occurrence's minute), which then creates the job itself: both instances ran a cron pass.
    const occurrences = await query<{ name: string; slot: string; n: number }>(
      databaseUrl,
      `SELECT data->>'name' AS name, singleton_on::text AS slot, count(*)::int AS n
         FROM pgboss.job WHERE name = '__pgboss__send-it' GROUP BY 1, 2`,
    );
    const jobs = await query<{ name: string; state: string; n: number }>(
      databaseUrl,
      `SELECT name, state, count(*)::int AS n FROM pgboss.job
        WHERE name IN ('shift-reminders', 'certificate-reminders', 'contracts-daily')
        GROUP BY name, state`,
    );
    for (const [queue, spy] of [
      ['shift-reminders', runs.reminders],
      ['certificate-reminders', runs.certificates],
      ['contracts-daily', runs.contracts],
    ] as const) {
      const filed = occurrences.filter((occurrence) => occurrence.name === queue);
      // One job per job name and occurrence, run once: by one worker of one of the instances.
      // An occurrence filed just before the instances stopped may still wait, never run
      // ('created'); none is running, failed or run twice.
      expect(filed.every((occurrence) => occurrence.n === 1)).toBe(true);
      const states = jobs.filter((job) => job.name === queue);
      const count = (state: string) => states.find((job) => job.state === state)?.n ?? 0;
      expect(states.filter((job) => !['completed', 'created'].includes(job.state))).toEqual([]);
      expect(count('completed') + count('created')).toBe(filed.length);
      expect(spy).toHaveBeenCalledTimes(count('completed'));
    }
    expect(runs.reminders.mock.calls.length).toBeGreaterThanOrEqual(2);
    // And the people working tomorrow were reminded once each.
    const reminded = await query<{ n: number }>(
      databaseUrl,
      `SELECT count(*)::int AS n FROM notification WHERE kind = 'reminder' AND link = $1
        GROUP BY person_id`,
      [`/ma-semaine#${addDays(todayIn(), 1)}`],
    );
    expect(reminded.every((row) => row.n === 1)).toBe(true);
  }, 200_000);
});
