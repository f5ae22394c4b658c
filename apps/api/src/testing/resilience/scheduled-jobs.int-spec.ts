import { addDays, isoWeekOf, zonedInstant } from '@relais/rules';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ContractJobsService } from '../../app/contracts/contract-jobs.service';
import { RemindersService } from '../../app/notifications/reminders.service';
import { TrainingJobsService } from '../../app/training/training-jobs.service';
import { toZonedIso } from '../../common/instant';
import { todayIn } from '../../common/today';
import { describeIf } from '../requirements';
import { startTestApp, TestApp } from '../test-app';

// Two API instances on one database need a real server (the embedded one lives in one process).
const describeOnServer = describeIf(
  Boolean(process.env['DATABASE_URL']),
  'a PostgreSQL server in DATABASE_URL',
);

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
  let mediatorId = '';

  beforeAll(async () => {
    await query(server, `CREATE DATABASE ${name}`);
    // Every minute instead of every hour, so the test sees two occurrences in about a minute.
    const env = { SESSION_SECRET: randomBytes(24).toString('hex'), JOBS_CRON: '* * * * *' };
    apps = await Promise.all([
      startTestApp(env, { databaseUrl: databaseUrl.toString() }),
      startTestApp(env, { databaseUrl: databaseUrl.toString() }),
    ]);
    // Someone works tomorrow whatever today is (the demo has no weekend shifts): an early shift
    // of the demo mediator in the published rota of tomorrow's week at Paris Sud.
    const tomorrow = addDays(todayIn(), 1);
    const [site] = await query<{ id: string; organisation_id: string; location_id: string }>(
      databaseUrl,
      `SELECT s.id, s.organisation_id, l.id AS location_id FROM site s JOIN location l ON l.site_id = s.id AND l.code = s.code WHERE s.code = 'S'`,
    );
    [{ person_id: mediatorId }] = await query<{ person_id: string }>(
      databaseUrl,
      `SELECT person_id FROM account WHERE email = 'mediateur@relais.demo'`,
    );
    const shift = {
      id: randomUUID(),
      siteId: site.id,
      personId: mediatorId,
      locationId: site.location_id,
      activity: 'accueil',
      start: toZonedIso(zonedInstant(tomorrow, '06:00', 'Europe/Paris')),
      end: toZonedIso(zonedInstant(tomorrow, '07:00', 'Europe/Paris')),
      breakMinutes: 0,
      note: null,
      version: 1,
      isChangedSincePublication: false,
    };
    await query(
      databaseUrl,
      `WITH week AS (
         UPDATE site_week SET status = 'published', version = greatest(version, 1), published_at = coalesce(published_at, now())
          WHERE site_id = $1 AND week = $2 RETURNING id, organisation_id, version)
       INSERT INTO rota_publication (organisation_id, site_week_id, version, shifts)
       SELECT organisation_id, id, version, $3::jsonb FROM week
       ON CONFLICT (site_week_id, version) DO UPDATE SET shifts = rota_publication.shifts || EXCLUDED.shifts`,
      [site.id, isoWeekOf(tomorrow), JSON.stringify([shift])],
    );
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
      expect(filed.length).toBeGreaterThan(0);
      expect(filed.every((occurrence) => occurrence.n === 1)).toBe(true);
      const states = jobs.filter((job) => job.name === queue);
      const count = (state: string) => states.find((job) => job.state === state)?.n ?? 0;
      expect(states.filter((job) => !['completed', 'created'].includes(job.state))).toEqual([]);
      expect(count('completed') + count('created')).toBe(filed.length);
      expect(spy).toHaveBeenCalledTimes(count('completed'));
    }
    expect(runs.reminders.mock.calls.length).toBeGreaterThanOrEqual(2);
    // And the people working tomorrow were reminded once each.
    const reminded = await query<{ person_id: string; n: number }>(
      databaseUrl,
      `SELECT person_id, count(*)::int AS n FROM notification WHERE kind = 'reminder' AND link = $1
        GROUP BY person_id`,
      [`/ma-semaine#${addDays(todayIn(), 1)}`],
    );
    expect(reminded.map((row) => row.person_id)).toContain(mediatorId);
    expect(reminded.every((row) => row.n === 1)).toBe(true);
  }, 200_000);
});
