import { Page, Locator, Download, expect } from '@playwright/test';

/** The stem mixer on a result, by role and label. */
export class MixerPanel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Mixer' });
  }
  stems() { return this.root.locator('li.mixer-stem'); }
  /** The waveforms drawn (one path per stem). */
  waves() { return this.root.locator('li.mixer-stem .wave svg path'); }
  button(name: string | RegExp) { return this.root.getByRole('button', { name, exact: typeof name === 'string' }); }
  mute(stem: string) { return this.button(`Mute ${stem}`); }
  solo(stem: string) { return this.button(`Solo ${stem}`); }
  volume(stem: string) { return this.root.getByRole('slider', { name: `Volume of ${stem}`, exact: true }); }
  pan(stem: string) { return this.root.getByRole('slider', { name: `Pan of ${stem}`, exact: true }); }
  position() { return this.root.getByRole('slider', { name: 'Position' }); }
  loop() { return this.button('Loop'); }
  async seconds() { return Number(await this.position().inputValue()); }
  /** Presses Play and waits until it plays (stems fetched and decoded). */
  async play() {
    await this.button('Play').click();
    await expect(this.button('Pause')).toBeVisible({ timeout: 15_000 });
  }
  async pause() {
    await this.button('Pause').click();
    await expect(this.button('Play')).toBeVisible();
  }
  /** The file a download button saves. */
  async download(name: 'Download this mix' | 'Download all (ZIP)'): Promise<Download> {
    const [dl] = await Promise.all([this.page.waitForEvent('download'), this.button(name).click()]);
    return dl;
  }
}

/** A job's card in a list of jobs (Jobs, Separate, a followed job's page), by its file name. */
export class JobCard {
  readonly root: Locator;
  constructor(readonly page: Page, file?: string) {
    this.root = file === undefined
      ? page.locator('li.job')
      : page.locator('li.job', { has: page.locator('.file', { hasText: file }) });
  }
  /** Its state line, told to screen readers. */
  status() { return this.root.getByRole('status'); }
  button(name: string | RegExp) { return this.root.getByRole('button', { name }); }
  link(name: string | RegExp) { return this.root.getByRole('link', { name }); }
  text(what: string | RegExp) { return this.root.getByText(what); }
  async expectDone(timeout = 30_000) {
    await expect(this.status()).toHaveText('Done', { timeout });
  }
  /** Waits for Done, then opens the result's page. */
  async openWhenDone(timeout = 30_000) {
    await this.expectDone(timeout);
    await this.link('Open').click();
  }
}
