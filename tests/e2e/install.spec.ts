import { test, expect } from './fixtures';

/** A PNG's width and height, from its header. */
const pngSize = (b: Buffer) => (b.subarray(1, 4).toString() === 'PNG' ? [b.readUInt32BE(16), b.readUInt32BE(20)] : []);

test('the app can be installed: a manifest with its icons, and nothing Chromium objects to', async ({ page, errors }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Separate' })).toBeVisible();
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const url = new URL(href!, await page.evaluate(() => document.baseURI));
  const manifest = await (await page.request.get(url.href)).json();
  expect(manifest).toMatchObject({ name: expect.any(String), short_name: 'mvsep-web', display: 'standalone' });
  // Its addresses follow the manifest's own, and so <base href>: the app's first page.
  expect(new URL(manifest.start_url, url).href).toBe(await page.evaluate(() => document.baseURI));
  expect(new URL(manifest.scope, url).href).toBe(await page.evaluate(() => document.baseURI));
  const icons: { src: string; sizes: string; purpose?: string }[] = manifest.icons;
  for (const [sizes, purpose] of [['192x192', undefined], ['512x512', undefined], ['512x512', 'maskable']]) {
    const icon = icons.find((i) => i.sizes === sizes && i.purpose === purpose);
    expect(icon, `an icon of ${sizes} ${purpose ?? ''}`).toBeTruthy();
    const got = await page.request.get(new URL(icon!.src, url).href);
    expect(got.ok()).toBe(true);
    expect(pngSize(await got.body())).toEqual(sizes.split('x').map(Number));
  }
  // Chromium's own verdict (the manifest read under the page's Content-Security-Policy).
  const cdp = await page.context().newCDPSession(page);
  const read = await cdp.send('Page.getAppManifest');
  expect(read.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // A test's browser context is off the record, which alone forbids installing; a person's is not.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
});
