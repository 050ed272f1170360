import { test, expect, Page, doneElsewhere, faults, PREMIUM_TOKEN } from './fixtures';
import { JobCard } from './objects';

// Every text the app writes while a person walks it in Russian and in Chinese, recorded as it is
// written (loading lines, notes, transient states included, not only what is left at the end):
// none of the app's own English. The service's words (`translate="no"`, `.server-html`, another
// `lang`) and the names English keeps in every language are left out.

/** Installed before the app: records the English words of every text node and label written. */
function recordEnglish(lang: string) {
  const keep = /^(MVSEP|mvsep|web|API|api|SDR|ZIP|zip|CORS|README|Deploy|Web|Audio|WAV|Alt|Shift|Home|https?|com|mp3|wav|flac|FLAC|kbps|ogg|webm|m4a|mp4|aac|drums|Mega|Google|Drive|Dropbox|HTTP|kB|MB|GB|BPM)$/;
  // Kept across the walk's page loads (this script starts afresh with each document).
  const saved = JSON.parse(sessionStorage.getItem('__words') ?? '{"heard":[],"service":[]}');
  const heard: string[] = saved.heard;
  const service = new Set<string>(saved.service);
  addEventListener('pagehide', () => sessionStorage.setItem('__words', JSON.stringify({ heard, service: [...service] })));
  (window as any).__english = () => heard.filter((h) => !service.has(h.split(' ')[0]));
  const foreign = (el: Element) => {
    // <head>: the tab's title names the person's file.
    if (el.closest('head, script, style, noscript, [translate="no"], .server-html')) return true;
    const other = el.closest('[lang]');
    return !!other && !other.getAttribute('lang')!.startsWith(lang.split('-')[0]);
  };
  const words = (text: string, where: string) => {
    for (const w of text.match(/[A-Za-z]{3,}/g) ?? []) if (!keep.test(w)) heard.push(`${w} (${where} "${text.trim().slice(0, 70)}")`);
  };
  const text = (n: Node) => {
    const el = n.parentElement;
    if (!el || !n.isConnected || foreign(el)) return;
    words(n.textContent ?? '', location.pathname);
    // A sentence's English full stop, written after a link in it: Chinese ends it with "。".
    if (lang.startsWith('zh') && /^\s*\.\s*$/.test(n.textContent ?? '')) heard.push(`"." (${location.pathname}, after "${n.previousSibling?.textContent?.slice(0, 40)}")`);
  };
  const element = (el: Element) => {
    if (el.closest('[translate="no"], .server-html')) {
      for (const w of el.textContent?.match(/[A-Za-z]{3,}/g) ?? []) service.add(w);
      return;
    }
    for (const a of ['aria-label', 'placeholder', 'title']) {
      const v = el.getAttribute(a);
      if (v && !foreign(el)) words(v, `${location.pathname} ${a}`);
    }
  };
  const walk = (root: Node) => {
    if (root.nodeType === Node.TEXT_NODE) return text(root);
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    element(root as Element);
    const w = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) n.nodeType === Node.TEXT_NODE ? text(n) : element(n as Element);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach(walk);
      else if (r.type === 'characterData') text(r.target);
      else element(r.target as Element);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'placeholder', 'title'] });
}

const EVERY_SCREEN = (hash: string) => ['/', '/jobs', `/jobs/${encodeURIComponent(hash)}`, '/history', '/library', '/demos', '/news',
  '/leaderboard', '/leaderboard/entry/1', '/leaderboard/queue', '/leaderboard/submit', '/account', '/settings', '/no/such/page'];
/** The screens that say other things to a person with no token. */
const SIGNED_OUT = ['/', '/history', '/leaderboard/submit', '/account'];

async function walk(page: Page, paths: string[]) {
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Whatever loads is written and then drawn (the API answers after 400 ms).
    await expect(page.locator('.loading')).toHaveCount(0, { timeout: 15_000 });
    await page.waitForLoadState('networkidle');
  }
}

for (const [lang, locale] of [['ru', 'ru-RU'], ['zh-CN', 'zh-CN']] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale });

    test(`every text written on every screen, loading lines included, is in ${lang}`, async ({ page, request, errors }) => {
      test.setTimeout(150_000);
      const hash = await doneElsewhere(request, 'walked song.wav');
      await faults(request, { latency_ms: 400 });
      await page.addInitScript(recordEnglish, lang);
      await walk(page, SIGNED_OUT);
      await page.evaluate((t) => localStorage.setItem('mvsep.api_token', t), PREMIUM_TOKEN);
      await walk(page, EVERY_SCREEN(hash));
      // Followed here: its card in Jobs and its page as a followed job.
      await page.goto(`/jobs/${encodeURIComponent(hash)}`);
      await page.getByRole('button', { name: lang === 'ru' ? 'Следить за заданием' : '关注此任务' }).click();
      await page.goto('/jobs');
      await expect(new JobCard(page).root).toHaveCount(1);
      await page.goto('/history');
      await expect(page.locator('table.history tbody tr').first()).toBeVisible();
      const english: string[] = await page.evaluate(() => (window as any).__english());
      expect([...new Set(english)], 'the app\'s own English in a screen of another language').toEqual([]);
    });
  });
}
