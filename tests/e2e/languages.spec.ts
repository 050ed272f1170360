import { test, expect, Page, doneElsewhere, expectNoAxeViolations, PREMIUM_TOKEN } from './fixtures';
import { song } from './audio';

// Each screen's heading and the navigation, as a native reader of each language expects them.
const SCREENS: Record<string, { path: string; en: string; ru: string; zh: string }> = {
  separate: { path: '/', en: 'Separate', ru: 'Разделить', zh: '分离' },
  jobs: { path: '/jobs', en: 'Jobs', ru: 'Задания', zh: '任务' },
  history: { path: '/history', en: 'History', ru: 'История', zh: '历史' },
  library: { path: '/library', en: 'Library', ru: 'Библиотека', zh: '资料库' },
  demos: { path: '/demos', en: 'Demos', ru: 'Демо', zh: '示例' },
  news: { path: '/news', en: 'News', ru: 'Новости', zh: '新闻' },
  leaderboard: { path: '/leaderboard', en: 'Leaderboard', ru: 'Рейтинг', zh: '排行榜' },
  account: { path: '/account', en: 'Account', ru: 'Аккаунт', zh: '账户' },
  settings: { path: '/settings', en: 'Settings', ru: 'Настройки', zh: '设置' },
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
    // The service's own words (names, news, descriptions), wherever else they appear.
    const service = new Set<string>();
    for (const el of document.querySelectorAll('[translate="no"], .server-html')) for (const w of el.textContent!.match(/[A-Za-z]{3,}/g) ?? []) service.add(w);
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (el.closest('script, style, [translate="no"], .server-html, [hidden]')) continue;
      const other = el.closest('[lang]');
      if (other && !other.getAttribute('lang')!.startsWith(lang.split('-')[0])) continue;
      if (!(el as HTMLElement).offsetParent && getComputedStyle(el).position !== 'fixed') continue;
      for (const w of n.textContent!.match(/[A-Za-z]{3,}/g) ?? []) if (!keep.test(w) && !service.has(w)) out.push(`${w} (in "${n.textContent!.trim().slice(0, 60)}")`);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (el.closest('[translate="no"]')) continue;
      for (const a of ['aria-label', 'placeholder', 'title']) {
        const v = el.getAttribute(a);
        for (const w of v?.match(/[A-Za-z]{3,}/g) ?? []) if (!keep.test(w) && !service.has(w)) out.push(`${w} (${a} "${v}")`);
      }
    }
    return out;
  }, lang);
}

const NAV_NAME = { en: 'Main', ru: 'Главное меню', zh: '主导航' };

for (const [lang, locale, key] of [['en', 'en-US', 'en'], ['ru', 'ru-RU', 'ru'], ['zh-CN', 'zh-CN', 'zh']] as const)
for (const theme of ['light', 'dark'] as const) {
  test.describe(`in ${lang}, ${theme}`, () => {
    test.use({ locale, colorScheme: theme });

    test(`every screen speaks ${lang}: headings, navigation, <html lang>, no English left, no axe violations (${theme})`, async ({ page, errors }) => {
      test.setTimeout(120_000);
      const left: Record<string, string[]> = {};
      for (const s of Object.values(SCREENS)) {
        await page.goto(s.path);
        await expect(page.getByRole('heading', { level: 1, name: s[key], exact: true })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        const nav = page.getByRole('navigation', { name: NAV_NAME[key] });
        for (const other of Object.values(SCREENS)) await expect(nav.getByRole('link', { name: other[key], exact: true })).toBeVisible();
        await page.waitForLoadState('networkidle');
        const words = key === 'en' ? [] : await englishLeftovers(page, lang);
        if (words.length) left[s.path] = words;
        await expectNoAxeViolations(page);
      }
      for (const path of MORE) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        const words = key === 'en' ? [] : await englishLeftovers(page, lang);
        if (words.length) left[path] = words;
        await expectNoAxeViolations(page);
      }
      expect(left, 'interface text still in English').toEqual({});
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
    await page.keyboard.press('End'); // the last language, 简体中文: the page loads again in it
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

test.describe('before the app arrives, in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('the static shell already speaks Russian while the wasm is still on its way', async ({ page, errors }) => {
    // The app's module is held back until the shell has been read.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    const nav = page.getByRole('navigation', { name: 'Главное меню' });
    await expect(nav.getByRole('link', { name: 'Задания' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Перейти к содержимому' })).toBeAttached();
    await expect(page.getByRole('status')).toHaveText('Загрузка…');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Разделить');
    await expect(page.getByText(/^Разделите песни на части/)).toBeVisible();
    // Still the shell: the app has not drawn its header yet (it has the language menu).
    await expect(page.getByRole('combobox')).toHaveCount(0);
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Разделить' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Язык' })).toBeVisible();
  });

  test("a deep link's static heading speaks Russian too", async ({ page, errors }) => {
    await page.route(/\.wasm$/, () => { /* never: the shell alone */ });
    await page.goto('/jobs', { waitUntil: 'domcontentloaded' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Задания');
    await expect(page.locator('[data-head=jobs_screen] .help')).not.toHaveText(/Jobs started/);
  });
});
