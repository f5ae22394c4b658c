import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap';
import { todayIn } from '../common/today';
import { loadConfig } from '../config/config';
import { databaseOn, TEMPLATE_PREFIX_ENV, withClient } from './test-database';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  /** The body as received, for binary answers (spreadsheets, PDF). */
  bytes: Buffer;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body sent as is (for malformed-input tests). */
  rawBody?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  baseUrl: string;
  /** The database the app runs on (embedded or real). */
  databaseUrl: string;
  app: INestApplication;
  dataSource: DataSource;
  request<T = unknown>(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<ApiResponse<T>>;
  /** Logs in and returns the session cookie (`relais_session=…`). */
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Server on which the test database is created (default `DATABASE_URL`). */
  serverUrl?: string;
  /** Use this existing database as is (neither created nor dropped), e.g. a second API process. */
  databaseUrl?: string;
}

export const DEMO_PASSWORD = 'relais-demo';

/** The environment of a test app, before its database is known. */
function testEnv(env: Record<string, string>): Record<string, string> {
  return {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'relais-test-')),
    SESSION_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'silent',
    WEB_ROOT: join(tmpdir(), 'relais-no-web'),
    // The tests run the hourly jobs themselves, on the day they choose.
    JOBS_CRON: 'off',
    ...env,
  };
}

/**
 * Boots the real app over HTTP on a database of its own: a fresh database on the server named by
 * `DATABASE_URL` (dropped afterwards), else an in-memory embedded PostgreSQL. On `DATABASE_URL`'s
 * server a demo app's database is a copy of this run's template (`test-database.ts`).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const serverUrl = options.databaseUrl
    ? undefined
    : (options.serverUrl ?? process.env['DATABASE_URL']);
  const appEnv = testEnv(env);
  let databaseUrl: string | undefined = options.databaseUrl;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (serverUrl) {
    const name = `relais_test_${randomBytes(6).toString('hex')}`;
    const isDemo = loadConfig({ ...appEnv, DATABASE_URL: serverUrl }).isDemo;
    const template = isDemo ? await demoTemplate(serverUrl) : undefined;
    await withClient(serverUrl, (client) =>
      client
        .query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`)
        .then(() => undefined),
    );
    databaseUrl = databaseOn(serverUrl, name);
    dropDatabase = async () => {
      await withClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    };
  }
  const config = loadConfig({
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...appEnv,
  });
  const running = await createApp(config, { isEmbeddedInMemory: true });
  await running.app.listen({ port: 0, host: '127.0.0.1' });
  const address = running.app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const { request, login } = httpClient(baseUrl);

  return {
    baseUrl,
    databaseUrl: running.databaseUrl,
    app: running.app,
    dataSource: running.app.get(DataSource),
    request,
    login,
    close: async () => {
      await running.close();
      await dropDatabase?.();
    },
  };
}

/** Requests to an API over HTTP, and logins, wherever it runs (this process or another). */
export function httpClient(baseUrl: string): Pick<TestApp, 'request' | 'login'> {
  const request = async <T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.cookie) headers['cookie'] = options.cookie;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(baseUrl + path, { method, headers, body });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: the test sees the raw text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers, bytes };
  };

  const login = async (email: string, password = DEMO_PASSWORD): Promise<string> => {
    const response = await request('POST', '/api/auth/login', { body: { email, password } });
    if (response.status !== 200) {
      throw new Error(`login ${email} → ${response.status} ${JSON.stringify(response.body)}`);
    }
    return sessionCookie(response.headers);
  };

  return { request, login };
}

/** The `name=value` part of the session cookie set by a response. */
export function sessionCookie(headers: Headers): string {
  const setCookie = headers.getSetCookie().find((cookie) => cookie.startsWith('relais_session='));
  if (!setCookie) throw new Error('no session cookie');
  return setCookie.split(';')[0];
}

/**
 * Seeded rows carry the time of the seed (a published week's publication time is its calendar
 * events' DTSTAMP, which a spec wants within 10 minutes of now): a template serves for 3 minutes,
 * then the next app to start seeds a new one, so the data stays about as recent as when each app
 * seeded its own database.
 */
const TEMPLATE_LIFETIME_MS = 3 * 60_000;

/**
 * The run's template of a migrated and seeded demo database on `DATABASE_URL`'s server, made by
 * the first app to ask (the others wait on an advisory lock): undefined without one (no
 * `global-setup.ts`, or another server). The demo seed's dates follow today: named by the day too.
 */
async function demoTemplate(serverUrl: string): Promise<string | undefined> {
  const prefix = process.env[TEMPLATE_PREFIX_ENV];
  if (!prefix || serverUrl !== process.env['DATABASE_URL']) return undefined;
  const period = Math.floor(Date.now() / TEMPLATE_LIFETIME_MS);
  const name = `${prefix}_${todayIn().replaceAll('-', '')}_${period}`;
  return withClient(serverUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return name;
      // Built under another name and renamed once whole: a template by this name is complete.
      const building = `${name}_build`;
      await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${building}`);
      const config = loadConfig({ ...testEnv({}), DATABASE_URL: databaseOn(serverUrl, building) });
      const running = await createApp(config, { isEmbeddedInMemory: true });
      await running.close();
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      return name;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}
