import { test, expect, signIn, faults, PREMIUM_TOKEN } from './fixtures';

// Screens that read again keep what they show until the new answer: nothing flashes
// "Loading…", nothing is announced again, and a control just used keeps the focus.

test('the evaluation queue reads itself again every 10 s without showing "Loading…" again', async ({ page, request }) => {
  test.setTimeout(60_000);
  await page.goto('/leaderboard/queue');
  const table = page.locator('table.board');
  await expect(table).toBeVisible();
  // Every status line or loading line that appears from now on is counted.
  await page.evaluate(() => {
    (window as any).loadingShown = 0;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n instanceof HTMLElement && /Loading/.test(n.textContent ?? '')) (window as any).loadingShown++;
      }
    }).observe(document.querySelector('main')!, { childList: true, subtree: true });
  });
  // The next read is held 1.5 s: the table stays while it is under way, and a loading line
  // would be drawn as the read starts, before its request goes out.
  await faults(request, { latency_ms: 1500 });
  await page.waitForRequest(/\/api\/quality_checker\/queue/, { timeout: 15_000 });
  const answered = page.waitForResponse(/\/api\/quality_checker\/queue/);
  await expect(table).toBeVisible();
  await answered;
  await expect(table).toBeVisible();
  expect(await page.evaluate(() => (window as any).loadingShown), 'no "Loading…" while reading again').toBe(0);
});

test('a switch just toggled keeps the keyboard focus while the account is read again', async ({ page, errors }) => {
  await signIn(page, PREMIUM_TOKEN);
  await page.goto('/account');
  const long = page.getByRole('switch', { name: 'Long file names for results' });
  await expect(long).toBeChecked();
  await long.focus();
  const reread = page.waitForResponse(/\/api\/app\/user\?/);
  await page.keyboard.press('Space');
  await expect(page.getByText('The service says: successfully disabled')).toBeVisible();
  await reread;
  await expect(long).not.toBeChecked();
  await expect(long).toBeFocused();
  // And it works again from there, by keyboard.
  await page.keyboard.press('Space');
  await expect(page.getByText('The service says: successfully enabled')).toBeVisible();
  await expect(long).toBeChecked();
  await expect(long).toBeFocused();
});

test('leaving a screen aborts what it was still loading', async ({ page, request, errors }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Separate' })).toBeVisible();
  await faults(request, { latency_ms: 5000 });
  const aborted: string[] = [];
  page.on('requestfailed', (r) => { if (r.url().includes('/api/app/news')) aborted.push(r.failure()?.errorText ?? ''); });
  const nav = page.getByRole('navigation', { name: 'Main' });
  const asked = page.waitForRequest(/\/api\/app\/news/);
  await nav.getByRole('link', { name: 'News' }).click();
  await asked;
  await nav.getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  await expect.poll(() => aborted, { timeout: 3000 }).toEqual(['net::ERR_ABORTED']);
  await faults(request, { latency_ms: 0 });
});

test('a server that never answers gives a clear error at the 30 s deadline, and Try again works', async ({ page, request, errors }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Separate' })).toBeVisible();
  await faults(request, { latency_ms: 45_000 });
  const started = Date.now();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'News' }).click();
  await expect(page.getByText(/did not answer within 30 s/)).toBeVisible({ timeout: 40_000 });
  expect(Date.now() - started, 'the error comes at the deadline, not before').toBeGreaterThan(29_000);
  await faults(request, { latency_ms: 0 });
  await page.getByRole('button', { name: /Try again|Retry/ }).click();
  await expect(page.locator('article').first()).toBeVisible();
});

test('Back puts the page where it was scrolled, once the screen has drawn again', async ({ page, errors }) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.goto('/leaderboard');
  const rows = page.locator('table.board tbody tr');
  await expect(rows.nth(30)).toBeVisible();
  await rows.nth(30).scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  expect(y).toBeGreaterThan(300);
  await rows.nth(30).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/leaderboard\/entry\//);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(50);
  await page.goBack();
  await expect(rows.nth(30)).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y - 5);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(y + 5);
  // The heading has the focus, as on every arrival.
  await expect(page.locator('main h1')).toBeFocused();
});
