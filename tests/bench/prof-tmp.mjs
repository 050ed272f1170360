import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const server = spawn('target/standin/mvsep-standin', ['--port', '8953', '--static', 'dist', '--data', '/tmp/clsdata3'], { stdio: 'ignore' });
await new Promise(r => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto('http://127.0.0.1:8953' + (process.argv[2] || '/'));
await page.waitForTimeout(5000);
const { profile } = await cdp.send('Profiler.stop');
const dt = profile.timeDeltas; const self = new Map(); const byId = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const cnt = new Map();
profile.samples.forEach((id, i) => { cnt.set(id, (cnt.get(id) || 0) + (dt[i] || 0)); });
// inclusive time per JS-level (non-wasm) frame name; self per any
const incl = new Map();
for (const [id, t] of cnt) {
  const n = byId.get(id); const key = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').pop();
  self.set(key, (self.get(key) || 0) + t);
  let p = id; const seen = new Set();
  while (p) { const f = byId.get(p).callFrame; const k = f.functionName + ' ' + f.url.split('/').pop(); if (!seen.has(k)) { incl.set(k, (incl.get(k) || 0) + t); seen.add(k); } p = parent.get(p); }
}
console.log('SELF'); [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, t]) => console.log((t / 1000).toFixed(1), k));
console.log('INCL'); [...incl].filter(([k]) => !/wasm-function/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, t]) => console.log((t / 1000).toFixed(1), k));
await browser.close(); server.kill();
