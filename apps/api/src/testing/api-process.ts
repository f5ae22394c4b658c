import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './private-postgres';
import { httpClient, TestApp } from './test-app';

/** The API in an operating-system process of its own, reached over HTTP only. */
export interface ApiProcess extends Pick<TestApp, 'request' | 'login'> {
  baseUrl: string;
  pid: number;
  /** SIGTERM, then waits for the process to end (its clean shutdown). */
  close(): Promise<void>;
}

const ROOT = resolve(__dirname, '../../../..');

/**
 * Starts `apps/api/src/main.ts` in a child Node process (compiled on the fly by ts-node, with the
 * decorator metadata Nest needs), on `databaseUrl`, and waits for its first answer. Nothing is
 * shared with the test process or another instance but the database and what `env` says.
 */
export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        TS_NODE_PROJECT: 'tsconfig.base.json',
        TS_NODE_TRANSPILE_ONLY: 'true',
        TS_NODE_COMPILER_OPTIONS: JSON.stringify({
          module: 'commonjs',
          moduleResolution: 'bundler',
          target: 'es2021',
          esModuleInterop: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
        }),
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'relais-process-')),
        WEB_ROOT: join(tmpdir(), 'relais-no-web'),
        LOG_LEVEL: 'warn',
        JOBS_CRON: 'off',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 170_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`API process ended (${child.exitCode}): ${output}`);
    const isUp = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (isUp) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API process did not answer in time: ${output}`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    ...httpClient(baseUrl),
    close: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}
