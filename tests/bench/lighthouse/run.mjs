// `make lighthouse` (in `make bench`): Lighthouse 12.2.3's mobile and desktop presets on every
// screen of the release build, served as a static host would (brotli, hashed files cached for a
// year, index.html revalidated, deep links answered with the app) with /api going to the stand-in
// (its JSON gzip'd; ../host.mjs, DIST= for another build). The visitor is new: no token, nothing
// stored. The result screen is a job the stand-in finished, its stems on the stand-in's own
// address. Figures go in the README.
// The host speaks HTTPS and HTTP/2, as every host the app can be installed from does (a service
// worker needs a secure origin); its certificate is made for the run and Chromium told to take it.
// PROTOCOL=http1 serves plain HTTP/1.1 instead: six connections, each opened on its own.
//   node tests/bench/lighthouse/run.mjs [screen-filter]   (RUNS=n repeats each, the median kept)
import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import path from 'node:path';
import { DIST, siteHandler, startStandin } from '../host.mjs';

const RUNS = Number(process.env.RUNS ?? 1);
const TOKEN = 'standin-premium-token-000000000000';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const { api: API, data, stop: stopStandin } = await startStandin('mvsep-lh-');
const serve = siteHandler(DIST, API);
const H2 = process.env.PROTOCOL !== 'http1';
let tls;
if (H2) {
  const key = path.join(data, 'key.pem'), cert = path.join(data, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  tls = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}
const site = (H2 ? http2.createSecureServer(tls, serve) : http.createServer(serve)).listen(0, '127.0.0.1');
await new Promise((r) => site.on('listening', r));
const SITE = `${H2 ? 'https' : 'http'}://127.0.0.1:${site.address().port}`;

// A finished result to open: a two-second song separated by the stand-in.
const rate = 44100, frames = 2 * rate, wav = Buffer.alloc(44 + frames * 4);
wav.write('RIFF', 0); wav.writeUInt32LE(36 + frames * 4, 4); wav.write('WAVEfmt ', 8); wav.writeUInt32LE(16, 16);
wav.writeUInt16LE(1, 20); wav.writeUInt16LE(2, 22); wav.writeUInt32LE(rate, 24); wav.writeUInt32LE(rate * 4, 28);
wav.writeUInt16LE(4, 32); wav.writeUInt16LE(16, 34); wav.write('data', 36); wav.writeUInt32LE(frames * 4, 40);
for (let i = 0; i < frames; i++) { const v = Math.round(8000 * Math.sin(i / 20)); wav.writeInt16LE(v, 44 + i * 4); wav.writeInt16LE(v, 46 + i * 4); }
const form = new FormData();
form.set('audiofile', new Blob([wav]), 'lighthouse.wav');
form.set('api_token', TOKEN);
form.set('sep_type', '40');
const hash = (await (await fetch(`${API}/api/separation/create`, { method: 'POST', body: form })).json()).data.hash;
for (let i = 0; i < 300; i++) {
  const job = await (await fetch(`${API}/api/separation/get?hash=${encodeURIComponent(hash)}`)).json();
  if (job.status === 'done' && job.data?.files?.length) break;
  await sleep(100);
}

const SCREENS = [['Separate', '/'], ['Jobs', '/jobs'], ['a result', `/jobs/${encodeURIComponent(hash)}`], ['History', '/history'],
  ['Demos', '/demos'], ['News', '/news'], ['Leaderboard', '/leaderboard'], ['an entry', '/leaderboard/entry/1'],
  ['queue', '/leaderboard/queue'], ['submit', '/leaderboard/submit'], ['Account', '/account'], ['Settings', '/settings']]
  .filter(([name]) => !process.argv[2] || name.toLowerCase().includes(process.argv[2].toLowerCase()));

const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', ...(H2 ? ['--ignore-certificate-errors'] : [])] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
try {
  for (const [name, url] of SCREENS) {
    const row = { name };
    for (const [preset, config] of [['mobile', undefined], ['desktop', desktop]]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        // THROTTLING=devtools: the page loaded on a throttled network and CPU and timed as it
        // paints (Lighthouse's "applied" throttling), rather than a fast load simulated slow.
        const { lhr } = await lighthouse(`${SITE}${url}`, { port: chrome.port, output: 'json', logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          // A new visitor each time: Lighthouse keeps localStorage and IndexedDB unless told, and
          // the app keeps the model list there (a second run of Separate read it from there).
          clearStorageTypes: ['file_systems', 'shader_cache', 'service_workers', 'cache_storage', 'local_storage', 'indexeddb', 'websql'],
          ...(process.env.THROTTLING ? { throttlingMethod: process.env.THROTTLING } : {}) }, config);
        const a = lhr.audits, c = lhr.categories;
        // DETAIL=1: what shifted and what blocked, to find the cause; and the unthrottled load the
        // simulation starts from: its paints, and when each request was in (the simulated LCP
        // counts every request in before the observed one).
        if (process.env.DETAIL) {
          const o = a.metrics?.details?.items?.[0] ?? {};
          const ends = (a['network-requests']?.details?.items ?? []).map((r) => `${r.url.split('/').pop().slice(0, 24)}@${Math.round(r.networkEndTime)}`);
          console.log(`${name} ${preset} observed FCP ${o.observedFirstContentfulPaint} ms, LCP ${o.observedLargestContentfulPaint} ms;`,
            `simulated LCP ${Math.round(a['largest-contentful-paint'].numericValue)} ms; requests in at (ms):`, ends.join(' '));
          for (const id of Object.keys(a).filter((k) => /layout-shift|largest-contentful-paint-element|long-tasks/.test(k))) {
            console.log(`${name} ${preset} ${id}:`, String(JSON.stringify(a[id].details ?? [a[id].scoreDisplayMode, a[id].errorMessage, a[id].explanation])).slice(0, 2500));
          }
        }
        runs.push({ perf: Math.round(c.performance.score * 100), a11y: Math.round(c.accessibility.score * 100),
          bp: Math.round(c['best-practices'].score * 100), seo: Math.round(c.seo.score * 100),
          fcp: a['first-contentful-paint'].numericValue, lcp: a['largest-contentful-paint'].numericValue,
          tbt: a['total-blocking-time'].numericValue, cls: a['cumulative-layout-shift'].numericValue,
          requests: a['network-requests'].details?.items?.length ?? 0,
          long: (a['long-tasks']?.details?.items ?? []).filter((t) => t.duration > 50).length,
          bench: lhr.environment.benchmarkIndex });
      }
      row[preset] = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
    }
    rows.push(row);
    const m = row.mobile, d = row.desktop;
    console.log(`${name.padEnd(12)} mobile ${m.perf} (LCP ${(m.lcp / 1000).toFixed(1)} s, TBT ${Math.round(m.tbt)} ms, CLS ${m.cls.toFixed(3)}, ${m.requests} requests, ${m.long} long tasks) `
      + `a11y ${m.a11y} bp ${m.bp} seo ${m.seo} | desktop ${d.perf} (LCP ${(d.lcp / 1000).toFixed(1)} s, TBT ${Math.round(d.tbt)} ms, CLS ${d.cls.toFixed(3)})`);
  }
} finally {
  await chrome.kill();
  site.close();
  stopStandin();
}
// Lighthouse's own measure of this machine's speed (a 2020 desktop scores about 1500-2000; the
// 4x slowdown is meant for such a machine): it says how slow "4x" is here.
console.log(`\nbenchmark index of this machine (median per screen): ${rows.map((r) => r.mobile.bench).join(', ')}`);
console.log('\n| screen | mobile perf | mobile FCP / LCP / TBT / CLS | desktop perf (CLS) | a11y / bp / seo |\n|---|---|---|---|---|');
for (const { name, mobile: m, desktop: d } of rows) {
  console.log(`| ${name} | ${m.perf} | ${(m.fcp / 1000).toFixed(1)} s / ${(m.lcp / 1000).toFixed(1)} s / ${Math.round(m.tbt)} ms / ${m.cls.toFixed(3)} | ${d.perf} (${d.cls.toFixed(3)}) | ${m.a11y} / ${m.bp} / ${m.seo} |`);
}
