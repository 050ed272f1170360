// Benchmark (not a test): uploads a large WAV through the app to the stand-in and reports
// Chromium's memory growth and the upload throughput, against curl on the same file and server.
// Run with `make bench` (SIZE_MB=500 by default).
import { chromium } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';

const SIZE_MB = Number(process.env.SIZE_MB ?? 500);
const PORT = 8793;
const BASE = `http://127.0.0.1:${PORT}`;
const TOKEN = 'standin-premium-token-000000000000';
const dir = fs.mkdtempSync('/tmp/mvsep-bench-');
const file = `${dir}/big.wav`;

// A WAV of silence with a valid header, written in chunks (never whole in memory).
const dataBytes = SIZE_MB * 1024 * 1024 - 44;
const h = Buffer.alloc(44);
h.write('RIFF', 0); h.writeUInt32LE(36 + dataBytes, 4); h.write('WAVE', 8); h.write('fmt ', 12);
h.writeUInt32LE(16, 16); h.writeUInt16LE(1, 20); h.writeUInt16LE(2, 22); h.writeUInt32LE(44100, 24);
h.writeUInt32LE(176400, 28); h.writeUInt16LE(4, 32); h.writeUInt16LE(16, 34); h.write('data', 36); h.writeUInt32LE(dataBytes, 40);
const fd = fs.openSync(file, 'w');
fs.writeSync(fd, h);
const chunk = Buffer.alloc(4 * 1024 * 1024);
for (let left = dataBytes; left > 0; left -= chunk.length) fs.writeSync(fd, chunk, 0, Math.min(left, chunk.length));
fs.closeSync(fd);
const bytes = fs.statSync(file).size;

const server = spawn('target/standin/mvsep-standin', ['--port', String(PORT), '--static', 'dist', '--data', `${dir}/data`, '--queue', '0'], { stdio: 'ignore' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
for (let i = 0; i < 50; i++) { try { await fetch(`${BASE}/api/app/queue`); break; } catch { await sleep(100); } }

function rssOf(pids) {
  let kb = 0;
  for (const pid of pids) {
    try { kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]); } catch {}
  }
  return kb * 1024;
}
// Chromium's processes started by this benchmark (the ones that were not there before).
function allChromium() {
  try { return execFileSync('pgrep', ['-f', 'chromium']).toString().trim().split('\n').map(Number); } catch { return []; }
}
const preexisting = new Set(allChromium());
function chromiumPids() {
  return allChromium().filter((p) => !preexisting.has(p));
}

try {
  // curl on the same file and server.
  const t0 = Date.now();
  execFileSync('curl', ['-sf', '-o', '/dev/null', '-F', `audiofile=@${file}`, '-F', `api_token=${TOKEN}`, '-F', 'sep_type=48', '-F', 'output_format=1', `${BASE}/api/separation/create`]);
  const curlSecs = (Date.now() - t0) / 1000;

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'] });
  const page = await browser.newPage();
  await page.goto(`${BASE}/settings`);
  await page.getByLabel('API token').fill(TOKEN);
  await page.getByRole('button', { name: 'Save' }).click();
  await request(page, `${BASE}/api/app/disable_premium`); // free the parallel slots of the curl job's plan
  await request(page, `${BASE}/api/app/enable_premium`);
  await page.goto(`${BASE}/`);
  await page.getByRole('radio', { name: /^MelBand Roformer/ }).check();
  // Keep a handle on the File for the plain-fetch comparison below.
  await page.evaluate(() => document.querySelector('#audio-files').addEventListener('change', (e) => { window.__benchFile = e.target.files[0]; }, { capture: true }));
  await page.setInputFiles('#audio-files', file);
  await page.getByText(/credits$/).first().waitFor({ timeout: 60_000 }).catch(() => {});
  await sleep(1000);
  const pids = chromiumPids();
  const before = rssOf(pids);
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, rssOf(chromiumPids())); }, 100);
  const created = page.waitForResponse((r) => r.url().includes('/api/separation/create'), { timeout: 600_000 });
  const t1 = Date.now();
  await page.getByRole('button', { name: 'Separate', exact: true }).click();
  const resp = await created;
  const appSecs = (Date.now() - t1) / 1000;
  clearInterval(sampler);
  const ok = (await resp.json()).success === true;
  // The same file sent by plain fetch() from the page, to tell the browser's own ceiling apart
  // from the app's code.
  await request(page, `${BASE}/api/app/disable_premium`);
  await request(page, `${BASE}/api/app/enable_premium`);
  const fetchSecs = await page.evaluate(async ([u, t]) => {
    const input = document.querySelector('#audio-files');
    const f = new FormData();
    f.append('api_token', t); f.append('sep_type', '48'); f.append('audiofile', window.__benchFile);
    const t0 = performance.now();
    await fetch(u, { method: 'POST', body: f });
    return (performance.now() - t0) / 1000;
  }, [`${BASE}/api/separation/create`, TOKEN]).catch(() => NaN);
  await browser.close();
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  console.log(`upload benchmark: ${mb(bytes)} MB file, link: ${process.env.BENCH_LINK ?? 'loopback, unshaped'}`);
  console.log(`curl:     ${curlSecs.toFixed(2)} s, ${mb(bytes / curlSecs)} MB/s`);
  console.log(`app:      ${appSecs.toFixed(2)} s, ${mb(bytes / appSecs)} MB/s (${(curlSecs / appSecs).toFixed(2)}x curl), accepted: ${ok}`);
  console.log(`fetch():  ${fetchSecs.toFixed(2)} s, ${mb(bytes / fetchSecs)} MB/s (${(curlSecs / fetchSecs).toFixed(2)}x curl): the browser's own ceiling here`);
  console.log(`chromium: ${mb(before)} MB before, ${mb(peak)} MB peak, growth ${mb(peak - before)} MB (all its processes' RSS)`);
} finally {
  server.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}

async function request(page, url) {
  await page.evaluate(async ([u, t]) => { const f = new FormData(); f.append('api_token', t); await fetch(u, { method: 'POST', body: f }); }, [url, TOKEN]);
}
