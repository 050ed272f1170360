import { Page } from '@playwright/test';
import { test, plain, expect, doneElsewhere, signIn, FREE_TOKEN } from './fixtures';

/** When each call to `path` started (and its address), and when the main module had arrived,
 * in ms of the page. */
async function timings(page: Page, path: string) {
  return page.evaluate((path) => {
    const all = performance.getEntriesByType('resource');
    const calls = all.filter((e) => new URL(e.name).pathname === path);
    return {
      main: Math.min(...all.filter((e) => /_bg\.wasm$/.test(e.name)).map((e) => (e as PerformanceResourceTiming).responseEnd)),
      calls: calls.map((e) => e.startTime),
      addresses: calls.map((e) => e.name),
    };
  }, path);
}

/** Holds back what `pattern` names until the returned function is called. */
const hold = async (page: Page, pattern: RegExp) => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(pattern, async (route) => { await held; await route.continue(); });
  return release;
};

/** Holds the wasm back until `count` calls to `path` have left (10 s at most): a call that leaves
 * while the app cannot yet run is src/boot.js's, however fast the machine fetches the wasm. */
async function wasmHeldFor(page: Page, path: string, count = 1) {
  let seen = 0;
  const release = await hold(page, /_bg\.wasm$/);
  page.on('request', (r) => { if (new URL(r.url()).pathname === path && ++seen >= count) release(); });
  setTimeout(release, 10_000);
}

test("a shared result's link: the job is asked for alongside the wasm, once, and shown", async ({ page, request, errors }) => {
  // A name with what the two encoders could write differently: a space, brackets, an apostrophe.
  const hash = await doneElsewhere(request, "early (it's) song.wav");
  await wasmHeldFor(page, '/api/separation/get');
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  await expect(page.getByRole('button', { name: 'Follow this job' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Download .*vocals/ }).first()).toBeVisible();
  const { main, calls } = await timings(page, '/api/separation/get');
  expect(calls, 'one call for the job').toHaveLength(1);
  expect(calls[0], 'started before the main module had arrived').toBeLessThan(main);
});

// What the person came for is painted first; the result's parts (the mixer, keeping it, the
// mirror) are fetched after, not in the same breath.
test("a result's parts are fetched once its facts are painted", async ({ page, request, errors }) => {
  const hash = await doneElsewhere(request, 'parts after paint.wav');
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const w = window as unknown as { facts?: number };
      if (w.facts === undefined && document.querySelector('dl.facts')) {
        w.facts = -1;
        requestAnimationFrame(() => { w.facts = performance.now(); });
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(`/jobs/${encodeURIComponent(hash)}`);
  await expect(page.getByRole('link', { name: /Download .*vocals/ }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const { facts, parts } = await page.evaluate(() => ({
    facts: (window as unknown as { facts: number }).facts,
    parts: performance.getEntriesByType('resource').filter((e) => /pack_(mixer|library_keep|job_mirror)-/.test(e.name)).map((e) => e.startTime),
  }));
  expect(parts, 'the three parts').toHaveLength(3);
  expect(facts).toBeGreaterThan(0);
  for (const at of parts) expect(at, 'asked for after the frame that showed the facts').toBeGreaterThanOrEqual(facts);
});

// The browser's own players are drawn once the text around them has been painted (its Element
// Timing entry is in), in the room held for them: Chromium draws their icons from data:
// addresses, which Lighthouse would count on the way to the largest paint.
for (const [screen, mark] of [['a result', 'facts'], ['Demos', 'demo']]) {
  test(`${screen}: its players come after its text is painted, where their room was`, async ({ page, request, errors }) => {
    const url = screen === 'Demos' ? '/demos' : `/jobs/${encodeURIComponent(await doneElsewhere(request, 'players.wav'))}`;
    await page.addInitScript(() => {
      const w = window as any;
      w.__painted = {};
      new PerformanceObserver((l) => l.getEntries().forEach((e: any) => { w.__painted[e.identifier] ??= e.renderTime || e.loadTime; }))
        .observe({ type: 'element', buffered: true });
      new MutationObserver(() => {
        const a = document.querySelector('main audio');
        if (a && w.__audio === undefined) {
          w.__audio = performance.now();
          w.__room = (a.parentElement as HTMLElement).getBoundingClientRect().height;
        }
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(url);
    await expect(page.locator('main audio[controls]').first()).toBeVisible();
    const { painted, audio, room } = await page.evaluate(() => ({ painted: (window as any).__painted, audio: (window as any).__audio, room: (window as any).__room }));
    expect(painted[mark], 'the text was painted').toBeGreaterThan(0);
    expect(audio, 'the player drawn after it').toBeGreaterThanOrEqual(painted[mark]);
    const now = await page.locator('main audio').first().evaluate((a) => [a.getBoundingClientRect().height, (a.parentElement as HTMLElement).getBoundingClientRect().height]);
    expect(room, 'its room held before it came').toBe(now[1]);
    expect(now[0], 'the player fills it').toBe(now[1]);
  });
}

test("a leaderboard entry's link: the entry is asked for alongside the wasm, once", async ({ page, errors }) => {
  await wasmHeldFor(page, '/api/quality_checker/entry');
  await page.goto('/leaderboard/entry/1');
  await expect(page.getByRole('heading', { level: 1, name: 'Entry 1' })).toBeVisible();
  const { main, calls } = await timings(page, '/api/quality_checker/entry');
  expect(calls).toHaveLength(1);
  expect(calls[0]).toBeLessThan(main);
});

// src/boot.js asks for the wasm itself (the page's reading asks only for the glue): it leaves
// while the glue is still on its way, and the glue's own fetch takes that answer (one download).
test('the wasm is asked for before its glue has arrived, and downloaded once', async ({ page, errors }) => {
  let glueHeld = true, heldWhenAsked: boolean | undefined;
  const release = await hold(page, /\/mvsep-web-[0-9a-f]+\.js$/);
  const letGo = () => { glueHeld = false; release(); };
  page.on('request', (r) => { if (/_bg\.wasm$/.test(r.url()) && heldWhenAsked === undefined) { heldWhenAsked = glueHeld; letGo(); } });
  setTimeout(letGo, 10_000);
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(heldWhenAsked, 'asked for while the glue was held back').toBe(true);
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /_bg\.wasm$/.test(e.name)).length);
  expect(wasm, 'one download').toBe(1);
});

// A list's first page: its call leaves with the wasm and is taken by the screen (no second one).
for (const [url, path, count, heading] of [
  ['/', '/api/app/algorithms', 3, 'Separate'], ['/demos', '/api/app/demo', 1, 'Demos'], ['/news', '/api/app/news', 1, 'News'],
  ['/leaderboard', '/api/quality_checker/leaderboard', 1, 'Leaderboard'], ['/leaderboard/queue', '/api/quality_checker/queue', 1, 'Evaluation queue'],
] as const) {
  test(`${url}: its first calls leave alongside the wasm, each once`, async ({ page, errors }) => {
    await wasmHeldFor(page, path, count);
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const { main, calls, addresses } = await timings(page, path);
    expect(addresses, 'each call once').toHaveLength(count);
    expect(new Set(addresses).size).toBe(count);
    for (const at of calls) expect(at, 'started before the main module had arrived').toBeLessThan(main);
  });
}

// The header's queue line, on every screen: its call leaves with the wasm, the token's too.
test("the service's queue is asked for alongside the wasm, once, signed in or not", async ({ page, errors }) => {
  for (const signed of [false, true]) {
    if (signed) await signIn(page, FREE_TOKEN);
    await wasmHeldFor(page, '/api/app/queue');
    await page.goto('/settings');
    await expect(page.getByText(/Service queue: \d+ in process/)).toBeVisible();
    const { main, calls, addresses } = await timings(page, '/api/app/queue');
    expect(addresses, 'one call').toHaveLength(1);
    expect(addresses[0].includes(`api_token=${FREE_TOKEN}`), 'with the token once signed in').toBe(signed);
    expect(calls[0], 'started before the main module had arrived').toBeLessThan(main);
  }
});

// The styles come inside the page (scripts/split-dist.sh): the first paint waits for no second
// file, and the early calls wait for no stylesheet (a script after one waits for it). The
// header's queue line asks at low priority, behind the screen's own call and the wasm, where a
// host gives a browser few connections (HTTP/1.1).
test("the page's styles come with it, no stylesheet asked for; the queue's call asks at low priority", async ({ page, errors }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const priority = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e) => priority.set(new URL(e.request.url).pathname, e.request.initialPriority));
  await page.goto('/news');
  await expect(page.getByRole('heading', { level: 1, name: 'News' })).toBeVisible();
  const { sheets, styled } = await page.evaluate(() => ({
    sheets: performance.getEntriesByType('resource').filter((e) => /\.css$/.test(new URL(e.name).pathname)).map((e) => e.name),
    styled: getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
  }));
  expect(sheets, 'no stylesheet asked for').toEqual([]);
  expect(styled, "style/main.css's colours apply").not.toBe('');
  expect(priority.get('/api/app/news')).toBe('High');
  expect(priority.get('/api/app/queue')).toBe('Low');
});

// The app replaces the static shell only once the browser has shown it (src/boot.js's
// mvsepPainted, held here): the wasm started, the shell stays; let go, the app draws.
test('the app replaces the static shell only once the shell has been painted', async ({ page, errors }) => {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    w.releasePaint = release;
    Object.defineProperty(window, 'mvsepPainted', {
      configurable: true,
      set(painted: () => Promise<void>) {
        const wrapped = () => painted().then(() => {
          w.paintsSeen = performance.getEntriesByName('first-contentful-paint').length;
          w.settledAt = performance.now();
          return held;
        });
        Object.defineProperty(window, 'mvsepPainted', { value: wrapped, writable: true, configurable: true });
      },
    });
  });
  await page.goto('/settings');
  const known = (name: string) => page.waitForFunction((n) => (window as unknown as Record<string, unknown>)[n] !== undefined, name);
  // Trunk's loader says the wasm has started (window.wasmBindings), and the page has painted.
  await known('wasmBindings');
  await known('paintsSeen');
  // After the first contentful paint, or (a machine too busy to paint in time) its 1 s bound.
  const { paintsSeen, settledAt } = await page.evaluate(() => {
    const w = window as unknown as { paintsSeen: number, settledAt: number };
    return { paintsSeen: w.paintsSeen, settledAt: w.settledAt };
  });
  expect(paintsSeen === 1 || settledAt >= 1000, `settled after the first contentful paint (${paintsSeen} paints, at ${settledAt} ms)`).toBe(true);
  await page.waitForTimeout(300);
  await expect(page.locator('[data-head="settings_screen"]'), "the shell's head, still there").toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Language' }), 'no app yet').toHaveCount(0);
  await page.evaluate(() => ((window as unknown as Record<string, () => void>).releasePaint)());
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
  await expect(page.locator('[data-head]')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

// Where the browser never reports a paint (no Paint Timing, a tab that stays hidden), the app
// starts all the same, a second on at most.
test('the app starts where the browser never reports the first paint', async ({ page, errors }) => {
  await page.addInitScript(() => {
    const observe = PerformanceObserver.prototype.observe;
    PerformanceObserver.prototype.observe = function (this: PerformanceObserver, options?: PerformanceObserverInit) {
      if (options?.type !== 'paint') observe.call(this, options);
    };
  });
  await page.goto('/settings');
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible({ timeout: 5000 });
  await expect(page.locator('[data-head]')).toHaveCount(0);
});

// src/boot.js is a module that the parser does not wait for; the browser paints nothing before it
// has run (blocking=render): the first frame already has the stored theme and the screen's head.
// Three loads: without the hold, a load's first frame comes before the script in most runs.
test("the stored theme and the screen's head are in the first frame", async ({ page, errors }) => {
  await page.addInitScript(() => {
    localStorage.setItem('mvsep.theme', 'dark');
    // The first frame's callbacks run just before it is painted.
    requestAnimationFrame(() => {
      const html = document.documentElement, screen = html.dataset.screen;
      const head = screen && document.querySelector(`[data-head="${screen}"]`);
      (window as unknown as Record<string, unknown>).firstFrame = {
        theme: html.dataset.theme, screen, head: head ? getComputedStyle(head).display : 'absent',
      };
    });
  });
  const wasm = await hold(page, /_bg\.wasm$/);
  // As on a phone, where the browser has time to paint while it reads the page.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  for (const [path, screen] of [['/leaderboard', 'leaderboard_screen'], ['/settings', 'settings_screen'], ['/jobs', 'jobs_screen']]) {
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => (window as unknown as Record<string, unknown>).firstFrame !== undefined);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).firstFrame), path)
      .toEqual({ theme: 'dark', screen, head: 'block' });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  wasm();
});

// A deep link's heading is painted by the static shell before the wasm arrives (index.html's
// data-head blocks), and stays where it is while the app starts and the screen's code comes: the
// shell draws the same head until the screen does (components::screen_head).
test("a deep link's heading is painted before the wasm, and stays put until the screen is drawn", async ({ page, errors }) => {
  const wasm = await hold(page, /_bg\.wasm$/);
  const pack = await hold(page, /pack_leaderboard_screen-[0-9a-f]+\.bin$/);
  await page.goto('/leaderboard', { waitUntil: 'domcontentloaded' });
  const heading = page.getByRole('heading', { level: 1 });
  const at = async () => (await heading.boundingBox())!.y;
  // The shell alone: the leaderboard's head, and no other screen's.
  await expect(heading).toHaveText('Leaderboard');
  await expect(heading).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Evaluation queue' })).toBeVisible();
  const first = await at();
  wasm();
  // The app is up (its header has the language menu), the screen's code still on its way.
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading this screen' })).toBeVisible();
  await expect(heading).toHaveText('Leaderboard');
  expect(await at(), 'where the shell had it').toBe(first);
  pack();
  await expect(page.getByRole('columnheader').first()).toBeVisible();
  await expect(heading).toHaveText('Leaderboard');
  expect(await at(), 'where the shell had it').toBe(first);
});

// The heading is in the page at every moment from the shell to the screen: a screen reader,
// axe or a person never meets a page without one while the app takes over (it once drew a bare
// "Loading…" for the frame before the screen).
for (const url of ['/', '/settings', '/leaderboard', '/jobs']) {
  test(`${url}: the heading never leaves the page while the app takes over`, async ({ page, errors }) => {
    await page.addInitScript(() => {
      const w = window as any;
      w.__noHead = [];
      w.__checks = 0;
      document.addEventListener('DOMContentLoaded', () => {
        new MutationObserver(() => {
          w.__checks++;
          if (!document.querySelector('main h1')) w.__noHead.push(document.querySelector('main')?.textContent?.slice(0, 80));
        }).observe(document.body, { childList: true, subtree: true });
      });
    });
    await page.goto(url);
    await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
    await expect(page.locator('main .loading')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    const { noHead, checks } = await page.evaluate(() => ({ noHead: (window as any).__noHead, checks: (window as any).__checks }));
    expect(checks, 'the app changed the page').toBeGreaterThan(0);
    expect(noHead, 'moments with no heading').toEqual([]);
  });
}

test("the front page says what it is for before the wasm, and keeps it where it was", async ({ page, errors }) => {
  const release = await hold(page, /_bg\.wasm$/);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  const heading = page.getByRole('heading', { level: 1 });
  const intro = page.getByText(/^Split songs into their parts/);
  await expect(heading).toHaveText('Separate');
  await expect(heading).toHaveCount(1);
  await expect(intro).toBeVisible();
  const first = (await intro.boundingBox())!;
  release();
  await expect(page.getByRole('radio').first()).toBeVisible();
  await expect(heading).toHaveText('Separate');
  await expect(intro).toHaveCount(1);
  expect((await intro.boundingBox())!.y, 'where the shell had it').toBe(first.y);
});

test('a model list cached within 6 hours is not asked for again', async ({ page, errors }) => {
  await page.goto('/');
  await expect(page.getByText('Model list just loaded.')).toBeVisible();
  // Kept once the list is painted.
  await page.waitForFunction(() => localStorage.getItem('mvsep.algorithms'));
  await page.reload();
  await expect(page.getByText(/Model list from \d+ minutes? ago/)).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect((await timings(page, '/api/app/algorithms')).calls).toEqual([]);
});

// A line kept by a version before the list was kept in parts names no list: the page asks for
// it alongside the wasm, as on a first visit, and the app takes that answer.
test('a model list line from before the parts is asked for early, once', async ({ page, errors }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('mvsep.algorithms', JSON.stringify({ base: '', saved_ms: Date.now() }));
      localStorage.setItem('mvsep.algorithms.body', '[]');
    }
  });
  await wasmHeldFor(page, '/api/app/algorithms', 3);
  await page.goto('/');
  await expect(page.getByText('Model list just loaded.')).toBeVisible();
  const { main, calls } = await timings(page, '/api/app/algorithms');
  expect(calls, 'each scope once').toHaveLength(3);
  expect(Math.max(...calls), 'started before the main module had arrived').toBeLessThan(main);
  // The old whole body is let go once the list is kept in parts.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('mvsep.algorithms') || '{}').parts > 0);
  expect(await page.evaluate(() => localStorage.getItem('mvsep.algorithms.body'))).toBeNull();
});

// The early call's failure is not the screen's: the app asks again and says what it got.
plain('an early call that fails is made again by the app', async ({ page }) => {
  let failed = 0;
  await page.route(/\/api\/quality_checker\/entry\?id=1$/, (r) => (failed++ ? r.continue() : r.abort('connectionreset')));
  await page.goto('/leaderboard/entry/1');
  await expect(page.getByRole('heading', { level: 1, name: 'Entry 1' })).toBeVisible();
  // The heading is drawn before the entry's data: the app's own call may still be on its way.
  await expect.poll(() => failed).toBe(2);
});

// What was asked for early is never waited for: a service that does not answer holds back
// neither the shell nor a move to another screen.
plain('a deep link whose first call hangs still draws, and another screen opens at once', async ({ page }) => {
  await page.route(/\/api\/app\/news\?/, () => { /* never answered */ });
  await page.goto('/news');
  await expect(page.getByRole('heading', { level: 1, name: 'News' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});
