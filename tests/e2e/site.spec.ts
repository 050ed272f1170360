import { test, expect, signIn, account, faults, expectNoAxeViolations, FREE_TOKEN, PREMIUM_TOKEN } from './fixtures';
import { song } from './audio';

test('register, then log in: the token is stored and the account shows', async ({ page, errors }) => {
  await page.goto('/account');
  const reg = page.locator('form', { has: page.getByRole('heading', { name: 'Register' }) });
  await reg.getByLabel('Name').fill('New Listener');
  await reg.getByLabel('E-mail').fill('new@example.com');
  await reg.getByLabel('Password', { exact: true }).fill('long-enough-1');
  await reg.getByLabel('Password again').fill('different-2');
  await reg.getByRole('button', { name: 'Register' }).click();
  await expect(reg.getByText('The two passwords differ.')).toBeVisible();
  await reg.getByLabel('Password again').fill('long-enough-1');
  await reg.getByRole('button', { name: 'Register' }).click();
  await expect(reg.getByText('Account verification email sent to new@example.com')).toBeVisible();
  await expectNoAxeViolations(page);

  const login = page.locator('form', { has: page.getByRole('heading', { name: 'Log in' }) });
  await login.getByLabel('E-mail').fill('new@example.com');
  await login.getByLabel('Password').fill('long-enough-1');
  await login.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('user-name')).toHaveText('New Listener');
  expect(await page.evaluate(() => localStorage.getItem('mvsep.api_token'))).toMatch(/^standin-user-token-/);
});

test('a wrong password shows the server field error next to the field', async ({ page, errors }) => {
  await page.goto('/account');
  const login = page.locator('form', { has: page.getByRole('heading', { name: 'Log in' }) });
  await login.getByLabel('E-mail').fill('free@example.com');
  await login.getByLabel('Password').fill('wrong');
  await login.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('#login-email-error')).toHaveText('These credentials do not match our records.');
  await expect(login.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
  expect(await page.evaluate(() => localStorage.getItem('mvsep.api_token'))).toBeNull();
});

test('the two switches change state on the server and survive a reload', async ({ page, request, errors }) => {
  await signIn(page, PREMIUM_TOKEN);
  await page.goto('/account');
  const long = page.getByRole('switch', { name: 'Long file names for results' });
  const premium = page.getByRole('switch', { name: /Use premium/ });
  await expect(long).toBeChecked();
  await long.click();
  await expect(page.getByText('The service says: successfully disabled')).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Long file names for results' })).not.toBeChecked();
  expect((await account(request, PREMIUM_TOKEN)).long_filenames_enabled).toBe(0);
  await premium.click();
  await expect(page.getByRole('switch', { name: /Use premium/ })).not.toBeChecked();
  // The box turns as it is clicked; the service hears of it a moment later.
  await expect.poll(async () => (await account(request, PREMIUM_TOKEN)).premium_enabled).toBe(0);
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Long file names for results' })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: /Use premium/ })).not.toBeChecked();
  await expect(page.getByText('The service\'s queue')).toBeVisible();
  await expect(page.getByText('In process', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('history pages forward and back with the page in the URL', async ({ page, request, errors }) => {
  // 21 jobs: each is cancelled while waiting, which frees the free plan's slot for the next.
  await faults(request, { queue_ahead: 50 });
  for (let i = 0; i < 21; i++) {
    const r = await request.post('/api/separation/create', { multipart: { api_token: FREE_TOKEN, sep_type: '40', audiofile: song(`h${i}.wav`, 1) } });
    const hash = (await r.json()).data.hash;
    await request.post('/api/separation/cancel', { multipart: { api_token: FREE_TOKEN, hash } });
  }
  await signIn(page, FREE_TOKEN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  const rows = page.locator('table.history tbody tr');
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText('BS Roformer');
  await expect(rows.first()).toContainText('2 days 23 h left');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(/\/history\?page=2$/);
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Older →' })).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/\/history$/);
  await expect(rows).toHaveCount(20);
  await page.goForward();
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('link', { name: 'Open' }).click();
  await expect(page).toHaveURL(/\/jobs\/.+h0\.wav$/);
});

test('news in English and Russian, sanitised', async ({ page, request, errors }) => {
  await faults(request, { xss: true });
  await page.goto('/news');
  await expect(page.getByRole('heading', { name: 'January updates' })).toBeVisible();
  await expect(page.locator('article.news')).toHaveCount(5);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.locator('article.news')).toHaveCount(5);
  await page.goto('/news?lang=ru');
  await expect(page.getByRole('heading', { name: 'Обновления в декабре' })).toBeVisible();
  await expect(page.locator('[lang=ru] article.news')).toHaveCount(1);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(await page.locator('article.news script, article.news [onerror]').count()).toBe(0);
  await expect(page.locator('article.news a[href^="https://mvsep.com/"]').first()).toBeVisible();
});

test('the demo gallery plays an input, filters by model, loads more', async ({ page, request, errors }) => {
  await faults(request, { queue_ahead: 0 });
  await request.post('/api/separation/create', { multipart: { sep_type: '40', is_demo: '1', audiofile: song('demo song.wav', 2) } });
  await page.goto('/demos');
  const cards = page.locator('li.demo');
  await expect(cards).toHaveCount(3);
  await expectNoAxeViolations(page);
  const audio = cards.first().locator('audio');
  await expect(audio).toHaveAttribute('preload', 'none');
  const t = await audio.evaluate(async (a: HTMLAudioElement) => { await a.play(); await new Promise((r) => setTimeout(r, 500)); return a.currentTime; });
  expect(t).toBeGreaterThan(0.1);
  await page.getByLabel('Model').selectOption('DrumSep (kick, snare, cymbals, toms)');
  await expect(cards).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
});

test('the queue shows in the header', async ({ page, errors }) => {
  await page.goto('/');
  await expect(page.locator('.queue-status')).toContainText('Service queue:');
});

test('the news pager keeps the chosen language', async ({ page, errors }) => {
  await page.goto('/news?lang=en');
  await expect(page.locator('[lang=en] article.news')).toHaveCount(5);
  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(/page=2/);
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  await page.getByRole('link', { name: '← Newer' }).click();
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
});
