// `make long-tasks` (in `make bench`): main-thread tasks over 50 ms on each screen of the release
// build, as a mid-range phone would have them (Chromium at 4x slower CPU, 1.6 Mbit/s, 150 ms), by
// the page's own long-task observer. The README's "Long tasks left" are its figures. The site is
// served as lighthouse/run.mjs serves it (host.mjs; DIST= for another build); a new visitor
// each load. Tasks before the page's DOMContentLoaded (its first parse) are reported apart from
// the tasks after it.
//   node tests/bench/long-tasks.mjs [path ...]   (RUNS=n loads of each, 3 by default)
import { chromium } from '@playwright/test';
import http from 'node:http';
import { DIST, siteHandler, startStandin } from './host.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const PATHS = process.argv.slice(2).length ? process.argv.slice(2)
  : ['/', '/jobs', '/history', '/library', '/demos', '/news', '/leaderboard', '/leaderboard/entry/1',
    '/leaderboard/queue', '/leaderboard/submit', '/account', '/settings'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const standin = await startStandin('mvsep-lt-');
const site = http.createServer(siteHandler(DIST, standin.api)).listen(0, '127.0.0.1');
await new Promise((r) => site.on('listening', r));
const SITE = `http://127.0.0.1:${site.address().port}`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
const rows = [];
try {
  for (const p of PATHS) {
    const parse = [], later = [];
    let loads = 0;
    for (let run = 0; run < RUNS; run++) {
      const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
      await page.addInitScript(() => {
        window.__long = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
          .observe({ type: 'longtask', buffered: true });
      });
      await page.goto(SITE + p);
      await sleep(Number(process.env.WAIT ?? 6000));
      // Before DOMContentLoaded is the page's first parse (the glue and the wasm come after; now
      // and then a second task comes before it too: each is listed, a load counted once).
      const { long, dcl } = await page.evaluate(() => ({ long: window.__long, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart }));
      for (const [start, ms] of long) (start < dcl ? parse : later).push(Math.round(ms));
      if (long.some(([start]) => start < dcl)) loads++;
      await ctx.close();
    }
    rows.push({ p, parse, later });
    console.log(`${p.padEnd(22)} first parse over 50 ms in ${loads}/${RUNS} loads [${parse.join(', ')}]; after it: ${later.length ? `[${later.join(', ')}] ms` : 'none'}`);
  }
} finally {
  await browser.close();
  site.close();
  standin.stop();
}
const after = rows.reduce((n, r) => n + r.later.length, 0);
console.log(`\n${rows.length} screens, ${RUNS} loads each: ${after} task(s) over 50 ms after the first parse.`);
