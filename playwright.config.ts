import { defineConfig } from '@playwright/test';

// Unless told otherwise (npm test sets these), a run gets a port, a data dir and a build folder of
// its own, so two runs on one machine never share a server, a cluster or a build. The workers
// inherit these from the runner's environment, so they see the same values.
process.env.E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
process.env.E2E_DATA_DIR ??= `data/e2e-${process.env.E2E_PORT}`;
process.env.NEXT_DIST_DIR ??= `${process.env.E2E_DATA_DIR}/next`;
const PORT = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${PORT}`;

/** Debian's Chromium (Playwright's own browser download cannot run offline). */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    // The same two-command path a person uses: npm start (embedded PostgreSQL, migrate, seed, build, serve).
    command: 'node --import tsx scripts/start.ts',
    url: `${baseURL}/sign-in`,
    timeout: 600_000, // build + seed on a loaded two-core machine can pass 4 minutes
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { PORT: String(PORT), HOST: '127.0.0.1', COUNTERFOIL_DATA_DIR: process.env.E2E_DATA_DIR, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR, NEXT_TELEMETRY_DISABLED: '1',
      // The whole server log, for e2e/ui/payment-methods.spec.ts (no card number or CVC in it): e2eServerLog().
      COUNTERFOIL_SERVER_LOG: `${process.env.E2E_DATA_DIR}/server.log`,
      // e2e/api/edge.spec.ts sends as a proxy from this loopback address; every other one is a direct client.
      TRUSTED_PROXIES: '127.0.0.3' },
  },
});
