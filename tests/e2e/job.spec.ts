import { test, expect, expectNoAxeViolations, doneElsewhere } from './fixtures';
import { JobCard, MixerPanel } from './objects';

test('opening a job not started here shows it without adding it to Jobs, until it is followed', async ({ page, request, errors }) => {
  const hash = await doneElsewhere(request, 'shared song.wav');
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
  await expect(new MixerPanel(page).stems()).toHaveCount(2);
  await expect(page.getByText('This job is not followed in this browser.')).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => localStorage.getItem('mvsep.jobs')), 'nothing stored by viewing').toBeNull();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByText('No jobs yet.')).toBeVisible();

  await page.goBack();
  await page.getByRole('button', { name: 'Follow this job' }).click();
  await expect(page.getByRole('button', { name: 'Forget' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await expect(new JobCard(page).root).toHaveCount(1);
  await new JobCard(page).expectDone();
  expect(await page.evaluate(() => localStorage.getItem('mvsep.jobs'))).toContain(hash);
});

test('a job hash with a + in it is looked up as it is, not with a space', async ({ page, errors }) => {
  const asked: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/separation/get?')) asked.push(new URL(r.url()).searchParams.get('hash') ?? ''); });
  await page.goto('/jobs/20261125-abc+def-x.wav');
  await expect(page.getByRole('alert').or(page.getByText('This job is not followed in this browser.'))).toBeVisible();
  expect(asked).toContain('20261125-abc+def-x.wav');
});

test('a damaged saved job is kept aside and said so; the other jobs stay listed', async ({ page, request, errors }) => {
  const hash = await doneElsewhere(request, 'kept song.wav');
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  await page.getByRole('button', { name: 'Follow this job' }).click();
  await new JobCard(page).expectDone();
  await page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem('mvsep.jobs') ?? '[]');
    saved.push({ id: 7, phase: 'Martian' });
    localStorage.setItem('mvsep.jobs', JSON.stringify(saved));
  });
  await page.goto('/jobs');
  await expect(new JobCard(page).root).toHaveCount(1);
  await expect(page.getByText('1 saved job could not be read')).toBeVisible();
  await expectNoAxeViolations(page);
  const aside = await page.evaluate(() => localStorage.getItem('mvsep.jobs.unreadable'));
  expect(aside).toContain('Martian');
  expect(await page.evaluate(() => localStorage.getItem('mvsep.jobs'))).toContain(hash);
});

test('a job sent longer ago than the service keeps one is not polled by itself; Check again asks once more', async ({ page, request, errors }) => {
  const hash = await doneElsewhere(request, 'old song.wav');
  const fresh = await doneElsewhere(request, 'fresh song.wav');
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  await page.getByRole('button', { name: 'Follow this job' }).click();
  await new JobCard(page).expectDone();
  // As if it had been sent four days ago and were still waiting; beside it, one sent just now.
  await page.evaluate((fresh) => {
    const saved = JSON.parse(localStorage.getItem('mvsep.jobs')!);
    const j = saved[0];
    Object.assign(j, { phase: 'Submitted', status: 'waiting', result: null, note: null });
    j.created_ms = j.submitted_ms = Date.now() - 96 * 3600_000;
    saved.push({ ...j, id: 'fresh', hash: fresh, file_name: 'fresh song.wav', created_ms: Date.now(), submitted_ms: Date.now() });
    localStorage.setItem('mvsep.jobs', JSON.stringify(saved));
  }, fresh);
  const polls: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/separation/get?')) polls.push(r.url()); });
  const old = () => polls.filter((u) => u.includes('old-song'));
  await page.goto('/jobs');
  // Followed from its hash, it is named as the hash names it.
  const card = new JobCard(page, 'old-song.wav');
  await expect(card.text(/^Sent more than 72 hours ago/)).toBeVisible();
  // The engine has asked about the fresh job and drawn its answer: the old one was not asked.
  await new JobCard(page, 'fresh song.wav').expectDone();
  expect(polls.some((u) => u.includes('fresh-song'))).toBe(true);
  expect(old()).toHaveLength(0);
  await expectNoAxeViolations(page);
  // The note was saved as what it means, not as English: it follows a change of language.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await expect(card.text(/^Отправлено более 72 часов назад/)).toBeVisible();
  await expect(card.text(/Sent more than/)).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Язык' }).selectOption('zh-CN');
  await expect(card.text(/^已提交超过 72 小时/)).toBeVisible();
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(card.text(/^Sent more than 72 hours ago/)).toBeVisible();
  expect(old()).toHaveLength(0);
  await card.button('Check again').click();
  await card.expectDone();
  expect(old().length).toBeGreaterThan(0);
});
