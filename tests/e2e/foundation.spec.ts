import { test, expect, SettingsPage, expectNoAxeViolations, PREMIUM_TOKEN, FREE_TOKEN, STANDIN } from './fixtures';

const SCREENS = ['Separate', 'Jobs', 'History', 'Demos', 'News', 'Leaderboard', 'Account', 'Settings'];

test('the app loads with a link to every screen, and unknown paths say so', async ({ page, errors }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of SCREENS) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Separate', level: 1 })).toBeVisible();
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('the token is saved in Settings and survives a reload', async ({ page, errors }) => {
  const s = new SettingsPage(page);
  await s.open();
  await s.setToken(PREMIUM_TOKEN);
  await s.save();
  await page.reload();
  await expect(page.getByLabel('API token')).toHaveValue(PREMIUM_TOKEN);
  expect(await page.evaluate(() => localStorage.getItem('mvsep.api_token'))).toBe(PREMIUM_TOKEN);
  await s.check();
  await expect(page.getByText('The token works.')).toBeVisible();
});

test('Account shows the user for the stored token', async ({ page, errors }) => {
  const s = new SettingsPage(page);
  await s.open();
  await s.setToken(FREE_TOKEN);
  await s.save();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  await expect(page.getByTestId('user-name')).toHaveText('Free Listener');
  await expect(page.getByTestId('user-credits')).toHaveText('0');
  await expect(page.getByText('free@example.com')).toBeVisible();
});

test('a wrong token shows the server refusal in its words', async ({ page, errors }) => {
  const s = new SettingsPage(page);
  await s.open();
  await s.setToken('not-a-real-token');
  await s.save();
  await page.goto('/account');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Invalid API token');
  await expect(alert).toContainText('HTTP 401');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a stopped API shows a clear network error', async ({ page, errors }) => {
  const s = new SettingsPage(page);
  await s.open();
  // Nothing listens on port 9 of the loopback address.
  await s.setBase('http://127.0.0.1:9');
  await s.setToken(FREE_TOKEN);
  await s.save();
  await s.check();
  await expect(page.getByRole('alert')).toContainText('Could not reach the MVSEP API at http://127.0.0.1:9');
});

test('a 5xx page and a malformed body each get a message a person can act on', async ({ page, request, errors }) => {
  const s = new SettingsPage(page);
  await s.open();
  await s.setToken(FREE_TOKEN);
  await s.save();
  await request.post('/__admin/faults', { data: { error_rate: 1 } });
  await s.check();
  await expect(page.getByRole('alert')).toContainText('error page (HTTP 502)');
  await request.post('/__admin/faults', { data: { error_rate: 0, malformed_rate: 1 } });
  await s.check();
  await expect(page.getByRole('alert')).toContainText('was not the data expected');
  await request.post('/__admin/faults', { data: { malformed_rate: 0, rate_limit_rate: 1, retry_after_secs: 9 } });
  await s.check();
  await expect(page.getByRole('alert')).toContainText('wait 9 s');
});

test('logging out forgets the token and nothing else', async ({ page, errors }) => {
  const s = new SettingsPage(page);
  await s.open();
  await s.setBase(STANDIN);
  await s.setToken(FREE_TOKEN);
  await s.save();
  await page.goto('/account');
  await page.getByRole('button', { name: /Log out/ }).click();
  await expect(page.getByText('No API token is set.')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('mvsep.api_token'))).toBeNull();
  expect(await page.evaluate(() => localStorage.getItem('mvsep.api_base'))).toBe(STANDIN);
});

test('Settings works by keyboard alone', async ({ page, errors }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Separate', level: 1 })).toBeVisible();
  // Tab to the Settings link and follow it.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Settings') break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByLabel('API token').focus();
  await page.keyboard.type(FREE_TOKEN);
  await page.keyboard.press('Enter'); // submits the form
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.keyboard.press('Tab'); // Show
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('API token')).toHaveAttribute('type', 'text');
});

for (const path of ['/', '/jobs', '/history', '/library', '/demos', '/news', '/leaderboard', '/account', '/settings', '/missing']) {
  test(`axe finds no violations on ${path}`, async ({ page, errors }) => {
    await page.goto('/settings');
    await page.getByLabel('API token').fill(PREMIUM_TOKEN);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (path === '/account') await expect(page.getByTestId('user-name')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
