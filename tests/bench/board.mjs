// Benchmark (not a test): the leaderboard of the 1000-entry dataset. Reports the time from the
// data arriving (responseEnd of the leaderboard call) to the first paint of the table, and the
// page's DOM node count. Run with `make bench`.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const PORT = 8794;
const BASE = `http://127.0.0.1:${PORT}`;
const dir = fs.mkdtempSync('/tmp/mvsep-board-');
const server = spawn('target/standin/mvsep-standin', ['--port', String(PORT), '--static', 'dist', '--data', dir], { stdio: 'ignore' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
for (let i = 0; i < 50; i++) { try { await fetch(`${BASE}/api/app/queue`); break; } catch { await sleep(100); } }

try {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'] });
  const page = await browser.newPage();
  const runs = [];
  for (let run = 0; run < 5; run++) {
    await page.addInitScript(() => {
      window.__painted = new Promise((resolve) => {
        const seen = () => document.querySelector('table.board tbody tr');
        const obs = new MutationObserver(() => {
          if (seen()) { obs.disconnect(); requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))); }
        });
        obs.observe(document, { childList: true, subtree: true });
      });
    });
    await page.goto(`${BASE}/leaderboard?dataset=1&sort=vocals`);
    const r = await page.evaluate(async () => {
      const painted = await window.__painted;
      const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/quality_checker/leaderboard'));
      return { painted, arrived: entry.responseEnd, nodes: document.getElementsByTagName('*').length, rows: document.querySelectorAll('table.board tbody tr').length, total: document.body.innerText.match(/(\d+) entries/)?.[1] };
    });
    runs.push(r);
  }
  await browser.close();
  const ms = runs.map((r) => r.painted - r.arrived).sort((a, b) => a - b);
  const r = runs[0];
  console.log(`leaderboard benchmark: ${r.total} entries on the board, ${r.rows} rows on screen`);
  console.log(`data arrived -> table painted: median ${ms[2].toFixed(1)} ms, worst ${ms[4].toFixed(1)} ms (5 loads)`);
  console.log(`DOM nodes on the page: ${Math.max(...runs.map((x) => x.nodes))}`);
} finally {
  server.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}
