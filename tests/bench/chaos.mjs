// make chaos (a benchmark; `make test` runs it short, CHAOS_FILES=10): a batch on a premium
// account while about a fifth of all API calls fail in mixed ways (502 pages, drops before and
// after the work, cut-off JSON, 429 with Retry-After, latency spikes), with one reload in the
// middle. Nobody presses anything after "Separate". It fails unless every file ends done, the
// service holds exactly one job per file, and no file is asked for again; it prints the time,
// the requests and the resends.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { stereoWav } from './wav.mjs';

const N = Number(process.env.CHAOS_FILES ?? 50);
const PORT = Number(process.env.CHAOS_PORT ?? 8795);
const BASE = `http://127.0.0.1:${PORT}`;
const TOKEN = 'standin-premium-token-000000000000';
const LIMIT_MS = Number(process.env.CHAOS_LIMIT_MS ?? 15 * 60_000);
// About 20 % of calls in all (the rates fire by call count: each is exact over a run).
const FAULTS = {
  queue_ahead: 0, error_rate: 0.06, drop_rate: 0.03, drop_after_rate: 0.04, malformed_rate: 0.03,
  rate_limit_rate: 0.02, retry_after_secs: 2, slow_rate: 0.02, slow_ms: 4000,
  // Each job runs a few seconds, so the plan's slots fill and files wait in the browser's queue.
  processing_ms: 4000,
};

const dir = fs.mkdtempSync('/tmp/mvsep-chaos-');
const server = spawn('target/standin/mvsep-standin', ['--port', String(PORT), '--static', 'dist', '--data', dir], { stdio: 'ignore' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
for (let i = 0; i < 50; i++) { try { await fetch(`${BASE}/api/app/queue`); break; } catch { await sleep(100); } }
const admin = (path, body) => fetch(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });

/** Every job the service holds for the account, page by page. */
async function jobsAtService() {
  let n = 0;
  for (let start = 0; ; start += 20) {
    const rows = (await (await fetch(`${BASE}/api/app/separation_history?api_token=${TOKEN}&start=${start}&limit=20`)).json()).data;
    n += rows.length;
    if (rows.length < 20) return n;
  }
}

let failed = '';
const fail = (why) => { failed ||= why; };
const figures = { requests: 0, creates: 0, failedCalls: 0, status: {} };
try {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'] });
  const page = await browser.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(`${BASE}/api/`)) return;
    figures.requests++;
    if (r.url().includes('/api/separation/create')) figures.creates++;
  });
  page.on('response', (r) => { if (r.url().startsWith(`${BASE}/api/`) && r.status() >= 400) figures.status[r.status()] = (figures.status[r.status()] ?? 0) + 1; });
  page.on('requestfailed', (r) => { if (r.url().startsWith(`${BASE}/api/`)) figures.failedCalls++; });
  page.on('pageerror', (e) => fail(`page error: ${e.message}`));

  await page.goto(`${BASE}/settings`);
  await page.getByLabel('API token').fill(TOKEN);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Separate' }).click();
  await page.getByRole('radio', { name: /^MelBand Roformer/ }).check();
  const files = Array.from({ length: N }, (_, i) => ({
    name: `chaos ${String(i + 1).padStart(2, '0')}.wav`, mimeType: 'audio/wav',
    buffer: stereoWav(44100 * 2, 44100, (t) => [0.3 * Math.sin(2 * Math.PI * (220 + i) * t), 0.3 * Math.sin(2 * Math.PI * 330 * t)]),
  }));
  await page.setInputFiles('#audio-files', files);
  await page.getByText(`${N} files`).first().waitFor({ timeout: 20_000 }).catch(() => {});
  await admin('/__admin/faults', FAULTS);
  const started = Date.now();
  await page.getByRole('button', { name: 'Separate', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();

  // The reload comes when about half the files have been sent and the rest wait in this
  // browser's queue for a slot: they must go on from the files kept in IndexedDB.
  // (Files still kept in IndexedDB are those not sent yet.)
  const unsent = () => page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('mvsep-files', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('files');
    open.onsuccess = () => { const c = open.result.transaction('files').objectStore('files').count(); c.onsuccess = () => resolve(c.result); };
    open.onerror = () => resolve(0);
  }));
  while (Date.now() - started < LIMIT_MS && !(figures.creates >= N / 2 && await unsent() > 0)) await sleep(200);
  const creates = figures.creates;
  const waiting = await unsent();
  await page.reload();
  const reloadedAt = (Date.now() - started) / 1000;

  const done = page.locator('li.job .job-status', { hasText: /^Done$/ });
  const asked = page.getByText(/choose the file again|Choose .* again to retry/);
  const retry = page.getByRole('button', { name: /^(Retry|Check again)/ });
  let retryShown = 0;
  while (Date.now() - started < LIMIT_MS) {
    if (await asked.count()) { fail('a file was asked for again after the reload'); break; }
    retryShown = Math.max(retryShown, await retry.count());
    if (await done.count() === N) break;
    await sleep(500);
  }
  const secs = (Date.now() - started) / 1000;
  await admin('/__admin/faults', { error_rate: 0, drop_rate: 0, drop_after_rate: 0, malformed_rate: 0, rate_limit_rate: 0, slow_rate: 0 });
  const doneCount = await done.count();
  const held = await jobsAtService();
  await browser.close();

  console.log(`chaos: ${N} files on premium, about 20 % of API calls failing, one reload after ${creates} creates (${reloadedAt.toFixed(1)} s) with ${waiting} files not sent yet`);
  console.log(`  done: ${doneCount}/${N} in ${secs.toFixed(1)} s; jobs at the service: ${held}; Retry buttons seen: ${retryShown}, pressed: 0`);
  console.log(`  API requests: ${figures.requests} (creates ${figures.creates}: ${figures.creates - N} resent); answers >= 400: ${JSON.stringify(figures.status)}; failed (dropped) calls: ${figures.failedCalls}`);
  if (!waiting) fail('no file was waiting in the queue at the reload: the run did not test a resumed batch');
  if (doneCount !== N) fail(`${doneCount} of ${N} done within ${LIMIT_MS / 1000} s`);
  if (held !== N) fail(`the service holds ${held} jobs for ${N} files`);
  if (retryShown) fail(`a Retry button showed: the app asked the person`);
} catch (e) {
  fail(String(e));
} finally {
  server.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}
if (failed) { console.error(`chaos: FAILED: ${failed}`); process.exit(1); }
