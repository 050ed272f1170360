// The rest of the split build's chunk loader (scripts/pack-chunks.py puts wasm-split's
// getSharedImports and wrapAsyncCb above it and each part's export below it).

// Each chunk compiled once, whichever pack brought it; a failure is not kept, so a retry fetches
// and compiles again.
const chunks = {};
const packs = {};
const parts = {};
function once(store, key, start) {
  if (!store[key]) {
    const p = start();
    p.catch(() => { if (store[key] === p) delete store[key]; });
    store[key] = p;
  }
  return store[key];
}
// A pack's modules as [name, bytes]; boot.js may already have asked for it (a deep link's screen).
const pack = (file) => once(packs, file, async () => {
  const early = globalThis.mvsepEarly && mvsepEarly.take(file);
  const r = await (early || fetch(new URL("./" + file, import.meta.url)));
  if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
  const bytes = new Uint8Array(await r.arrayBuffer());
  const size = new DataView(bytes.buffer).getUint32(0, true);
  let at = 4 + size;
  return JSON.parse(new TextDecoder().decode(bytes.subarray(4, at)))
    .map(([name, length]) => [name, bytes.subarray(at, (at += length))]);
});
const compile = (name, bytes) => once(chunks, name, () => WebAssembly.instantiate(bytes, getSharedImports()));
// A part: the chunks it calls into, then its own module (the pack's last).
const part = (file) => wrapAsyncCb(() => once(parts, file, async () => {
  const modules = await pack(file);
  await Promise.all(modules.slice(0, -1).map(([name, bytes]) => compile(name, bytes)));
  await compile(...modules[modules.length - 1]);
}));
