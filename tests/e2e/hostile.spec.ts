import { Page } from '@playwright/test';
import { test, expect, faults, signIn, doneElsewhere, expectNoAxeViolations, PREMIUM_TOKEN } from './fixtures';
import { MixerPanel } from './objects';
import { song } from './audio';

// The stand-in's xss switch sends `javascript:` addresses for a result file, the input, the
// mirror links and a demo's input: none may become a link or a media source.
const hostile = (page: Page) => page.locator('[href^="javascript" i], [src^="javascript" i], [href*="__xss"], [src*="__xss"]');

test('a javascript: result address is neither a link nor a source, and clicking its text runs nothing', async ({ page, request, errors }) => {
  await faults(request, { xss: true });
  const hash = await doneElsewhere(request, 'hostile song.wav');
  await faults(request, { xss: true, queue_ahead: 0 });
  await signIn(page, PREMIUM_TOKEN);
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  const mixer = new MixerPanel(page);
  await expect(mixer.stems()).toHaveCount(2);
  await expect(mixer.root.getByText('1 result file without a web address was left out.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Input' }), 'no player for a hostile input').toHaveCount(0);
  await page.getByRole('button', { name: 'Get mirror links (1 credit)' }).click();
  const mirror = page.locator('ul.mirror li');
  await expect(mirror).toHaveCount(3);
  await expect(mirror.filter({ hasText: 'Evil (mirror): javascript:window.__xss=1' })).toHaveCount(1);
  await expect(page.locator('ul.mirror a')).toHaveCount(2);
  expect(await hostile(page).count()).toBe(0);
  await mirror.filter({ hasText: 'Evil' }).click();
  await expectNoAxeViolations(page);

  // Followed, the job is stored with the service's words as they came; read back after a
  // reload, the same rule holds. (A script behind the click above would have run by the time
  // this later click has taken effect.)
  await page.getByRole('button', { name: 'Follow this job' }).click();
  await expect(page.getByRole('button', { name: 'Forget' })).toBeVisible();
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('mvsep.jobs') ?? '')).toContain('javascript:');
  await page.reload();
  await expect(new MixerPanel(page).stems()).toHaveCount(2);
  expect(await hostile(page).count()).toBe(0);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
});

test('a demo whose input is a javascript: address gets no player', async ({ page, request, errors }) => {
  await faults(request, { xss: true, queue_ahead: 0 });
  await request.post('/api/separation/create', { multipart: { sep_type: '40', is_demo: '1', audiofile: song('bad demo.wav', 2) } });
  await page.goto('/demos');
  const cards = page.locator('li.demo');
  await expect(cards).toHaveCount(3);
  // The recorded demos keep their players; the hostile one has none, but its result link.
  await expect(page.locator('li.demo audio')).toHaveCount(2);
  await expect(cards.first().getByRole('link', { name: 'See the result' })).toBeVisible();
  expect(await hostile(page).count()).toBe(0);
});
