import { Page } from '@playwright/test';
import { test, plain, expect, expectNoAxeViolations } from './fixtures';

/** The screens whose code was fetched (`pack_<name>_screen-<hash>.bin`), in order. */
function screenChunks(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/^\/pack_(\w+?)_screen-[0-9a-f]{8}\.bin$/);
    if (m) fetched.push(m[1]);
  });
  return fetched;
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

test("the first screen fetches no other screen's code; each screen's code comes when its link is followed", async ({ page, errors }) => {
  const fetched = screenChunks(page);
  await page.goto('/');
  await expect(h1(page, 'Separate')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);

  const follow = async (link: () => ReturnType<Page['getByRole']>, chunk: string, heading: string | RegExp) => {
    expect(fetched, `${chunk} before its link is used`).not.toContain(chunk);
    await link().click();
    await expect(h1(page, heading)).toBeVisible();
    expect(fetched, `${chunk} after following its link`).toContain(chunk);
  };
  for (const [name, chunk] of [['Jobs', 'jobs'], ['History', 'history'], ['News', 'news'], ['Account', 'account'], ['Settings', 'settings']]) {
    await follow(() => nav(page).getByRole('link', { name, exact: true }), chunk, name);
  }
  await follow(() => nav(page).getByRole('link', { name: 'Leaderboard' }), 'leaderboard', 'Leaderboard');
  await follow(() => page.getByRole('link', { name: 'Evaluation queue' }), 'qc_queue', 'Evaluation queue');
  await page.goBack();
  await follow(() => page.getByRole('link', { name: 'Submit results' }), 'qc_submit', 'Submit results');
  await page.goBack();
  await expect(page.locator('table.board tbody tr').first()).toBeVisible();
  await follow(() => page.locator('table.board tbody tr a').first(), 'qc_entry', /^Entry \d+$/);
  await follow(() => nav(page).getByRole('link', { name: 'Demos' }), 'demos', 'Demos');
  await follow(() => page.getByRole('link', { name: 'See the result' }).first(), 'job', /./);
  // Each screen's code was fetched once, however often it was shown.
  expect(new Set(fetched).size).toBe(fetched.length);
});

test("hovering or focusing a link fetches its screen's code before it is followed", async ({ page, errors }) => {
  const fetched = screenChunks(page);
  await page.goto('/');
  await expect(h1(page, 'Separate')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await nav(page).getByRole('link', { name: 'News' }).hover();
  await expect.poll(() => fetched).toContain('news');
  await nav(page).getByRole('link', { name: 'History' }).focus();
  await expect.poll(() => fetched).toContain('history');
  expect(fetched).not.toContain('demos');
  await nav(page).getByRole('link', { name: 'News' }).click();
  await expect(h1(page, 'News')).toBeVisible();
  expect(fetched.filter((c) => c === 'news')).toHaveLength(1);
});

// Not the `errors` fixture: the chunk loader logs the failed fetch to the console, as it should.
plain('a screen whose code is gone says so, and offers to try again or reload', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const fetched = screenChunks(page);
  // Gone from the server, as after a deploy; not renamed in dist/, which other workers serve.
  const chunk = /\/pack_news_screen-[0-9a-f]{8}\.bin$/;
  await page.route(chunk, (r) => r.fulfill({ status: 404, body: 'Not Found' }));
  try {
    await page.goto('/');
    await expect(h1(page, 'Separate')).toBeVisible();
    await nav(page).getByRole('link', { name: 'News' }).click();
    const alert = page.getByRole('alert');
    await expect(h1(page, 'This screen could not be loaded')).toBeVisible();
    await expect(alert).toContainText('a new version of mvsep-web was published');
    await expect(alert.getByRole('button', { name: 'Reload for the new version' })).toBeVisible();
    await expectNoAxeViolations(page);
    // Trying again while the file is still missing fails again, in words, not with a dead page.
    const tries = fetched.filter((c) => c === 'news').length;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => fetched.filter((c) => c === 'news').length).toBe(tries + 1);
    await expect(h1(page, 'This screen could not be loaded')).toBeVisible();
  } finally {
    await page.unroute(chunk);
  }
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(h1(page, 'News')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

plain('"Reload for the new version" reloads the page', async ({ page }) => {
  const chunk = /\/pack_settings_screen-[0-9a-f]{8}\.bin$/;
  await page.route(chunk, (r) => r.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/settings');
  await expect(h1(page, 'This screen could not be loaded')).toBeVisible();
  await page.unroute(chunk);
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Reload for the new version' }).click(),
  ]);
  await expect(h1(page, 'Settings')).toBeVisible();
});
