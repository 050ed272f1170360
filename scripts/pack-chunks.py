#!/usr/bin/env python3
"""Packs wasm-split's output: one file per lazily loaded part instead of one per chunk.

wasm-split-cli cuts the app into a module per `split_fn!` part and ~200 small chunks of code the
parts share; its loader fetched each one, about 45 requests for a screen. This writes, for each
part, a pack holding the chunks it needs and then its own module, and replaces the loader with
scripts/chunk-loader.js, which fetches a part's pack and compiles each chunk once, whichever pack
brought it.

A chunk two parts share travels in both packs. Measured on this app (raw sizes): following a
result into the mixer fetches 5 % more than the chunks it needs, a leaderboard then an entry 18 %,
every screen in one visit 51 %; brotli compresses a pack about a third better than its files
one by one, so a screen's first visit is smaller all the same. Packs without duplicates (chunks
grouped by the parts that use them, groups merged to at most 4-8 per part) fetched 2-10 times
what a part needs: the chunks are shared in too many different ways.

A pack: a 4-byte little-endian length, a JSON header of that length, [[name, bytes], ...], and the
modules' bytes in that order, the part's own module last.

Usage: scripts/pack-chunks.py OUT_DIR (wasm-split's output after wasm-bindgen and wasm-opt, with
its unminified __wasm_split.js).
"""
import json, os, re, struct, sys

out = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
split_js = open(f"{out}/__wasm_split.js").read()

# wasm-split's shared imports and its callback wrapper are its contract with the main module:
# kept as it wrote them, everything from the import to the end of wrapAsyncCb.
head = re.search(r"\A(.*?\nfunction wrapAsyncCb\(.*?\n}\n)", split_js, re.S)
if not head:
    sys.exit("pack-chunks: no wrapAsyncCb in __wasm_split.js (a new wasm-split-cli?)")
found = re.findall(
    r'export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*'
    r'const src = fetch\(new URL\("\./(split_\w+)\.wasm", import\.meta\.url\)\);.*?\n, \[([^\]]*)\]\)\);',
    split_js, re.S)
if len(found) != split_js.count("export const __wasm_split_load_"):
    sys.exit("pack-chunks: could not read every part of __wasm_split.js")
if any(re.findall(r"const __chunk_\d+ = makeLoad\(.*?\n, \[([^\]]*)\]\);", split_js, re.S)):
    sys.exit("pack-chunks: a chunk with dependencies of its own (a new wasm-split-cli?)")

exports = []
for part, module, deps in found:
    files = [f"chunk_{n}" for n in re.findall(r"__chunk_(\d+)", deps)] + [module]
    blobs = [open(f"{out}/{f}.wasm", "rb").read() for f in files]
    header = json.dumps([[f, len(b)] for f, b in zip(files, blobs)], separators=(",", ":")).encode()
    with open(f"{out}/pack_{part}.bin", "wb") as pack:
        pack.write(struct.pack("<I", len(header)) + header + b"".join(blobs))
    exports.append(f'export const __wasm_split_load_{part} = part("pack_{part}.bin");\n')

for f in os.listdir(out):
    if re.fullmatch(r"(chunk|split)_\w+\.wasm", f):
        os.remove(f"{out}/{f}")
with open(f"{out}/__wasm_split.js", "w") as js:
    js.write(head.group(1) + open(f"{here}/chunk-loader.js").read() + "".join(exports))
