import { Page } from '@playwright/test';
import { test, expect, doneElsewhere } from './fixtures';

// Nothing moves as a screen fills in: the shell holds the room of the app's header, and each
// screen the room of what arrives later (the model list, an entry's details). Measured as the
// browser does for Cumulative Layout Shift, at a phone's size, with every call to the service
// held back 300 ms so that what it answers comes after the first paint.
test.use({ viewport: { width: 412, height: 823 } });

/** Watches the page's layout shifts from its first paint, with the service's answers held. */
async function watch(page: Page) {
  await page.addInitScript(() => {
    (window as any).__shift = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e: any) => {
      if (!e.hadRecentInput) (window as any).__shift.push([e.value, e.sources.map((s: any) => s.node?.nodeName + '.' + (s.node?.className ?? ''))]);
    })).observe({ type: 'layout-shift', buffered: true });
  });
  await page.route(/\/api\//, async (r) => { await new Promise((x) => setTimeout(x, 300)); await r.continue(); });
}

/** The layout shifts of loading `url` until `ready`, and their sum. */
async function shifts(page: Page, url: string, ready: () => Promise<void>) {
  await page.goto(url);
  await ready();
  // A frame or two for the last of it (the model list is drawn a few groups a frame).
  await page.waitForTimeout(500);
  const all: [number, string[]][] = await page.evaluate(() => (window as any).__shift);
  return { total: all.reduce((n, [v]) => n + v, 0), all };
}

const SCREENS: [string, string][] = [['/jobs', 'Jobs'], ['/history', 'History'], ['/library', 'Library'], ['/demos', 'Demos'], ['/news', 'News'],
  ['/leaderboard', 'Leaderboard'], ['/leaderboard/entry/1', 'Entry 1'], ['/leaderboard/queue', 'Evaluation queue'],
  ['/leaderboard/submit', 'Submit results'], ['/account', 'Account'], ['/settings', 'Settings']];

test('Separate: the model list arrives without moving the form', async ({ page, errors }) => {
  await watch(page);
  const { total, all } = await shifts(page, '/', async () => {
    await expect(page.getByRole('radio').nth(10)).toBeAttached();
    await expect(page.getByText('Model list just loaded.')).toBeVisible();
  });
  expect(total, JSON.stringify(all)).toBeLessThan(0.02);
});

test('every other screen fills in without moving', async ({ page, errors }) => {
  await watch(page);
  for (const [url, heading] of SCREENS) {
    const { total, all } = await shifts(page, url, async () => {
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await page.waitForLoadState('networkidle');
    });
    expect(total, `${url}: ${JSON.stringify(all)}`).toBeLessThan(0.02);
  }
});

test("a result's page fills in without moving", async ({ page, request, errors }) => {
  const hash = await doneElsewhere(request, 'steady.wav');
  await watch(page);
  const { total, all } = await shifts(page, `/jobs/${encodeURIComponent(hash)}`, async () => {
    await expect(page.getByRole('link', { name: /Download .*vocals/ }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
  });
  expect(total, JSON.stringify(all)).toBeLessThan(0.02);
});

// On a wide screen the mixer's room is in view from the start: what comes above it ("Keep on
// this device", the input's player) holds its room too.
test.describe('a wide screen', () => {
  test.use({ viewport: { width: 1350, height: 940 } });
  test("a result's page fills in without moving", async ({ page, request, errors }) => {
    const hash = await doneElsewhere(request, 'steady.wav');
    await watch(page);
    const { total, all } = await shifts(page, `/jobs/${encodeURIComponent(hash)}`, async () => {
      await expect(page.getByRole('button', { name: 'Keep on this device' })).toBeVisible();
      await expect(page.getByRole('link', { name: /Download .*vocals/ }).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
    });
    expect(total, JSON.stringify(all)).toBeLessThan(0.01);
  });
});
