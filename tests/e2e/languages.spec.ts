import { test, expect, Page, doneElsewhere, expectNoAxeViolations, PREMIUM_TOKEN } from './fixtures';
import { song } from './audio';

// Each screen's heading and the navigation, as a native reader of each language expects them.
const SCREENS: Record<string, { path: string; ru: string; zh: string }> = {
  separate: { path: '/', ru: 'Разделить', zh: '分离' },
  jobs: { path: '/jobs', ru: 'Задания', zh: '任务' },
  history: { path: '/history', ru: 'История', zh: '历史' },
  demos: { path: '/demos', ru: 'Демо', zh: '示例' },
  news: { path: '/news', ru: 'Новости', zh: '新闻' },
  leaderboard: { path: '/leaderboard', ru: 'Рейтинг', zh: '排行榜' },
  account: { path: '/account', ru: 'Аккаунт', zh: '账户' },
  settings: { path: '/settings', ru: 'Настройки', zh: '设置' },
};
const MORE = ['/leaderboard/queue', '/leaderboard/submit', '/leaderboard/entry/1', '/no/such/page'];

/**
 * Words of interface text still in English: every visible text node, but not inside what the
 * service wrote or names (`translate="no"`, or an element in another `lang`), and not the
 * names English keeps in every language (the service, formats, standards).
 */
async function englishLeftovers(page: Page, lang: string): Promise<string[]> {
  return page.evaluate((lang) => {
    const keep = /^(MVSEP|mvsep|web|API|api|SDR|ZIP|zip|CORS|README|Deploy|Web|Audio|WAV|Alt|Shift|Home|https?|com|mp3|wav|flac|ogg|webm|m4a|mp4|aac|drums|Mega|Google|Drive|Dropbox|HTTP|kB|MB|GB)$/;
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (el.closest('script, style, [translate="no"], [hidden]')) continue;
      const other = el.closest('[lang]');
      if (other && !other.getAttribute('lang')!.startsWith(lang.split('-')[0])) continue;
      if (!(el as HTMLElement).offsetParent && getComputedStyle(el).position !== 'fixed') continue;
      for (const w of n.textContent!.match(/[A-Za-z]{3,}/g) ?? []) if (!keep.test(w)) out.push(`${w} (in "${n.textContent!.trim().slice(0, 60)}")`);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (el.closest('[translate="no"]')) continue;
      for (const a of ['aria-label', 'placeholder', 'title']) {
        const v = el.getAttribute(a);
        for (const w of v?.match(/[A-Za-z]{3,}/g) ?? []) if (!keep.test(w)) out.push(`${w} (${a} "${v}")`);
      }
    }
    return out;
  }, lang);
}

for (const [lang, locale, key] of [['ru', 'ru-RU', 'ru'], ['zh-CN', 'zh-CN', 'zh']] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale });

    test(`every screen speaks ${lang}: headings, navigation, <html lang>, no English left, no axe violations`, async ({ page, errors }) => {
      test.setTimeout(120_000);
      for (const s of Object.values(SCREENS)) {
        await page.goto(s.path);
        await expect(page.getByRole('heading', { level: 1, name: s[key], exact: true })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        const nav = page.getByRole('navigation', { name: key === 'ru' ? 'Главное меню' : '主导航' });
        for (const other of Object.values(SCREENS)) await expect(nav.getByRole('link', { name: other[key], exact: true })).toBeVisible();
        await page.waitForLoadState('networkidle');
        expect(await englishLeftovers(page, lang), `English left on ${s.path}`).toEqual([]);
        await expectNoAxeViolations(page);
      }
      for (const path of MORE) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        expect(await englishLeftovers(page, lang), `English left on ${path}`).toEqual([]);
        await expectNoAxeViolations(page);
      }
    });
  });
}

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU', timezoneId: 'UTC' });

  test('numbers, dates and plurals read as Russian writes them (1, 3 and 5 credits)', async ({ page, request, errors }) => {
    await page.goto('/');
    await page.evaluate((t) => localStorage.setItem('mvsep.api_token', t), PREMIUM_TOKEN);
    await page.reload();
    await expect(page.getByText(/^\d+ (модель|модели|моделей)$/)).toBeVisible();
    await page.getByRole('radio', { name: /^MelBand Roformer/ }).check();
    await page.setInputFiles('#audio-files', [song('one.wav', 60), song('three.wav', 180), song('five.wav', 300)]);
    await expect(page.getByText('1:00 · 1 кредит', { exact: true })).toBeVisible();
    await expect(page.getByText('3:00 · 3 кредита', { exact: true })).toBeVisible();
    await expect(page.getByText('5:00 · 5 кредитов', { exact: true })).toBeVisible();
    await expect(page.getByText('Около 9 кредитов; ваш баланс — 500.')).toBeVisible();
    // Sizes with a decimal comma and Russian units: 9.6 MB of WAV is "9,6 МБ".
    await expect(page.getByText(/9,6 МБ/)).toBeVisible();
    // A date from the service, as Russian writes it.
    const hash = await doneElsewhere(request, 'datum.wav');
    await page.goto(`/jobs/${encodeURIComponent(hash)}`);
    await expect(page.locator('dd').filter({ hasText: /\d{4}\s?г\./ }).first()).toBeVisible();
  });

  test('the language can be changed from the header, is remembered, and keeps the focus', async ({ page, errors }) => {
    await page.goto('/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Настройки' })).toBeVisible();
    const menu = page.getByRole('combobox', { name: 'Язык' });
    await menu.focus();
    await page.keyboard.press('End'); // the last language: 简体中文
    await menu.selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('combobox', { name: '语言' })).toBeFocused();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
