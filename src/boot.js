// What runs before the wasm, from index.html: the stored theme and which screen the address
// names (before the first paint), the interface language's browser side (src/i18n/start.rs
// calls it), Trusted Types, and a deep link's first requests. Inlined by Trunk; the release
// build's copy is minified by esbuild in scripts/split-dist.sh (Trunk's HTML minifier breaks it),
// which also writes the pack of each part over "@PACKS" (part=hash; a plain build has none).
//
// A module marked blocking=render (scripts/split-dist.sh): the parser does not wait for it, it
// runs once the page is read, and the browser paints nothing before it has run. Its requests but
// the wasm's (the screen's pack, its calls to the service) leave in the tasks after it. So the
// page's first task is only the browser's reading of the page, and no task of the start is long
// on a phone (issue 25).
//
// The main module's wasm is asked for from here, first of all, not by a <link> in the page
// (scripts/split-dist.sh writes its address over "@WASM"): each request costs a phone some
// 5-15 ms, and the page's three (the wasm, the glue, the chunk loader, which the glue now
// imports when it arrives) made its reading a long task (issue 25). A plain build links its own.
if ("@WASM".charAt(0) != "@") document.head.append(Object.assign(document.createElement("link"),
  { rel: "preload", as: "fetch", type: "application/wasm", crossOrigin: "", integrity: "@SRI", href: "@WASM" }));
(() => {
  var theme = localStorage.getItem("mvsep.theme");
  if (theme) document.documentElement.dataset.theme = theme;
})();
// What a deep link needs first is asked for at once, alongside the main module, not once it
// runs: the screen's pack of wasm (scripts/pack-chunks.py), which the chunk loader takes, and its
// first calls to the service (below), which src/api/transport/ takes. Each by exact address
// (take); an address taken before it was asked for is left to the app. The app takes by every
// address it calls, so what it took is kept only until the asking is over (done).
window.mvsepEarly = ((files) => {
  var pack = {}, early = {}, taken = {};
  files.split(" ").forEach((f) => { f = f.split("="); pack[f[0]] = "pack_" + f[0] + "-" + f[1] + ".bin"; });
  var E = {
    screen: null, match: null,
    ask(key, options) {
      if (taken && !taken[key]) (early[key] = fetch(key, options)).catch(() => {});
    },
    pack(part, priority) { if (pack[part]) E.ask(pack[part], { priority: priority }); },
    take(key) { var r = early[key]; if (taken) taken[key] = 1; delete early[key]; return r; },
    done() { taken = null; }
  };
  // The screen: its path (src/routing/route.rs's, relative to <base>) and its part
  // (src/app/screens.rs). The static shell shows its head (style/main.css) from the first paint.
  var path = location.pathname.slice(new URL(document.baseURI).pathname.length).replace(/\/+$/, "");
  // One pattern, not one a screen: the start's task is what holds the first paint. Groups: a
  // screen named by its path; a job's hash; an entry's id; a quality checker's list; none: Separate.
  var m = path.match(/^(?:(jobs|history|library|demos|news|leaderboard|account|settings)|jobs\/([^/]+)|leaderboard\/entry\/(\d+)|leaderboard\/(queue|submit))?$/);
  if (m) {
    document.documentElement.dataset.screen = E.screen =
      m[1] ? m[1] + "_screen" : m[2] ? "job_screen" : m[3] ? "qc_entry_screen" : m[4] ? "qc_" + m[4] + "_screen" : "separate";
    E.match = m;
    // A task of its own, the first after this one: a request costs a phone some 5-15 ms,
    // and this task holds the first paint.
    setTimeout(() => { E.pack(E.screen, "high"); });
  }
  return E;
})("@PACKS");
// Trusted Types (the page's policy refuses a plain string as HTML or as a script's address): HTML
// goes in only through two named policies, which the glue's one innerHTML setter asks for by
// this function (scripts/split-dist.sh): the framework's templates (a <template>, SVG) and HTML
// of this app's own making on an element marked data-html (the sanitiser's output, the language
// menu's options). Anything else is handed on as the plain string it is, and refused.
((T) => {
  var make = (name) => { return T && T.createPolicy(name, { createHTML(s) { return s; } }); };
  var templates = make("leptos-template"), own = make("mvsep-html");
  window.mvsepHtml = (el, html) => {
    var p = el instanceof HTMLTemplateElement || el.namespaceURI == "http://www.w3.org/2000/svg" ? templates
      : el.hasAttribute("data-html") && own;
    return p ? p.createHTML(html) : html;
  };
})(window.trustedTypes);
// Which language to start in, its catalogue as [key, text] pairs, and the Intl formatters.
window.mvsepI18n = {
  pick(codes) {
    var offered = codes.split(" "), tags = [localStorage.getItem("mvsep.lang")].concat(navigator.languages || []);
    for (var i = 0; i < tags.length; i++) {
      var t = (tags[i] || "").toLowerCase(), base = t.split("-")[0];
      var m = offered.find((c) => c.toLowerCase() == t)
        || offered.find((c) => c.split("-")[0] == base);
      if (m) return m;
    }
    return "en";
  },
  loads: {},
  load(code) {
    // One fetch per language: the shell's early call below and the app's share it.
    return mvsepI18n.loads[code] = mvsepI18n.loads[code] || fetch("lang/" + code + ".json").then((r) => {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then((cat) => {
      document.documentElement.lang = code;
      return Object.entries(cat).flatMap((e) => {
        return typeof e[1] == "string" ? [e]
          : Object.entries(e[1]).map((f) => [e[0] + "#" + f[0], f[1]]);
      });
    });
  },
  choose(code) {
    localStorage.setItem("mvsep.lang", code);
    sessionStorage.setItem("mvsep.lang.refocus", "1");
    location.reload();
  },
  refocus() {
    if (sessionStorage.getItem("mvsep.lang.refocus")) {
      sessionStorage.removeItem("mvsep.lang.refocus");
      var menu = document.getElementById("lang");
      if (menu) menu.focus();
    }
  },
  // One formatter of each kind, kept: making one is far slower than using it (a leaderboard
  // page formats some 300 numbers and 50 dates; made afresh each time, they cost a phone about
  // 30 ms of one frame).
  made: {},
  formatter(kind, code, options) {
    var key = kind + " " + code + " " + JSON.stringify(options);
    return mvsepI18n.made[key] = mvsepI18n.made[key] || new Intl[kind](code, options);
  },
  number(code, x, places) {
    return mvsepI18n.formatter("NumberFormat", code, { minimumFractionDigits: places, maximumFractionDigits: places }).format(x);
  },
  plural(code, n) { return mvsepI18n.formatter("PluralRules", code).select(n); },
  date(code, text) {
    var iso = text.trim().replace(" ", "T"), d = new Date(iso);
    if (isNaN(d)) return undefined;
    var o = { dateStyle: "medium" };
    if (iso.indexOf("T") > 0) o.timeStyle = "short";
    return mvsepI18n.formatter("DateTimeFormat", code, o).format(d);
  }
};
// The static shell speaks the language before the wasm arrives: its catalogue is far smaller, so
// it usually comes first. Elements marked data-t have their aria-label, else their text, as key.
setTimeout(() => {
  var I = window.mvsepI18n, code = I.pick(document.documentElement.dataset.langs || "en");
  if (code == "en") return;
  I.load(code).then((pairs) => {
    var cat = new Map(pairs);
    document.querySelectorAll("[data-t]").forEach((el) => {
      var label = el.getAttribute("aria-label"), key = label || el.textContent, text = cat.get(key);
      if (text) label ? el.setAttribute("aria-label", text) : (el.textContent = text);
    });
  }, () => {});
});
// A deep link's first calls to the service (src/api/endpoints.rs's), and the parts its screen
// needs beside its own (its own is asked for above), a task later.
((E) => {
  var saved = (localStorage.getItem("mvsep.jobs") || "[]") != "[]", token = localStorage.getItem("mvsep.api_token");
  // As src/state/settings.rs reads the address, and src/api/request.rs encodes a value.
  var base = localStorage.getItem("mvsep.api_base");
  if (base == null) base = /^(127\.0\.0\.1|localhost|\[::1\])$/.test(location.hostname) ? "" : "https://mvsep.com";
  base = base.replace(/\/+$/, "");
  var encode = (v) => {
    return encodeURIComponent(v).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
  };
  var value = (v) => encode(decodeURIComponent(v));
  var call = (at, priority) => {
    E.ask(base + at, { cache: "no-store", priority: priority, signal: AbortSignal.timeout(30000) });
  };
  // A list's first page only: another page's address is the app's to write.
  var first = (at) => { return () => location.search ? [] : [at]; };
  var calls = {
    // The model list, unless src/state/cache.rs has it for this address from the last 6 hours
    // (in parts: a line from before the parts is no list).
    separate() {
      var cached = JSON.parse(localStorage.getItem("mvsep.algorithms") || "null") || {};
      return cached.base == base && cached.parts > 0 && Date.now() - cached.saved_ms < 216e5 ? [] : ["single_upload", "no_upload", "matchering_upload"]
        .map((scope) => "/api/app/algorithms?scopes=" + scope);
    },
    job_screen(m) { return ["/api/separation/get?hash=" + value(m[2])]; },
    demos_screen: first("/api/app/demo?start=0&limit=20"),
    news_screen: first("/api/app/news?lang=" + (mvsepI18n.pick(document.documentElement.dataset.langs || "en") == "ru" ? "ru" : "en") + "&start=0&limit=5"),
    leaderboard_screen: first("/api/quality_checker/leaderboard?dataset_type=1&start=0&limit=50"),
    qc_entry_screen(m) { return ["/api/quality_checker/entry?id=" + m[3]]; },
    qc_queue_screen: first("/api/quality_checker/queue?start=0&limit=20")
  };
  var beside = { jobs_screen: saved && "job_list", account_screen: token && "account_signed" };
  // Each a task of its own: the screen's, then what every screen has.
  setTimeout(() => {
    if (beside[E.screen]) E.pack(beside[E.screen], "high");
    // (A path the app reads but decodeURIComponent does not is left to the app.)
    try { (calls[E.screen] ? calls[E.screen](E.match) : []).forEach((at) => { call(at); }); } catch (e) {}
  });
  setTimeout(() => {
    // The service's queue, which the header shows on every screen (src/state/site_queue.rs).
    // Low: the screen's own calls and the wasm come first where connections are few (HTTP/1.1).
    call("/api/app/queue" + (token && token.trim() ? "?api_token=" + encode(token) : ""), "low");
    // Saved jobs are read by the tracker's engine on every screen, after the screen's own code.
    if (saved) E.pack("tracker_engine", "low");
    E.done();
  });
})(window.mvsepEarly);
// Waiting for the browser to show something: mvsepShown (an element), mvsepPainted (the shell).
(() => {
  // Resolves once the browser reports a paint (a performance entry of `type`) that `wanted`
  // takes, after `ms` at most, or by `otherwise(done)` where it reports no paints of that type
  // (or `type` is "": none to wait for).
  var reported = (type, wanted, ms, otherwise) => {
    return new Promise((done) => {
      var seen;
      setTimeout(() => { seen && seen.disconnect(); done(); }, ms);
      if ((PerformanceObserver.supportedEntryTypes || []).indexOf(type) < 0) return otherwise(done);
      (seen = new PerformanceObserver((list) => {
        if (list.getEntries().some(wanted)) seen.disconnect(), done();
      })).observe({ type: type, buffered: true });
    });
  };
  // Resolves once the browser has painted the element `selector` names, marked elementtiming as
  // it was drawn (Element Timing, in Chromium), else two frames on; at most 300 ms
  // (src/browser/page.rs's shown).
  window.mvsepShown = (selector) => {
    var el = document.querySelector(selector);
    return reported(el ? "element" : "", (e) => e.element == el, 300, (done) => {
      requestAnimationFrame(() => { requestAnimationFrame(done); });
    });
  };
  // Resolves once the browser has shown the static shell (its first contentful paint), at once
  // in a hidden tab (which paints nothing), else after a second at most. The app replaces the
  // shell only then (src/i18n/start.rs): where the wasm is ready first (a fast device, a cached
  // visit), the shell is painted without waiting for the app's first frame, and a text replaced
  // before its paint was shown never counts as the page's largest content, the app's copy of it
  // counting instead, later.
  var painted = reported(document.visibilityState == "hidden" ? "" : "paint", (e) => {
    return e.name == "first-contentful-paint";
  }, 1000, (done) => { done(); });
  window.mvsepPainted = () => painted;
})();
// A link to a place on the page ("Skip to content") moves the focus there. The browser would read
// "#main" against <base href> and leave a deep link for the site's first page.
document.addEventListener("click", (e) => {
  var a = e.target.closest && e.target.closest('a[href^="#"]'), to = a && document.getElementById(a.getAttribute("href").slice(1));
  if (!to) return;
  e.preventDefault();
  to.tabIndex = -1;
  to.focus();
});
// What follows the page's first screen (src/sw-client.js, a file of the release build's: the
// service worker and songs the system sends), once the page is up: at once when it was opened
// by the system (shared into the app, or the installed app opened with files).
addEventListener("load", () => {
  if ("@SWCLIENT".charAt(0) == "@") return;
  var sent = /[?&]shared\b/.test(location.search) || !matchMedia("(display-mode: browser)").matches;
  setTimeout(() => { import("./@SWCLIENT"); }, sent ? 0 : 2000);
});
