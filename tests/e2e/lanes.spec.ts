import { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, doneElsewhere } from './fixtures';
import { MixerPanel } from './objects';

test.use({ viewport: { width: 1280, height: 800 } });

/** The first lane's waveform viewBox: where it starts and how wide, in peaks. */
async function viewBox(page: Page): Promise<[number, number]> {
  const box = await page.locator('li.mixer-stem .wave svg').first().getAttribute('viewBox');
  const [x, , w] = (box ?? '').split(' ').map(Number);
  return [x, w];
}

test('one ruler over the lanes: zoom to 50 px a second and back, a loop dragged on it, markers to jump between', async ({ page, request, errors }) => {
  const hash = await doneElsewhere(request, 'lanes ruler.wav', {}, 40);
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  const mixer = new MixerPanel(page);
  await mixer.play();
  await mixer.pause();
  await expect(mixer.waves()).toHaveCount(2);
  // The mixer's own stylesheet came with its code (not on the first visit), and is in.
  expect(await page.locator('link[rel=stylesheet][href^="mixer-"]').evaluate((l) => !!(l as HTMLLinkElement).sheet)).toBe(true);
  const ruler = mixer.root.locator('.ruler');
  await expect(ruler).toHaveCount(1);
  // The ruler sits over the waveform column, as wide as it.
  let [r, w] = [await ruler.boundingBox(), await mixer.root.locator('li.mixer-stem .wave').first().boundingBox()];
  expect(Math.abs(r!.x - w!.x)).toBeLessThan(2);
  expect(Math.abs(r!.width - w!.width)).toBeLessThan(2);
  expect(await ruler.locator('.tick').count()).toBeGreaterThanOrEqual(3);
  // The whole song's peaks in view; then the seconds shown are read from the viewBox.
  const [x0, n] = await viewBox(page);
  expect(x0).toBe(0);
  const shown = async (): Promise<[number, number]> => {
    const [x, w] = await viewBox(page);
    return [x / n * 40, (x + w) / n * 40];
  };

  // Zoom in twice by button: a quarter of the song, around the playhead, with the overview strip.
  await expect(mixer.button('Zoom out')).toBeDisabled();
  await mixer.button('Zoom in').click();
  await mixer.button('Zoom in').click();
  let [a, b] = await shown();
  expect(b - a).toBeCloseTo(10, 0);
  await expect(mixer.root.locator('.overview')).toBeVisible();
  // By keys, up to 50 px a second and no further.
  await mixer.button('Zoom out').focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('+');
  [a, b] = await shown();
  expect(r!.width / (b - a)).toBeLessThanOrEqual(50.5);
  expect(r!.width / (b - a)).toBeGreaterThan(45);
  // The overview strip moves the view: a click near its end shows the song's end.
  await mixer.root.locator('.overview').scrollIntoViewIfNeeded();
  const strip = await mixer.root.locator('.overview').boundingBox();
  await page.mouse.click(strip!.x + strip!.width * 0.98, strip!.y + strip!.height / 2);
  [a, b] = await shown();
  expect(b).toBeCloseTo(40, 0);
  await mixer.button('Zoom in').focus();
  await page.keyboard.press('0');
  [a, b] = await shown();
  expect([a, b - 40]).toEqual([expect.closeTo(0, 1), expect.closeTo(0, 1)]);
  await expect(mixer.root.locator('.overview')).toBeHidden();

  // Ctrl+wheel over the lanes zooms (a trackpad's pinch comes as one); the page itself does not.
  await mixer.root.locator('li.mixer-stem .wave').first().hover();
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect(mixer.root.locator('.overview')).toBeVisible();
  expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
  await mixer.button('Whole song').click();
  await expect(mixer.root.locator('.overview')).toBeHidden();

  // A drag on the ruler from a quarter to a half of the song sets the loop there, and turns it on.
  await ruler.scrollIntoViewIfNeeded();
  r = await ruler.boundingBox();
  await page.mouse.move(r!.x + r!.width * 0.25, r!.y + r!.height / 2);
  await page.mouse.down();
  await page.mouse.move(r!.x + r!.width * 0.4, r!.y + r!.height / 2, { steps: 4 });
  await page.mouse.move(r!.x + r!.width * 0.5, r!.y + r!.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(mixer.loop()).toHaveAttribute('aria-pressed', 'true');
  await expect(mixer.root.getByText(/^Loop 0:(09|10)\.\d – 0:(19|20)\.\d$/)).toBeVisible();
  // A click (no drag) moves the playhead.
  await page.mouse.click(r!.x + r!.width * 0.75, r!.y + r!.height / 2);
  await expect.poll(() => mixer.seconds()).toBeCloseTo(30, 0);

  // Markers: M at the playhead; , and . jump between them; a name can be given.
  await mixer.position().fill('30');
  await mixer.button('Zoom in').focus();
  await page.keyboard.press('m');
  await mixer.position().fill('5');
  await mixer.button('Add marker').click();
  await expect(mixer.root.getByRole('button', { name: /^Marker 1 · 0:30\.0$/ })).toBeVisible();
  await expect(mixer.root.getByRole('button', { name: /^Marker 2 · 0:05\.0$/ })).toBeVisible();
  await mixer.position().fill('12');
  await mixer.button('Zoom in').focus();
  await page.keyboard.press('.');
  await expect.poll(() => mixer.seconds()).toBeCloseTo(30, 1);
  await page.keyboard.press(',');
  await expect.poll(() => mixer.seconds()).toBeCloseTo(5, 1);
  await mixer.root.getByRole('textbox', { name: 'Name of Marker 2' }).fill('Verse');
  await mixer.root.getByRole('textbox', { name: 'Name of Marker 2' }).press('Enter');
  await expect(ruler.locator('.mark', { hasText: 'Verse' })).toHaveCount(1);
  await expectNoAxeViolations(page);
  // The markers outlast a reload.
  await page.reload();
  await expect(mixer.root.getByRole('button', { name: /^Verse · 0:05\.0$/ })).toBeVisible();
  await expect(mixer.root.getByRole('button', { name: /^Marker 1 · 0:30\.0$/ })).toBeVisible();
});
