import { test, expect, faults, SeparateScreen, PREMIUM_TOKEN } from './fixtures';
import { JobCard } from './objects';
import { song } from './audio';

// Tabs of one browser share localStorage: each sends its own file, none writes over the other's
// jobs, and a log-out in one reaches the others.
test('two tabs each send a file and a third tab sees both; the service holds exactly two; a log-out reaches every tab', async ({ page, request, errors }) => {
  test.setTimeout(90_000);
  await faults(request, { queue_ahead: 0 });
  const a = await SeparateScreen.start(page, PREMIUM_TOKEN, /^MelBand Roformer/);
  const other = await page.context().newPage();
  const b = new SeparateScreen(other);
  await other.goto('/');
  await b.open();
  await b.model(/^MelBand Roformer/);
  await a.addFiles([song('tab one.wav', 2)]);
  await b.addFiles([song('tab two.wav', 2)]);
  await a.submit();
  await b.submit();
  await a.toJobs();
  await b.toJobs();
  // Each tab shows both: its own, and the other's as that tab stores it.
  for (const s of [a, b]) {
    await s.job('tab one.wav').expectDone(30_000);
    await s.job('tab two.wav').expectDone(30_000);
  }
  const third = await page.context().newPage();
  await third.goto('/jobs');
  await expect(new JobCard(third).root).toHaveCount(2);
  await expect(new JobCard(third).root.getByRole('status')).toHaveText(['Done', 'Done']);
  const rows = (await (await request.get(`/api/app/separation_history?api_token=${PREMIUM_TOKEN}`)).json()).data;
  expect(rows.length, 'two jobs at the service, none sent twice').toBe(2);

  // Forgotten in one tab, gone from all.
  await b.card('tab one.wav').getByRole('button', { name: 'Forget' }).click();
  await expect(a.card('tab one.wav')).toHaveCount(0);
  await third.reload();
  await expect(new JobCard(third).root).toHaveCount(1);

  // Log out in the first tab: the other tab's Account asks to log in.
  await other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  await expect(other.getByRole('button', { name: 'Log out (forget the token)' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'Log out (forget the token)' }).click();
  await expect(other.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Log out (forget the token)' })).toHaveCount(0);
});
