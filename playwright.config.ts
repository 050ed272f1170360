import { defineConfig } from '@playwright/test';

// The release build (dist/) and the stand-in API are served from one origin by the stand-in
// itself, as a production reverse proxy would. `make test` builds both before this runs.
const PORT = Number(process.env.E2E_PORT ?? 8791);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 8_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
  webServer: {
    command: `target/standin/mvsep-standin --port ${PORT} --static dist --data target/e2e-standin`,
    url: `http://127.0.0.1:${PORT}/api/app/queue`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
