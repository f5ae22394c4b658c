/**
 * Load test of the production build on the national data set (run `npm run seed:national` first).
 * Usage: `npm run bench:api` (builds the API, then runs this). Prints one line per scenario with
 * p50/p99 latency, throughput, its ratio to the health route's throughput, the load average and the
 * server's peak resident memory so far; then the same as one table, then a JSON summary. The
 * server runs with the Node flags of `npm start` (SERVER_NODE_FLAGS).
 *
 * NATIONAL_DATABASE_URL names the database as for the seed; BENCH_SECONDS (default 10) the
 * duration of each scenario. The bare health route is measured in the same run: the ratio of a
 * route to it is the figure to compare across machines.
 */
import { addDays, addIsoWeeks, isoWeekOfInstant, windowOfIsoWeek } from '@relais/rules';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { Client } from 'pg';
import { nationalDatabaseUrl, startBuiltServer, waitForHealth } from './national-server';
import { SERVER_NODE_FLAGS } from './server-node-flags';

interface CannonResult {
  latency: { p50: number; p99: number; average: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface CannonRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  setupRequest?: (request: CannonRequest) => CannonRequest;
  onResponse?: (status: number, body: string) => void;
}
interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  /** A number of requests instead of a duration. */
  amount?: number;
  headers?: Record<string, string>;
  requests?: CannonRequest[];
}
const autocannon = createRequire(__filename)('autocannon') as (
  options: CannonOptions,
) => Promise<CannonResult>;

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);

const TZ = 'Europe/Paris';
const thisWeek = isoWeekOfInstant(Date.now(), TZ);
/** Monday of the week `weeks` from this one. */
const mondayIn = (weeks: number): string => windowOfIsoWeek(addIsoWeeks(thisWeek, weeks)).from;

async function main(): Promise<void> {
  const url = nationalDatabaseUrl();
  const check = new Client({ connectionString: url });
  await check.connect().catch(() => {
    throw new Error(`no database at ${url}: run npm run seed:national first`);
  });
  const shiftCount = Number(
    (await check.query(`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'shift'`))
      .rows[0].n,
  );
  const pgVersion = (await check.query('SHOW server_version')).rows[0].server_version;
  await check.end();

  const port = 3900 + Math.floor(Math.random() * 90);
  const secret = randomBytes(24).toString('hex');
  const start = (serverPort: number, env: Record<string, string>) =>
    startBuiltServer({ databaseUrl: url, secret, port: serverPort, env });
  const server = start(port, {});
  // The same build with the rota cache off (ROTA_CACHE_ENTRIES=0): every read computes the week,
  // as the first read after a write does. Idle while the other is measured.
  const uncached = start(port + 1, { ROTA_CACHE_ENTRIES: '0' });
  const base = `http://127.0.0.1:${port}`;
  const uncachedBase = `http://127.0.0.1:${port + 1}`;
  try {
    for (const address of [base, uncachedBase]) await waitForHealth(address);
    const login = async (email: string) => {
      const response = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email,
          password: process.env['NATIONAL_PASSWORD'] ?? 'relais-national',
        }),
      });
      if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
      const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
      if (!cookie) throw new Error('no cookie');
      return cookie;
    };
    const manager = await login('manager.1@o01.national.test');
    const me = (await (
      await fetch(`${base}/api/auth/me`, { headers: { cookie: manager } })
    ).json()) as {
      siteIds: string[];
      personId: string;
    };
    const sites = (await (
      await fetch(`${base}/api/sites`, { headers: { cookie: manager } })
    ).json()) as {
      id: string;
      locations: { id: string; kind: string }[];
    }[];
    const site = sites.find((candidate) => candidate.id === me.siteIds[0]);
    if (!site) throw new Error('no site for the manager');
    const desk =
      site.locations.find((location) => location.kind === 'site')?.id ?? site.locations[0].id;
    const rotaPath = `/api/rota?siteId=${site.id}&week=${thisWeek}`;
    const rotaProbe = await fetch(base + rotaPath, { headers: { cookie: manager } });
    const rotaBody = (await rotaProbe.json()) as { shifts?: unknown[]; people?: unknown[] };
    // A mediator of that site, for the compliance check over four weeks.
    const db = new Client({ connectionString: url });
    await db.connect();
    const person = (
      await db.query(
        `SELECT id FROM person WHERE home_site_id = $1 ORDER BY last_name LIMIT 1 OFFSET 3`,
        [site.id],
      )
    ).rows[0].id as string;
    await db.end();
    const from = mondayIn(-3);
    const to = addDays(mondayIn(1), -1);
    const compliancePath = `/api/compliance?personId=${person}&from=${from}&to=${to}`;

    const openApi = (await (await fetch(`${base}/api/docs/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    const myWeekPath = Object.keys(openApi.paths).find((path) =>
      /my-week|me\/week|my\/week/.test(path),
    );

    let created = 0;
    // The shifts the create scenario made (id and version), updated then deleted once each.
    const made: { id: string; version: number }[] = [];
    let updated = 0;
    let deleted = 0;
    const writeHeaders = { cookie: manager, 'content-type': 'application/json' };
    const scenarios: {
      name: string;
      /** A function when the options depend on an earlier scenario (the shifts it created). */
      options:
        | Omit<CannonOptions, 'url' | 'duration'>
        | (() => Omit<CannonOptions, 'url' | 'duration'>);
      /** Another server than the measured one (the cache-off twin). */
      url?: string;
    }[] = [
      {
        name: 'health (framework floor)',
        options: { connections: 10, requests: [{ path: '/api/health' }] },
      },
      {
        name: 'rota read, at 200 req/s',
        options: {
          connections: 10,
          overallRate: 200,
          headers: { cookie: manager },
          requests: [{ path: rotaPath }],
        },
      },
      {
        name: 'rota read, flat out',
        options: { connections: 10, headers: { cookie: manager }, requests: [{ path: rotaPath }] },
      },
      {
        name: 'rota read, cache off, at 200 req/s',
        url: uncachedBase,
        options: {
          connections: 10,
          overallRate: 200,
          headers: { cookie: manager },
          requests: [{ path: rotaPath }],
        },
      },
      {
        name: 'rota read, cache off, flat out',
        url: uncachedBase,
        options: { connections: 10, headers: { cookie: manager }, requests: [{ path: rotaPath }] },
      },
      {
        name: 'compliance, 4 weeks of one person',
        options: {
          connections: 10,
          headers: { cookie: manager },
          requests: [{ path: compliancePath }],
        },
      },
      {
        name: 'shift create',
        options: {
          connections: 10,
          headers: { cookie: manager, 'content-type': 'application/json' },
          requests: [
            {
              method: 'POST',
              path: '/api/shifts',
              setupRequest: (request) => {
                // Open shifts spread over future weeks and days, so the weeks stay realistic.
                const index = created++;
                const date = addDays(mondayIn(10 + (index % 20)), index % 5);
                const minute = String(index % 60).padStart(2, '0');
                return {
                  ...request,
                  body: JSON.stringify({
                    personId: null,
                    locationId: desk,
                    activity: 'back_office',
                    start: `${date}T14:${minute}:00+01:00`,
                    end: `${date}T16:${minute}:00+01:00`,
                    breakMinutes: 0,
                  }),
                };
              },
              onResponse: (status, body) => {
                if (status !== 201) return;
                const { shift } = JSON.parse(body) as { shift: { id: string; version: number } };
                made.push({ id: shift.id, version: shift.version });
              },
            },
          ],
        },
      },
      {
        // The goal's rate (issue #20: p99 ≤ 50 ms at 100 req/s), each shift created above once.
        name: 'shift update, at 100 req/s',
        options: () => ({
          connections: 10,
          overallRate: 100,
          amount: Math.max(1, Math.min(made.length, 100 * SECONDS)),
          headers: writeHeaders,
          requests: [
            {
              method: 'PATCH',
              setupRequest: (request) => {
                const shift = made[updated++ % made.length];
                return {
                  ...request,
                  path: `/api/shifts/${shift.id}`,
                  body: JSON.stringify({ version: shift.version, note: 'bench' }),
                };
              },
              onResponse: (status, body) => {
                if (status !== 200) return;
                const { shift } = JSON.parse(body) as { shift: { id: string; version: number } };
                const entry = made.find((candidate) => candidate.id === shift.id);
                if (entry) entry.version = shift.version;
              },
            },
          ],
        }),
      },
      {
        name: 'shift delete, at 100 req/s',
        options: () => ({
          connections: 10,
          overallRate: 100,
          amount: Math.max(1, Math.min(made.length, 100 * SECONDS)),
          headers: { cookie: manager },
          requests: [
            {
              method: 'DELETE',
              setupRequest: (request) => {
                const shift = made[deleted++ % made.length];
                return {
                  ...request,
                  path: `/api/shifts/${shift.id}?version=${shift.version}`,
                };
              },
            },
          ],
        }),
      },
    ];
    if (myWeekPath) {
      const mediator = await login('mediateur.5@o01.national.test');
      scenarios.push({
        name: `my-week (${myWeekPath})`,
        options: {
          connections: 10,
          headers: { cookie: mediator },
          requests: [{ path: myWeekPath }],
        },
      });
    }

    const rows: Record<string, unknown>[] = [];
    const peak = () => {
      const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    };
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
        `Node ${process.version}; PostgreSQL ${pgVersion}; ${shiftCount.toLocaleString('en')} shifts; ` +
        `rota of ${rotaBody.shifts?.length ?? 0} shifts and ${rotaBody.people?.length ?? 0} people; ${SECONDS} s each; ` +
        `server flags ${SERVER_NODE_FLAGS.join(' ') || 'none'}; load average ${loadavg()
          .map((load) => load.toFixed(2))
          .join(' ')}`,
    );
    // Warm-up: JIT and connection pool, not measured.
    await autocannon({
      url: base,
      duration: 3,
      connections: 10,
      headers: { cookie: manager },
      requests: [{ path: rotaPath }],
    });
    // The same warm-up for the cache-off twin.
    await autocannon({
      url: uncachedBase,
      duration: 3,
      connections: 10,
      headers: { cookie: manager },
      requests: [{ path: rotaPath }],
    });
    for (const scenario of scenarios) {
      if (typeof scenario.options === 'function' && made.length === 0) {
        console.log(`${scenario.name}: skipped (the create scenario made no shift)`);
        continue;
      }
      const result = await autocannon({
        url: scenario.url ?? base,
        duration: SECONDS,
        ...(typeof scenario.options === 'function' ? scenario.options() : scenario.options),
      });
      const health = rows[0]?.['req_per_s'] as number | undefined;
      const reqPerS = Math.round(result.requests.average);
      const row = {
        scenario: scenario.name,
        p50_ms: result.latency.p50,
        p99_ms: result.latency.p99,
        req_per_s: reqPerS,
        // The route's throughput as a share of the health route's in this run (goal: ≥ 25 %).
        of_health_pct: health ? Math.round((100 * reqPerS) / health) : 100,
        non_2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        // The measured server's peak resident memory so far (the cache-off twin's is not counted).
        peak_rss_mb: Math.round(peak()),
        // The 1-minute load average at the end of the scenario (other work on the machine).
        load: Number(loadavg()[0].toFixed(2)),
      };
      rows.push(row);
      console.log(
        `${scenario.name.padEnd(36)} p50 ${String(row.p50_ms).padStart(4)} ms  p99 ${String(row.p99_ms).padStart(4)} ms  ` +
          `${String(row.req_per_s).padStart(5)} req/s  ${String(row.of_health_pct).padStart(3)} % of health  ` +
          `non-2xx ${row.non_2xx}  errors ${row.errors}  peak ${row.peak_rss_mb} MB  load ${row.load}`,
      );
    }
    if (!myWeekPath)
      console.log(
        'my-week: no such route in this build (slot kept: it is measured once the route exists)',
      );
    const peakMb = Math.round(peak());
    console.log(`server peak resident memory: ${peakMb} MB`);
    console.table(
      rows.map((row) => ({
        scenario: row['scenario'],
        'p50 ms': row['p50_ms'],
        'p99 ms': row['p99_ms'],
        'req/s': row['req_per_s'],
        '% of health': row['of_health_pct'],
        'peak MB': row['peak_rss_mb'],
        load: row['load'],
      })),
    );
    console.log(
      JSON.stringify({
        scenarios: rows,
        peakRssMb: peakMb,
        shifts: shiftCount,
        loadAverage: loadavg(),
      }),
    );
  } finally {
    server.kill('SIGTERM');
    uncached.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
