import { test, expect, faults, signIn, SettingsPage, PREMIUM_TOKEN, STANDIN } from './fixtures';
import { JobCard } from './objects';
import { song } from './audio';

// The token goes only to the API address in Settings (or the service's own hosts): a stored
// job keeps the address it was made at, and a call there that needs the token is not sent.
test('a stored job at another address is not sent the token until Settings point there', async ({ page, request, errors }) => {
  await faults(request, { queue_ahead: 60 });
  const created = await request.post('/api/separation/create', {
    multipart: { api_token: PREMIUM_TOKEN, sep_type: '40', audiofile: song('elsewhere.wav', 2) },
  });
  const hash: string = (await created.json()).data.hash;
  await signIn(page, PREMIUM_TOKEN);
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  await page.getByRole('button', { name: 'Follow this job' }).click();
  await expect(page.getByRole('button', { name: 'Forget' })).toBeVisible();
  // The same stand-in under another name: to this page, another API.
  const other = STANDIN.replace('127.0.0.1', 'localhost');
  await page.evaluate((base) => {
    const saved = JSON.parse(localStorage.getItem('mvsep.jobs')!);
    saved.forEach((j: any) => { j.api_base = base; });
    localStorage.setItem('mvsep.jobs', JSON.stringify(saved));
  }, other);
  const withToken: string[] = [];
  page.on('request', (r) => {
    if ((r.url() + (r.postData() ?? '')).includes(PREMIUM_TOKEN)) withToken.push(new URL(r.url()).origin);
  });
  await page.goto('/jobs');
  const card = new JobCard(page).root;
  await expect(card.getByRole('status')).toContainText('Waiting in the queue', { timeout: 15_000 });
  await card.getByRole('button', { name: 'Cancel job' }).click();
  await expect(page.getByText(`This job is at ${other}, not at the API address in Settings, and your token is sent only there.`)).toBeVisible();
  expect(withToken.filter((o) => o === other)).toEqual([]);
  await expect(card.getByRole('status')).toContainText('Waiting in the queue');

  // Pointed there, the same press cancels it, at that address.
  const s = new SettingsPage(page);
  await s.open();
  await s.setBase(other);
  await s.save();
  await page.goto('/jobs');
  await new JobCard(page).root.getByRole('button', { name: 'Cancel job' }).click();
  await expect(new JobCard(page).root.getByRole('status')).toContainText('cancelled');
  expect(withToken).toContain(other);
});
