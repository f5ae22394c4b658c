/**
 * Web front-end figures: the initial JavaScript of the production bundle (gzip) and a Lighthouse
 * run (desktop preset) on the system Chromium against the rota page, logged in as a manager.
 * Usage: `npm run bench:web` (builds api and web in production mode, then runs this).
 *
 * The server runs the demo on an embedded database in a temporary folder; CHROMIUM_PATH names
 * the browser (default /usr/bin/chromium).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(__dirname, '..');
const BROWSER = join(ROOT, 'dist/apps/web/browser');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Scripts the browser loads before the first render: entry modules and their modulepreloads. */
function initialJs(): { files: { file: string; raw: number; gzip: number }[]; gzip: number } {
  const html = readFileSync(join(BROWSER, 'index.html'), 'utf8');
  const names = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) names.add(match[1]);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) {
    names.add(match[1]);
  }
  const files = [...names].map((file) => {
    const content = readFileSync(join(BROWSER, file));
    return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
  return { files, gzip: files.reduce((sum, file) => sum + file.gzip, 0) };
}

async function lighthouseRun(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-bench-web-'));
  const port = 3990 + Math.floor(Math.random() * 9);
  const server = spawn(
    join(ROOT, 'node_modules/.bin/node'),
    [join(ROOT, 'dist/apps/api/main.js')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        SESSION_SECRET: randomBytes(24).toString('hex'),
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const base = `http://localhost:${port}`;
  // Lighthouse and chrome-launcher are ES modules.
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  let chrome: { port: number; kill(): void } | undefined;
  try {
    for (let attempt = 0; ; attempt++) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (attempt > 300) throw new Error('the server did not start');
      await sleep(200);
    }
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager.sud@relais.demo', password: 'relais-demo' }),
    });
    if (!login.ok) throw new Error(`login: ${login.status}`);
    const cookie = login.headers.getSetCookie()[0].split(';')[0];
    chrome = await chromeLauncher.launch({
      chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    const result = await lighthouse(
      `${base}/planning`,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        extraHeaders: { Cookie: cookie },
      },
      desktopConfig,
    );
    if (!result) throw new Error('no Lighthouse result');
    const { categories, audits } = result.lhr;
    const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
    const ms = (key: string) => Math.round(audits[key]?.numericValue ?? 0);
    const finalUrl = result.lhr.finalDisplayedUrl;
    if (!finalUrl.endsWith('/planning')) throw new Error(`not logged in: landed on ${finalUrl}`);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      firstContentfulPaintMs: ms('first-contentful-paint'),
      largestContentfulPaintMs: ms('largest-contentful-paint'),
      totalBlockingTimeMs: ms('total-blocking-time'),
      cumulativeLayoutShift: Number(
        (audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3),
      ),
    };
  } finally {
    chrome?.kill();
    server.kill('SIGTERM');
    await sleep(500);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const bundle = initialJs();
  for (const file of bundle.files) {
    console.log(
      `${file.file.padEnd(32)} ${(file.raw / 1024).toFixed(1).padStart(7)} kB  gzip ${(file.gzip / 1024).toFixed(1).padStart(6)} kB`,
    );
  }
  console.log(`initial JS, gzip: ${(bundle.gzip / 1024).toFixed(1)} kB (goal ≤ 250 kB)`);
  const scores = await lighthouseRun();
  console.log(
    `Lighthouse (desktop) on /planning as a manager: performance ${scores['performance']} (goal ≥ 95), ` +
      `accessibility ${scores['accessibility']} (goal 100), best practices ${scores['bestPractices']}`,
  );
  console.log(
    JSON.stringify({ initialJsGzipKb: Number((bundle.gzip / 1024).toFixed(1)), ...scores }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
