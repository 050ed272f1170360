// The service worker (issue 27): every file of this build from a cache of its own, so each
// screen's shell draws with the network gone. scripts/split-dist.sh writes the build's files over
// "@FILES" and a hash of their contents over "@VERSION": a new deploy is a new worker, which
// caches its build beside the old one and takes the page over only when the person says so
// (src/boot.js shows "A new version is ready"). API writes and result audio never pass a cache:
// only GETs of the build's own files, navigations, the model list and the library's kept
// results (Blobs in IndexedDB, which src/library/ stores) are answered here.
var FILES = "@FILES".split(" "), BUILD = "mvsep-build-@VERSION", MODELS = "mvsep-models";
var at = function (f) { return new URL(f, self.location).href; };
var SHELL = at("./"), SHARE = at("share"), KEPT = at("kept/"), OWN = new Set(FILES.map(at));

self.addEventListener("install", function (e) {
  // Revalidated, not from the HTTP cache: index.html ("./") must be this build's.
  e.waitUntil(caches.open(BUILD).then(function (c) {
    return c.addAll(FILES.map(function (f) { return new Request(f, { cache: "no-cache" }); }));
  }));
});

self.addEventListener("activate", function (e) {
  e.waitUntil(Promise.all([
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("mvsep-build-") == 0 && n != BUILD; })
        .map(function (n) { return caches.delete(n); }));
    }),
    // A navigation's request goes out while the worker starts, not after.
    self.registration.navigationPreload && self.registration.navigationPreload.enable(),
  ]).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (e) {
  if (e.data == "take-over") self.skipWaiting();
});

self.addEventListener("fetch", function (e) {
  var r = e.request, url = new URL(r.url);
  if (r.method == "POST" && url.href == SHARE) return e.respondWith(shared(r));
  if (r.method != "GET") return;
  if (r.mode == "navigate") {
    // The service's own paths (behind a proxy on this site) are never the app's shell.
    if (url.pathname.indexOf(new URL(SHELL).pathname + "api/") == 0) return;
    // Network first, so a deploy is seen at once; the cached shell when there is no network.
    e.respondWith(Promise.resolve(e.preloadResponse).then(function (p) { return p || fetch(r); })
      .catch(function () { return caches.match(SHELL, { cacheName: BUILD }).then(function (s) { return s || Response.error(); }); }));
  } else if (r.url.indexOf(KEPT) == 0) {
    // A result kept on this device (src/library/): from the library, whatever the network.
    e.respondWith(kept(url.href.slice(KEPT.length), r.headers.get("range")));
  } else if (OWN.has(url.origin + url.pathname)) {
    e.respondWith(caches.match(url.origin + url.pathname, { cacheName: BUILD }).then(function (hit) { return hit || fetch(r); }));
  } else if (/\/api\/app\/algorithms$/.test(url.pathname)) {
    // The model list: the last one at once, a fresh one fetched behind it for next time.
    e.respondWith(caches.open(MODELS).then(function (c) {
      return c.match(r).then(function (hit) {
        var fresh = fetch(r).then(function (res) {
          if (res.ok) return c.put(r, res.clone()).then(function () { return res; });
          return res;
        });
        if (!hit) return fresh;
        e.waitUntil(fresh.catch(function () {}));
        return hit;
      });
    }));
  }
});

// Audio shared into the app from another one (the manifest's share_target): kept until the page
// the person is sent to takes it (src/boot.js hands it to Separate).
function shared(r) {
  return r.formData().then(function (form) {
    return caches.delete("mvsep-shared").then(function () { return caches.open("mvsep-shared"); }).then(function (c) {
      return Promise.all(form.getAll("audio").filter(function (f) { return typeof f != "string"; }).map(function (f, i) {
        return c.put(SHARE + "/" + i, new Response(f, { headers: { "content-type": f.type || "application/octet-stream", "x-name": encodeURIComponent(f.name) } }));
      }));
    });
  }, function () {}).then(function () { return Response.redirect(at("./?shared"), 303); });
}

// The library's database, opened once per worker rather than once per request: `<audio>` asks
// for a kept file a range at a time.
var library;
function libraryDb() {
  return library = library || new Promise(function (resolve, reject) {
    var open = indexedDB.open("mvsep-library", 1);
    open.onupgradeneeded = function () { open.result.createObjectStore("files"); };
    open.onerror = function () { library = null; reject(); };
    open.onsuccess = function () {
      // Another version of the page may need the database: let it go then.
      open.result.onversionchange = function () { open.result.close(); library = null; };
      resolve(open.result);
    };
  });
}
// A kept file (a Blob in IndexedDB, src/library/files.rs), whole or the range asked for.
function kept(key, range) {
  return new Promise(function (resolve) {
    var gone = function () { resolve(new Response("Not kept on this device", { status: 404 })); };
    libraryDb().then(function (db) {
      var get;
      try { get = db.transaction("files").objectStore("files").get(key); } catch (e) { library = null; return gone(); }
      get.onerror = gone;
      get.onsuccess = function () {
        var b = get.result, m = /^bytes=(\d+)-(\d*)$/.exec(range || "");
        if (!b) return gone();
        if (!m) return resolve(new Response(b, { headers: { "content-type": b.type, "content-length": b.size } }));
        var from = +m[1], to = Math.min(m[2] ? +m[2] : b.size - 1, b.size - 1);
        if (from > to) return resolve(new Response("", { status: 416, headers: { "content-range": "bytes */" + b.size } }));
        resolve(new Response(b.slice(from, to + 1), { status: 206, headers: {
          "content-type": b.type, "content-length": to - from + 1, "content-range": "bytes " + from + "-" + to + "/" + b.size } }));
      };
    }, gone);
  });
}
