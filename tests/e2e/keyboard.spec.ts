import { Locator, Page } from '@playwright/test';
import { test, expect, faults, PREMIUM_TOKEN } from './fixtures';
import { MixerPanel } from './objects';
import { song } from './audio';

/** Presses Tab (Shift+Tab with `back`, at most 120 times) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, back = false) {
  for (let i = 0; i < 120; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The focused element shows a focus ring. */
async function expectFocusRing(page: Page) {
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
}

test('the whole path by keyboard alone: song, model, separate, follow, result, play, download', async ({ page, request, errors }) => {
  test.setTimeout(90_000);
  await faults(request, { queue_ahead: 0 });
  await page.goto('/');
  await page.evaluate((t) => localStorage.setItem('mvsep.api_token', t), PREMIUM_TOKEN);
  await page.reload();
  await expect(page.getByText(/^\d+ models$/)).toBeVisible();

  // The model: typed into the search, then chosen from the filtered list with the arrow keys.
  const search = page.getByRole('searchbox', { name: 'Search models' });
  await tabTo(page, search);
  await expectFocusRing(page);
  // The whole name: the 2026 list has other MelBand Roformers.
  await page.keyboard.type('MelBand Roformer (vocals, instrumental)');
  const model = page.getByRole('radio', { name: /^MelBand Roformer/ }).first();
  // The list follows the search after a short pause: tab into it once it has.
  await expect(page.getByRole('group', { name: 'Model', exact: true }).getByRole('radio')).toHaveCount(1);
  await tabTo(page, page.getByRole('radio').first());
  await page.keyboard.press('Space');
  await expect(model).toBeChecked();
  await expect(page.locator('.chosen-model h3')).toHaveText(/^MelBand Roformer/);

  // The song, through the file picker opened from the keyboard.
  const input = page.locator('#audio-files');
  await tabTo(page, input);
  await expectFocusRing(page);
  // Space opens the picker. (Once, in a full run on two busy cores, Chromium let a Space pass
  // with no picker: the focus is checked and Space pressed again, twice at most.)
  let chooser: import('@playwright/test').FileChooser | undefined;
  for (let i = 0; i < 2 && !chooser; i++) {
    await expect(input).toBeFocused();
    [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 10_000 }).catch(() => undefined),
      page.keyboard.press('Space'),
    ]);
  }
  expect(chooser, 'Space on the file input opens the picker').toBeTruthy();
  await chooser!.setFiles(song('keys only.wav', 3));
  await expect(page.getByText('keys only.wav', { exact: true })).toBeVisible();

  // Separate, then follow the job to its end.
  const go = page.getByRole('button', { name: 'Separate', exact: true });
  await tabTo(page, go);
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 song added to the queue')).toBeVisible();
  // A finished job leaves "In progress"; Jobs keeps it.
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }), true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeFocused();
  const card = page.locator('li.job', { hasText: 'keys only.wav' });
  await expect(card.locator('.job-status')).toHaveText('Done', { timeout: 30_000 });

  // Open the result; the new screen's heading takes the focus.
  const open = card.getByRole('link', { name: 'Open' });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/jobs\//);
  await expect(page.locator('h1')).toBeFocused();

  // Play the mix and pause it, then download it, all from the keyboard.
  const mixer = new MixerPanel(page);
  const play = mixer.root.getByRole('button', { name: 'Play' });
  await tabTo(page, play);
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(mixer.root.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await expect(mixer.root.getByRole('button', { name: 'Play' })).toBeVisible();
  const save = mixer.root.getByRole('button', { name: 'Download this mix' });
  await tabTo(page, save);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/keys only.*\.wav$/);
});
