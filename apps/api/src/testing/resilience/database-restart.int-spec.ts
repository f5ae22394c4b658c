import type { ApiError, Health, ShiftResult, Site } from '@relais/api-types';
import { addDays, addIsoWeeks, isoWeekOf, windowOfIsoWeek } from '@relais/rules';
import { todayIn } from '../../common/today';
import { canRunPrivatePostgres, PG_BIN, PrivatePostgres } from '../private-postgres';
import { describeIf } from '../requirements';
import { startTestApp, TestApp } from '../test-app';

// A server of its own that the test may stop: never the shared one of DATABASE_URL.
const describeIfServer = describeIf(
  canRunPrivatePostgres(),
  `PostgreSQL server binaries in ${PG_BIN} (set PG_BIN)`,
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeIfServer('the PostgreSQL server restarted while requests flow', () => {
  let pg: PrivatePostgres;
  let t: TestApp;
  let manager: string;
  let site: Site;

  beforeAll(async () => {
    pg = await PrivatePostgres.start();
    t = await startTestApp({}, { serverUrl: pg.url });
    manager = await t.login('manager.sud@relais.demo');
    const sites = await t.request<Site[]>('GET', '/api/sites', { cookie: manager });
    site = sites.body.find((candidate) => candidate.code === 'S') as Site;
  }, 120_000);

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await pg?.destroy();
  });

  it('answers 503 in French during the outage, recovers by itself, and half-applies nothing', async () => {
    const week = addIsoWeeks(isoWeekOf(todayIn()), 10);
    const monday = windowOfIsoWeek(week).from;
    const desk = site.locations.find((location) => location.code === 'S')?.id as string;
    type Phase = 'before' | 'down' | 'after';
    let phase: Phase = 'before';
    let running = true;
    let sequence = 0;
    const seen: { phase: Phase; status: number; body: ShiftResult & ApiError }[] = [];

    const worker = async () => {
      while (running) {
        const index = sequence++;
        const day = addDays(monday, index % 5);
        const minute = String(index % 60).padStart(2, '0');
        const created = await t.request<ShiftResult & ApiError>('POST', '/api/shifts', {
          cookie: manager,
          body: {
            personId: null,
            locationId: desk,
            activity: 'back_office',
            start: `${day}T09:${minute}:00+01:00`,
            end: `${day}T11:${minute}:00+01:00`,
            breakMinutes: 0,
            note: `restart ${index}`,
          },
        });
        seen.push({ phase, status: created.status, body: created.body });
        const read = await t.request<ShiftResult & ApiError>(
          'GET',
          `/api/rota?siteId=${site.id}&week=${week}`,
          { cookie: manager },
        );
        seen.push({ phase, status: read.status, body: read.body });
        await sleep(10);
      }
    };
    const waitFor = async (what: string, test: () => boolean | Promise<boolean>, ms = 30_000) => {
      const deadline = Date.now() + ms;
      while (!(await test())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(50);
      }
    };
    const count = (wanted: Phase, status: number) =>
      seen.filter((entry) => entry.phase === wanted && entry.status === status).length;

    const workers = [worker(), worker(), worker()];
    await waitFor('writes before the outage', () => count('before', 201) >= 5);

    phase = 'down';
    await pg.stopServer('fast');
    await waitFor('503 answers during the outage', () => count('down', 503) >= 6);
    const health = await t.request<Health>('GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'unavailable' });

    await pg.startServer();
    const restartedAt = Date.now();
    phase = 'after';
    // Nobody restarts the API: its pool reconnects on its own.
    await waitFor('health back to ok', async () => {
      return (await t.request('GET', '/api/health')).status === 200;
    });
    await waitFor('writes after the outage', () => count('after', 201) >= 5);
    const recoverySeconds = (Date.now() - restartedAt) / 1000;
    running = false;
    await Promise.all(workers);

    // Only success or 503: never a 500, never a connection dropped by the API.
    const statuses = [...new Set(seen.map((entry) => entry.status))].sort();
    expect(statuses.filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
    const unavailable = seen.filter((entry) => entry.status === 503);
    expect(
      [...new Set(unavailable.map((entry) => JSON.stringify(entry.body)))].map((text) =>
        JSON.parse(text),
      ),
    ).toEqual([
      {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Service momentanément indisponible. Réessayez dans un instant.',
      },
    ]);
    expect(recoverySeconds).toBeLessThan(15);

    // Nothing half-applied: every shift of the week has its audit event and the other way
    // round, and every 201 answered is stored.
    const shifts: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM shift WHERE site_id = $1 AND note LIKE 'restart %'`,
      [site.id],
    );
    const audited: { entity_id: string }[] = await t.dataSource.query(
      `SELECT entity_id FROM audit_event WHERE action = 'shift.create'
       AND details->>'week' = $1 AND details->>'siteId' = $2`,
      [week, site.id],
    );
    expect(shifts.map((row) => row.id).sort()).toEqual(audited.map((row) => row.entity_id).sort());
    const answered = seen
      .filter((entry) => entry.status === 201)
      .map((entry) => entry.body.shift.id)
      .sort();
    const stored = new Set(shifts.map((row) => row.id));
    expect(answered.filter((id) => !stored.has(id))).toEqual([]);
    expect(answered.length).toBeGreaterThanOrEqual(10);
  }, 120_000);
});
