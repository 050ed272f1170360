import { test, expect, signIn, faults, expectNoAxeViolations, PREMIUM_TOKEN } from './fixtures';

const zip = (name: string) => ({ name, mimeType: 'application/zip', buffer: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 1)]) });

async function column(page, header: string): Promise<number[]> {
  const headers = await page.locator('table.board thead th').allInnerTexts();
  const i = headers.indexOf(header);
  const cells = await page.locator(`table.board tbody tr td:nth-child(${i + 1})`).allInnerTexts();
  return cells.map((c: string) => parseFloat(c)).filter((v: number) => !isNaN(v));
}

/** How many lines the text of `el` takes. */
const lines = (el: Element) => {
  const r = document.createRange();
  r.selectNodeContents(el);
  return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
};

test('switch dataset, sort by a stem, filter, page and open an entry', async ({ page, errors }) => {
  await page.goto('/leaderboard');
  const rows = page.locator('table.board tbody tr');
  await expect(rows).toHaveCount(50);
  await expect(page.getByText('1000 entries')).toBeVisible();
  await expect(page.getByRole('img', { name: /Bar chart of SDR vocals for the 50 models/ })).toBeVisible();
  const vocals = await column(page, 'SDR vocals');
  expect(vocals).toEqual([...vocals].sort((a, b) => b - a));
  await expect(page.locator('td.best').first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/dataset=1&page=2/);
  await expect(rows.first().locator('td').first()).toHaveText('51');

  await page.getByLabel('Dataset').selectOption({ label: 'Piano' });
  await expect(page).toHaveURL(/\/leaderboard\?dataset=2$/);
  await expect(page.locator('table.board thead')).toContainText('SDR piano');
  await page.getByLabel('Sort by').selectOption('other');
  await expect(page).toHaveURL(/dataset=2&sort=other/);
  // The address changes at once; the rows follow when the service answers.
  const sortedByOther = async () => {
    const other = await column(page, 'SDR other');
    return other.length > 10 && other.every((v, i) => i === 0 || other[i - 1] >= v);
  };
  await expect.poll(sortedByOther, { message: 'rows sorted by SDR other' }).toBe(true);

  await page.getByLabel('Filter by model name').fill('roformer');
  await expect(page).toHaveURL(/filter=roformer/);
  const allRoformer = async () => {
    const names = await page.locator('table.board tbody tr td:nth-child(2)').allInnerTexts();
    return names.length > 0 && names.every((n) => n.toLowerCase().includes('roformer'));
  };
  await expect.poll(allRoformer, { message: 'only roformer rows' }).toBe(true);
  await page.reload();
  await expect(page.getByLabel('Filter by model name')).toHaveValue('roformer');

  // Typing in the filter replaced the address: back goes to the dataset, then to page 2.
  await page.goBack();
  await expect(page).toHaveURL(/\/leaderboard\?dataset=2$/);
  await page.goBack();
  await expect(page).toHaveURL(/dataset=1&page=2/);
  await rows.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/leaderboard\/entry\/\d+$/);
  await expect(page.getByTestId('entry-state')).toHaveText('Evaluated');
  await expect(page.locator('table.board tbody tr')).toHaveCount(5);
  await expectNoAxeViolations(page);
});

test("on a phone the board scrolls sideways with readable columns, which the later rows do not move", async ({ page, errors }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  // The first row's column widths when it is first drawn (with the rows after it still to come).
  await page.addInitScript(() => {
    new MutationObserver((_, seen) => {
      const row = document.querySelector('table.board tbody tr');
      if (!row) return;
      (window as any).__first = [...row.children].map((c) => Math.round(c.getBoundingClientRect().width));
      (window as any).__rows = document.querySelectorAll('table.board tbody tr').length;
      seen.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/leaderboard');
  await expect(page.locator('table.board tbody tr')).toHaveCount(50);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
  const first = await page.evaluate(() => (window as any).__first);
  const drawnFirst = await page.evaluate(() => (window as any).__rows);
  const now = await page.locator('table.board tbody tr').first().locator('td').evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().width)));
  // Drawn in parts (the first part fills the screen), the columns as they were.
  expect(drawnFirst).toBeGreaterThanOrEqual(8);
  expect(drawnFirst).toBeLessThan(50);
  expect(now).toEqual(first);
  // The model's name has room (not a few letters a line); the table scrolls in its box instead.
  expect(now[1]).toBeGreaterThan(150);
  const wrap = await page.locator('.table-wrap').evaluate((w) => [w.scrollWidth, w.clientWidth]);
  expect(wrap[0]).toBeGreaterThan(wrap[1]);
  // A stem's heading takes at most two lines ("SDR" and its name), not a letter or two a line.
  expect(await page.getByRole('columnheader', { name: 'SDR vocals' }).evaluate(lines)).toBeLessThanOrEqual(2);
});

for (const lang of ['ru', 'zh-CN']) {
  test(`on a phone, in ${lang}, each entry's day is on one line`, async ({ page, errors }) => {
    await page.setViewportSize({ width: 412, height: 823 });
    await page.goto('/');
    await page.evaluate((l) => localStorage.setItem('mvsep.lang', l), lang);
    await page.goto('/leaderboard');
    const days = page.locator('table.board tbody tr td:nth-child(3)');
    await expect(days).toHaveCount(50);
    // In the language's own form (a month's name or 年), not the service's digits.
    await expect(days.first()).toHaveText(lang === 'ru' ? /\d{4}\s?г\./ : /\d{4}年/);
    const wrapped: (string | null)[] = [];
    for (const day of await days.all()) if (await day.evaluate(lines) > 1) wrapped.push(await day.textContent());
    expect(wrapped).toEqual([]);
  });
}

test('submit a zip and see it evaluated; delete with a wrong then the right password', async ({ page, errors }) => {
  test.setTimeout(60_000);
  await signIn(page, PREMIUM_TOKEN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leaderboard' }).click();
  await page.getByRole('link', { name: 'Submit results' }).click();
  await page.setInputFiles('#zip-file', { name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
  await expect(page.getByText('notes.zip is not a zip archive')).toBeVisible();
  await page.setInputFiles('#zip-file', zip('stems.zip'));
  await page.getByLabel('Model name').fill('My Test Model');
  await page.getByLabel('Description').fill('A try');
  await page.getByLabel('Dataset').selectOption({ label: 'Guitar' });
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('The password field is required.')).toBeVisible();
  await page.getByLabel('Password (to delete the entry later)').fill('s3cret');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page).toHaveURL(/\/leaderboard\/entry\/\d+$/);
  await expect(page.getByTestId('entry-name')).toHaveText('My Test Model');
  await expect(page.getByTestId('entry-state')).toContainText('Waiting for evaluation');
  await expect(page.getByTestId('entry-state')).toHaveText('Evaluated', { timeout: 20_000 });
  await expect(page.getByRole('cell', { name: 'guitar', exact: true })).toBeVisible();

  await page.getByLabel("The entry's password").fill('wrong');
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: /Yes, delete entry/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong password' })).toContainText('HTTP 400');
  await page.getByLabel("The entry's password").fill('s3cret');
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: /Yes, delete entry/ }).click();
  await expect(page.getByText('The service says: successfully deleted')).toBeVisible();
});

test('the evaluation queue lists entries and passes axe', async ({ page, errors }) => {
  await page.goto('/leaderboard/queue');
  await expect(page.locator('table.board tbody tr')).toHaveCount(20);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(/queue\?page=2/);
  // On a phone its words stay whole ("Entry", "evaluated"), and the table scrolls in its box.
  await page.setViewportSize({ width: 412, height: 823 });
  expect(await page.getByRole('columnheader', { name: 'Entry' }).evaluate(lines)).toBe(1);
  expect(await page.getByRole('cell', { name: 'evaluated' }).first().evaluate(lines)).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
});

test('an upload under way can be cancelled, keeping the form, and leaving the screen aborts it', async ({ page, request, errors }) => {
  await signIn(page, PREMIUM_TOKEN);
  await page.goto('/leaderboard/submit');
  await faults(request, { latency_ms: 4000 });
  const fill = async () => {
    await page.setInputFiles('#zip-file', zip('stems.zip'));
    await page.getByLabel('Model name').fill('Cancelled Model');
    await page.getByLabel('Password (to delete the entry later)').fill('s3cret');
  };
  await fill();
  const aborted: string[] = [];
  page.on('requestfailed', (r) => { if (r.url().includes('/api/quality_checker/add')) aborted.push(r.failure()?.errorText ?? ''); });
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('button', { name: 'Cancel the upload' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Cancelled.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel the upload' })).toHaveCount(0);
  await expect(page.getByLabel('Model name')).toHaveValue('Cancelled Model');
  await expect.poll(() => aborted.length).toBe(1);
  // Sent again, then the screen left while it is under way.
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('button', { name: 'Cancel the upload' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await expect.poll(() => aborted.length).toBe(2);
  await expect(page).toHaveURL(/\/jobs$/);
  await faults(request, { latency_ms: 0 });
});
