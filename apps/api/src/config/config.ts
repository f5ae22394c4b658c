import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Runtime settings, read once from the environment and validated at start-up. */
export interface AppConfig {
  port: number;
  /** Real PostgreSQL server; when absent, the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Streaming replicas for the heavy reads (`DATABASE_REPLICA_URLS`, comma-separated). */
  databaseReplicaUrls: string[];
  dataDir: string;
  sessionSecret: string;
  isProduction: boolean;
  /** Demo mode seeds the demo organisation into an empty database. */
  isDemo: boolean;
  /** Cookies get `Secure` when Relais is served over HTTPS (behind a proxy). */
  isSecureCookie: boolean;
  sessionTtlHours: number;
  webRoot: string;
  logLevel: string;
  /** Outgoing mail server (`smtp://user:pass@host:587`); no e-mail is sent without it. */
  smtpUrl?: string;
  /** Sender of notification e-mails. */
  mailFrom: string;
  /** Login attempts allowed per client address in 10 minutes (`LOGIN_LIMIT_PER_IP`, default 20). */
  loginLimitPerIp: number;
  /** Computed rota weeks kept in memory (`ROTA_CACHE_ENTRIES`, default 200; 0 turns it off). */
  rotaCacheEntries: number;
  /**
   * When the hourly jobs run (`JOBS_CRON`, Paris time, default `0 * * * *`); `off` schedules
   * nothing from this process (the tests, which run the jobs themselves).
   */
  jobsCron: string | null;
  /** First delay before an e-mail is tried again (`OUTBOX_RETRY_SECONDS`, 30), then doubled. */
  outboxRetrySeconds: number;
  /** Attempts after the first before an e-mail is given up as dead (`OUTBOX_RETRY_LIMIT`, 12). */
  outboxRetryLimit: number;
  /**
   * Whether the server warms up the auto-fill's solver worker once listening (`SOLVER_WARM_UP=on`).
   * Off by default: a warm worker holds about 45 MB for its ten idle minutes, and only the first
   * auto-fill after a start gains from it (later ones find the worker the first one left).
   */
  solverWarmUp: boolean;
}

export class ConfigError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT invalide : « ${raw} » (attendu un entier entre 0 et 65535).`);
  }
  return port;
}

function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const isProduction = env['NODE_ENV'] === 'production';
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL invalide : attendu postgres://utilisateur@hôte:port/base.');
  }
  const databaseReplicaUrls = (env['DATABASE_REPLICA_URLS'] ?? '')
    .split(',')
    .map((replica) => replica.trim())
    .filter(Boolean);
  if (databaseReplicaUrls.some((replica) => !/^postgres(ql)?:\/\//.test(replica))) {
    throw new ConfigError(
      'DATABASE_REPLICA_URLS invalide : attendu postgres://… séparées par des virgules.',
    );
  }
  if (databaseReplicaUrls.length && !databaseUrl) {
    throw new ConfigError('DATABASE_REPLICA_URLS demande DATABASE_URL (le serveur principal).');
  }
  const dataDir = resolve(env['DATA_DIR'] || '.data');
  // Production is a real server with no demo data; the embedded database is for trying Relais.
  const isDemo = !(isProduction && databaseUrl !== undefined) && env['RELAIS_DEMO'] !== 'false';
  let sessionSecret = env['SESSION_SECRET'];
  if (!sessionSecret) {
    if (isProduction && databaseUrl !== undefined) {
      throw new ConfigError(
        'SESSION_SECRET est obligatoire en production (32 caractères ou plus).',
      );
    }
    sessionSecret = readOrCreateSecret(dataDir);
  }
  if (sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET trop court : 32 caractères au moins.');
  }
  const ttl = Number(env['SESSION_TTL_HOURS'] ?? 12);
  if (!Number.isFinite(ttl) || ttl <= 0) {
    throw new ConfigError('SESSION_TTL_HOURS invalide : attendu un nombre d’heures positif.');
  }
  const smtpUrl = env['SMTP_URL'] || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL invalide : attendu smtp://utilisateur:motdepasse@hôte:port.');
  }
  const loginLimitPerIp = Number(env['LOGIN_LIMIT_PER_IP'] ?? 20);
  if (!Number.isInteger(loginLimitPerIp) || loginLimitPerIp < 1) {
    throw new ConfigError('LOGIN_LIMIT_PER_IP invalide : attendu un entier positif.');
  }
  const rotaCacheEntries = Number(env['ROTA_CACHE_ENTRIES'] ?? 200);
  if (!Number.isInteger(rotaCacheEntries) || rotaCacheEntries < 0) {
    throw new ConfigError('ROTA_CACHE_ENTRIES invalide : attendu un entier positif ou nul.');
  }
  const jobsCron = env['JOBS_CRON'] || '0 * * * *';
  if (jobsCron !== 'off' && jobsCron.trim().split(/\s+/).length !== 5) {
    throw new ConfigError('JOBS_CRON invalide : attendu une expression cron à 5 champs, ou off.');
  }
  const outboxRetrySeconds = Number(env['OUTBOX_RETRY_SECONDS'] ?? 30);
  if (!Number.isInteger(outboxRetrySeconds) || outboxRetrySeconds < 1) {
    throw new ConfigError('OUTBOX_RETRY_SECONDS invalide : attendu un nombre entier de secondes.');
  }
  const outboxRetryLimit = Number(env['OUTBOX_RETRY_LIMIT'] ?? 12);
  if (!Number.isInteger(outboxRetryLimit) || outboxRetryLimit < 0) {
    throw new ConfigError('OUTBOX_RETRY_LIMIT invalide : attendu un entier positif ou nul.');
  }
  return {
    port: parsePort(env['PORT']),
    databaseUrl,
    databaseReplicaUrls,
    dataDir,
    sessionSecret,
    isProduction,
    isDemo,
    isSecureCookie: env['COOKIE_SECURE'] === 'true',
    sessionTtlHours: ttl,
    webRoot: resolve(env['WEB_ROOT'] || 'dist/apps/web/browser'),
    logLevel: env['LOG_LEVEL'] || (isProduction ? 'info' : 'warn'),
    smtpUrl,
    mailFrom: env['MAIL_FROM'] || 'Relais <no-reply@relais.local>',
    loginLimitPerIp,
    rotaCacheEntries,
    jobsCron: jobsCron === 'off' ? null : jobsCron,
    outboxRetrySeconds,
    outboxRetryLimit,
    solverWarmUp: env['SOLVER_WARM_UP'] === 'on',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
