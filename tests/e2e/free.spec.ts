import { test, expect, faults, SeparateScreen, expectNoAxeViolations, FREE_TOKEN, PREMIUM_TOKEN } from './fixtures';
import { song } from './audio';

// The free plan's separations of the day, as the service's 2026 queue answers them
// (`free_separations: {left, max}`): said on Separate and on Account, a batch over them warned
// of before it is sent, and the count read again as jobs are sent.

test('a free account sees its free separations left today, and a batch over them is warned of', async ({ page, request, errors }) => {
  test.setTimeout(60_000);
  await faults(request, { free_daily: 2, queue_ahead: 0 });
  const s = await SeparateScreen.start(page, FREE_TOKEN, /^BS Roformer \(vocals, instrumental\)/);
  await expect(page.getByText('2 free separations left today (of 2).')).toBeVisible();
  await s.addFiles([song('one.wav'), song('two.wav'), song('three.wav')]);
  await expect(page.getByRole('status').filter({ hasText: 'Only 2 free separations are left today (of 2): the songs after them will be refused.' })).toBeVisible();
  await expectNoAxeViolations(page);
  // Two songs are within the day's count: the warning goes.
  await page.getByRole('button', { name: 'Remove three.wav' }).click();
  await expect(page.getByText(/Only \d free separation/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove two.wav' }).click();
  await s.submit();
  // Once the job is at the service, the count is read again.
  await expect(page.getByText('1 free separation left today (of 2).')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  // The service's queue in detail (the account's own facts are another list on that screen).
  const queue = page.locator('dl.facts', { hasText: 'In process' });
  await expect(queue).toContainText('Free separations today');
  await expect(queue).toContainText('1 free separation left today (of 2).');
});

test('a premium account is not told of free separations', async ({ page, errors }) => {
  const s = await SeparateScreen.start(page, PREMIUM_TOKEN, /^BS Roformer \(vocals, instrumental\)/);
  await s.addFiles([song('one.wav')]);
  await expect(page.getByText(/credit/).first()).toBeVisible();
  await expect(page.getByText(/free separation/)).toHaveCount(0);
});
