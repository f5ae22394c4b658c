import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/config';

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

/**
 * Boots the real app over HTTP on a database of its own: a fresh database on the server named by
 * `DATABASE_URL` (dropped afterwards), else an in-memory embedded PostgreSQL.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const serverUrl = options.databaseUrl
    ? undefined
    : (options.serverUrl ?? process.env['DATABASE_URL']);
  let databaseUrl: string | undefined = options.databaseUrl;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (serverUrl) {
    const name = `relais_test_${randomBytes(6).toString('hex')}`;
    await withClient(serverUrl, (client) =>
      client.query(`CREATE DATABASE ${name}`).then(() => undefined),
    );
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      await withClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    };
  }
  const config = loadConfig({
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'relais-test-')),
    SESSION_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'silent',
    WEB_ROOT: join(tmpdir(), 'relais-no-web'),
    // The tests run the hourly jobs themselves, on the day they choose.
    JOBS_CRON: 'off',
    ...env,
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

async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
