// End-to-end tests: one production server (scripts/e2e-server.ts: fresh database, demo seed,
// `next start` on :3100) shared by all specs. Run with `npm run test:e2e` (builds first).
// Projects: `setup` signs in once per demo role and saves storageState files to e2e/.auth/;
// `chromium` runs the specs; `resilience` runs last and alone, because it takes the database away
// from the shared server.
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // The machine has 2 cores; the server needs one of them.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Playwright cannot download browsers here: Debian's Chromium.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /global\.setup\.ts/ },
    {
      name: 'chromium',
      dependencies: ['setup'],
      testIgnore: /(global\.setup|\.resilience\.spec)\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'resilience',
      dependencies: ['chromium'],
      testMatch: /\.resilience\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: 'node_modules/.bin/tsx scripts/e2e-server.ts',
    url: `${baseURL}/login`,
    // Migrating and seeding a fresh database comes first.
    timeout: 300_000,
    // E2E_REUSE_SERVER=1 keeps a server you started yourself (same script) for quick reruns.
    reuseExistingServer: !!process.env.E2E_REUSE_SERVER,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: { NEXT_TELEMETRY_DISABLED: '1', E2E_PORT: String(PORT) },
  },
});
