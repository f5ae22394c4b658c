import { workspaceRoot } from '@nx/devkit';
import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The browser journeys run against the production build: the API serves the built web app.
const port = Number(process.env['E2E_PORT'] ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './src',
  outputDir: join(workspaceRoot, 'test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: { baseURL, trace: 'retain-on-failure', locale: 'fr-FR', timezoneId: 'Europe/Paris' },
  webServer: {
    command: 'node dist/apps/api/main.js',
    cwd: workspaceRoot,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      // With DATABASE_URL (CI), the server seeds that fresh database; else a throw-away embedded one.
      DATA_DIR: mkdtempSync(join(tmpdir(), 'relais-e2e-')),
      LOG_LEVEL: 'warn',
      // Every journey logs in from the same address: the per-address login budget is the
      // security specs' business, not the browser tests'.
      LOGIN_LIMIT_PER_IP: '500',
    },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          // Playwright cannot download browsers here: use Debian's Chromium.
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
