// The download budget (`make size`, run by `make test`): what a browser really fetches, measured
// in headless Chromium against dist/, each file counted at its brotli size (quality 11, as a
// static host would serve it).
//   - the first visit to `/`: every file fetched until the Separate screen is up;
//   - each other screen: the files its first visit fetches beyond that first screen (its pack:
//     its own module and the chunks it needs, scripts/pack-chunks.py).
// Fails above a budget or a count of files, when the first screen fetched a screen's pack (the
// split is gone), or when a deep link's pack was asked for only after the main module had
// arrived (src/boot.js asks for it alongside: no waterfall).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { freePort } from './port.mjs';
import path from 'node:path';
import zlib from 'node:zlib';

const FIRST_BUDGET = 200_000;
const FIRST_AIM = 150_000;
const SCREEN_BUDGET = 40_000;
const SCREEN_FILES = 8;
const PORT = await freePort();
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = 'dist';
const SCREENS = ['/jobs', '/jobs/no-such-job', '/history', '/library', '/demos', '/news', '/leaderboard',
  '/leaderboard/entry/1', '/leaderboard/queue', '/leaderboard/submit', '/account', '/settings'];

const brotli = new Map();
function brotliSize(file) {
  if (!brotli.has(file)) {
    const raw = fs.readFileSync(path.join(DIST, file));
    brotli.set(file, zlib.brotliCompressSync(raw, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }).length);
  }
  return brotli.get(file);
}
const sum = (files) => [...files].reduce((n, f) => n + brotliSize(f), 0);
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

const data = fs.mkdtempSync('/tmp/mvsep-size-');
const server = spawn('target/standin/mvsep-standin', ['--port', String(PORT), '--static', DIST, '--data', data], { stdio: 'ignore' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let exited = false;
server.on('exit', () => { exited = true; });
for (let i = 0; i < 100; i++) { try { await fetch(`${BASE}/api/app/queue`); break; } catch { await sleep(100); } }
// Another server on the port would be measured instead of dist/: make sure it is ours.
const served = await (await fetch(`${BASE}/`)).text();
if (exited || served !== fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')) {
  console.error(`make size: port ${PORT} is answered by something other than a stand-in serving ${DIST}/`);
  server.kill();
  process.exit(1);
}

/** The dist files a fresh browser fetches to show `url`, once the screen's heading is up, and
 * the packs asked for after the main module's download had ended. */
async function visit(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = new Set();
  page.on('requestfinished', (r) => {
    const u = new URL(r.url());
    const f = decodeURIComponent(u.pathname.slice(1));
    if (u.origin === BASE && !u.pathname.startsWith('/api/') && fs.existsSync(path.join(DIST, f || 'index.html'))) {
      files.add(f || 'index.html');
    }
  });
  // A deep link's pack must leave without waiting for the main module. On loopback the module
  // can be in before the page has even been read, so it is held back, as a phone's network
  // would, until a pack is asked for (10 s at most): a pack the app asks for, not src/boot.js,
  // comes only after that, and is late.
  if (url !== '/') {
    let asked;
    const packAsked = new Promise((r) => (asked = r));
    page.on('request', (r) => { if (/\/pack_\w+-[0-9a-f]{8}\.bin$/.test(r.url())) asked(); });
    await page.route(/_bg\.wasm$/, async (route) => {
      await Promise.race([packAsked, new Promise((r) => setTimeout(r, 10_000))]);
      await route.continue();
    });
  }
  await page.goto(`${BASE}${url}`);
  await page.locator('main h1').first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  // A deep link is answered with index.html under its own path.
  if (url !== '/') files.add('index.html');
  const late = await page.evaluate(() => {
    const all = performance.getEntriesByType('resource');
    const main = Math.min(...all.filter((e) => /_bg\.wasm$/.test(e.name)).map((e) => e.responseEnd));
    return all.filter((e) => /\/pack_\w+-[0-9a-f]{8}\.bin$/.test(e.name) && !(e.startTime < main))
      .map((e) => `${e.name.split('/').pop()} asked for at ${Math.round(e.startTime)} ms, the main module in at ${Math.round(main)} ms`);
  });
  await context.close();
  return { files, late };
}

let failed = false;
try {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'] });
  const { files: first } = await visit(browser, '/');
  const total = sum(first);
  console.log(`First visit to /: ${first.size} files, ${kb(total)} brotli (budget ${kb(FIRST_BUDGET)}, aim ${kb(FIRST_AIM)})`);
  for (const f of [...first].sort((a, b) => brotliSize(b) - brotliSize(a))) {
    console.log(`  ${f.padEnd(58)} ${String(brotliSize(f)).padStart(8)} B`);
  }
  if (![...first].some((f) => f.endsWith('.wasm'))) { console.error('the first visit fetched no wasm'); failed = true; }
  const screenPacks = [...first].filter((f) => /^pack_/.test(f));
  if (screenPacks.length) { console.error(`the first screen fetched packs: ${screenPacks.join(', ')}`); failed = true; }
  if (total > FIRST_BUDGET) { console.error(`the first visit is over its budget of ${kb(FIRST_BUDGET)}`); failed = true; }

  console.log(`\n${'Screen (first visit)'.padEnd(26)} files   own brotli   total`);
  for (const url of SCREENS) {
    const { files, late } = await visit(browser, url);
    const own = [...files].filter((f) => !first.has(f));
    const ownSize = sum(own);
    console.log(`${url.padEnd(26)} ${String(own.length).padStart(5)} ${kb(ownSize).padStart(12)} ${kb(sum(files)).padStart(9)}`);
    if (!own.some((f) => /^pack_/.test(f))) { console.error(`${url} fetched no pack of its own: is the build split?`); failed = true; }
    if (own.length > SCREEN_FILES) { console.error(`${url} fetched ${own.length} files of its own, more than ${SCREEN_FILES}`); failed = true; }
    for (const l of late) { console.error(`${url}: a waterfall, ${l}`); failed = true; }
    if (ownSize > SCREEN_BUDGET || process.env.SIZE_DETAIL) {
      for (const f of own.sort((a, b) => brotliSize(b) - brotliSize(a)).slice(0, 8)) console.log(`    ${f.padEnd(56)} ${String(brotliSize(f)).padStart(8)} B`);
    }
    if (ownSize > SCREEN_BUDGET) { console.error(`${url} is over its budget of ${kb(SCREEN_BUDGET)}`); failed = true; }
  }
  const all = fs.readdirSync(DIST).filter((f) => /\.(wasm|js|css|html|bin)$/.test(f));
  console.log(`\nAll of dist/: ${all.length} files, ${kb(sum(all))} brotli`);
  await browser.close();
} finally {
  server.kill();
  fs.rmSync(data, { recursive: true, force: true });
}
if (failed) process.exit(1);
