import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const server = spawn('target/standin/mvsep-standin', ['--port', '8952', '--static', 'dist', '--data', '/tmp/clsdata2'], { stdio: 'ignore' });
await new Promise(r => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const w of [412, 1350]) {
const ctx = await browser.newContext({ viewport: { width: w, height: 823 } });
const page = await ctx.newPage();
await page.route(/\.wasm$/, async (r) => { await new Promise(x => setTimeout(x, 1500)); await r.continue(); });
await page.goto('http://127.0.0.1:8952/news', { waitUntil: 'domcontentloaded' });
const dump = () => page.evaluate(() => [...document.querySelectorAll('header.site, header.site > *')].map(e => `${e.tagName}.${e.className} ${JSON.stringify(e.getBoundingClientRect().toJSON())}`).join('\n'));
console.log(w, 'shell\n' + await dump());
await page.waitForTimeout(4000);
console.log(w, 'app\n' + await dump());
await ctx.close();
}
await browser.close(); server.kill();
