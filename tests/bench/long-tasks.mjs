// `make long-tasks` (in `make bench`): main-thread tasks over 50 ms on each screen of the release
// build, as a mid-range phone would have them (Chromium at 4x slower CPU, 1.6 Mbit/s, 150 ms), by
// the page's own long-task observer. The README's "Long tasks left" are its figures. The site is
// served as lighthouse/run.mjs serves it (host.mjs; DIST= for another build); a new visitor
// each load.
//
// Whose time a long task is: the Long Animation Frames API names each script that ran over 5 ms
// in a long frame (the glue and the wasm under it, src/boot.js), so each long task is listed with
// the scripts' share of it, and the longest one script ran. And a control, loaded in turn with
// the app: the same page with no script at all (its scripts and preloads taken out: the static
// shell and its styles alone), whose long tasks are the browser's own reading and first frame.
//   node tests/bench/long-tasks.mjs [path ...]   (RUNS=n loads of each, 3 by default)
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DIST, siteHandler, startStandin } from './host.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const PATHS = process.argv.slice(2).length ? process.argv.slice(2)
  : ['/', '/jobs', '/history', '/library', '/demos', '/news', '/leaderboard', '/leaderboard/entry/1',
    '/leaderboard/queue', '/leaderboard/submit', '/account', '/settings'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The control: dist's page without its scripts and preloads, in a folder of its own. */
function shellAlone() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvsep-shell-'));
  const page = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\brel=(?:modulepreload|preload)\b[^>]*>/g, '');
  if (/<script/.test(page)) throw new Error('long-tasks: a script is left in the control page');
  fs.writeFileSync(path.join(dir, 'index.html'), page);
  fs.cpSync(path.join(DIST, 'icons'), path.join(dir, 'icons'), { recursive: true });
  return dir;
}

const standin = await startStandin('mvsep-lt-');
const control = shellAlone();
const serve = async (dist) => {
  const s = http.createServer(siteHandler(dist, standin.api)).listen(0, '127.0.0.1');
  await new Promise((r) => s.on('listening', r));
  return { s, url: `http://127.0.0.1:${s.address().port}` };
};
const app = await serve(DIST), shell = await serve(control);

/** One load of `url` by a new visitor: its long tasks, each [start, ms, scripts' ms in it, before
 * DOMContentLoaded], and the longest any one script ran. */
async function load(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await page.addInitScript(() => {
      const seen = (window.__long = { tasks: [], scripts: [] });
      new PerformanceObserver((l) => { for (const e of l.getEntries()) seen.tasks.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask', buffered: true });
      if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
        new PerformanceObserver((l) => {
          for (const f of l.getEntries()) for (const s of f.scripts) seen.scripts.push([s.startTime, s.duration, s.sourceURL]);
        }).observe({ type: 'long-animation-frame', buffered: true });
      }
    });
    await page.goto(url);
    await sleep(Number(process.env.WAIT ?? 6000));
    const { tasks, scripts, dcl } = await page.evaluate(() => ({ ...window.__long, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart }));
    return {
      tasks: tasks.map(([start, ms]) => [start, ms, scripts.filter(([s]) => s >= start && s < start + ms).reduce((n, [, d]) => n + d, 0), start < dcl]),
      longest: scripts.reduce((m, [, d, src]) => (d > m[0] ? [d, src.split('/').pop() || 'the page'] : m), [0, '']),
    };
  } finally {
    await ctx.close();
  }
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
const rows = [];
const list = (xs) => `[${xs.map(Math.round).join(', ')}]`;
try {
  for (const p of PATHS) {
    const row = { p, app: [], shell: [], longest: [0, ''], loads: 0, shellLoads: 0 };
    for (let run = 0; run < RUNS; run++) {
      const a = await load(browser, app.url + p), s = await load(browser, shell.url + p);
      row.app.push(...a.tasks);
      row.shell.push(...s.tasks);
      if (a.longest[0] > row.longest[0]) row.longest = a.longest;
      row.loads += a.tasks.length > 0;
      row.shellLoads += s.tasks.length > 0;
    }
    rows.push(row);
    const before = row.app.filter((t) => t[3]), after = row.app.filter((t) => !t[3]);
    console.log(`${p.padEnd(22)} over 50 ms in ${row.loads}/${RUNS} loads: before DOMContentLoaded ${list(before.map((t) => t[1]))}`
      + ` after ${list(after.map((t) => t[1]))}, scripts' ms in each ${list(row.app.map((t) => t[2]))}, longest script ${Math.round(row.longest[0])} ms (${row.longest[1]})`
      + ` | no script: over 50 ms in ${row.shellLoads}/${RUNS} loads ${list(row.shell.map((t) => t[1]))}`);
  }
} finally {
  await browser.close();
  app.s.close();
  shell.s.close();
  standin.stop();
  fs.rmSync(control, { recursive: true, force: true });
}
const all = rows.flatMap((r) => r.app);
const loads = rows.reduce((n, r) => n + r.loads, 0), shellLoads = rows.reduce((n, r) => n + r.shellLoads, 0);
console.log(`\n${rows.length} screens, ${RUNS} loads each: a task over 50 ms in ${loads} loads of the app`
  + ` (${all.filter((t) => t[2] >= 50).length} task(s) with 50 ms of script or more; the longest script ${Math.round(Math.max(...rows.map((r) => r.longest[0])))} ms),`
  + ` in ${shellLoads} loads of the same page with no script.`);
