import { test, expect, doneElsewhere, signIn, SettingsPage, PREMIUM_TOKEN } from './fixtures';
import { MixerPanel } from './objects';

// The built index.html carries a strict Content-Security-Policy (scripts/split-dist.sh); the
// fixture fails any test that breaches it, and these check the policy itself.

async function policy(page: import('@playwright/test').Page) {
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  return new Map(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

test('the page allows only its own scripts and styles, by hash, and no other inline style', async ({ page, errors }) => {
  const p = await policy(page);
  expect(p.get('default-src')).toEqual(["'none'"]);
  const scripts = p.get('script-src')!;
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts.filter((s) => s.startsWith("'sha256-"))).toHaveLength(2);
  const styles = p.get('style-src')!;
  expect(styles[0]).toBe("'self'");
  expect(styles.slice(1), "the page's own <style> (style/main.css), by hash").toEqual([expect.stringMatching(/^'sha256-/)]);
  expect(p.get('object-src')).toEqual(["'none'"]);
  for (const d of ['connect-src', 'media-src']) {
    expect(p.get(d)).toEqual(expect.arrayContaining(["'self'", 'https://mvsep.com', 'https://*.mvsep.com']));
    expect(p.get(d)).not.toContain('*');
    expect(p.get(d)).not.toContain('https:');
  }
  // An inline script that is not one of the two is refused (Trusted Types refuses its text
  // first), and the refusal is seen.
  await page.evaluate(() => {
    const s = document.createElement('script');
    try { s.textContent = 'window.ran = 1'; } catch { /* refused */ }
    document.body.append(s);
  });
  await expect.poll(() => errors.filter((e) => e.startsWith('csp: require-trusted-types-for')).length).toBe(1);
  expect(await page.evaluate(() => (window as any).ran)).toBeUndefined();
  // So is a style attribute (Leptos's style="..." sets one; the app uses style:prop, the CSSOM).
  await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
  await expect.poll(() => errors.filter((e) => e.startsWith('csp: style-src')).length).toBe(1);
  // And a <style> that is not the page's own.
  await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'body { color: red }' })));
  await expect.poll(() => errors.filter((e) => e.startsWith('csp: style-src')).length).toBe(2);
  expect(await page.evaluate(() => getComputedStyle(document.body).color)).not.toBe('rgb(255, 0, 0)');
  errors.length = 0;
});

test('an API address outside the policy is refused by the browser, and said to be unreachable', async ({ page, errors }) => {
  const s = new SettingsPage(page);
  await s.open();
  await s.setBase('http://127.0.0.2:8791');
  await s.setToken(PREMIUM_TOKEN);
  await s.save();
  await s.check();
  await expect(page.getByRole('alert')).toContainText('Could not reach the MVSEP API at http://127.0.0.2:8791');
  await expect.poll(() => errors.some((e) => /^csp: connect-src refused http:\/\/127\.0\.0\.2:8791/.test(e))).toBe(true);
  errors.length = 0;
});

test('every screen, a result with its players and the mixer run inside the policy', async ({ page, request, errors }) => {
  const hash = await doneElsewhere(request, 'csp walk.wav', { add_opt3: '1' });
  await signIn(page, PREMIUM_TOKEN);
  for (const path of ['/', '/jobs', '/history', '/library', '/demos', '/news', '/leaderboard', '/leaderboard/entry/1',
    '/leaderboard/queue', '/leaderboard/submit', '/account', '/settings']) {
    await page.goto(path);
    await expect(page.locator('main h1, main h2').first()).toBeVisible();
    await expect(page.locator('p.loading')).toHaveCount(0);
  }
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  const mixer = new MixerPanel(page);
  await mixer.root.getByRole('button', { name: 'Play' }).click();
  await expect(mixer.root.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 15_000 });
  await mixer.root.getByRole('button', { name: 'Set A' }).click();
  await page.waitForTimeout(500);
  await mixer.root.getByRole('button', { name: 'Set B' }).click();
  // Six lanes and the ruler.
  await expect(mixer.root.locator('.loop-band')).toHaveCount(7);
  // The tempo-and-key Worker and the stretch's AudioWorklet, both from this site, run too.
  await expect(mixer.root.getByText(/(BPM|tempo not detected) · /).first()).toBeVisible({ timeout: 15_000 });
  await mixer.root.getByRole('slider', { name: 'Tempo' }).fill('0.9');
  await expect(mixer.root.getByText('Preparing tempo and key…')).toBeHidden({ timeout: 10_000 });
  await expect(mixer.root.getByText(/could not be started/)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Trusted Types: HTML goes in only through the app\'s named policies', async ({ page, errors }) => {
  const p = await policy(page);
  expect(p.get('require-trusted-types-for')).toEqual(["'script'"]);
  expect(p.get('trusted-types')).toEqual(['leptos-template', 'mvsep-html', 'mvsep-worker', 'mvsep-analysis']);
  // The app's own HTML went in through them: the screen, a model's sanitised description.
  await expect(page.getByRole('heading', { level: 1, name: 'Separate' })).toBeVisible();
  await page.getByRole('radio', { name: /^MelBand Roformer/ }).first().check();
  await expect(page.locator('.server-html').first()).not.toBeEmpty();
  expect(errors).toEqual([]);
  // A plain string given to innerHTML is refused, and the refusal is seen.
  const plain = await page.evaluate(() => {
    try { document.querySelector('main')!.innerHTML = '<img src=x>'; return 'taken'; } catch (e) { return (e as Error).name; }
  });
  expect(plain).toBe('TypeError');
  await expect.poll(() => errors.filter((e) => e.startsWith('csp: require-trusted-types-for')).length).toBe(1);
  // So is a policy of another name (it would bless anything).
  const other = await page.evaluate(() => {
    try { (window as any).trustedTypes.createPolicy('mine', { createHTML: (s: string) => s }); return 'made'; } catch (e) { return (e as Error).name; }
  });
  expect(other).toBe('TypeError');
  await expect.poll(() => errors.filter((e) => e.startsWith('csp: trusted-types')).length).toBe(1);
  errors.length = 0;
});
