import fs from 'node:fs';
import { test, expect, expectNoAxeViolations, doneElsewhere } from './fixtures';
import { readWav } from './wavs';
import { MixerPanel } from './objects';
// @ts-ignore: plain ES modules shared with the benchmarks
import { makeSong, RATE } from '../bench/songs.mjs';
// @ts-ignore
import { stereoWav } from '../bench/wav.mjs';

/** A 12-s song at 120 BPM in A minor whose first beat is at 0.25 s, as a stereo WAV. */
function song120(): Buffer {
  const x: Float32Array = makeSong(120, 9, true, 7, 12, 0.25);
  return stereoWav(x.length, RATE, (t: number) => {
    const v = 0.45 * x[Math.min(x.length - 1, Math.round(t * RATE))];
    return [v, v];
  });
}

const level = (mixer: MixerPanel) => mixer.root.getByRole('meter', { name: 'Output level' }).evaluate((m: HTMLMeterElement) => m.value);
/** The meter's highest reading over `ms`, looked at each frame: it shows the level of the last
 * 46 ms, and a click (50 ms, twice a second at 120 BPM) is there for a fifth of the time, which
 * a few looks far apart can all miss. */
const peak = (mixer: MixerPanel, ms = 1500) => mixer.root.getByRole('meter', { name: 'Output level' })
  .evaluate((m: HTMLMeterElement, ms: number) => new Promise<number>((done) => {
    let top = 0;
    const end = performance.now() + ms;
    const look = () => { top = Math.max(top, m.value); if (performance.now() < end) requestAnimationFrame(look); else done(top); };
    look();
  }), ms);

test('the song\'s tempo and key are found off the page\'s thread; the metronome clicks on its beats, the count-in waits a bar, loop ends snap to beats', async ({ page, request, errors }) => {
  const hash = await doneElsewhere(request, 'groove.wav', {}, 12, song120());
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  const mixer = new MixerPanel(page);
  await mixer.play();
  const found = mixer.root.getByText(/ BPM · /);
  await expect(found).toBeVisible({ timeout: 15_000 });
  const [, bpm, key] = /^([\d.]+) BPM · (.+)$/.exec((await found.textContent()) ?? '') ?? [];
  expect(Math.abs(Number(bpm) - 120), `found ${bpm}`).toBeLessThanOrEqual(1);
  expect(key).toBe('A minor');
  // The worker's file came from this site, under the page's policy (no violation: errors fixture).
  await expectNoAxeViolations(page);

  // Both stems muted: silence, until the metronome is on.
  await page.keyboard.press('Digit1');
  await page.keyboard.press('Digit2');
  await expect.poll(() => level(mixer)).toBeLessThan(0.0005);
  // The song is 12 s, and finding its tempo on a busy machine can take most of them: from its
  // start again, playing (a song played to its end stops, and so does its metronome). Its end
  // may come between the seek and the look at the buttons, so until it is playing from there.
  await expect(async () => {
    await mixer.position().fill('0');
    if (await mixer.button('Play').isVisible()) await mixer.play();
    await expect(mixer.button('Pause')).toBeVisible({ timeout: 1_000 });
    expect(await mixer.seconds()).toBeLessThan(6);
  }).toPass({ timeout: 20_000 });
  const metronome = mixer.root.getByRole('checkbox', { name: 'Metronome' });
  await metronome.check();
  await expect.poll(() => peak(mixer), { timeout: 10_000 }).toBeGreaterThan(0.005);
  await metronome.uncheck();
  await expect.poll(() => level(mixer)).toBeLessThan(0.0005);

  // Count-in: from a stop, the music waits a bar (4 beats at 120 BPM: 2 s), then goes.
  await mixer.pause();
  await mixer.position().fill('3');
  await mixer.root.getByRole('checkbox', { name: 'Count in a bar' }).check();
  await mixer.button('Play').click();
  await page.waitForTimeout(1200);
  expect(await mixer.seconds()).toBeCloseTo(3, 1);
  await expect.poll(() => mixer.seconds(), { timeout: 5_000 }).toBeGreaterThan(3.3);
  await mixer.pause();

  // Loop ends on beats: the playhead at 1.1 s sets A on the beat at 1.25 s.
  await mixer.root.getByRole('checkbox', { name: 'Loop ends on beats' }).check();
  await mixer.position().fill('1.1');
  await mixer.button('Set A').click();
  await expect(mixer.root.getByText('Loop from 0:01.2 (set B)')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('silence claims no tempo and no key', async ({ page, request, errors }) => {
  const silent = stereoWav(8000 * 6, 8000, () => [0, 0]);
  const hash = await doneElsewhere(request, 'quiet.wav', {}, 6, silent);
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  const mixer = new MixerPanel(page);
  await mixer.play();
  await expect(mixer.root.getByText('tempo not detected · key not detected')).toBeVisible({ timeout: 15_000 });
  await expect(mixer.root.getByRole('checkbox', { name: 'Metronome' })).toBeDisabled();
});

test('a mono stem at 48 kHz, a stereo one at 44.1 kHz of another length, and one that fails: the others play, slower, analysed and exported', async ({ page, request, errors }) => {
  const hash = await doneElsewhere(request, 'odd stems.wav', { add_opt3: '1' }, 3);
  const files: { url: string }[] = (await (await request.get(`/api/separation/get?hash=${encodeURIComponent(hash)}`)).json()).data.files;
  const tone = (secs: number, rate: number, channels: 1 | 2) => {
    const frames = Math.round(secs * rate), data = Buffer.alloc(frames * 2 * channels);
    for (let i = 0; i < frames; i++) for (let c = 0; c < channels; c++) data.writeInt16LE(Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / rate)), (i * channels + c) * 2);
    const h = Buffer.alloc(44);
    h.write('RIFF', 0); h.writeUInt32LE(36 + data.length, 4); h.write('WAVE', 8); h.write('fmt ', 12);
    h.writeUInt32LE(16, 16); h.writeUInt16LE(1, 20); h.writeUInt16LE(channels, 22); h.writeUInt32LE(rate, 24);
    h.writeUInt32LE(rate * 2 * channels, 28); h.writeUInt16LE(2 * channels, 32); h.writeUInt16LE(16, 34);
    h.write('data', 36); h.writeUInt32LE(data.length, 40);
    return Buffer.concat([h, data]);
  };
  const cors = { 'access-control-allow-origin': '*' };
  await page.route(files[0].url, (r) => r.fulfill({ status: 200, headers: cors, contentType: 'audio/wav', body: tone(6, 48000, 1) }));
  await page.route(files[1].url, (r) => r.fulfill({ status: 200, headers: cors, contentType: 'audio/wav', body: tone(4, 44100, 2) }));
  await page.route(files[2].url, (r) => r.fulfill({ status: 404, headers: cors, body: 'gone' }));
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  const mixer = new MixerPanel(page);
  await mixer.play();
  await expect(mixer.root.getByText('Stem 3 could not be fetched: the host answered HTTP 404. The other stems play.')).toBeVisible();
  // The longest stem sets the length; the others are drawn and heard.
  await expect(mixer.root.getByText(/ \/ 0:06\.0$/)).toBeVisible();
  await expect(mixer.waves()).toHaveCount(5);
  await expect.poll(() => mixer.root.getByRole('meter', { name: 'Output level' }).evaluate((m: HTMLMeterElement) => m.value)).toBeGreaterThan(0.005);
  await expect(mixer.root.getByText(/(BPM|tempo not detected) · /).first()).toBeVisible({ timeout: 15_000 });
  await mixer.root.getByRole('slider', { name: 'Tempo' }).fill('0.8');
  await expect(mixer.root.getByText('Preparing tempo and key…')).toBeHidden({ timeout: 10_000 });
  await mixer.pause();
  const dl = await mixer.download('Download this mix');
  const mix = readWav(fs.readFileSync(await dl.path()));
  expect(mix.rate).toBe(48000);
  expect(Math.abs(mix.samples[0].length - 6 / 0.8 * 48000)).toBeLessThanOrEqual(2);
  await expectNoAxeViolations(page);
});
