/**
 * Start-up of the production build: time from `node dist/apps/api/main.js` (with the
 * flags of `npm start`, SERVER_NODE_FLAGS) to its first answer,
 * and resident memory once idle, on the embedded database (PGlite in the process) and on
 * PostgreSQL, each from an empty database (migrations and demo seed included) and again on the
 * data the first start left.
 *
 * Usage: `npm run bench:start` (builds the API, then runs this). PostgreSQL is the server of
 * `DATABASE_URL` (default 127.0.0.1:5432), on a throw-away database of its own. BENCH_IDLE_SECONDS
 * (default 10) is how long the server idles before its memory is read. Prints one line per run,
 * then a JSON summary.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SERVER_NODE_FLAGS } from './server-node-flags';

const ROOT = join(__dirname, '..');
const IDLE_SECONDS = Number(process.env['BENCH_IDLE_SECONDS'] ?? 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Run {
  database: 'embedded' | 'postgresql';
  data: 'empty' | 'existing';
  firstAnswerSeconds: number;
  idleRssMb: number;
}

/** Resident memory of a process, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  if (!line) throw new Error('no VmRSS');
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });
}

async function measure(
  database: Run['database'],
  data: Run['data'],
  env: Record<string, string>,
): Promise<Run> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const started = performance.now();
  const server = spawn(
    join(ROOT, 'node_modules/.bin/node'),
    [...SERVER_NODE_FLAGS, join(ROOT, 'dist/apps/api/main.js')],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server ended (${server.exitCode})`);
      const isUp = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((response) => response.ok)
        .catch(() => false);
      if (isUp) break;
      if (performance.now() - started > 300_000) throw new Error('the server did not start');
      await sleep(50);
    }
    const firstAnswerSeconds = (performance.now() - started) / 1000;
    await sleep(IDLE_SECONDS * 1000);
    const run = {
      database,
      data,
      firstAnswerSeconds: Math.round(firstAnswerSeconds * 10) / 10,
      idleRssMb: rssMb(server.pid ?? 0),
    };
    console.log(
      `${database.padEnd(10)} ${data.padEnd(8)} data: first answer ${run.firstAnswerSeconds.toFixed(1)} s, ` +
        `resident memory after ${IDLE_SECONDS} s idle ${run.idleRssMb} MB`,
    );
    return run;
  } finally {
    await stop(server);
  }
}

async function main(): Promise<void> {
  const server = new URL(
    process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  const name = `relais_bench_start_${process.pid}`;
  const admin = async (text: string) => {
    const client = new Client({ connectionString: server.toString() });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  const database = Object.assign(new URL(server.toString()), { pathname: `/${name}` });
  const common = {
    SESSION_SECRET: randomBytes(24).toString('hex'),
    WEB_ROOT: join(ROOT, 'dist/apps/web/browser'),
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-bench-start-'));
  console.log(
    `${cpus().length} cores, load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}, node ${process.version}`,
  );
  const runs: Run[] = [];
  try {
    const embedded = { ...common, DATABASE_URL: '', DATA_DIR: dataDir };
    runs.push(await measure('embedded', 'empty', embedded));
    runs.push(await measure('embedded', 'existing', embedded));
    await admin(`CREATE DATABASE ${name}`);
    const postgres = { ...common, DATABASE_URL: database.toString(), DATA_DIR: dataDir };
    runs.push(await measure('postgresql', 'empty', postgres));
    runs.push(await measure('postgresql', 'existing', postgres));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  console.log(JSON.stringify({ idleSeconds: IDLE_SECONDS, loadAverage: loadavg()[0], runs }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
