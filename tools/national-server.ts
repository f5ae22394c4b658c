/**
 * What the national-scale tools share: where the national database is, and the production
 * build started against it as `npm start` starts it (SERVER_NODE_FLAGS).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from './server-node-flags';

const ROOT = join(__dirname, '..');

/** The database `npm run seed:national` fills: NATIONAL_DATABASE_URL, else relais_national on DATABASE_URL's server. */
export function nationalDatabaseUrl(): string {
  if (process.env['NATIONAL_DATABASE_URL']) return process.env['NATIONAL_DATABASE_URL'];
  const server = new URL(
    process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  server.pathname = '/relais_national';
  return server.toString();
}

/** `dist/apps/api/main.js` on that database, in production mode, logging warnings only. */
export function startBuiltServer(options: {
  databaseUrl: string;
  secret: string;
  port: number;
  env?: Record<string, string>;
  nodeFlags?: string[];
}): ChildProcess {
  return spawn(
    join(ROOT, 'node_modules/.bin/node'),
    [...SERVER_NODE_FLAGS, ...(options.nodeFlags ?? []), join(ROOT, 'dist/apps/api/main.js')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: options.databaseUrl,
        SESSION_SECRET: options.secret,
        PORT: String(options.port),
        LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

/** Resolves once the server at `base` answers its health route (about a minute at most). */
export async function waitForHealth(base: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const ok = await fetch(`${base}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    if (attempt > 300) throw new Error('the server did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
