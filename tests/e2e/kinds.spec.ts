import { test, expect, signIn, faults, SeparateScreen, expectNoAxeViolations, PREMIUM_TOKEN, FREE_TOKEN } from './fixtures';
import { MixerPanel } from './objects';
import { song, wav } from './audio';
import { readWav, rms } from './wavs';

/** The bodies of the page's calls to separation/create, as sent. */
function createBodies(page: import('@playwright/test').Page): string[] {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/separation/create')) sent.push(r.postDataBuffer()?.toString('latin1') ?? '');
  });
  return sent;
}

/** Signs in on premium and opens Separate, with the creates' bodies collected. */
async function separate(page: import('@playwright/test').Page, request: import('@playwright/test').APIRequestContext) {
  await faults(request, { queue_ahead: 0 });
  const bodies = createBodies(page);
  await signIn(page, PREMIUM_TOKEN);
  const s = new SeparateScreen(page);
  await s.open();
  return { s, bodies };
}

/** Picks "What it does", then the model. */
async function choose(page: import('@playwright/test').Page, task: string, model: RegExp) {
  await page.getByLabel('What it does').selectOption({ label: task });
  await page.getByRole('radio', { name: model }).check();
  await expect(page.locator('.chosen-model h3')).toHaveText(model);
}

test('the picker over the whole list: every kind, searched and filtered at a glance', async ({ page, errors }) => {
  await signIn(page, PREMIUM_TOKEN);
  const s = new SeparateScreen(page);
  await s.open();
  // The full 2026 list (117, one of them inactive) and the models of the other two input kinds.
  await expect(page.getByText('119 models', { exact: true })).toBeVisible();
  const radios = page.getByRole('group', { name: 'Model', exact: true }).getByRole('radio');
  await page.getByLabel('What it does').selectOption({ label: 'Master to a reference' });
  await expect(radios).toHaveCount(1);
  await expect(page.locator('label.model').getByText('Two songs: target and reference')).toBeVisible();
  await page.getByLabel('What it does').selectOption({ label: 'Transcribe (text, MIDI)' });
  await expect(page.getByRole('radio', { name: /^Whisper/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^BS Roformer/ })).toHaveCount(0);
  await page.getByLabel('What it does').selectOption({ label: 'Everything' });
  await page.getByLabel('Search models').fill('super resolution');
  await expect(page.getByRole('radio', { name: /^AudioSR/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a model that makes audio from a prompt: no file is sent, the piece comes back', async ({ page, request, errors }) => {
  test.setTimeout(60_000);
  const { s, bodies } = await separate(page, request);
  await choose(page, 'Generate (music, voice)', /^Stable Audio Open Gen/);
  await expect(page.locator('#audio-files')).toBeHidden();
  await expect(page.getByRole('heading', { name: '3. No song needed' })).toBeVisible();
  // Required, and said so at the field, before anything is sent.
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.getByText('Text prompt is required.')).toBeVisible();
  expect(bodies).toEqual([]);
  await page.getByLabel('Text prompt').fill('A calm piano\nwith rain');
  await page.getByLabel('Length (in seconds)').fill('3');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(page.getByText('Sent to the queue: the service makes it from the options.')).toBeVisible();
  await expect.poll(() => bodies.length).toBe(1);
  expect(bodies[0]).not.toContain('filename=');
  expect(bodies[0]).toContain('A calm piano\r\nwith rain');
  await s.toJobs();
  await s.job('A calm piano.wav').openWhenDone(30_000);
  const mixer = new MixerPanel(page);
  await expect(mixer.stems()).toHaveCount(1);
  const href = await page.getByRole('link', { name: /^Download A calm piano_audio/i }).getAttribute('href');
  const piece = readWav(await (await page.request.get(href ?? '')).body());
  expect(piece.samples[0].length / piece.rate).toBeCloseTo(3, 1);
  // A reload keeps the job (it needs no file).
  await page.reload();
  await expect(mixer.stems()).toHaveCount(1);
});

test('mastering sends a target and a reference, and the master comes back at the reference loudness', async ({ page, request, errors }) => {
  test.setTimeout(60_000);
  const { s, bodies } = await separate(page, request);
  await choose(page, 'Master to a reference', /^Matchering/);
  await expect(page.getByRole('heading', { name: '3. Target and reference' })).toBeVisible();
  await page.getByRole('button', { name: 'Master', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose both files' })).toBeVisible();
  // The target at a quarter of the reference's level.
  const quiet = Buffer.from(wav(2));
  for (let i = 44; i + 1 < quiet.length; i += 2) quiet.writeInt16LE(Math.round(quiet.readInt16LE(i) / 4), i);
  await page.setInputFiles('#target-file', { name: 'my mix.wav', mimeType: 'audio/wav', buffer: quiet });
  await page.setInputFiles('#reference-file', song('a loud record.wav', 2));
  await expect(page.getByText(/^my mix\.wav · /)).toBeVisible();
  await expect(page.getByText(/^a loud record\.wav · /)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Master', exact: true }).click();
  // One create; the stand-in refuses it unless both parts come under the service's names (its
  // own test), and the master below is made from both.
  await expect.poll(() => bodies.length).toBe(1);
  await s.toJobs();
  await s.job('my mix.wav').openWhenDone(30_000);
  await expect(new MixerPanel(page).stems()).toHaveCount(1);
  const href = await page.getByRole('link', { name: /^Download my mix_mastered/i }).getAttribute('href');
  const master = readWav(await (await page.request.get(href ?? '')).body());
  const ref = readWav(song('r.wav', 2).buffer);
  expect(rms(readWav(quiet).samples[0])).toBeLessThan(rms(ref.samples[0]) / 3);
  expect(rms(master.samples[0])).toBeCloseTo(rms(ref.samples[0]), 2);
});

test('speech to text: the subtitles are shown as text with their times, copied and downloaded', async ({ page, context, request, errors }) => {
  test.setTimeout(60_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await faults(request, { queue_ahead: 0 });
  const s = await SeparateScreen.start(page, FREE_TOKEN, /^Whisper/);
  await s.addFiles([song('interview.wav', 5)]);
  await s.submit();
  await s.toJobs();
  await s.job('interview.wav').openWhenDone(30_000);
  const srt = page.getByRole('region', { name: /Subtitles \(SRT\)/ });
  await expect(srt.getByRole('listitem')).toHaveCount(3);
  await expect(srt.getByRole('listitem').nth(1)).toHaveText('0:02 Line 2 of the song.');
  await expect(page.getByRole('region', { name: /^Text · / }).locator('pre')).toContainText('Line 3 of the song.');
  // Text is not offered as a stem to play.
  const mixer = new MixerPanel(page);
  await expect(mixer.stems()).toHaveCount(0);
  await expect(mixer.root.getByRole('button', { name: 'Play' })).toHaveCount(0);
  await srt.getByRole('button', { name: 'Copy the text' }).click();
  await expect(srt.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('00:00:02,000 --> 00:00:04,000');
  const [dl] = await Promise.all([page.waitForEvent('download'), srt.getByRole('link', { name: /^Download / }).click()]);
  expect(dl.suggestedFilename()).toMatch(/\.srt$/);
  await expectNoAxeViolations(page);
});

test('the service in its other shapes: a job runs as with the recorded ones', async ({ page, request, errors }) => {
  test.setTimeout(60_000);
  // A long processing, so that the card's polls meet it.
  await faults(request, { dialect: true, queue_ahead: 0, processing_ms: 8000 });
  const s = await SeparateScreen.start(page, PREMIUM_TOKEN, /^MelBand Roformer/);
  // Options sent as objects keep their order; flags sent as text still mark required fields.
  await expect(page.getByText('119 models', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Overlap').locator('option').first()).toHaveText(/\S/);
  await s.addFiles([song('shapes.wav', 2)]);
  await s.submit();
  await s.toJobs();
  // `converting` is followed by name; `success: "true"` was a success.
  await expect(s.card('shapes.wav')).toContainText('In progress: converting', { timeout: 20_000 });
  await s.job('shapes.wav').openWhenDone(30_000);
  // The size from `bytes` (sent as text), in the app's own words ("kB"), not the service's "KB".
  const row = new MixerPanel(page).stems().first();
  await expect(row).toContainText(/ · [\d.,]+ kB/);
  await expect(row).not.toContainText('KB');
  // History's `job_exists: 1` still offers the result; the account's flags as "1"/"0".
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page.locator('table.history tbody tr').first().getByRole('link', { name: 'Open' })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByRole('switch', { name: 'Long file names for results' })).toBeChecked();
  await expect(page.getByRole('switch', { name: /Use premium/ })).toBeChecked();
  await page.getByRole('switch', { name: 'Long file names for results' }).click();
  await expect(page.getByRole('switch', { name: 'Long file names for results' })).not.toBeChecked();
});
