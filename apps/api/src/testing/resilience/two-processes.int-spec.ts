import type { ApiError, Me, RotaWeek, ShiftResult, Site } from '@relais/api-types';
import { addDays, addIsoWeeks, isoWeekOf, windowOfIsoWeek } from '@relais/rules';
import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { todayIn } from '../../common/today';
import { ApiProcess, startApiProcess } from '../api-process';
import { describeIf } from '../requirements';
import { RequestOptions } from '../test-app';

// Two API instances on one database need a real server (the embedded one lives in one process).
const describeOnServer = describeIf(
  Boolean(process.env['DATABASE_URL']),
  'a PostgreSQL server in DATABASE_URL',
);

// Two operating-system processes, each its own HTTP server, pool, Nest container and module
// state: what two replicas behind a load balancer have. Only the database is shared.
describeOnServer('two API processes on one database, requests alternating', () => {
  let a: ApiProcess;
  let b: ApiProcess;
  const running: ApiProcess[] = [];
  let turn = 0;
  // Both share the session secret, as replicas behind a load balancer do.
  const env = { SESSION_SECRET: randomBytes(24).toString('hex') };

  const server = new URL(process.env['DATABASE_URL'] ?? 'postgres://localhost/postgres');
  const name = `relais_two_${process.pid}_${Date.now()}`;
  const databaseUrl = Object.assign(new URL(server.toString()), { pathname: `/${name}` });
  const query = async <T>(url: URL, text: string, values: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    return client
      .query(text, values)
      .then((result) => result.rows as T[])
      .finally(() => client.end());
  };
  const admin = (text: string) => query(server, text);

  beforeAll(async () => {
    // Both start at once on an empty database: migrations and demo seed must take turns.
    await admin(`CREATE DATABASE ${name}`);
    const started = await Promise.allSettled([
      startApiProcess(databaseUrl.toString(), env),
      startApiProcess(databaseUrl.toString(), env),
    ]);
    for (const result of started) if (result.status === 'fulfilled') running.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    [a, b] = running;
  }, 180_000);

  afterAll(async () => {
    for (const instance of running) await instance.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('started together on an empty database: migrated and seeded once', async () => {
    expect(a.pid).not.toBe(b.pid);
    expect([a.pid, b.pid]).not.toContain(process.pid);
    const [migrations] = await query<{ n: number; distinct: number }>(
      databaseUrl,
      `SELECT count(*)::int AS n, count(DISTINCT name)::int AS distinct FROM migration`,
    );
    expect(migrations.n).toBe(migrations.distinct);
    expect(migrations.n).toBeGreaterThan(3);
    const [organisations] = await query<{ n: number }>(
      databaseUrl,
      `SELECT count(*)::int AS n FROM organisation`,
    );
    expect(organisations.n).toBe(1);
  });

  /** Round robin, as a load balancer would: every call goes to the other instance. */
  function next<T>(method: string, path: string, options?: RequestOptions) {
    const app = turn++ % 2 === 0 ? a : b;
    return app.request<T>(method, path, options);
  }

  it('a session opened on one instance works on the other, writes are seen at once on both, logout holds everywhere', async () => {
    const cookie = await a.login('manager.sud@relais.demo');
    const me = await b.request<Me>('GET', '/api/auth/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('manager.sud@relais.demo');

    const sites = await next<Site[]>('GET', '/api/sites', { cookie });
    const site = sites.body.find((candidate) => candidate.code === 'S') as Site;
    const week = addIsoWeeks(isoWeekOf(todayIn()), 9);
    const day = addDays(windowOfIsoWeek(week).from, 1);
    const statuses: number[] = [];
    let version = 0;
    let id = '';
    for (let step = 0; step < 6; step++) {
      const write =
        step === 0
          ? await next<ShiftResult>('POST', '/api/shifts', {
              cookie,
              body: {
                personId: null,
                locationId: site.locations.find((location) => location.code === 'S')?.id,
                activity: 'back_office',
                start: `${day}T09:00:00+01:00`,
                end: `${day}T10:00:00+01:00`,
                breakMinutes: 0,
              },
            })
          : await next<ShiftResult>('PATCH', `/api/shifts/${id}`, {
              cookie,
              body: { version, note: `étape ${step}` },
            });
      statuses.push(write.status);
      id = write.body.shift.id;
      version = write.body.shift.version;
      // The read goes to the other instance and sees the write.
      const read = await next<RotaWeek>('GET', `/api/rota?siteId=${site.id}&week=${week}`, {
        cookie,
      });
      expect(read.body.shifts.find((shift) => shift.id === id)?.version).toBe(version);
    }
    expect(statuses).toEqual([201, 200, 200, 200, 200, 200]);
    // A stale version sent to either instance is refused.
    const stale = await a.request<ApiError>('PATCH', `/api/shifts/${id}`, {
      cookie,
      body: { version: version - 1, note: 'périmé' },
    });
    expect(stale.status).toBe(409);

    expect((await b.request('POST', '/api/auth/logout', { cookie })).status).toBe(204);
    expect((await a.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
    expect((await b.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('login throttling is shared: five failures from one address spread over both instances make that address wait on both', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await next('POST', '/api/auth/login', {
        body: { email: 'manager.est@relais.demo', password: `faux-${attempt}` },
      });
      expect(response.status).toBe(401);
    }
    for (const app of [a, b]) {
      const blocked = await app.request<ApiError>('POST', '/api/auth/login', {
        body: { email: 'manager.est@relais.demo', password: 'relais-demo' },
      });
      expect(blocked.status).toBe(429);
    }
    // One shared counter per account-and-address pair (keys are hashes: no e-mail stored).
    const [row] = await query<{ points: number }>(
      databaseUrl,
      `SELECT points FROM login_throttle WHERE key = ANY($1)`,
      [
        ['127.0.0.1', '::ffff:127.0.0.1'].map(
          (ip) =>
            `login-pair:${createHash('sha256').update(`manager.est@relais.demo\n${ip}`).digest('hex')}`,
        ),
      ],
    );
    expect(row?.points).toBe(5);
  });
});
