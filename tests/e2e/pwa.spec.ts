import { Page } from '@playwright/test';
import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, signIn, SeparateScreen, FREE_TOKEN, expectNoAxeViolations } from './fixtures';
import { song } from './audio';
// @ts-ignore: a plain .mjs helper shared with the benchmarks
import { freePort } from '../bench/port.mjs';

// The service worker (src/sw.js) is blocked in every other spec (playwright.config.ts): a worker
// answering a page's requests would hide them from the routes some specs set.
test.use({ serviceWorkers: 'allow' });

/** Waits until the worker of this build is active and controls the page (it claims it). */
async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 20_000 });
}

/** The names of the worker's caches and the addresses each holds. */
const cached = (page: Page) => page.evaluate(async () => {
  const out: Record<string, string[]> = {};
  for (const name of await caches.keys()) {
    out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
  }
  return out;
}).catch(() => ({} as Record<string, string[]>)); // (a reload under way)

const SCREENS: [string, string][] = [
  ['/', 'Separate'], ['/jobs', 'Jobs'], ['/history', 'History'], ['/library', 'Library'], ['/demos', 'Demos'], ['/news', 'News'],
  ['/leaderboard', 'Leaderboard'], ['/leaderboard/queue', 'Evaluation queue'], ['/leaderboard/submit', 'Submit results'],
  ['/account', 'Account'], ['/settings', 'Settings'],
];

test('after the first visit the worker controls the page, and offline every screen reloads to its shell', async ({ page, context, errors }) => {
  test.setTimeout(90_000);
  await signIn(page, FREE_TOKEN);
  await page.goto('/');
  await controlled(page);
  await expect(page.getByText(/^\d+ models$/)).toBeVisible();
  // The build's files are all kept, and nothing of the service but the model list.
  const caches1 = await cached(page);
  const build = Object.keys(caches1).filter((n) => n.startsWith('mvsep-build-'));
  expect(build).toHaveLength(1);
  const files = caches1[build[0]].map((u) => new URL(u).pathname);
  expect(files).toEqual(expect.arrayContaining(['/', '/lang/ru.json', '/manifest.webmanifest']));
  expect(files.filter((f) => /^\/pack_\w+-[0-9a-f]{8}\.bin$/.test(f)).length).toBeGreaterThan(10);
  expect(files.filter((f) => f.startsWith('/api/'))).toEqual([]);
  expect(Object.values(caches1).flat().filter((u) => u.includes('/api/') && !u.includes('/api/app/algorithms'))).toEqual([]);

  await context.setOffline(true);
  for (const [at, heading] of SCREENS) {
    await page.goto(at);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  // A screen that needs the service says so in one line, and no error with a button.
  for (const at of ['/account', '/jobs/no-such-job']) {
    await page.goto(at);
    await expect(page.getByRole('status').filter({ hasText: /^You are offline/ })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  await page.goto('/news');
  await expect(page.getByRole('status').filter({ hasText: /offline/ })).toHaveText(
    "You are offline: this comes back by itself when the network does.");
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectNoAxeViolations(page);
  // ... and comes back by itself.
  await context.setOffline(false);
  await expect(page.locator('article.news')).toHaveCount(5);
});

test('offline, the model list comes from the worker\'s copy when the page has none', async ({ page, context, errors }) => {
  const forget = () => page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('mvsep.algorithms')) localStorage.removeItem(k);
  });
  await page.goto('/');
  await controlled(page);
  // The first visit asked before the worker was there: the page's own copy is forgotten, so
  // that the next visit asks again, through the worker.
  await forget();
  await page.reload();
  await expect(page.getByText(/^\d+ models$/)).toBeVisible();
  await expect.poll(async () => Object.keys(await cached(page))).toContain('mvsep-models');
  await context.setOffline(true);
  await forget();
  await page.reload();
  await expect(page.getByText(/^\d+ models$/)).toBeVisible();
  await context.setOffline(false);
});

test.describe('a new deploy', () => {
  let server: ChildProcess;
  let dir: string;
  let base: string;
  test.beforeEach(async () => {
    // A copy of the build, served by a stand-in of its own, so that this test can deploy over it.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvsep-deploy-'));
    fs.cpSync('dist', path.join(dir, 'dist'), { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn('target/standin/mvsep-standin', ['--port', String(port), '--static', path.join(dir, 'dist'),
      '--data', path.join(dir, 'data')], { stdio: 'ignore' });
    await expect.poll(async () => (await fetch(`${base}/api/app/queue`).catch(() => null))?.ok ?? false).toBe(true);
  });
  test.afterEach(() => {
    server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('offers "Reload", and a batch under way goes on after it', async ({ page, errors }) => {
    test.setTimeout(120_000);
    // Eight seconds a job: the batch is still under way at the reload, on a slow machine too.
    await fetch(`${base}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ queue_ahead: 0, processing_ms: 8000 }) });
    await page.goto(`${base}/settings`);
    await controlled(page);
    await page.getByLabel('API token').fill(FREE_TOKEN);
    await page.getByRole('button', { name: 'Save' }).click();
    const s = new SeparateScreen(page);
    await s.open();
    await s.model(/^MelBand Roformer/);
    const names = ['d one.wav', 'd two.wav', 'd three.wav'];
    await s.addFiles(names.map((n) => song(n, 2)));
    await s.submit();
    await s.toJobs();
    await expect(s.card('d three.wav').getByRole('status')).toHaveText('Waiting for a free slot on your plan', { timeout: 15_000 });
    const before = Object.keys(await cached(page)).filter((n) => n.startsWith('mvsep-build-'));

    // The next build: another worker (its file list and version differ).
    const sw = path.join(dir, 'dist', 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/mvsep-build-(\w+)/, 'mvsep-build-$1next'));
    await expect(page.getByRole('complementary', { name: /new version/ })).toBeHidden();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const offer = page.getByRole('complementary', { name: 'A new version of mvsep-web is ready.' });
    await expect(offer).toBeVisible({ timeout: 15_000 });
    await expectNoAxeViolations(page);
    await offer.getByRole('button', { name: 'Reload' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/jobs`);
    await expect.poll(async () => Object.keys(await cached(page)).filter((n) => n.startsWith('mvsep-build-')), { timeout: 15_000 })
      .toEqual([`${before[0]}next`]);
    await expect(offer).toBeHidden();
    for (const n of names) await s.job(n).expectDone(60_000);
    const rows = (await (await fetch(`${base}/api/app/separation_history?api_token=${FREE_TOKEN}`)).json()).data;
    expect(rows.length, 'each file once at the service').toBe(3);
  });

  test('a look for a new version that cannot reach the server breaks nothing', async ({ page, errors }) => {
    await page.goto(`${base}/`);
    await controlled(page);
    // (Chromium's offline emulation does not reach the worker's own update check: the server goes.)
    server.kill();
    await expect.poll(() => fetch(`${base}/`).then(() => 'up', () => 'down')).toBe('down');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update()
      .then(() => 'found', () => 'not reached'))).toBe('not reached');
    await expect(page.getByRole('complementary', { name: /new version/ })).toBeHidden();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  });
});

test('audio shared into the app arrives in Separate, and a file that is not audio is said to be so', async ({ page, errors }) => {
  await page.goto('/');
  await controlled(page);
  // Chromium reads the manifest's share_target and file_handlers without objection.
  const cdp = await page.context().newCDPSession(page);
  const read = await cdp.send('Page.getAppManifest');
  expect(read.errors).toEqual([]);
  const manifest = JSON.parse(read.data!);
  expect(manifest.share_target).toMatchObject({ action: 'share', method: 'POST', enctype: 'multipart/form-data' });
  expect(Object.values(manifest.file_handlers[0].accept).flat()).toEqual(['.wav', '.mp3', '.flac', '.m4a', '.ogg']);
  // What Chromium sends for a share: a POST of the form the manifest's share_target describes.
  const landed = await page.evaluate(async (wav) => {
    const form = new FormData();
    form.append('audio', new File([Uint8Array.from(atob(wav), (c) => c.charCodeAt(0))], 'shared song.wav', { type: 'audio/wav' }));
    form.append('audio', new File(['just words'], 'notes.txt', { type: 'text/plain' }));
    return (await fetch('share', { method: 'POST', body: form })).ok;
  }, song('x.wav', 2).buffer.toString('base64'));
  // The worker kept both files, and sent the share on to "./?shared", where Chromium then goes.
  expect(landed).toBe(true);
  expect(await page.evaluate(async () => (await (await caches.open('mvsep-shared')).keys()).length)).toBe(2);
  await page.goto('/?shared');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.pending li')).toHaveCount(2);
  await expect(page.locator('.pending li').first()).toContainText('shared song.wav');
  await expect(page.locator('.pending li').first()).toContainText('0:02');
  await expect(page.getByText('notes.txt is not an audio file the service accepts', { exact: false })).toBeVisible();
  expect(await page.evaluate(() => caches.has('mvsep-shared'))).toBe(false);
});

test('a song opened with the installed app arrives in Separate', async ({ page, errors }) => {
  // What Chromium gives an app launched with files: a window of the installed app (not a
  // browser tab), and launchQueue, whose consumer gets file handles.
  await page.addInitScript((wav) => {
    const media = window.matchMedia.bind(window);
    window.matchMedia = (q: string) => (q === '(display-mode: browser)' ? { matches: false } as MediaQueryList : media(q));
    const file = new File([Uint8Array.from(atob(wav), (c) => c.charCodeAt(0))], 'opened.wav', { type: 'audio/wav' });
    Object.defineProperty(window, 'launchQueue', { value: { setConsumer: (f: any) => setTimeout(() => f({ files: [{ getFile: async () => file }] }), 50) } });
  }, song('o.wav', 2).buffer.toString('base64'));
  await page.goto('/');
  await expect(page.locator('.pending li')).toHaveCount(1);
  await expect(page.locator('.pending li')).toContainText('opened.wav');
});
