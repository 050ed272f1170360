import { test, expect } from './fixtures';

// The one build hosted under a sub-path, as the README's Deploy section says: index.html's
// <base href="/hosted/"> (the stand-in serves the same dist/ there too). Every address the app
// writes, every file it fetches and every screen follow the path.

test.describe('hosted under /hosted/', () => {
  test.use({ locale: 'ru-RU' });

  test('screens, links, chunks, the catalogue and deep links all stay under the sub-path', async ({ page, errors }) => {
    const outside: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      // The API stays where Settings points (this origin's /api); everything of the app is below /hosted/.
      if (!u.pathname.startsWith('/hosted/') && !u.pathname.startsWith('/api/')) outside.push(u.pathname);
    });
    await page.goto('/hosted/');
    await expect(page.getByRole('heading', { level: 1, name: 'Разделить' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Главное меню' });
    await expect(nav.getByRole('link', { name: 'Задания' })).toHaveAttribute('href', '/hosted/jobs');
    await expect(page.locator('a.brand')).toHaveAttribute('href', '/hosted/');
    // Installed, it opens here: the manifest's addresses are relative to it.
    const { url, data } = await (await page.context().newCDPSession(page)).send('Page.getAppManifest');
    expect(new URL(url).pathname).toBe('/hosted/manifest.webmanifest');
    expect(new URL(JSON.parse(data!).start_url, url).pathname).toBe('/hosted/');
    expect(new URL(JSON.parse(data!).scope, url).pathname).toBe('/hosted/');
    // A screen's chunk, fetched from below the path, and its own links.
    await nav.getByRole('link', { name: 'Рейтинг' }).click();
    await expect(page).toHaveURL(/\/hosted\/leaderboard$/);
    await expect(page.locator('table.board tbody tr').first()).toBeVisible();
    const entry = page.locator('table.board tbody tr').first().getByRole('link').first();
    await expect(entry).toHaveAttribute('href', /^\/hosted\/leaderboard\/entry\/\d+$/);
    await entry.click();
    await expect(page).toHaveURL(/\/hosted\/leaderboard\/entry\/\d+$/);
    // A deep link loads as it is, and Back comes back.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/\d+/);
    await page.goBack();
    await expect(page).toHaveURL(/\/hosted\/leaderboard$/);
    await expect(page.locator('table.board tbody tr').first()).toBeVisible();
    // "Skip to content" on a deep link stays on the page and moves the focus. Reached by
    // focus(), not Tab: after Back the app has put the focus on the screen's heading.
    await page.locator('a.skip').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/hosted\/leaderboard$/);
    await expect(page.locator('main')).toBeFocused();
    expect(outside, 'nothing of the app fetched from outside /hosted/').toEqual([]);
  });

  test("the static shell's links, before the wasm arrives, stay under the sub-path", async ({ page }) => {
    await page.route(/\.wasm$/, () => { /* never: the shell alone */ });
    await page.goto('/hosted/leaderboard', { waitUntil: 'domcontentloaded' });
    const to = (link: string) => page.locator(link).evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname);
    expect(await to('header a.brand')).toBe('/hosted/');
    expect(await to('header nav li:nth-child(2) a')).toBe('/hosted/jobs');
    expect(await to('[data-head=leaderboard_screen] a >> nth=0')).toBe('/hosted/leaderboard/queue');
  });

  test('an address outside the app under the sub-path is its "no page" screen', async ({ page, errors }) => {
    await page.goto('/hosted/no/such/page');
    await expect(page.locator('main').getByRole('link', { name: 'К разделению' })).toHaveAttribute('href', '/hosted/');
  });
});

test('at the site root, "Skip to content" on a deep link stays on that screen', async ({ page, errors }) => {
  await page.goto('/leaderboard');
  await expect(page.locator('table.board tbody tr').first()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/leaderboard$/);
  await expect(page.locator('main')).toBeFocused();
});
