import type { RotaWeek, ShiftResult, Site } from '@relais/api-types';
import { isoWeekOf } from '@relais/rules';
import { Client } from 'pg';
import { todayIn } from '../../common/today';
import { READ_AFTER_COOKIE } from '../../database/read-routing';
import { canRunPrivatePostgres, PG_BIN, PrivatePostgres } from '../private-postgres';
import { describeIf } from '../requirements';
import { startTestApp, TestApp } from '../test-app';

const describeIfServer = describeIf(
  canRunPrivatePostgres(),
  `PostgreSQL server binaries in ${PG_BIN} (set PG_BIN)`,
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DB = 'relais_replica_test';

async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describeIfServer('rota reads on a streaming replica, with read-your-writes', () => {
  let primary: PrivatePostgres;
  let standby: PrivatePostgres;
  let t: TestApp;
  const on = (server: PrivatePostgres) => server.url.replace(/\/postgres$/, `/${DB}`);

  beforeAll(async () => {
    // Commits are asynchronous on these servers: a slow WAL writer keeps a just-committed write
    // unwritten for seconds, as under heavy load, so a read-your-writes position taken from the
    // write position instead of the insert position would let the paused standby answer.
    primary = await PrivatePostgres.start({ wal_writer_delay: '10s' });
    standby = await primary.standby();
    await sql(primary.url, `CREATE DATABASE ${DB}`);
    await waitForReplay(); // the app connects to the database on the standby too
    t = await startTestApp({ DATABASE_REPLICA_URLS: on(standby) }, { databaseUrl: on(primary) });
    await waitForReplay();
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    await standby?.destroy();
    await primary?.destroy();
  });

  /**
   * Until the standby has replayed everything the primary has committed: its insert position (not
   * `pg_current_wal_lsn()`, the write position, which lags behind asynchronous commits), then a
   * synchronous commit to write out at once what the slow WAL writer holds back.
   */
  async function waitForReplay(): Promise<void> {
    const client = new Client({ connectionString: primary.url });
    await client.connect();
    let lsn: string;
    try {
      lsn = (await client.query('SELECT pg_current_wal_insert_lsn() AS lsn')).rows[0].lsn;
      // A logged write committed synchronously flushes the WAL up to lsn (a commit that wrote
      // nothing else, e.g. after pg_current_xact_id(), stays asynchronous).
      await client.query('SET synchronous_commit = on');
      await client.query('CREATE TABLE IF NOT EXISTS flush_marker (at timestamptz)');
      await client.query('INSERT INTO flush_marker VALUES (now())');
    } finally {
      await client.end();
    }
    for (let attempt = 0; attempt < 200; attempt++) {
      const [row] = await sql<{ ok: boolean }>(
        standby.url,
        'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok',
        [lsn],
      );
      if (row.ok) return;
      await sleep(50);
    }
    throw new Error('the standby did not catch up');
  }

  /**
   * `pg_wal_replay_pause()` is only a request: wait until the standby says 'paused' (it does so
   * while waiting for more WAL too). No WAL is written on the primary meanwhile, so the standby
   * stays exactly where the primary's committed work was.
   */
  async function pauseReplay(): Promise<void> {
    await sql(standby.url, 'SELECT pg_wal_replay_pause()');
    for (let attempt = 0; attempt < 200; attempt++) {
      const [{ state }] = await sql<{ state: string }>(
        standby.url,
        'SELECT pg_get_wal_replay_pause_state() AS state',
      );
      if (state === 'paused') return;
      await sleep(50);
    }
    throw new Error('the standby did not pause');
  }

  it('serves the rota from the standby, but a manager who just wrote sees the write at once', async () => {
    const writer = await t.login('manager.sud@relais.demo');
    const reader = await t.login('rh@relais.demo');
    const sites = await t.request<Site[]>('GET', '/api/sites', { cookie: writer });
    const site = sites.body.find((candidate) => candidate.code === 'S') as Site;
    const path = `/api/rota?siteId=${site.id}&week=${isoWeekOf(todayIn())}`;
    const rota = async (cookie: string) => {
      const response = await t.request<RotaWeek>('GET', path, { cookie });
      expect(response.status).toBe(200);
      return response.body;
    };
    const [target] = (await rota(writer)).shifts;
    await waitForReplay();

    // Replay paused: from now on the standby lags behind the primary.
    await pauseReplay();
    try {
      // A change made straight on the primary is not seen: the rota is read on the standby.
      await sql(on(primary), `UPDATE shift SET note = 'sur le primaire seulement' WHERE id = $1`, [
        target.id,
      ]);
      const fromStandby = await rota(reader);
      expect(fromStandby.shifts.find((shift) => shift.id === target.id)?.note).toBe(target.note);

      // The manager edits through the API and reads at once: their own write is there.
      const edit = await t.request<ShiftResult>('PATCH', `/api/shifts/${target.id}`, {
        cookie: writer,
        body: { version: target.version, note: 'modifié par la responsable' },
      });
      expect(edit.status).toBe(200);
      const position = edit.headers
        .getSetCookie()
        .find((cookie) => cookie.startsWith(`${READ_AFTER_COOKIE}=`))
        ?.split(';')[0];
      expect(position).toMatch(/^relais_lsn=[0-9A-F]+\/[0-9A-F]+$/);
      const own = await rota(`${writer}; ${position}`);
      expect(own.shifts.find((shift) => shift.id === target.id)).toMatchObject({
        note: 'modifié par la responsable',
        version: target.version + 1,
      });
      // Someone who has not written still reads the (lagging) standby.
      const other = await rota(reader);
      expect(other.shifts.find((shift) => shift.id === target.id)?.note).toBe(target.note);
    } finally {
      await sql(on(standby), 'SELECT pg_wal_replay_resume()');
    }

    // Once the standby has caught up, everyone sees the write (and the writer is back on it).
    await waitForReplay();
    for (const cookie of [writer, reader]) {
      expect((await rota(cookie)).shifts.find((shift) => shift.id === target.id)?.note).toBe(
        'modifié par la responsable',
      );
    }
  });

  it('falls back to the primary when the standby is down', async () => {
    const cookie = await t.login('manager.sud@relais.demo');
    const sites = await t.request<Site[]>('GET', '/api/sites', { cookie });
    const site = sites.body.find((candidate) => candidate.code === 'S') as Site;
    await standby.stopServer('fast');
    try {
      const response = await t.request<RotaWeek>(
        'GET',
        `/api/rota?siteId=${site.id}&week=${isoWeekOf(todayIn())}`,
        { cookie },
      );
      expect(response.status).toBe(200);
      expect(response.body.shifts.length).toBeGreaterThan(10);
    } finally {
      await standby.startServer();
    }
  });
});
