import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const FREE_TOKEN = 'standin-free-token-0000000000000000';
export const PREMIUM_TOKEN = 'standin-premium-token-000000000000';

/** Every page error and console error fails the test that caused it. */
export const test = base.extend<{ errors: string[] }>({
  errors: async ({ page, request }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // Failed fetches are logged by Chromium itself when a test points the app at a dead API.
      if (m.type() === 'error' && !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(m.text())) {
        errors.push(`console: ${m.text()}`);
      }
    });
    await request.post('/__admin/reset');
    await use(errors);
    expect(errors, 'no page or console errors').toEqual([]);
  },
});
export { expect };

/** The Settings screen, by role and label. */
export class SettingsPage {
  constructor(readonly page: Page) {}
  async open() {
    await this.page.goto('/settings');
    await expect(this.page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  }
  async setToken(token: string) {
    await this.page.getByLabel('API token').fill(token);
  }
  async setBase(base: string) {
    await this.page.getByLabel('API address').fill(base);
  }
  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByText('Settings saved.')).toBeVisible();
  }
  async check() {
    await this.page.getByRole('button', { name: 'Check token' }).click();
  }
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}
