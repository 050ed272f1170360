import fs from 'node:fs';
import { Page } from '@playwright/test';
import { test, expect, doneElsewhere, expectNoAxeViolations } from './fixtures';
import { MixerPanel } from './objects';
import { readZip } from './wavs';

// Kept results are answered by the service worker (src/sw.js), so it runs here.
test.use({ serviceWorkers: 'allow' });

async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 20_000 });
}

/** A finished result's page, with the worker in control. */
async function openResult(page: Page, request: any, name: string) {
  const hash = await doneElsewhere(request, name, {}, 3);
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  await controlled(page);
  await expect(new MixerPanel(page).root).toBeVisible();
  return hash;
}

/** The keys of the library's files (IndexedDB `mvsep-library`, src/library/files.rs). */
const keptKeys = (page: Page) => page.evaluate(() => new Promise<string[]>((resolve, reject) => {
  const open = indexedDB.open('mvsep-library', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('files');
  open.onerror = reject;
  open.onsuccess = () => {
    const keys = open.result.transaction('files').objectStore('files').getAllKeys();
    keys.onsuccess = () => resolve(keys.result as string[]);
  };
}));

const keep = (page: Page) => page.getByRole('button', { name: 'Keep on this device' });
const shelves = (page: Page) => page.locator('li.shelf');

test('a kept result plays from the Library with the network gone, exports as a ZIP, and is removed', async ({ page, request, context, errors }) => {
  test.setTimeout(90_000);
  const hash = await openResult(page, request, 'kept-song.wav');
  await keep(page).click();
  await expect(page.getByRole('status').filter({ hasText: /^Kept on this device \(\d/ })).toBeVisible({ timeout: 20_000 });
  await page.locator('.keep').getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(shelves(page)).toHaveCount(1);
  await expect(shelves(page)).toContainText('kept-song.wav');
  // Its two stems, and the song they were made from.
  expect((await keptKeys(page)).length).toBe(3);
  // The worker answers a kept file at this site's own address, a range of it too.
  const head = await page.evaluate(async (h) => {
    const r = await fetch(`kept/${encodeURIComponent(h)}/0`, { headers: { range: 'bytes=0-3' } });
    return [r.status, await r.text(), r.headers.get('content-range')];
  }, hash);
  expect(head[0]).toBe(206);
  expect(head[1]).toBe('RIFF');
  expect(head[2]).toMatch(/^bytes 0-3\/\d+$/);
  await expect(shelves(page)).toContainText(/\d+(\.\d+)? (kB|MB)/);
  await expect(page.getByText(/^This site uses .+ of the .+ the browser gives it\.$/)).toBeVisible();
  await expectNoAxeViolations(page);
  // Asked to keep them for good, the browser answers, and the page says what it answered.
  const ask = page.getByRole('button', { name: 'Ask the browser to keep them' });
  if (await ask.isVisible()) {
    await ask.click();
    await expect(page.getByRole('status').filter({ hasText: /^The browser (will keep these|refused)/ })).toBeVisible();
  } else {
    await expect(page.getByText('The browser keeps these until you remove them.')).toBeVisible();
  }

  // No network, and the service no longer answers for it: the Library still plays it.
  await context.setOffline(true);
  await page.getByRole('link', { name: 'kept-song.wav' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'kept-song.wav' })).toBeVisible();
  const mixer = new MixerPanel(page);
  await expect(mixer.stems()).toHaveCount(2);
  await expect(page.getByLabel('Play the input')).toHaveAttribute('src', /\/kept\/[^/]+\/2$/);
  expect(await page.getByLabel('Play the input').evaluate(async (a: HTMLAudioElement) => (await fetch(a.src)).status)).toBe(200);
  await mixer.play();
  const t0 = await mixer.seconds();
  await expect.poll(() => mixer.seconds()).toBeGreaterThan(t0 + 0.3);
  await mixer.pause();
  await context.setOffline(false);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export kept-song.wav as ZIP' }).click()]);
  expect(dl.suggestedFilename()).toBe('kept-song.wav.zip');
  const zip = readZip(fs.readFileSync((await dl.path())!));
  expect(zip.length).toBe(2);
  for (const e of zip) {
    expect(e.name).toMatch(/^kept-song_\w+\.wav$/);
    expect(e.data.subarray(0, 4).toString()).toBe('RIFF');
  }

  await page.getByRole('button', { name: 'Remove kept-song.wav' }).click();
  await expect(page.getByText('Nothing is kept yet.')).toBeVisible();
  expect(await keptKeys(page)).toEqual([]);
  expect(hash).toBeTruthy();
});

test('a damaged entry is listed as damaged and removable; the others still play', async ({ page, request, errors }) => {
  test.setTimeout(90_000);
  await openResult(page, request, 'first.wav');
  await keep(page).click();
  await expect(page.getByRole('status').filter({ hasText: /^Kept on this device/ })).toBeVisible({ timeout: 20_000 });
  await openResult(page, request, 'second.wav');
  await keep(page).click();
  await expect(page.getByRole('status').filter({ hasText: /^Kept on this device/ })).toBeVisible({ timeout: 20_000 });
  // One file of "first" is gone (the browser cleared it, a disk error).
  await page.evaluate(() => new Promise((resolve) => {
    const first = JSON.parse(localStorage.getItem('mvsep.library')!).find((k: any) => k.file_name === 'first.wav');
    const open = indexedDB.open('mvsep-library', 1);
    open.onsuccess = () => {
      const tx = open.result.transaction('files', 'readwrite');
      tx.objectStore('files').delete(`${encodeURIComponent(first.hash)}/0`);
      tx.oncomplete = resolve;
    };
  }));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await expect(shelves(page)).toHaveCount(2);
  const first = shelves(page).filter({ hasText: 'first.wav' });
  await expect(first).toContainText('Damaged: some of its files are gone from this device.');
  await expect(first.getByRole('button', { name: /as ZIP/ })).toHaveCount(0);
  await expect(shelves(page).filter({ hasText: 'second.wav' })).not.toContainText('Damaged');
  await first.getByRole('button', { name: 'Remove first.wav' }).click();
  await expect(shelves(page)).toHaveCount(1);
  await page.getByRole('link', { name: 'second.wav' }).click();
  await new MixerPanel(page).play();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await page.getByRole('button', { name: 'Remove everything kept' }).click();
  await expect(page.getByText('Nothing is kept yet.')).toBeVisible();
  expect(await keptKeys(page)).toEqual([]);
});

test('a full quota stops keeping with a message, and nothing half-kept is listed', async ({ page, request, errors }) => {
  await openResult(page, request, 'too big.wav');
  // Room for a few kilobytes beyond what the app's own files take.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage!);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: used + 20_000 });
  await keep(page).click();
  await expect(page.getByRole('alert')).toHaveText(/^There is no more room for this site on this device: nothing was kept\./, { timeout: 20_000 });
  await expect(keep(page)).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('mvsep.library'))).toBeNull();
  expect(await keptKeys(page)).toEqual([]);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await expect(page.getByText('Nothing is kept yet.')).toBeVisible();
});

test.describe('without the worker', () => {
  // Keeping needs no worker (only playing a kept result offline does); here the page's own
  // requests are routed, which a worker would answer before the route could.
  test.use({ serviceWorkers: 'block' });
test('a result the service has already deleted is said to be so, and nothing is kept', async ({ page, request, errors }) => {
  const hash = await doneElsewhere(request, 'gone.wav', {}, 3);
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  await expect(new MixerPanel(page).root).toBeVisible();
  // The service deleted the files after the page was drawn.
  await page.route('**/*.wav*', (r) => r.fulfill({ status: 404, body: 'gone' }));
  await keep(page).click();
  await expect(page.getByRole('alert')).toHaveText("The service has deleted this result's files already: nothing was kept.");
  expect(await page.evaluate(() => localStorage.getItem('mvsep.library'))).toBeNull();
});
});
