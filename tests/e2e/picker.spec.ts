import { test, expect } from './fixtures';

// The model list (some 120 models in 20 groups) is drawn a few groups a frame, so that no one
// task holds a phone's main thread: on its arrival, and again after each search, kind or order.

test('a search cleared draws the whole list again a few groups a frame, not in the keystroke', async ({ page, errors }) => {
  await page.goto('/');
  await expect(page.getByText('Model list just loaded.')).toBeVisible();
  const status = page.getByText(/^\d+ models$/);
  const all = Number((await status.textContent())!.split(' ')[0]);
  const radios = page.getByRole('group', { name: 'Model', exact: true }).getByRole('radio');
  await expect(radios).toHaveCount(all);
  const groups = await page.locator('.models .group').count();
  expect(groups).toBeGreaterThan(4);

  const search = page.getByRole('searchbox', { name: 'Search models' });
  await search.fill('drums');
  const found = page.getByText(/^\d+ models?$/);
  await expect(found).not.toHaveText(`${all} models`);
  // The narrow list drawn to its end before the search is cleared.
  await expect(radios).toHaveCount(Number((await found.textContent())!.split(' ')[0]));
  // What the list holds when the page first changes after the search is cleared: the drawing
  // done in the keystroke's own task.
  await page.evaluate(() => {
    const list = document.querySelector('.models')!;
    new MutationObserver((_, seen) => {
      (window as any).__first = list.querySelectorAll('.group').length;
      seen.disconnect();
    }).observe(list, { childList: true, subtree: true });
  });
  await search.fill('');
  await expect(radios).toHaveCount(all);
  const first = await page.evaluate(() => (window as any).__first);
  expect(first, 'groups drawn in the keystroke').toBeGreaterThanOrEqual(1);
  expect(first, 'groups drawn in the keystroke').toBeLessThanOrEqual(3);
  await expect(page.locator('.models .group')).toHaveCount(groups);
});
