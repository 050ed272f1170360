// What the page does once its first screen is up (src/boot.js imports this file of the release
// build then): songs the system sends into Separate, and the service worker.
// Songs the system sends: opened with the installed app (the manifest's file_handlers) or shared
// into it (share_target; src/sw.js keeps them and sends the page to "./?shared"). They go into
// Separate's file input as if chosen there, once it is drawn (src/pages/separate/songs.rs).
(function () {
  var give = function (files) {
    var tries = 0, wait = setInterval(function () {
      var input = document.getElementById("audio-files"), dt = new DataTransfer();
      if (!input && ++tries < 150) return;
      clearInterval(wait);
      if (!input || !files.length) return;
      files.forEach(function (f) { dt.items.add(f); });
      input.files = dt.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }, 200);
  };
  if (window.launchQueue) launchQueue.setConsumer(function (p) {
    Promise.all((p.files || []).map(function (h) { return h.getFile(); })).then(give, function () {});
  });
  if (/[?&]shared\b/.test(location.search) && window.caches) {
    history.replaceState(null, "", location.pathname);
    caches.open("mvsep-shared").then(function (c) {
      return c.keys().then(function (keys) {
        return Promise.all(keys.map(function (k) {
          return c.match(k).then(function (res) {
            return res.blob().then(function (b) { return new File([b], decodeURIComponent(res.headers.get("x-name") || "shared"), { type: b.type }); });
          });
        }));
      });
    }).then(function (files) { caches.delete("mvsep-shared"); give(files); }, function () {});
  }
})();
// "A new version is ready" with its Reload button, over the page's foot, in the page's language
// (its texts are catalogue keys: tests/i18n.rs reads them here, where each is said).
function offer(reload) {
  var I = window.mvsepI18n, code = I.pick(document.documentElement.dataset.langs || "en");
  var words = code == "en" ? Promise.resolve([]) : I.load(code);
  words.catch(function () { return []; }).then(function (pairs) {
    var cat = new Map(pairs), say = function (key) { return cat.get(key) || key; };
    var box = document.createElement("aside"), line = document.createElement("p"), button = document.createElement("button");
    box.id = "update";
    box.className = "update";
    box.setAttribute("aria-labelledby", "update-line");
    line.id = "update-line";
    line.setAttribute("role", "status");
    button.type = "button";
    button.textContent = say("Reload");
    button.onclick = function () { button.disabled = true; reload(); };
    box.append(line, button);
    document.body.append(box);
    // Written once the region is in the page, so that it is announced.
    line.textContent = say("A new version of mvsep-web is ready.");
  });
}
// The service worker (src/sw.js, a release build's), once the page is up: it keeps this build
// for use offline. A newer build's worker waits until the person takes it ("Reload"); a batch
// under way resumes after the reload (its files are kept in IndexedDB).
(function () {
  var sw = navigator.serviceWorker, T = window.trustedTypes;
  // A worker's address is a script's: under Trusted Types, from a policy that names only it.
  var url = T ? T.createPolicy("mvsep-worker", { createScriptURL: function () { return "sw.js"; } }).createScriptURL("") : "sw.js";
  if (sw) sw.register(url).then(function (reg) {
    if (!reg) return; // a browser told to keep workers out
    var show = function (w) {
      if (!sw.controller || document.getElementById("update")) return; // the first worker replaces nothing
      offer(function () {
        sw.addEventListener("controllerchange", function () { location.reload(); });
        w.postMessage("take-over");
      });
    };
    if (reg.waiting) show(reg.waiting);
    reg.addEventListener("updatefound", function () {
      var w = reg.installing;
      w.addEventListener("statechange", function () { if (w.state == "installed") show(w); });
    });
    // A page left open for days still hears of a deploy.
    setInterval(function () { reg.update().catch(function () {}); }, 36e5);
  }, function () {});
})();
