import { test, expect, faults, SeparateScreen, createRequests, PREMIUM_TOKEN } from './fixtures';
import { song } from './audio';

// A batch while the service fails in passing ways (502 pages, dropped connections before and
// after the work, cut-off JSON): every file ends done, none twice, and nobody presses Retry.
test('a batch under transient faults finishes by itself, each file once at the service', async ({ page, request, errors }) => {
  test.setTimeout(150_000);
  const names = ['f one.wav', 'f two.wav', 'f three.wav', 'f four.wav'];
  const creates = createRequests(page);
  const s = await SeparateScreen.start(page, PREMIUM_TOKEN, /^MelBand Roformer/);
  await s.addFiles(names.map((n) => song(n, 2)));
  // The first create meets a 502 for certain (the rates below fire by call count, and other
  // calls may take every hit), then the mix of faults goes on for the rest.
  await faults(request, { queue_ahead: 0, error_rate: 1 });
  const first = page.waitForResponse((r) => r.url().includes('/api/separation/create'));
  await s.submit();
  expect((await first).status(), 'the first create met a fault').toBe(502);
  // About a third of all calls fail (issue 10's chaos run asks for a fifth). At three fifths, as
  // this test once had, a file's seven tries all failed in about one run of ten: the retries
  // gave up, rightly, and asked the person.
  await faults(request, { error_rate: 0.15, drop_rate: 0.05, drop_after_rate: 0.1, malformed_rate: 0.05 });
  await s.toJobs();
  for (const n of names) {
    await s.job(n).expectDone(120_000);
  }
  await expect(page.getByRole('button', { name: /^Retry/ })).toHaveCount(0);
  await faults(request, { error_rate: 0, drop_rate: 0, drop_after_rate: 0, malformed_rate: 0 });
  const rows = (await (await request.get(`/api/app/separation_history?api_token=${PREMIUM_TOKEN}`)).json()).data;
  expect(rows.length, 'each file once at the service').toBe(names.length);
  expect(creates.length, 'the faults hit a create, which was sent again by itself').toBeGreaterThan(names.length);
});

// An upload that stops moving (a hung server or link) is given up after a minute without
// progress, said so, and sent again by itself: the plan's slot is not held for ever.
test('a stalled upload is given up within its deadline and sent again by itself', async ({ page, request, errors }) => {
  test.setTimeout(150_000);
  const s = await SeparateScreen.start(page, PREMIUM_TOKEN, /^MelBand Roformer/);
  await s.addFiles([song('stalled.wav', 2)]);
  await faults(request, { queue_ahead: 0, latency_ms: 600_000 });
  const started = Date.now();
  await s.submit();
  await s.toJobs();
  const card = s.card('stalled.wav');
  await expect(card).toContainText(/did not answer within 60 s\. .* Trying again in \d+ s/, { timeout: 80_000 });
  const waited = (Date.now() - started) / 1000;
  expect(waited).toBeGreaterThan(55);
  await faults(request, { latency_ms: 0 });
  await expect(card.getByRole('status')).toHaveText('Done', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Retry/ })).toHaveCount(0);
  const rows = (await (await request.get(`/api/app/separation_history?api_token=${PREMIUM_TOKEN}`)).json()).data;
  expect(rows.length, 'one job at the service').toBe(1);
});
