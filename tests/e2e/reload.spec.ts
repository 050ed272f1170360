import { Page } from '@playwright/test';
import { test, expect, faults, SeparateScreen, FREE_TOKEN } from './fixtures';
import { JobCard } from './objects';
import { song } from './audio';

/** The ids of the jobs whose files this browser keeps in IndexedDB. */
const kept = (page: Page) => page.evaluate(() => new Promise<string[]>((resolve) => {
  const open = indexedDB.open('mvsep-files', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('files');
  open.onsuccess = () => {
    const keys = open.result.transaction('files').objectStore('files').getAllKeys();
    keys.onsuccess = () => resolve(keys.result as string[]);
  };
}));

// A batch waiting for the free plan's one slot survives a reload: the files still to send were
// kept in IndexedDB, so nobody is asked for them again, and each is sent once.
test('a batch interrupted by a reload resumes with no file asked for again', async ({ page, request, errors }) => {
  test.setTimeout(120_000);
  const names = ['r one.wav', 'r two.wav', 'r three.wav'];
  // Six seconds a job: the second and third still wait when the page is looked at, on a slow machine too.
  await faults(request, { queue_ahead: 0, processing_ms: 6000 });
  const s = await SeparateScreen.start(page, FREE_TOKEN, /^MelBand Roformer/);
  await s.addFiles(names.map((n) => song(n, 2)));
  await s.submit();
  await s.toJobs();
  await expect(s.card('r one.wav').getByRole('status')).toContainText(/Sent|Waiting|Processing/, { timeout: 15_000 });
  await expect(s.card('r three.wav').getByRole('status')).toHaveText('Waiting for a free slot on your plan');
  await expect.poll(() => kept(page)).toHaveLength(2);

  await page.reload();
  await expect(new JobCard(page).root).toHaveCount(3);
  for (const n of names) {
    await s.job(n).expectDone(60_000);
  }
  await expect(page.getByText(/choose the file again|Choose .* again/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Retry/ })).toHaveCount(0);
  const rows = (await (await request.get(`/api/app/separation_history?api_token=${FREE_TOKEN}`)).json()).data;
  expect(rows.map((r: any) => r.hash).length, 'each file once at the service').toBe(3);
  // Sent, their files are let go of.
  await expect.poll(() => kept(page)).toEqual([]);
});
