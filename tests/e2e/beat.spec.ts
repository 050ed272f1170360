import { test, expect, expectNoAxeViolations, doneElsewhere } from './fixtures';
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
  const metronome = mixer.root.getByRole('checkbox', { name: 'Metronome' });
  await metronome.check();
  await expect.poll(() => level(mixer), { timeout: 10_000 }).toBeGreaterThan(0.005);
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
