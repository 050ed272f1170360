import { spawn, ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, SeparateScreen, PREMIUM_TOKEN, PORT as STANDIN_PORT } from './fixtures';
import { song } from './audio';

// The README's nginx server block, as written there, in front of dist/ and the stand-in: a
// real Debian nginx on the loopback (.ci/ensure-tools.sh installs it). Only what names this
// machine is replaced: the port, the root, and the service's address (the stand-in's).
// Above every worker's stand-in port (playwright.config.ts).
const PORT = STANDIN_PORT + 6;
const SITE = `http://127.0.0.1:${PORT}`;
let nginx: ChildProcess | undefined;
let dir = '';

/** The README's ```nginx block with its first `server { ... }`, made to run here. */
function serverBlock(): string {
  const readme = fs.readFileSync('README.md', 'utf8');
  const block = readme.match(/```nginx\n(server \{[\s\S]*?\n\})\n```/);
  if (!block) throw new Error('README.md has no ```nginx block with a server { ... }');
  let conf = block[1];
  const swap = (from: string, to: string) => {
    if (conf.split(from).length !== 2) throw new Error(`README's server block: expected one "${from}"`);
    conf = conf.replace(from, to);
  };
  swap('listen 80;', `listen 127.0.0.1:${PORT};`);
  swap('root /srv/mvsep-web/dist;', `root ${path.resolve('dist')};`);
  swap('proxy_pass https://mvsep.com/api/;', `proxy_pass http://127.0.0.1:${STANDIN_PORT}/api/;`);
  swap('proxy_set_header Host mvsep.com;', `proxy_set_header Host 127.0.0.1:${STANDIN_PORT};`);
  return conf;
}

test.beforeAll(async () => {
  const bin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
  if (!bin) throw new Error('nginx is not installed: run .ci/ensure-tools.sh (Debian: apt-get install nginx)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvsep-nginx-'));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${dir}/${t};`).join('\n  ');
  fs.writeFileSync(`${dir}/nginx.conf`, `${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 128; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  ${temp}
${serverBlock()}
}
`);
  execFileSync(bin, ['-t', '-q', '-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`]);
  nginx = spawn(bin, ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], { stdio: 'ignore' });
  await expect.poll(async () => (await fetch(`${SITE}/`).catch(() => null))?.status, { timeout: 10_000 }).toBe(200);
});

test.afterAll(async () => {
  nginx?.kill('SIGQUIT');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test.use({ baseURL: SITE });

test('behind nginx: a deep link reloads, a missing chunk is a 404, a job goes to done and downloads', async ({ page, errors }) => {
  test.setTimeout(60_000);
  // A deep link, opened and reloaded, is the app (try_files falls back to index.html).
  await page.goto('/leaderboard/queue');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const missing = await page.request.get('/pack_news_screen-00000000.bin');
  expect(missing.status()).toBe(404);
  const wasm = await page.request.get((await page.locator('link[rel=preload][type="application/wasm"]').getAttribute('href'))!);
  expect(wasm.headers()['content-type']).toBe('application/wasm');
  expect(wasm.headers()['cache-control']).toContain('immutable');
  expect((await page.request.get('/jobs')).headers()['cache-control']).toBe('no-cache');
  expect((await page.request.get('/')).headers()['cache-control']).toBe('no-cache');
  // The service worker: asked anew at every check, and under a policy of its own.
  const sw = (await page.request.get('/sw.js')).headers();
  expect(sw['cache-control']).toBe('no-cache');
  expect(sw['content-type']).toMatch(/javascript/);
  expect(sw['content-security-policy']).toMatch(/^default-src 'none'; connect-src 'self' /);

  // Through /api/ on the same origin to the service.
  const s = await SeparateScreen.start(page, PREMIUM_TOKEN, /^MelBand Roformer/);
  await s.addFiles([song('behind nginx.wav', 2)]);
  await s.submit();
  await s.toJobs();
  await s.job('behind nginx.wav').openWhenDone(30_000);
  // Result files stay on the service's host (here the stand-in's own address), as on mvsep.com.
  const link = page.getByRole('link', { name: 'Download behind nginx_vocals.wav' });
  const href = (await link.getAttribute('href'))!;
  expect(new URL(href).origin).toBe(`http://127.0.0.1:${STANDIN_PORT}`);
  expect((await (await page.request.get(href)).body()).subarray(0, 4).toString()).toBe('RIFF');
  const log = fs.readFileSync(`${dir}/access.log`, 'utf8');
  expect(log).toMatch(/"POST \/api\/separation\/create HTTP/);
  expect(log).toMatch(/"GET \/api\/separation\/get\?/);
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });
  test('behind nginx the worker keeps the app under its own policy, and a deep link reloads offline', async ({ page, context, errors }) => {
    await page.goto('/news');
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 20_000 });
    await context.setOffline(true);
    await page.goto('/leaderboard/queue');
    await expect(page.getByRole('heading', { level: 1, name: 'Evaluation queue' })).toBeVisible();
    await context.setOffline(false);
  });
});
