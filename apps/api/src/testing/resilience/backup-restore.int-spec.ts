import type { RotaWeek, Site } from '@relais/api-types';
import { isoWeekOf } from '@relais/rules';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { todayIn } from '../../common/today';
import { describeIf } from '../requirements';
import { startTestApp, TestApp } from '../test-app';

const run = promisify(execFile);
const tools = resolve(__dirname, '../../../../../tools');

// pg_dump and pg_restore talk to a real server: the embedded database cannot be dumped.
const describeOnServer = describeIf(
  Boolean(process.env['DATABASE_URL']),
  'a PostgreSQL server in DATABASE_URL',
);

async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const counts: Record<string, number> = {};
    for (const { tablename } of tables.rows) {
      const result = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${tablename}"`,
      );
      counts[tablename] = result.rows[0].n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

describeOnServer('backup and restore (tools/backup.sh, tools/restore.sh)', () => {
  let source: TestApp;
  let restored: TestApp | undefined;
  const folder = mkdtempSync(join(tmpdir(), 'relais-backup-'));
  const server = new URL(process.env['DATABASE_URL'] ?? 'postgres://localhost');
  const target = `relais_restore_${process.pid}_${Date.now()}`;
  const targetUrl = Object.assign(new URL(server.toString()), { pathname: `/${target}` });

  async function admin(sql: string): Promise<void> {
    const client = new Client({ connectionString: server.toString() });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  }

  beforeAll(async () => {
    source = await startTestApp();
  });

  afterAll(async () => {
    await restored?.close();
    await source.close();
    await admin(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
    rmSync(folder, { recursive: true, force: true });
  });

  it('restores into a fresh database with the same rows, and the app runs on it', async () => {
    // Some writes of the day first (sessions, audit events).
    const manager = await source.login('manager.sud@relais.demo');
    const sites = await source.request<Site[]>('GET', '/api/sites', { cookie: manager });
    const sud = sites.body.find((site) => site.code === 'S') as Site;
    const rotaPath = `/api/rota?siteId=${sud.id}&week=${isoWeekOf(todayIn())}`;
    const before = await source.request<RotaWeek>('GET', rotaPath, { cookie: manager });

    const file = join(folder, 'relais.dump');
    const backup = await run('bash', [join(tools, 'backup.sh'), file], {
      env: { ...process.env, DATABASE_URL: source.databaseUrl },
    });
    expect(backup.stdout.trim()).toBe(file);
    expect(statSync(file).size).toBeGreaterThan(10_000);

    await admin(`CREATE DATABASE ${target}`);
    const restore = await run('bash', [join(tools, 'restore.sh'), file], {
      env: { ...process.env, DATABASE_URL: targetUrl.toString() },
    });
    expect(restore.stdout).toContain('restored');

    const original = await rowCounts(source.databaseUrl);
    const copy = await rowCounts(targetUrl.toString());
    expect(Object.keys(original).length).toBeGreaterThan(15);
    expect(original['shift']).toBeGreaterThan(100);
    expect(copy).toEqual(original);

    // A second restore into the now non-empty database is refused, nothing changed.
    await expect(
      run('bash', [join(tools, 'restore.sh'), file], {
        env: { ...process.env, DATABASE_URL: targetUrl.toString() },
      }),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/refused: the target database/) });
    expect(await rowCounts(targetUrl.toString())).toEqual(original);

    // The restored database serves the same rota, and new writes (sequences restored too).
    restored = await startTestApp({}, { databaseUrl: targetUrl.toString() });
    const again = await restored.login('manager.sud@relais.demo');
    const after = await restored.request<RotaWeek>('GET', rotaPath, { cookie: again });
    expect(after.status).toBe(200);
    expect(after.body.shifts).toEqual(before.body.shifts);
    // One login = one new audit event, numbered after the restored ones (sequence restored).
    const [audit] = await restored.dataSource.query(
      `SELECT count(*)::int AS n, max(id)::int AS last FROM audit_event`,
    );
    const [sourceLast] = await source.dataSource.query(
      `SELECT max(id)::int AS last FROM audit_event`,
    );
    expect(audit.n).toBe(copy['audit_event'] + 1);
    expect(audit.last).toBeGreaterThan(sourceLast.last - 1);
  });
});
