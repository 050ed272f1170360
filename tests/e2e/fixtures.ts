import { test as base, expect, Page, APIRequestContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { song } from './audio';
import { JobCard } from './objects';

/** This worker's own stand-in: playwright.config.ts starts one per worker, on ports from E2E_PORT. */
export const PORT = Number(process.env.E2E_PORT ?? 8791) + Number(process.env.TEST_PARALLEL_INDEX ?? 0);
export const STANDIN = `http://127.0.0.1:${PORT}`;
export const FREE_TOKEN = 'standin-free-token-0000000000000000';
export const PREMIUM_TOKEN = 'standin-premium-token-000000000000';

/** Playwright's own test, pointed at this worker's stand-in: for tests that watch errors themselves. */
export const plain = base.extend({ baseURL: STANDIN });

/** Every page error, console error and CSP violation fails the test that caused it. */
// Automatic: every test of `test` runs with it, whether or not it names `errors`.
export const test = plain.extend<{ errors: string[] }>({
  errors: [async ({ page, context, request }, use) => {
    const errors: string[] = [];
    // Any breach of the build's Content-Security-Policy, on any page of the test, fails it.
    await context.exposeBinding('__cspViolation', (_source, what: string) => { errors.push(`csp: ${what}`); });
    await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__cspViolation(`${e.effectiveDirective} refused ${e.blockedURI || '(inline)'}`)));
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // Failed fetches are logged by Chromium itself when a test points the app at a dead API.
      // and when the mixer finds that result files on another site may not be read (no CORS).
      if (m.type() === 'error' && !/Failed to load resource|ERR_CONNECTION_REFUSED|blocked by CORS policy/.test(m.text())) {
        errors.push(`console: ${m.text()}`);
      }
    });
    // The stand-in itself, also when a spec's pages are served by another server (deploy.spec).
    await request.post(`${STANDIN}/__admin/reset`);
    await use(errors);
    expect(errors, 'no page or console errors').toEqual([]);
  }, { auto: true }],
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

/** Saves a token through the Settings screen. */
export async function signIn(page: Page, token: string) {
  const s = new SettingsPage(page);
  await s.open();
  await s.setToken(token);
  await s.save();
}

/** The stand-in's view of an account. */
export async function account(request: APIRequestContext, token: string) {
  const r = await request.get(`/api/app/user?api_token=${token}`);
  return (await r.json()).data;
}

export async function faults(request: APIRequestContext, data: object) {
  expect((await request.post('/__admin/faults', { data })).ok()).toBeTruthy();
}

/** The URLs of the page's calls to separation/create, collected as they are sent. */
export function createRequests(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/separation/create')) sent.push(r.url()); });
  return sent;
}

/** The Separate screen, by role and label. */
export class SeparateScreen {
  constructor(readonly page: Page) {}
  /** Signs in with `token`, opens Separate and picks the model. */
  static async start(page: Page, token: string, model: RegExp) {
    await signIn(page, token);
    const s = new SeparateScreen(page);
    await s.open();
    await s.model(model);
    return s;
  }
  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Separate' }).click();
    await expect(this.page.getByRole('heading', { name: 'Separate', level: 1 })).toBeVisible();
    await expect(this.page.getByText(/^\d+ models$/)).toBeVisible();
  }
  async model(name: RegExp) {
    await this.page.getByRole('radio', { name }).check();
    await expect(this.page.locator('.chosen-model h3')).toHaveText(name);
  }
  async addFiles(files: { name: string; mimeType: string; buffer: Buffer }[]) {
    await this.page.setInputFiles('#audio-files', files);
  }
  async submit() {
    await this.page.getByRole('button', { name: 'Separate', exact: true }).click();
  }
  async toJobs() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await expect(this.page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
  }
  card(file: string) {
    return this.job(file).root;
  }
  /** The job card of `file`, as a page object. */
  job(file: string) {
    return new JobCard(this.page, file);
  }
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

/** A job made at the service by another client, once it is done; its hash. */
export async function doneElsewhere(request: APIRequestContext, name: string,
  fields: Record<string, string> = {}, secs = 2, buffer?: Buffer): Promise<string> {
  await faults(request, { queue_ahead: 0 });
  const audiofile = buffer ? { name, mimeType: 'audio/wav', buffer } : song(name, secs);
  const created = await request.post('/api/separation/create', {
    multipart: { api_token: PREMIUM_TOKEN, sep_type: '40', ...fields, audiofile },
  });
  const hash: string = (await created.json()).data.hash;
  await expect.poll(async () => {
    const r = await (await request.get(`/api/separation/get?hash=${encodeURIComponent(hash)}`)).json();
    return r.status === 'done' && r.data.files?.length > 0;
  }, { timeout: 20_000 }).toBe(true);
  return hash;
}
