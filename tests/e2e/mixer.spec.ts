import fs from 'node:fs';
import { Page, APIRequestContext } from '@playwright/test';
import { test, expect, faults, expectNoAxeViolations, doneElsewhere, SeparateScreen, PREMIUM_TOKEN } from './fixtures';
import { song } from './audio';
import { MixerPanel } from './objects';
import { readWav, readZip, rms } from './wavs';

// sep_type 40 with its "fullness" option: six stems (Vocals, Other, Vocals fullness 1-3,
// Instrumental fullness 1), each real audio made from the song.
const SIX = { add_opt3: '1' };

async function openResult(page: Page, request: APIRequestContext, name: string, secs = 2) {
  const hash = await doneElsewhere(request, name, SIX, secs);
  const answer = await (await request.get(`/api/separation/get?hash=${encodeURIComponent(hash)}`)).json();
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  const mixer = new MixerPanel(page);
  await expect(mixer.root).toBeVisible();
  return { hash, files: answer.data.files as { type: string; url: string }[], mixer };
}

const level = (page: Page) => page.getByRole('meter', { name: 'Output level' }).evaluate((m: HTMLMeterElement) => m.value);
const seconds = (page: Page) => new MixerPanel(page).seconds();

test('the stems play together: mute and solo change what comes out, the loop returns to A, axe finds nothing', async ({ page, request, errors }) => {
  const { mixer } = await openResult(page, request, 'mix me.wav', 6);
  await expect(mixer.stems()).toHaveCount(6);
  await expectNoAxeViolations(page);
  await mixer.play();
  const t0 = await seconds(page);
  await expect.poll(() => seconds(page)).toBeGreaterThan(t0 + 0.3);
  // A waveform per stem, drawn from the decoded audio.
  await expect(mixer.waves()).toHaveCount(6);
  // The output (an AnalyserNode after the master) carries sound...
  await expect.poll(() => level(page)).toBeGreaterThan(0.005);
  // ...none when every stem is muted (keys 1-6)...
  for (let i = 1; i <= 6; i++) await page.keyboard.press(`Digit${i}`);
  await expect(mixer.mute('Vocals')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => level(page)).toBeLessThan(0.0005);
  // ...and sound again with one stem back on.
  await page.keyboard.press('Digit2');
  await expect.poll(() => level(page)).toBeGreaterThan(0.002);
  // Volume at the bottom of its range silences it again.
  await mixer.volume('Other').fill('-40');
  await expect.poll(() => level(page)).toBeLessThan(0.0005);
  await expectNoAxeViolations(page);

  // Loop 4.7-5.3 s, across the edge between two of the windows the mixer decodes (5 s): after
  // playing longer than the loop, the playhead is still inside it.
  await mixer.button('Pause').click();
  await mixer.position().fill('4.7');
  await mixer.button('Set A').click();
  await mixer.position().fill('5.3');
  await mixer.button('Set B').click();
  await expect(mixer.loop()).toHaveAttribute('aria-pressed', 'true');
  await mixer.button('Play').click();
  const seen: number[] = [];
  for (let i = 0; i < 12; i++) { await page.waitForTimeout(150); seen.push(await seconds(page)); }
  expect(Math.min(...seen)).toBeGreaterThanOrEqual(4.69);
  expect(Math.max(...seen)).toBeLessThan(5.35);
  // It went round: some later reading is earlier than the one before it.
  expect(seen.some((t, i) => i > 0 && t < seen[i - 1])).toBe(true);
});

test('the mix exports as a WAV of what is heard, and all stems as one ZIP byte for byte', async ({ page, request, errors }) => {
  // 11 s: the mix is rendered a 5-s window at a time, so two window edges are inside it.
  const { files, mixer } = await openResult(page, request, 'export me.wav', 11);
  const stems = await Promise.all(files.map(async (f) => (await request.get(f.url)).body()));
  await mixer.play();
  await mixer.button('Pause').click();
  // Vocals muted: the export is the sum of the five others.
  await mixer.mute('Vocals').click();
  const mixDl = await mixer.download('Download this mix');
  expect(mixDl.suggestedFilename()).toMatch(/^export.me_mix\.wav$/);
  const mix = readWav(fs.readFileSync(await mixDl.path()));
  const parts = stems.map((b) => readWav(b));
  expect(mix.rate).toBe(parts[0].rate);
  expect(mix.samples[0].length).toBe(parts[0].samples[0].length);
  let worst = 0;
  for (let c = 0; c < 2; c++) {
    for (let i = 0; i < mix.samples[c].length; i++) {
      const want = parts.slice(1).reduce((s, p) => s + p.samples[Math.min(c, p.channels - 1)][i], 0);
      worst = Math.max(worst, Math.abs(Math.max(-1, Math.min(1, want)) - mix.samples[c][i]));
    }
  }
  expect(worst, 'the export follows the mix sample by sample').toBeLessThan(0.001);
  // The vocals would have shown: with them, it is a different file.
  const withVocals = parts.reduce((s, p) => s + rms(p.samples[0]), 0);
  expect(withVocals).toBeGreaterThan(0);
  expect(rms(parts[0].samples[0])).toBeGreaterThan(0.01);

  const zipDl = await mixer.download('Download all (ZIP)');
  expect(zipDl.suggestedFilename()).toMatch(/^export.me_stems\.zip$/);
  const entries = readZip(fs.readFileSync(await zipDl.path()));
  expect(entries.map((e) => e.method)).toEqual(files.map(() => 0));
  expect(entries.length).toBe(files.length);
  entries.forEach((e, i) => expect(Buffer.compare(e.data, stems[i]), e.name).toBe(0));
  await expect(mixer.root.getByText(/^Saved export.me_stems\.zip\.$/)).toBeVisible();
});

test('the mixer runs from the keyboard alone', async ({ page, request, errors }) => {
  const { mixer } = await openResult(page, request, 'keys.wav', 4);
  await mixer.button('Play').focus();
  await page.keyboard.press('Space');
  await expect(mixer.button('Pause')).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Digit1');
  await expect(mixer.mute('Vocals')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Shift+Digit2');
  await expect(mixer.solo('Other')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Shift+Digit3');
  await expect(mixer.solo('Other')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Alt+Shift+Digit3');
  await expect(mixer.solo('Other')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('?');
  await expect(mixer.root.getByRole('heading', { name: 'Mixer keys' })).toBeVisible();
  // Tab onto the position slider: the arrows are its own; Space still plays and pauses.
  await mixer.position().focus();
  await page.keyboard.press('Space');
  await expect(mixer.button('Play')).toBeVisible();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await seconds(page)).toBeCloseTo(0.2, 1);
  await page.keyboard.press('a');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('b');
  await expect(mixer.loop()).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('l');
  await expect(mixer.loop()).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('t');
  await expect(mixer.root.getByRole('status').filter({ hasText: /^At 0:00\.6 of 0:04\.0$/ })).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test('files the page may not read still play in step, and the page says why the mix cannot be exported', async ({ page, request, errors }) => {
  await faults(request, { foreign_files: true });
  const hash = await doneElsewhere(request, 'far away.wav', SIX, 4);
  await faults(request, { foreign_files: true, peaks: true, queue_ahead: 0 });
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  const mixer = new MixerPanel(page);
  await expect(mixer.root.locator('li.mixer-stem a[download]').first()).toHaveAttribute('href', /^http:\/\/localhost:/);
  await mixer.button('Play').click();
  await expect(mixer.root.getByText(/does not let this page read them/)).toBeVisible({ timeout: 15_000 });
  await expect(mixer.button('Download this mix')).toBeDisabled();
  await expect(mixer.pan('Vocals')).toBeDisabled();
  // Waveforms from the service's peaks: the page cannot read the audio itself.
  await expect(mixer.waves()).toHaveCount(6);
  const times = () => page.locator('.mixer-media audio').evaluateAll((els) => els.map((e) => (e as HTMLAudioElement).currentTime));
  await expect.poll(async () => Math.min(...await times())).toBeGreaterThan(0.5);
  const spreads: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t = await times();
    expect(t.length).toBe(6);
    spreads.push(Math.max(...t) - Math.min(...t));
    await page.waitForTimeout(200);
  }
  expect(Math.max(...spreads), `stems within 40 ms of each other (${spreads.map((x) => x.toFixed(3))})`).toBeLessThan(0.04);
  // Mute reaches the media elements.
  await page.keyboard.press('Digit1');
  expect(await page.locator('.mixer-media audio').first().evaluate((e) => (e as HTMLAudioElement).muted)).toBe(true);
  await expectNoAxeViolations(page);
});

test('two results of the same song play in step and X switches between them', async ({ page, request, errors }) => {
  test.setTimeout(60_000);
  const s = await SeparateScreen.start(page, PREMIUM_TOKEN, /^BS Roformer \(vocals, instrumental\)/);
  const file = song('ab.wav', 6);
  await s.addFiles([file]);
  await s.submit();
  await s.toJobs();
  await s.job('ab.wav').expectDone(30_000);
  // The same file again, another model type with the fullness stems: six stems (Vocals,
  // Instrumental and four fullness stems), only Vocals named as one of the first's.
  await s.open();
  await page.getByLabel('Vocal model type').selectOption('171');
  await page.getByLabel('Set of stems').selectOption('1');
  await s.addFiles([file]);
  await s.submit();
  await s.toJobs();
  await expect(page.locator('li.job .job-status', { hasText: /^Done$/ })).toHaveCount(2, { timeout: 30_000 });
  // A: the two-stem result.
  const mixer = new MixerPanel(page);
  for (const i of [0, 1]) {
    await s.card('ab.wav').nth(i).getByRole('link', { name: 'Open' }).click();
    await expect(mixer.stems().first()).toBeVisible();
    if (await mixer.stems().count() === 2) break;
    await s.toJobs();
  }
  await expect(mixer.stems()).toHaveCount(2);
  await mixer.play();
  const compare = mixer.root.getByRole('combobox', { name: 'Compare with' });
  await expect(compare.locator('option')).toHaveCount(2);
  await compare.selectOption({ index: 1 });
  await expect(mixer.button(/^Hearing A: this result$/)).toHaveAttribute('aria-pressed', 'false', { timeout: 15_000 });
  // A's two stems muted: nothing heard from A. B's Vocals follows A's Vocals by name, but its
  // other stems have no counterpart and play: switching to B is heard.
  await page.keyboard.press('Digit1');
  await page.keyboard.press('Digit2');
  await expect.poll(() => level(page)).toBeLessThan(0.0005);
  const t1 = await seconds(page);
  await page.keyboard.press('x');
  await expect(mixer.button(/^Hearing B: /)).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => level(page)).toBeGreaterThan(0.002);
  expect(await seconds(page), 'the playhead runs on across the switch').toBeGreaterThanOrEqual(t1);
  // Soloing A's Vocals leaves B's unmatched stems out too: silent again (Vocals is muted).
  await page.keyboard.press('Shift+Digit1');
  await expect.poll(() => level(page)).toBeLessThan(0.0005);
  await page.keyboard.press('Shift+Digit1');
  // Back to A: silent once more.
  await page.keyboard.press('x');
  await expect(mixer.button(/^Hearing A/)).toBeVisible();
  await expect.poll(() => level(page)).toBeLessThan(0.0005);
  await expectNoAxeViolations(page);
});

test('presets follow the stems, and a saved mix comes back for the model after a reload', async ({ page, request, errors }) => {
  const { hash, mixer } = await openResult(page, request, 'presets.wav', 2);
  const preset = mixer.root.getByRole('combobox', { name: 'Preset' });
  const names = await preset.locator('option').allTextContents();
  expect(names).toEqual(['Choose a mix…', 'All stems', 'Karaoke', 'Only vocals']);
  await preset.selectOption({ label: 'Karaoke' });
  const muted = async () => Promise.all((await mixer.button(/^Mute /).all()).map((b) => b.getAttribute('aria-pressed')));
  // Vocals, Other, Vocals (fullness 1), Instrumental (fullness 1), Vocals (fullness 2), (fullness 3)
  expect(await muted()).toEqual(['true', 'false', 'true', 'false', 'true', 'true']);
  await mixer.volume('Other').fill('-6');
  await mixer.root.getByLabel('Mix name').fill('Practice');
  await mixer.button('Save mix').click();
  await expect(mixer.root.getByText(/^Saved “Practice” for /)).toBeVisible();
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  await preset.selectOption({ label: 'Saved: Practice' });
  expect(await muted()).toEqual(['true', 'false', 'true', 'false', 'true', 'true']);
  await expect(mixer.volume('Other')).toHaveValue('-6');
  await preset.selectOption({ label: 'All stems' });
  expect(await muted()).toEqual(['false', 'false', 'false', 'false', 'false', 'false']);
  await expectNoAxeViolations(page);
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the stems are lanes: controls on the left, waveforms in one column, seven would fit in 600 px', async ({ page, request, errors }) => {
    const { mixer } = await openResult(page, request, 'lanes.wav');
    await expect(mixer.stems()).toHaveCount(6);
    const boxes = await mixer.stems().evaluateAll((lanes) => lanes.map((l) => {
      const box = (sel: string) => l.querySelector(sel)!.getBoundingClientRect();
      return { lane: l.getBoundingClientRect().height, wave: box('.wave').left, controls: box('.stem-controls').right, name: box('.stem-head').right };
    }));
    const height = boxes.reduce((n, b) => n + b.lane, 0);
    expect(height / boxes.length, 'a lane').toBeLessThanOrEqual(600 / 7);
    for (const b of boxes) {
      expect(b.wave).toBeGreaterThanOrEqual(b.controls);
      expect(b.wave).toBeGreaterThanOrEqual(b.name);
      expect(b.wave).toBe(boxes[0].wave);
    }
    await expectNoAxeViolations(page);
  });
});

test('on the <audio> path the tempo changes with the pitch kept, and the page says why the key cannot', async ({ page, request, errors }) => {
  await faults(request, { foreign_files: true });
  const hash = await doneElsewhere(request, 'slow down.wav', {}, 8);
  await faults(request, { foreign_files: true, queue_ahead: 0 });
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  const mixer = new MixerPanel(page);
  await mixer.button('Play').click();
  await expect(mixer.root.getByText(/does not let this page read them/).first()).toBeVisible({ timeout: 15_000 });
  const tempo = mixer.root.getByRole('slider', { name: 'Tempo' });
  await tempo.fill('0.8');
  await expect(mixer.root.getByText('0.80×')).toBeVisible();
  await expect(mixer.root.getByText("Another key, and the song's tempo and key, need the stems' audio, which their host does not let this page read.")).toBeVisible();
  // Every stem keeps its pitch; the first leads at the tempo asked (the others are nudged
  // around it to stay in step).
  const els = page.locator('.mixer-media audio');
  await expect.poll(() => els.evaluateAll((a) => a.map((e) => (e as HTMLAudioElement).preservesPitch))).toEqual([true, true]);
  expect(await els.first().evaluate((e) => (e as HTMLAudioElement).playbackRate)).toBe(0.8);
  // The music moves at about 0.8 s a second.
  await page.waitForTimeout(500);
  const t0 = await els.first().evaluate((e) => (e as HTMLAudioElement).currentTime);
  const w0 = Date.now();
  await page.waitForTimeout(2000);
  const t1 = await els.first().evaluate((e) => (e as HTMLAudioElement).currentTime);
  const pace = (t1 - t0) / ((Date.now() - w0) / 1000);
  expect(pace).toBeGreaterThan(0.6);
  expect(pace).toBeLessThan(0.95);
  // A pause and play again keep it.
  await mixer.pause();
  await mixer.play();
  expect(await els.first().evaluate((e) => (e as HTMLAudioElement).playbackRate)).toBe(0.8);
  await mixer.root.getByRole('button', { name: 'As recorded' }).click();
  await expect.poll(() => els.first().evaluate((e) => (e as HTMLAudioElement).playbackRate)).toBe(1);
  // By keys: ] faster, [ slower, = as recorded.
  await mixer.button('Pause').focus();
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await expect(tempo).toHaveValue('1.1');
  expect(await els.first().evaluate((e) => (e as HTMLAudioElement).playbackRate)).toBeCloseTo(1.1, 5);
  await page.keyboard.press('[');
  await expect(tempo).toHaveValue('1.05');
  await page.keyboard.press('=');
  await expect(tempo).toHaveValue('1');
  await expectNoAxeViolations(page);
});

/** The tone's frequency from its zero crossings, between `from` and `to` seconds. */
function pitch(x: Float64Array, rate: number, from: number, to: number): number {
  let crossings = 0;
  for (let i = Math.round(from * rate) + 1; i < Math.round(to * rate); i++) if ((x[i - 1] < 0) !== (x[i] < 0)) crossings++;
  return crossings / 2 / (to - from);
}

test('the whole mix slower with its pitch kept, and in another key at its tempo, as heard and in the file', async ({ page, request, errors }) => {
  // Two stems (the middle and the sides) that sum to the song: 440 Hz left, 660 Hz right.
  const hash = await doneElsewhere(request, 'practice.wav', {}, 6);
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  const mixer = new MixerPanel(page);
  await mixer.play();
  const tempo = mixer.root.getByRole('slider', { name: 'Tempo' });
  const key = mixer.root.getByRole('slider', { name: 'Key' });
  await tempo.fill('0.8');
  await expect(mixer.root.getByText('0.80×')).toBeVisible();
  await expect(mixer.root.getByText('Preparing tempo and key…')).toBeHidden({ timeout: 10_000 });
  // Sound still comes out (through the stretch), and the playhead moves at about 0.8 s a second.
  await expect.poll(() => level(page)).toBeGreaterThan(0.005);
  const t0 = await seconds(page); const w0 = Date.now();
  await page.waitForTimeout(2000);
  const pace = ((await seconds(page)) - t0) / ((Date.now() - w0) / 1000);
  expect(pace).toBeGreaterThan(0.6);
  expect(pace).toBeLessThan(0.95);
  await mixer.pause();

  // The file: 1.25 times as long, at the same pitch.
  let dl = await mixer.download('Download this mix');
  expect(dl.suggestedFilename()).toBe('practice_mix_0.80x.wav');
  let mix = readWav(fs.readFileSync(await dl.path()));
  expect(Math.abs(mix.samples[0].length - 6 * 8000 / 0.8)).toBeLessThanOrEqual(2);
  let f = pitch(mix.samples[0], mix.rate, 0.5, 7.0);
  expect(f, 'the pitch is kept at 0.8×').toBeGreaterThan(440 * 0.985);
  expect(f).toBeLessThan(440 * 1.015);
  expect(pitch(mix.samples[1], mix.rate, 0.5, 7.0)).toBeCloseTo(660, -1);
  expect(rms(mix.samples[0].subarray(4000, 56000))).toBeGreaterThan(0.1);

  // Two semitones up by keys (} twice), at the recorded tempo: as long, 12.25 % higher.
  await tempo.fill('1');
  await mixer.button('Play').focus();
  await page.keyboard.press('}');
  await page.keyboard.press('}');
  await expect(key).toHaveValue('2');
  await expect(mixer.root.getByText('+2 st')).toBeVisible();
  dl = await mixer.download('Download this mix');
  expect(dl.suggestedFilename()).toBe('practice_mix_+2st.wav');
  mix = readWav(fs.readFileSync(await dl.path()));
  expect(Math.abs(mix.samples[0].length - 6 * 8000)).toBeLessThanOrEqual(2);
  f = pitch(mix.samples[0], mix.rate, 0.5, 5.5);
  expect(f, 'two semitones up').toBeGreaterThan(440 * 1.1225 * 0.985);
  expect(f).toBeLessThan(440 * 1.1225 * 1.015);

  // { lowers it, = puts tempo and key back as recorded; the export is the stems' sum again.
  await page.keyboard.press('{');
  await expect(key).toHaveValue('1');
  await page.keyboard.press('=');
  await expect(key).toHaveValue('0');
  await expect(tempo).toHaveValue('1');
  dl = await mixer.download('Download this mix');
  expect(dl.suggestedFilename()).toBe('practice_mix.wav');
  mix = readWav(fs.readFileSync(await dl.path()));
  expect(mix.samples[0].length).toBe(6 * 8000);
  expect(pitch(mix.samples[0], mix.rate, 0.5, 5.5)).toBeCloseTo(440, 0);
  await expectNoAxeViolations(page);
});
