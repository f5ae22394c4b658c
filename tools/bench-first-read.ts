/**
 * Server CPU of the first rota read after a shift write, one request at a time, on a database
 * seeded by `npm run seed:national` (NATIONAL_ORGANISATIONS may make it smaller: a site-week
 * reads the same whatever the number of associations). Usage:
 * `npm run bench:first-read -- [--rounds 40] [--profile DIR]` (builds the API, then runs this)
 * (`--profile`: a `--cpu-prof` of the server with the cache on, written to DIR at its exit).
 *
 * Starts the built server twice (the rota cache on, and off as every read computed the week
 * before the cache), logs in as `manager.1@o01.national.test`, and in each round deletes one of
 * the week's shifts then reads the week (the first read after a write), creates it again (the
 * answer carries its violations, read through the cache) and reads the week once more (served
 * from the cache). The server's CPU time per request is the sum of its threads' run time
 * (`/proc/PID/task/TID/schedstat`, nanoseconds) before and after the request: garbage
 * collection and compilation threads included. Prints the median and the quartiles in ms, and
 * the load average.
 */
import { isoWeekOfInstant } from '@relais/rules';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { nationalDatabaseUrl, startBuiltServer, waitForHealth } from './national-server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time of every thread of a process so far, in ms. */
function cpuMs(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return ns / 1e6;
}

function quartiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms (quartiles ${at(0.25).toFixed(1)}–${at(0.75).toFixed(1)})`;
}

interface ShiftRow {
  id: string;
  personId: string | null;
  locationId: string;
  activity: string;
  start: string;
  end: string;
  breakMinutes: number;
  trainingSessionId?: string | null;
}

async function main(): Promise<void> {
  const option = (name: string) =>
    process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
  const rounds = Number(option('--rounds') ?? 40);
  const profile = option('--profile');
  const url = nationalDatabaseUrl();
  const port = 3990 + Math.floor(Math.random() * 5);
  const secret = randomBytes(24).toString('hex');
  const start = (serverPort: number, env: Record<string, string>, nodeFlags: string[] = []) =>
    startBuiltServer({ databaseUrl: url, secret, port: serverPort, env, nodeFlags });
  const servers = [
    {
      name: 'cache on',
      process: start(port, {}, profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      port,
    },
    { name: 'cache off', process: start(port + 5, { ROTA_CACHE_ENTRIES: '0' }), port: port + 5 },
  ];
  try {
    console.log(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1))}`);
    for (const server of servers) {
      const base = `http://127.0.0.1:${server.port}`;
      await waitForHealth(base);
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'manager.1@o01.national.test',
          password: process.env['NATIONAL_PASSWORD'] ?? 'relais-national',
        }),
      });
      const cookie = login.headers.getSetCookie()[0]?.split(';')[0];
      if (!login.ok || !cookie) throw new Error(`login: ${login.status}`);
      const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as {
        siteIds: string[];
      };
      const week = isoWeekOfInstant(Date.now(), 'Europe/Paris');
      const rotaPath = `/api/rota?siteId=${me.siteIds[0]}&week=${week}`;
      const pid = server.process.pid as number;
      /** Sends a request and returns the server's CPU time for it. */
      const measured = async (
        method: string,
        path: string,
        body?: unknown,
      ): Promise<{ ms: number; status: number; json: unknown }> => {
        const before = cpuMs(pid);
        const response = await fetch(base + path, {
          method,
          headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        const text = await response.text();
        // The last bytes are written before the response ends; let the server finish its turn.
        await sleep(20);
        return {
          ms: cpuMs(pid) - before,
          status: response.status,
          json: text ? JSON.parse(text) : null,
        };
      };
      const first = await measured('GET', rotaPath);
      const shifts = (first.json as { shifts: ShiftRow[] }).shifts.filter(
        (shift) => shift.personId !== null && !shift.trainingSessionId,
      );
      if (shifts.length === 0) throw new Error('no shift in the week');
      const reads: number[] = [];
      const creates: number[] = [];
      const deletes: number[] = [];
      const hits: number[] = [];
      for (let round = 0; round < rounds + 3; round++) {
        const shift = shifts[round % shifts.length];
        const current = (
          (await measured('GET', rotaPath)).json as { shifts: (ShiftRow & { version: number })[] }
        ).shifts.find((candidate) => candidate.id === shift.id);
        if (!current) throw new Error('the shift is gone');
        const deleted = await measured(
          'DELETE',
          `/api/shifts/${current.id}?version=${current.version}`,
        );
        if (deleted.status !== 204) throw new Error(`delete: ${deleted.status}`);
        const read = await measured('GET', rotaPath);
        const created = await measured('POST', '/api/shifts', {
          personId: current.personId,
          locationId: current.locationId,
          activity: current.activity,
          start: current.start,
          end: current.end,
          breakMinutes: current.breakMinutes,
        });
        if (created.status !== 201) throw new Error(`create: ${created.status}`);
        shifts[round % shifts.length] = (created.json as { shift: ShiftRow }).shift;
        const hit = await measured('GET', rotaPath);
        // The first rounds warm the server up (compilation).
        if (round < 3) continue;
        deletes.push(deleted.ms);
        reads.push(read.ms);
        creates.push(created.ms);
        hits.push(hit.ms);
      }
      console.log(`${server.name}, ${rounds} rounds:`);
      console.log(`  first read after a write  ${quartiles(reads)}`);
      console.log(`  shift create (answer)     ${quartiles(creates)}`);
      console.log(`  shift delete              ${quartiles(deletes)}`);
      console.log(`  read again                ${quartiles(hits)}`);
      console.log(`  load average ${loadavg().map((l) => l.toFixed(1))}`);
    }
  } finally {
    for (const server of servers) server.process.kill();
    await Promise.all(
      servers.map(
        (server) =>
          new Promise((resolve) =>
            server.process.exitCode === null ? server.process.once('exit', resolve) : resolve(0),
          ),
      ),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
