import { test, expect } from './fixtures';

// 320 CSS px is a small phone; 200 % zoom of a 1280 px window is a 640 px viewport.
const PATHS = ['/', '/jobs', '/history', '/library', '/demos', '/news', '/leaderboard', '/leaderboard/queue',
  '/leaderboard/submit', '/leaderboard/entry/1', '/account', '/settings'];

for (const width of [320, 640]) {
  test(`no screen scrolls sideways at ${width} px (in Russian, the longest words)`, async ({ page, errors }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width, height: 700 });
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('mvsep.lang', 'ru'));
    const wide: Record<string, number> = {};
    for (const path of PATHS) {
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      if (w > width) wide[path] = w;
    }
    expect(wide, 'screens wider than the viewport').toEqual({});
  });
}
