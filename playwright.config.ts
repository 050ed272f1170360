import { defineConfig } from '@playwright/test';

// The release build (dist/) and the stand-in API are served from one origin by the stand-in
// itself, as a production reverse proxy would. `make test` builds both before this runs.
// Each worker has a stand-in of its own on the next port (tests/e2e/fixtures.ts picks it), so
// two specs never share the service's state; two workers halve the wait on 2 cores, since a
// test mostly waits on jobs and timers.
const PORT = Number(process.env.E2E_PORT ?? 8791);
const WORKERS = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 8_000 },
  fullyParallel: true,
  workers: WORKERS,
  retries: 0,
  reporter: [['list']],
  use: {
    // baseURL: each worker's own stand-in, set in tests/e2e/fixtures.ts.
    // The service worker (src/sw.js) only where a spec allows it (pwa.spec.ts): a worker would
    // answer the page's requests before the routes some specs set could see them.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
  webServer: Array.from({ length: WORKERS }, (_, i) => ({
    command: `target/standin/mvsep-standin --port ${PORT + i} --static dist --data target/e2e-standin-${i}`,
    url: `http://127.0.0.1:${PORT + i}/api/app/queue`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
