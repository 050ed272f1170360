import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const server = spawn('target/standin/mvsep-standin', ['--port', '8951', '--static', 'dist', '--data', '/tmp/clsdata'], { stdio: 'ignore' });
await new Promise(r => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const url of process.argv.slice(2)) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__shifts.push({ v: e.value.toFixed(3), t: Math.round(e.startTime), src: e.sources.map((s) => (s.node ? (s.node.nodeName + '.' + (s.node.className || '') + ' ' + (s.node.textContent || '').slice(0, 40)) : '?') + ` ${JSON.stringify(s.previousRect)}->${JSON.stringify(s.currentRect)}`) })))
      .observe({ type: 'layout-shift', buffered: true });
    window.__lcp = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lcp.push(`${Math.round(e.startTime)} ${e.size} ${e.element ? e.element.nodeName + '.' + e.element.className + ' ' + (e.element.textContent || '').slice(0, 30) : '?'}`))).observe({ type: 'largest-contentful-paint', buffered: true });
    window.__loaf = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__loaf.push(`${Math.round(e.startTime)}+${Math.round(e.duration)} block ${Math.round(e.blockingDuration)} render ${Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0)} :: ` + e.scripts.map((s) => `${s.invokerType} ${s.invoker} ${Math.round(s.duration)}ms fn=${s.sourceFunctionName}`).join(' | ')))).observe({ type: 'long-animation-frame', buffered: true });
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('http://127.0.0.1:8951' + url);
  await page.waitForTimeout(6000);
  console.log(url, JSON.stringify(await page.evaluate(() => window.__shifts), null, 1), 'long', await page.evaluate(() => window.__long), await page.evaluate(() => window.__lcp), await page.evaluate(() => window.__loaf));
  await ctx.close();
}
await browser.close(); server.kill();
