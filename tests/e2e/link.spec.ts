import { test, expect, faults, doneElsewhere, SeparateScreen, createRequests, expectNoAxeViolations, PREMIUM_TOKEN } from './fixtures';
import { JobCard, MixerPanel } from './objects';

// A job made from a link, as the real service runs it: create answers a short hash that
// separation/get does not know; get-remote says "being downloaded" for a while, then names the
// real job.
test('a link job goes through get-remote: the service fetching the link, a reload, then the real job to done', async ({ page, request, errors }) => {
  test.setTimeout(60_000);
  // The song the link points at: the input of a job made elsewhere, served by the stand-in.
  const first = await doneElsewhere(request, 'linked song.wav', {}, 2);
  const input: string = (await (await request.get(`/api/separation/get?hash=${encodeURIComponent(first)}`)).json()).data.input_file.url;
  await faults(request, { queue_ahead: 0, link_wait_ms: 6000 });
  const remote: string[] = [];
  const got: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname === '/api/separation/get-remote') remote.push(u.searchParams.get('hash') ?? '');
    if (u.pathname === '/api/separation/get') got.push(u.searchParams.get('hash') ?? '');
  });
  const creates = createRequests(page);
  const s = await SeparateScreen.start(page, PREMIUM_TOKEN, /^MelBand Roformer/);
  await page.getByRole('radio', { name: 'A link' }).check();
  await page.getByLabel('Link to the song').fill(input);
  await s.submit();
  await s.toJobs();
  const card = new JobCard(page).root.first();
  await expect(card.getByRole('status')).toHaveText(
    'The service is fetching the link: Your audio file is being downloaded, please wait a while...', { timeout: 15_000 });
  await expectNoAxeViolations(page);
  // A reload while the link is fetched resumes with get-remote; nothing is sent again.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
  await expect(card.getByRole('status')).toHaveText('Done', { timeout: 30_000 });
  expect(creates.length, 'one create, before the reload').toBe(1);
  const short = remote[0];
  expect(short).toMatch(/^[0-9a-f]{12}$/);
  expect(remote.every((h) => h === short), 'get-remote is asked with the short hash only').toBe(true);
  expect(got.length).toBeGreaterThan(0);
  expect(got, 'get is asked only with the real hash the service named').not.toContain(short);
  const real = got[0];
  // The result opens at the real job's address, with its stems.
  await card.getByRole('link', { name: 'Open' }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${encodeURIComponent(real).replace(/[.+]/g, '\\$&')}$`));
  await expect(new MixerPanel(page).stems()).not.toHaveCount(0);
});
