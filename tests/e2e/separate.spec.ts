import { test, expect, signIn, account, faults, SeparateScreen, createRequests, expectNoAxeViolations, FREE_TOKEN, PREMIUM_TOKEN } from './fixtures';
import { JobCard, MixerPanel } from './objects';
import { song } from './audio';

test('one file goes to done; the stems play and download', async ({ page, errors }) => {
  test.setTimeout(60_000);
  const s = await SeparateScreen.start(page, PREMIUM_TOKEN, /^MelBand Roformer/);
  await s.addFiles([song('my song.wav', 3)]);
  await expect(page.getByText('0:03 · 1 credit')).toBeVisible();
  await expect(page.getByText('About 1 credit; your balance is 500.')).toBeVisible();
  await s.submit();
  await s.toJobs();
  // Every stem request is seen with its time, from before the result is opened: none may come
  // before Play is pressed (a fetch as the mixer is drawn would be one).
  const fetched: string[] = [];
  const at: number[] = [];
  page.on('request', (r) => { if (r.url().includes('/storage/')) { fetched.push(r.url()); at.push(Date.now()); } });
  await s.job('my song.wav').openWhenDone(30_000);
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
  await expect(page.getByText('Vocal model type:')).toBeVisible();
  const own = s.card('my song.wav');
  await expect(own.getByRole('button', { name: 'Forget' })).toBeVisible();
  await expect(own.getByRole('link', { name: 'Open' }), 'no link to the page itself').toHaveCount(0);
  // The stems are in the mixer; nothing of them is fetched until Play.
  const mixer = new MixerPanel(page);
  await expect(mixer.stems()).toHaveCount(2);
  const pressed = Date.now();
  await mixer.root.getByRole('button', { name: 'Play' }).click();
  await expect(mixer.root.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => Number(await mixer.root.getByRole('slider', { name: 'Position' }).inputValue())).toBeGreaterThan(0.1);
  expect(fetched.length).toBe(2);
  expect(at.every((t) => t >= pressed), 'nothing fetched before Play').toBe(true);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my song_vocals.wav' }).click()]);
  expect(dl.suggestedFilename()).toBe('my song_vocals.wav');
  const head = (await (await page.request.get(await page.getByRole('link', { name: /Download my song_other/ }).getAttribute('href') ?? '')).body()).subarray(0, 4);
  expect(head.toString()).toBe('RIFF');
  // A bookmark of the job opens it again.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
});

test('a batch of three on a free account never has two jobs in flight', async ({ page, request, errors }) => {
  test.setTimeout(120_000);
  const creates = createRequests(page);
  const s = await SeparateScreen.start(page, FREE_TOKEN, /^BS Roformer \(vocals, instrumental\)/);
  await expect(page.getByText('Your plan runs 1 job at a time')).toBeVisible();
  await s.addFiles([song('a.wav'), song('b.wav'), song('c.wav')]);
  await s.submit();
  await expect(page.getByText('Waiting for a free slot on your plan')).toHaveCount(2);
  let most = 0;
  for (let i = 0; i < 200; i++) {
    const running = (await account(request, FREE_TOKEN)).current_queue.length;
    most = Math.max(most, running);
    const done = await page.locator('li.job .job-status', { hasText: /^Done$/ }).count();
    if (done === 3 || (creates.length === 3 && running === 0 && i > 5 && await new JobCard(page).root.count() === 0)) break;
    await page.waitForTimeout(400);
  }
  expect(most).toBe(1);
  expect(creates.length, 'each file sent once, none refused for the limit').toBe(3);
  await s.toJobs();
  await expect(page.locator('li.job .job-status', { hasText: /^Done$/ })).toHaveCount(3, { timeout: 30_000 });
});

test('premium assumes no limit of its own: the service\'s refusal for its limit tells, and the file waits', async ({ page, request, errors }) => {
  test.setTimeout(150_000);
  // The stand-in runs 10 premium jobs at once, as the older pages said; the app does not know that.
  // Each job waits behind 40 others (28 s), so the first ten still run when a slow machine has
  // sent the eleventh: a fresh-clone CI once took long enough that ten-second jobs had ended.
  await faults(request, { queue_ahead: 40 });
  const creates = createRequests(page);
  const s = await SeparateScreen.start(page, PREMIUM_TOKEN, /^MelBand Roformer/);
  await expect(page.getByText('Premium runs as many jobs at once as the service allows; this browser uploads three at a time.')).toBeVisible();
  const names = Array.from({ length: 12 }, (_, i) => `p${i}.wav`);
  await s.addFiles(names.map((n) => song(n, 1)));
  await s.submit();
  // An eleventh is tried (no limit assumed), refused in the service's words, and kept queued.
  await expect(page.getByText(/Waiting for a free slot \(You can run only 10 separation/).first()).toBeVisible({ timeout: 60_000 });
  let most = 0;
  const made = async () => (await (await request.get(`/api/app/separation_history?api_token=${PREMIUM_TOKEN}`)).json()).data.length;
  for (let i = 0; i < 300; i++) {
    const running = (await account(request, PREMIUM_TOKEN)).current_queue.length;
    most = Math.max(most, running);
    // Until all twelve were made at the service and none runs any more.
    if (running === 0 && await made() === 12) break;
    await page.waitForTimeout(400);
  }
  // Ten at once: the app held none back. (The account's list also shows a job in its last
  // moments, which the service's limit no longer counts: a fresh-clone run saw 11.)
  expect(most).toBeGreaterThanOrEqual(10);
  await s.toJobs();
  await expect(page.locator('li.job .job-status', { hasText: /^Done$/ })).toHaveCount(12, { timeout: 60_000 });
  expect(await made(), 'each file one job at the service').toBe(12);
  expect(creates.length).toBeGreaterThan(12);
});

test('a reload mid-upload and mid-poll loses nothing and sends nothing twice', async ({ page, request, errors }) => {
  test.setTimeout(90_000);
  const s = await SeparateScreen.start(page, FREE_TOKEN, /^BS Roformer \(vocals, instrumental\)/);
  // Mid-upload: the server holds the upload for 5 s.
  await faults(request, { latency_ms: 5000 });
  await s.addFiles([song('slow.wav')]);
  await s.submit();
  await expect(page.getByText('Uploading…')).toBeVisible();
  await page.reload();
  await faults(request, { latency_ms: 0 });
  await s.toJobs();
  // The file was kept in IndexedDB: it is looked for at the service, then sent, by itself.
  await s.job('slow.wav').expectDone(40_000);
  // A browser that did not keep it (no room, private mode): the card asks for the file again.
  await faults(request, { latency_ms: 5000 });
  await s.open();
  await s.addFiles([song('slow two.wav')]);
  await s.submit();
  await expect(page.getByText('Uploading…')).toBeVisible();
  // Once the app has kept it, it is taken away.
  await page.evaluate(() => new Promise((done) => {
    const open = indexedDB.open('mvsep-files', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('files');
    open.onsuccess = () => {
      const store = () => open.result.transaction('files', 'readwrite').objectStore('files');
      const look = (tries: number) => {
        const count = store().count();
        count.onsuccess = () => (count.result > 0 || tries === 0
          ? (store().clear().onsuccess = done) : setTimeout(() => look(tries - 1), 100));
      };
      look(50);
    };
  }));
  await page.reload();
  await faults(request, { latency_ms: 0 });
  await s.toJobs();
  const card = s.card('slow two.wav');
  await expect(card).toContainText('The upload did not finish');
  await card.locator('input[type=file]').setInputFiles(song('slow two.wav'));
  await expect(card.getByRole('status')).toHaveText('Done', { timeout: 40_000 });
  // Mid-poll: reload while the job waits in the queue.
  await faults(request, { queue_ahead: 10 });
  await s.open();
  await s.addFiles([song('waiting.wav')]);
  await s.submit();
  await expect(page.getByText(/Waiting in the queue: position/)).toBeVisible({ timeout: 10_000 });
  await page.reload();
  await s.toJobs();
  await s.job('waiting.wav').expectDone(40_000);
  const history = await (await request.get(`/api/app/separation_history?api_token=${FREE_TOKEN}`)).json();
  expect(history.data.length, 'three jobs at the service, none twice').toBe(3);
});

test('a lost answer to an upload does not make the file a second job, and nobody has to press Retry', async ({ page, request, errors }) => {
  test.setTimeout(60_000);
  const creates = createRequests(page);
  const s = await SeparateScreen.start(page, FREE_TOKEN, /^BS Roformer \(vocals, instrumental\)/);
  await s.addFiles([song('lost answer.wav')]);
  // The service creates the job, but its answer never arrives.
  await faults(request, { drop_after_rate: 1 });
  await s.submit();
  const card = s.card('lost answer.wav');
  await expect(card).toContainText('Could not reach the MVSEP API', { timeout: 15_000 });
  await expect(card).toContainText(/Trying again in \d+ s \(attempt 1 of 6\)/);
  await faults(request, { drop_after_rate: 0 });
  // The automatic retry looks in the history first, finds the job and follows it.
  await s.toJobs();
  await s.job('lost answer.wav').expectDone(30_000);
  const history = await (await request.get(`/api/app/separation_history?api_token=${FREE_TOKEN}`)).json();
  expect(history.data.length, 'one job at the service').toBe(1);
  expect(creates.length, 'the file was sent once').toBe(1);
});

test('the lookup before a cut-off upload is sent again can be stopped, then forgotten or retried', async ({ page, request, errors }) => {
  test.setTimeout(90_000);
  const creates = createRequests(page);
  const s = await SeparateScreen.start(page, FREE_TOKEN, /^BS Roformer \(vocals, instrumental\)/);
  await s.addFiles([song('slow lookup.wav')]);
  await faults(request, { drop_after_rate: 1 });
  await s.submit();
  const card = s.card('slow lookup.wav');
  await expect(card).toContainText(/Trying again in \d+ s \(attempt 1 of 6\)/, { timeout: 15_000 });
  // The history lookup before the resend hangs far past the time this test waits for it.
  await faults(request, { drop_after_rate: 0, latency_ms: 25_000 });
  await expect(card).toContainText('Checking whether the service already has it', { timeout: 30_000 });
  await card.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(card).toContainText('Check stopped.', { timeout: 3000 });
  await expect(card.getByRole('button', { name: 'Forget' })).toBeVisible();
  await faults(request, { latency_ms: 0 });
  await card.getByRole('button', { name: 'Retry' }).click();
  // The retry looks again, finds the job the lost answer made and follows it.
  await s.toJobs();
  await s.job('slow lookup.wav').expectDone(30_000);
  const history = await (await request.get(`/api/app/separation_history?api_token=${FREE_TOKEN}`)).json();
  expect(history.data.length, 'one job at the service').toBe(1);
  expect(creates.length, 'the file was sent once').toBe(1);
});

test('no polling while the tab is hidden, a poll at once when it shows; cards are not rebuilt by polls', async ({ page, errors }) => {
  test.setTimeout(60_000);
  const polls: number[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/separation/get?')) polls.push(Date.now()); });
  const s = await SeparateScreen.start(page, PREMIUM_TOKEN, /^MelBand Roformer/);
  // 3000 s of audio is split in 50 parts: about 25 s of "distributing", polled every 5 s, so the
  // job is still moving when the tab shows again even on a slow machine.
  await s.addFiles([song('long.wav', 3000, 4000)]);
  await s.submit();
  const card = s.card('long.wav');
  await expect(card.getByRole('status')).toContainText('Split over several servers', { timeout: 30_000 });
  const open = await card.getByRole('link', { name: 'Open' }).elementHandle();
  const setHidden = (hidden: boolean) => page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await setHidden(true);
  const before = polls.length;
  await page.waitForTimeout(11_000);
  expect(polls.length, 'no poll while hidden').toBe(before);
  const shown = Date.now();
  await setHidden(false);
  await expect.poll(() => polls.filter((t) => t >= shown).length, { timeout: 2_000 }).toBeGreaterThan(0);
  await expect(card.getByRole('status')).toContainText('Split over several servers');
  expect(await open!.evaluate((a) => a.isConnected), 'the card was updated in place').toBe(true);
});

test('cancelling a waiting job refunds its credits', async ({ page, request, errors }) => {
  test.setTimeout(60_000);
  const before = (await account(request, PREMIUM_TOKEN)).premium_minutes;
  await faults(request, { queue_ahead: 60 });
  const s = await SeparateScreen.start(page, PREMIUM_TOKEN, /^MelBand Roformer/);
  await s.addFiles([song('cancel me.wav', 3)]);
  await s.submit();
  const card = s.card('cancel me.wav');
  await expect(card.getByRole('status')).toContainText('Waiting in the queue: position', { timeout: 15_000 });
  expect((await account(request, PREMIUM_TOKEN)).premium_minutes).toBe(before - 1);
  await s.toJobs();
  await s.card('cancel me.wav').getByRole('button', { name: 'Cancel job' }).click();
  await expect(s.card('cancel me.wav').getByRole('status')).toContainText('cancelled');
  expect((await account(request, PREMIUM_TOKEN)).premium_minutes).toBe(before);
});

test('an XSS payload in a description does not run', async ({ page, request, errors }) => {
  await faults(request, { xss: true });
  const s = await SeparateScreen.start(page, PREMIUM_TOKEN, /^MelBand Roformer/);
  await page.getByText('About this model').click();
  const about = page.locator('.chosen-model .server-html');
  await expect(about).toContainText('click');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(await about.locator('script, [onerror], [onclick]').count()).toBe(0);
  expect((await about.locator('a').first().getAttribute('href')) ?? '').not.toContain('javascript');
});

test('refusals appear in the server words: premium gate, wrong token, the plan limit, not audio', async ({ page, request, errors }) => {
  test.setTimeout(90_000);
  const creates = createRequests(page);
  // Premium gate: the page thinks the account is premium, the service no longer does.
  await signIn(page, PREMIUM_TOKEN);
  const s = new SeparateScreen(page);
  await s.open();
  await s.model(/^Ensemble \(vocals, instrum\)/);
  await s.addFiles([song('gated.wav')]);
  // The page has read the account (premium) before the service changes its mind: otherwise the
  // page itself refuses, rightly, and nothing reaches the service.
  await expect(page.getByText(/your balance is \d+/)).toBeVisible();
  await request.post('/api/app/disable_premium', { multipart: { api_token: PREMIUM_TOKEN } });
  await s.submit();
  await s.toJobs();
  await expect(s.card('gated.wav')).toContainText('Seperation type is unavailable until you purchase premium membership');

  // A wrong token.
  await signIn(page, 'not-a-token');
  await s.open();
  await s.model(/^BS Roformer \(vocals, instrumental\)/);
  await s.addFiles([song('token.wav')]);
  await s.submit();
  await s.toJobs();
  await expect(s.card('token.wav')).toContainText('Invalid API token');

  // The plan's limit, reached by a job made elsewhere: the file waits and goes later.
  await faults(request, { queue_ahead: 3 });
  await request.post('/api/separation/create', { multipart: {
    api_token: FREE_TOKEN, sep_type: '40', audiofile: song('elsewhere.wav') } });
  await signIn(page, FREE_TOKEN);
  await s.open();
  await s.model(/^BS Roformer \(vocals, instrumental\)/);
  await s.addFiles([song('limited.wav')]);
  await s.submit();
  await expect(s.card('limited.wav')).toContainText('You can run only 1 separation(s) at the same time', { timeout: 10_000 });
  await s.toJobs();
  await s.job('limited.wav').expectDone(60_000);

  // Not audio: flagged before upload with the reason, and nothing is sent.
  const before = creates.length;
  await s.open();
  await s.addFiles([{ name: 'notes.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('these are my notes, not audio') }]);
  await expect(page.getByText('notes.mp3 could not be read as audio')).toBeVisible();
  await s.submit();
  await expect(page.getByRole('alert').filter({ hasText: 'None of the songs can be sent' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(creates.length).toBe(before);
});

test('Separate works by keyboard and passes axe', async ({ page, errors }) => {
  await signIn(page, PREMIUM_TOKEN);
  const s = new SeparateScreen(page);
  await s.open();
  await page.getByLabel('Search models').focus();
  await page.keyboard.type('melband');
  // The list follows the search after a short pause: tab into it once it has.
  await expect(page.getByRole('group', { name: 'Model', exact: true }).getByRole('radio')).toHaveCount(3);
  await page.keyboard.press('Tab'); // what it does
  await page.keyboard.press('Tab'); // sort
  await page.keyboard.press('Tab'); // the model
  await page.keyboard.press('Space');
  await expect(page.locator('.chosen-model h3')).toHaveText(/MelBand Roformer/);
  await page.getByLabel('Overlap').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Overlap')).toHaveValue('8');
  await s.addFiles([song('k.wav')]);
  // 87.5 % overlap costs 1.5 times: 1 credit becomes 2.
  await expect(page.getByText('0:02 · 2 credits')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Separate', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 song added to the queue')).toBeVisible();
  await s.toJobs();
  await s.job('k.wav').expectDone(30_000);
  await expectNoAxeViolations(page);
  await s.card('k.wav').getByRole('link', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('"Notify me" goes away once the browser has the answer', async ({ page, context, errors }) => {
  await page.goto('/');
  const notify = page.getByRole('button', { name: 'Notify me when jobs finish' });
  await expect(notify).toBeVisible();
  await context.grantPermissions(['notifications']);
  await notify.click();
  await expect(notify).toHaveCount(0);
});
