import compress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
// Brings reply.sendFile() into the types (the plugin is registered by useStaticAssets).
import '@fastify/static';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app/app.module';
import { JobQueueService } from './app/jobs/job-queue.service';
import { EVIDENCE_BODY_LIMIT, EVIDENCE_ROUTE } from './app/pathways/pathways.controller';
import { syncDataVersionTriggers } from './app/rota/site-week/site-week-tables';
import { registerCrossSiteGuard } from './common/csrf';
import { ANSWER_ENCODINGS, BROTLI_OPTIONS, COMPRESSION_THRESHOLD } from './common/encoded-body';
import { apiError, HttpExceptionFilter } from './common/http-exception.filter';
import {
  DEFAULT_BODY_LIMIT,
  PUBLIC_BODY_LIMIT,
  PUBLIC_WRITE_ROUTES,
  registerJsonBodyParser,
} from './common/request-body';
import { RequestContextInterceptor } from './common/request-context';
import { SafeTextPipe } from './common/safe-text.pipe';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { EmbeddedPostgres } from './database/embedded-postgres';
import { seedDemoIfEmpty } from './database/seed/demo-seed';

export interface RunningApp {
  app: NestFastifyApplication;
  databaseUrl: string;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  /** Keep the embedded database in memory instead of `DATA_DIR` (tests). */
  isEmbeddedInMemory?: boolean;
}

const NEST_LOG_LEVELS: Record<string, LogLevel[]> = {
  silent: [],
  error: ['error'],
  warn: ['error', 'warn'],
  info: ['error', 'warn', 'log'],
  debug: ['error', 'warn', 'log', 'debug'],
};

/**
 * Builds the whole server: database (embedded or real), migrations, demo seed, API, OpenAPI and
 * the built web app on the same port. `main.ts` and the integration tests both start here.
 */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<RunningApp> {
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const dir = options.isEmbeddedInMemory ? undefined : join(config.dataDir, 'pgdata');
    embedded = await EmbeddedPostgres.start(dir, 12);
    databaseUrl = embedded.url;
  }
  try {
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(config, databaseUrl, embedded ? 1 : 10),
      new FastifyAdapter({
        logger: {
          level: config.logLevel,
          redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        },
        bodyLimit: DEFAULT_BODY_LIMIT,
        // Long ids reach the route and get a French 400 naming the parameter.
        routerOptions: { maxParamLength: 1000 },
        trustProxy: config.isSecureCookie,
      }),
      { logger: NEST_LOG_LEVELS[config.logLevel] ?? NEST_LOG_LEVELS['warn'], abortOnError: false },
    );
    await configure(app, config);
    await app.init();

    const dataSource = app.get(DataSource);
    await migrate(dataSource, !embedded);
    // After the migrations (pg-boss installs its own schema beside them), before the demo seed,
    // whose notifications put e-mails in the outbox.
    await app.get(JobQueueService).start();
    if (config.isDemo) await seedDemoIfEmpty(dataSource);

    return {
      app,
      databaseUrl,
      close: async () => {
        // Order matters: the pool first, then the socket server, then PGlite itself.
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/**
 * Runs pending migrations. On a real server several API instances may start at once: a session
 * advisory lock makes them take turns (the later ones find nothing left to do). The embedded
 * database has one connection and one process, so no lock there.
 */
async function migrate(dataSource: DataSource, isShared: boolean): Promise<void> {
  if (!isShared) {
    await dataSource.runMigrations({ transaction: 'each' });
    await syncDataVersionTriggers(dataSource);
    return;
  }
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(727000)');
    await dataSource.runMigrations({ transaction: 'each' });
    await syncDataVersionTriggers(dataSource);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(727000)').catch(() => undefined);
    await runner.release();
  }
}

/** Files of the web build never served from an HTTP cache without asking first. */
const NO_CACHE_FILES = new Set(['index.html', 'ngsw-worker.js', 'ngsw.json', 'safety-worker.js']);
/** Bundles named by their content (`main-KSMBEPLT.js`, `chunk-CoKhveuv.js`, `styles-….css`). */
const HASHED_FILE = /^(main|chunk|polyfills|styles)-[\w-]{8}\.(js|css)$/;

async function configure(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.setGlobalPrefix('api');
  await app.register(fastifyCookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Angular Material and Swagger UI set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // Angular's service worker (ngsw-worker.js), served from this origin.
        workerSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.isSecureCookie ? [] : null,
      },
    },
    hsts: config.isSecureCookie,
  });

  // Body limits per route, checked before any parsing (a larger Content-Length is refused unread):
  // evidence files (base64 JSON, 5 MB decoded) get a larger one, the routes open without a
  // session a smaller one, every other route the default given to the adapter.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      if (route.url === EVIDENCE_ROUTE) route.bodyLimit = EVIDENCE_BODY_LIMIT;
      if (PUBLIC_WRITE_ROUTES.includes(route.url)) route.bodyLimit = PUBLIC_BODY_LIMIT;
    });
  // API answers compressed as the browser accepts (a week's grid: 63 kB of JSON, 7 kB in Brotli);
  // Brotli at a quality that costs about a millisecond for that week. The built web files are
  // compressed at build time and served as they are (they carry their encoding already).
  // A cached week keeps its compressed forms (see common/encoded-body.ts): same settings.
  await app.register(compress, {
    threshold: COMPRESSION_THRESHOLD,
    encodings: [...ANSWER_ENCODINGS],
    brotliOptions: BROTLI_OPTIONS,
  });
  registerJsonBodyParser(app);
  registerCrossSiteGuard(app.getHttpAdapter().getInstance());

  // Nest answers an unknown route itself, outside the exception filter: same French body.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (_request, reply, payload) => {
      if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
      if (!/"message":"(Cannot [A-Z]+ \/)/.test(payload)) {
        return payload;
      }
      return JSON.stringify(apiError(reply.statusCode));
    });

  app.useGlobalPipes(new SafeTextPipe(), createValidationPipe());

  const indexHtml = join(config.webRoot, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    app.useStaticAssets({
      root: config.webRoot,
      prefix: '/',
      index: ['index.html'],
      // The build writes a Brotli and a gzip copy of each text file (tools/compress-web.ts):
      // served as the browser accepts, the raw file otherwise.
      preCompressed: true,
      // @fastify/static 10 hands over the Fastify reply (Nest's type still says `setHeader`).
      setHeaders: (reply, path) => {
        const name = basename(path).replace(/\.(br|gz)$/, '');
        // The page, the service worker and its manifest name the current build: always
        // revalidated, or a browser could keep running an old build against a newer API.
        if (NO_CACHE_FILES.has(name)) {
          (reply as unknown as FastifyReply).header('Cache-Control', 'no-cache');
        } else if (HASHED_FILE.test(name)) {
          // A content hash in the name: the file never changes, a new build names a new one.
          (reply as unknown as FastifyReply).header(
            'Cache-Control',
            'public, max-age=31536000, immutable',
          );
        }
      },
    });
  }
  // Not awaited: awaiting a streaming reply adds one more "close" listener (end-of-stream) to
  // those of the file stream, past Node's warning threshold of 10; Fastify ends the reply itself.
  const sendSpa = hasWeb
    ? (reply: FastifyReply): void => {
        void reply.type('text/html').sendFile('index.html', config.webRoot);
      }
    : undefined;
  app.useGlobalFilters(new HttpExceptionFilter(sendSpa));
  app.useGlobalInterceptors(new RequestContextInterceptor());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Relais API')
      .setDescription('Plannings des sites de médiation et parcours des médiateurs.')
      .setVersion('1')
      .addCookieAuth('relais_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
