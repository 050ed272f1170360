// `make interactions` (in `make bench`): how long everyday actions take to show on a mid-range
// phone (Chromium at 4x slower CPU), by the page's Event Timing entries: for each action the
// slowest of its events, from the input to the next paint (what INP counts; "good" is 200 ms at
// most), and the longest its handlers ran for one event. The README's "Interactions" are its figures. The site
// is served as the other benchmarks serve it (host.mjs; DIST= for another build).
//   node tests/bench/interactions.mjs   (RUNS=n of the whole round, 3 by default; the median kept)
import { chromium } from '@playwright/test';
import http from 'node:http';
import { DIST, siteHandler, startStandin } from './host.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

// Each action, as a person does it, on the screen the one before it left.
const ACTIONS = [
  ['Separate: type "drums" in the search', (p) => p.getByRole('searchbox', { name: 'Search models' }).pressSequentially('drums', { delay: 150 })],
  ['Separate: clear the search', (p) => p.getByRole('searchbox', { name: 'Search models' }).fill('')],
  // A closed menu's choice changed by the keyboard (a program's selectOption is no input).
  ['Separate: sort by usage', (p) => p.getByLabel('Sort by').focus().then(() => p.keyboard.press('ArrowDown'))],
  ['Separate: choose a model', (p) => p.getByRole('radio', { name: /^BS Roformer \(vocals, instrumental\)/ }).first().check()],
  ['Separate: choose another', (p) => p.getByRole('radio', { name: /^MelBand Roformer/ }).first().check()],
  ['to Leaderboard', (p) => nav(p, 'Leaderboard')],
  ['Leaderboard: another dataset', (p) => p.getByLabel('Dataset').focus().then(() => p.keyboard.press('ArrowDown'))],
  ['to Jobs', (p) => nav(p, 'Jobs')],
  ['to History', (p) => nav(p, 'History')],
  ['to Demos', (p) => nav(p, 'Demos')],
  ['to Settings', (p) => nav(p, 'Settings')],
  ['back to Separate', (p) => nav(p, 'Separate')],
];

const standin = await startStandin('mvsep-inp-');
const site = http.createServer(siteHandler(DIST, standin.api)).listen(0, '127.0.0.1');
await new Promise((r) => site.on('listening', r));
const SITE = `http://127.0.0.1:${site.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
const seen = ACTIONS.map(() => []);
try {
  for (let run = 0; run < RUNS; run++) {
    const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      window.__events = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) if (e.interactionId) window.__events.push([e.duration, e.processingEnd - e.processingStart]);
      }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
    });
    // Loaded at full speed: the load is make lighthouse's; this is what comes after it.
    await page.goto(`${SITE}/`);
    await page.getByText('Model list just loaded.').waitFor();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    for (const [i, [, act]] of ACTIONS.entries()) {
      await page.evaluate(() => { window.__events = []; });
      await act(page);
      // What the action set going (a screen's code and first answer, the list's frames) settles.
      await sleep(1500);
      const events = await page.evaluate(() => window.__events);
      seen[i].push(events.reduce((w, e) => [Math.max(w[0], e[0]), Math.max(w[1], e[1])], [0, 0]));
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  site.close();
  standin.stop();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\n| action (4x CPU, median of ${RUNS}) | input to next paint | handlers |\n|---|---|---|`);
for (const [i, [name]] of ACTIONS.entries()) {
  console.log(`| ${name} | ${Math.round(median(seen[i].map((e) => e[0])))} ms | ${Math.round(median(seen[i].map((e) => e[1])))} ms |`);
}
const worst = Math.max(...seen.map((s) => median(s.map((e) => e[0]))));
console.log(`\nSlowest action: ${Math.round(worst)} ms from input to paint (good: 200 ms at most).`);
