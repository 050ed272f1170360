#!/usr/bin/env bash
# Turns Trunk's one-wasm release into the split release: every screen but Separate in a chunk
# fetched on demand (see src/app/screens.rs). Runs as Trunk's post_build hook of a release build
# (trunk serve is left unsplit), or by hand after `trunk build --release`: scripts/split-dist.sh dist
#
# Steps: build the app with `--features split` and relocations kept; wasm-split-cli cuts the
# module; wasm-bindgen on the main module; wasm-opt -Oz on every module; scripts/pack-chunks.py
# puts each lazily loaded part and the chunks it needs into one pack; esbuild minifies the JS
# (Trunk 0.21's minifier fails on the glue); every file gets a name carrying a hash of its
# content, so a cached file of an old deploy never meets a new one; Trunk's integrity hashes
# in index.html are rewritten; src/boot.js learns each part's pack.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${1:-${TRUNK_STAGING_DIR:-dist}}
# The mixer's tempo and key (signalsmith-stretch, MIT, from npm), in every build: an AudioWorklet
# module loaded from this site (the strict policy allows no blob: module). Its name carries its
# version, the one src/mixer/audio/webaudio/stretch.rs asks for, so a cached copy is never stale.
STRETCH="signalsmith-stretch-$(node -p 'require("./node_modules/signalsmith-stretch/package.json").version').js"
grep -q "\"$STRETCH\"" src/mixer/audio/webaudio/stretch.rs \
  || { echo "split-dist: src/mixer/audio/webaudio/stretch.rs does not name $STRETCH (npm's version)" >&2; exit 1; }
cp node_modules/signalsmith-stretch/SignalsmithStretch.mjs "$DIST/$STRETCH"
# Files the chunks fetch themselves, named by an FNV-1a hash of their source, which
# src/browser/asset.rs computes the same way when the app is compiled: the song's tempo and key
# (src/analysis.js, a module Worker) and the mixer's styles (style/mixer.css).
named() {  # stem source ext -> stem-<first 8 hex digits of the hash>.ext
  echo "$1-$(python3 -c 'import sys
h = 0xcbf29ce484222325
for b in open(sys.argv[1], "rb").read():
    h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
print("%08x" % (h >> 32))' "$2").$3"
}
rm -f "$DIST"/analysis-*.js "$DIST"/mixer-*.css
node_modules/.bin/esbuild src/analysis.js --minify --format=esm --log-level=error \
  --outfile="$DIST/$(named analysis src/analysis.js js)"
node_modules/.bin/esbuild style/mixer.css --minify --log-level=error \
  --outfile="$DIST/$(named mixer style/mixer.css css)"
if [ -n "${TRUNK_STAGING_DIR:-}" ] && [ "${TRUNK_PROFILE:-}" != release ]; then exit 0; fi
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
BIN=mvsep-web
for tool in wasm-split-cli wasm-bindgen wasm-opt esbuild openssl; do
  command -v "$tool" >/dev/null || { echo "split-dist: $tool is missing (run .ci/ensure-tools.sh)" >&2; exit 1; }
done
TARGET_DIR=$(cargo metadata --offline --format-version 1 --no-deps \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
OLD=$(basename "$(ls "$DIST"/"$BIN"-*.js)" .js)   # Trunk's name, e.g. mvsep-web-2f396eb98c6711df

# Not RUSTFLAGS: that would replace .cargo/config.toml's flags and rebuild every dependency.
cargo rustc --quiet --offline --release --target wasm32-unknown-unknown --bin "$BIN" \
  --features split -- -Clink-args=--emit-relocs

# The tools' outputs get a short fixed stem ("./m_bg.js" is then wasm-bindgen's module of the
# main module's imports, which scripts/short-imports.py looks for and renames).
STEM=m
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
wasm-split-cli "$TARGET_DIR/wasm32-unknown-unknown/release/$BIN.wasm" "$TMP/split" \
  --target web --out-name "$STEM" >/dev/null
wasm-bindgen "$TMP/split/$STEM.wasm" --out-dir "$TMP/out" --out-name "$STEM" --target web \
  --no-typescript --keep-lld-exports --no-demangle
rm "$TMP/split/$STEM.wasm"
cp "$TMP"/split/* "$TMP/out/"
# PROFILE_NAMES=1 keeps the functions' names in every module, for a CPU profile that names them
# (`PROFILE_NAMES=1 make build`; the main module is then about 940 kB, far over `make size`).
NAMES=${PROFILE_NAMES:+-g}
ls "$TMP"/out/*.wasm | grep -v "/${STEM}_bg.wasm$" \
  | xargs -P 2 -I{} wasm-opt $NAMES -Oz --strip-producers {} -o {} 2>/dev/null
# One pack per part instead of a file per chunk: a screen in one or two requests, not 45.
python3 scripts/pack-chunks.py "$TMP/out" >/dev/null
# The main module, fetched by every first visit, gets more passes (measured: -3.8 kB brotli;
# then a second flatten/rereloop round, each to convergence, and --strip-producers, the build's
# metadata: -1.5 kB more, for about 20 s more of build; one round with --converge alone swung
# between -0.2 and -1.1 kB with small changes of the code, the two rounds did not).
# Its memory starts zeroed and, with the stack first, nothing lives below address 1024.
wasm-opt $NAMES -Oz --flatten --rereloop -Oz --converge --flatten --rereloop -Oz --converge \
  --low-memory-unused --zero-filled-memory --strip-producers \
  "$TMP/out/${STEM}_bg.wasm" -o "$TMP/out/${STEM}_bg.wasm" 2>/dev/null
for f in "$TMP"/out/*.js; do
  esbuild "$f" --minify --format=esm --log-level=error --outfile="$f.min" && mv "$f.min" "$f"
done
# Trusted Types: the glue's one innerHTML setter asks src/boot.js's mvsepHtml for the value, which
# hands a template's HTML, or an element's marked data-html, to their named policies.
python3 - "$TMP/out/$STEM.js" <<'PY'
import re, sys
path = sys.argv[1]
js = open(path).read()
setter = re.compile(r"(__wbg_set_innerHTML_[0-9a-f]+:function\((\w+),(\w+),(\w+)\)\{\2\.innerHTML=)(\w+\(\3,\4\))\}")
js, n = setter.subn(r"\1mvsepHtml(\2,\5)}", js)
if n != 1 or js.count(".innerHTML") != 1:
    sys.exit(f"split-dist: expected the glue's one innerHTML setter, found {n} ({js.count('.innerHTML')} uses)")
open(path, "w").write(js)
PY

# The main module's imports get short names, in it and in the glue (-5.5 kB brotli, measured).
python3 scripts/short-imports.py "$TMP/out/${STEM}_bg.wasm" "$TMP/out/$STEM.js" >/dev/null

hash16() { openssl dgst -sha256 -r "$@" | cut -c1-16; }
# The packs' names are in __wasm_split.js and index.html, which every first visit fetches: 8 hex
# digits (32 bits) each are plenty to tell a deploy's file from another's.
hash8() { openssl dgst -sha256 -r "$@" | cut -c1-8; }
OUT=$TMP/out
# Packs first: their names go into __wasm_split.js, and into boot.js as PACKS ("part=hash ...",
# each file pack_<part>-<hash>.bin).
PACKS=""
for f in "$OUT"/pack_*.bin; do
  base=$(basename "$f" .bin)
  new="$base-$(hash8 "$f").bin"
  mv "$f" "$OUT/$new"
  sed -i "s#\"$base\.bin\"#\"$new\"#g" "$OUT/__wasm_split.js"
  PACKS="$PACKS ${base#pack_}=$(basename "$new" .bin | sed 's/.*-//')"
done
# The main module's name: a hash of what it is made of, taken before the names are written in.
NEW="$BIN-$(cat "$OUT/${STEM}_bg.wasm" "$OUT/$STEM.js" "$OUT/__wasm_split.js" | hash16)"
sed -i "s#\./$STEM\.js#./$NEW.js#g" "$OUT/__wasm_split.js"
SPLIT_JS="__wasm_split-$(hash16 "$OUT/__wasm_split.js").js"
mv "$OUT/__wasm_split.js" "$OUT/$SPLIT_JS"
# Only the import specifier: the wasm's own import keys must keep the plain name.
sed -i -E "s#from ?\"\./__wasm_split\.js\"#from\"./$SPLIT_JS\"#g" "$OUT/$STEM.js"
grep -q "$SPLIT_JS" "$OUT/$STEM.js" || { echo "split-dist: no import of __wasm_split.js in the glue" >&2; exit 1; }
mv "$OUT/$STEM.js" "$OUT/$NEW.js"
mv "$OUT/${STEM}_bg.wasm" "$OUT/${NEW}_bg.wasm"

# Also what an earlier split of this dist/ left.
rm -f "$DIST/$OLD.js" "$DIST/${OLD}_bg.wasm" "$DIST"/chunk_*.wasm "$DIST"/split_*.wasm "$DIST"/pack_*.bin \
  "$DIST"/__wasm_split*.js
cp "$OUT"/* "$DIST/"
sed -i "s#$OLD#$NEW#g" "$DIST/index.html"
# The integrity of the two files Trunk links (its minified HTML leaves attributes unquoted).
python3 - "$DIST" "$NEW.js" "${NEW}_bg.wasm" <<'PY'
import base64, hashlib, re, sys
dist, files = sys.argv[1], sys.argv[2:]
page = open(f"{dist}/index.html").read()
for f in files:
    sri = "sha384-" + base64.b64encode(hashlib.sha384(open(f"{dist}/{f}", "rb").read()).digest()).decode()
    tag = re.compile(r"<link\b[^>]*/" + re.escape(f) + r"\b[^>]*>")
    attr = re.compile(r"""integrity=("[^"]*"|'[^']*'|[^\s>]+)""")
    page, n = tag.subn(lambda m: attr.sub(f'integrity="{sri}"', m.group(0)), page)
    if n != 1:
        sys.exit(f"split-dist: expected one <link> to {f} in index.html, found {n}")
open(f"{dist}/index.html", "w").write(page)
PY
# src/boot.js, inlined by Trunk: its HTML minifier mangles the script (it drops hoisted
# constants), so the inlined copy is replaced with esbuild's minification of the source.
esbuild src/boot.js --minify --log-level=error --outfile="$TMP/boot.js"
grep -q '"@PACKS"' "$TMP/boot.js" || { echo "split-dist: no \"@PACKS\" in src/boot.js" >&2; exit 1; }
sed -i "s#\"@PACKS\"#\"${PACKS# }\"#" "$TMP/boot.js"
# What the page does once its first screen is up (the service worker's registration, songs the
# system sends): a file of its own, named by its content, that src/boot.js imports then.
esbuild src/sw-client.js --minify --log-level=error --outfile="$TMP/sw-client.js"
SW_CLIENT="sw-client-$(hash8 "$TMP/sw-client.js").js"
rm -f "$DIST"/sw-client-*.js
cp "$TMP/sw-client.js" "$DIST/$SW_CLIENT"
grep -q '@SWCLIENT' "$TMP/boot.js" || { echo "split-dist: no @SWCLIENT in src/boot.js" >&2; exit 1; }
sed -i "s#@SWCLIENT#$SW_CLIENT#g" "$TMP/boot.js"
python3 - "$DIST/index.html" "$TMP/boot.js" <<'PY'
import os, re, sys
page_path, boot = sys.argv[1], open(sys.argv[2]).read().strip()
page = open(page_path).read()
# The wasm is asked for by src/boot.js (it says why); the glue by the page.
wasm = re.findall(r"<link\b[^>]*\bhref=\./[\w.-]+_bg\.wasm\b[^>]*>", page)
if len(wasm) != 1:
    sys.exit(f"split-dist: expected one preload of the wasm in index.html, found {len(wasm)}")
href = re.search(r"href=\./([\w.-]+_bg\.wasm)", wasm[0]).group(1)
sri = re.search(r'integrity="([^"]+)"', wasm[0]).group(1)
for mark, value, n in (('"@WASM"', f'"./{href}"', 2), ('"@SRI"', f'"{sri}"', 1)):
    if boot.count(mark) != n:
        sys.exit(f"split-dist: expected {n} of {mark} in src/boot.js")
    boot = boot.replace(mark, value)
page = page.replace(wasm[0], "", 1)
# A module the parser does not wait for, and the browser paints nothing before it has run (the
# stored theme and the screen's head are set by it): the page's first task is only its reading.
boot_tag = "<script type=module blocking=render>" + boot + "</script>"
script = re.compile(r"<script type=module>(?:(?!</script>).)*mvsepI18n(?:(?!</script>).)*</script>", re.S)
page, n = script.subn(lambda _: boot_tag, page)
if n != 1:
    sys.exit(f"split-dist: expected one inlined src/boot.js in index.html, found {n}")
# The styles (style/main.css, 2.5 kB brotli) come inside the page: the first paint waits for no
# second file, which on a phone's first visit is one round trip sooner. (Their file is no longer
# needed.) src/boot.js comes first, so that the wasm and the screen's pack leave at once; then the
# styles and the glue's link (Trunk writes its links last: on HTTP/1.1, with 6 connections to a
# host, the main module, the longest download of all, was the seventh to ask).
early = re.findall(r"<link\b[^>]*\brel=(?:modulepreload|preload)\b[^>]*>", page)
if len(early) != 1:
    sys.exit(f"split-dist: expected one preload link (the glue's) in index.html, found {len(early)}")
for tag in early + [boot_tag]:
    page = page.replace(tag, "", 1)
sheets = list(re.finditer(r"<link\b[^>]*\bhref=\./(main-[0-9a-f]+\.css)\b[^>]*\brel=stylesheet>", page))
if len(sheets) != 1:
    sys.exit(f"split-dist: expected one stylesheet link in index.html, found {len(sheets)}")
css_path = os.path.join(os.path.dirname(page_path), sheets[0].group(1))
css = open(css_path).read().strip()
if "</" in css:
    sys.exit("split-dist: style/main.css holds '</', which would end an inline <style>")
page = page.replace(sheets[0].group(0), boot_tag + "<style>" + css + "</style>" + "".join(early), 1)
os.remove(css_path)
# Trunk's loader in fewer bytes (61 brotli'd: the first visit is at its budget), without its
# TrunkApplicationStarted event, which nothing here listens for.
loader = re.compile(r"<script type=module>import init, \* as bindings from '\./([\w.-]+\.js)';\s*"
                    r"const wasm = await init\(\{ module_or_path: '\./([\w.-]+\.wasm)' \}\);\s*"
                    r"window\.wasmBindings = bindings;\s*dispatchEvent\([^<]*\);</script>")
page, n = loader.subn(lambda m: f'<script type=module>import i,*as b from"./{m.group(1)}";'
                      f'await i({{module_or_path:"./{m.group(2)}"}});window.wasmBindings=b</script>', page)
if n != 1:
    sys.exit(f"split-dist: expected Trunk's loader in index.html, found {n}")
open(page_path, "w").write(page)
PY
# A strict Content-Security-Policy, as a <meta> (it works on any static host): the two inline
# scripts (Trunk's loader, src/boot.js) and the one inline style allowed by their hashes only,
# wasm compiled, no style attribute, and calls and media only to this site and the service's
# hosts. CSP_HOSTS adds origins (space-separated, e.g. "https://my-proxy.example"): an API address
# outside the policy is refused by the browser. `make test` adds the loopback hosts its stand-ins
# use.
python3 - "$DIST/index.html" "${CSP_HOSTS:-}" <<'PY'
import base64, hashlib, re, sys
page_path, extra = sys.argv[1], sys.argv[2].split()
page = open(page_path).read()
scripts = re.findall(r"<script\b[^>]*>((?:(?!</script>).)*)</script>", page, re.S)
if len(scripts) != 2:
    sys.exit(f"split-dist: expected two inline scripts in index.html, found {len(scripts)}")
styles = re.findall(r"<style>((?:(?!</style>).)*)</style>", page, re.S)
if len(styles) != 1:
    sys.exit(f"split-dist: expected one inline style in index.html, found {len(styles)}")
sha = lambda text: "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
hashes = " ".join(sha(s) for s in scripts)
hosts = " ".join(["'self'", "https://mvsep.com", "https://*.mvsep.com"] + extra)
policy = (f"default-src 'none'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self' {sha(styles[0])}; "
          f"img-src 'self' https:; connect-src {hosts}; media-src {hosts} blob:; "
          "manifest-src 'self'; base-uri 'self'; form-action 'none'; object-src 'none'; "
          "require-trusted-types-for 'script'; trusted-types leptos-template mvsep-html mvsep-worker mvsep-analysis")
meta = f'<meta http-equiv=Content-Security-Policy content="{policy}">'
page, n = re.subn(r"(<meta charset=\S+?>)", lambda m: m.group(1) + meta, page, count=1)
if n != 1:
    sys.exit("split-dist: no <meta charset> in index.html to put the policy after")
open(page_path, "w").write(page)
PY
# The service worker (src/sw.js) learns the build's files, index.html as "./" (the shell), and a
# version made of their contents: a deploy that changes any file is a new worker.
FILES=$(cd "$DIST" && find . -type f ! -name sw.js ! -name robots.txt | sed 's#^\./##' | sort \
  | sed 's#^index\.html$#./#' | tr '\n' ' ' | sed 's/ $//')
VERSION=$(cd "$DIST" && find . -type f ! -name sw.js -print0 | sort -z | xargs -0 cat | hash16)
esbuild src/sw.js --minify --log-level=error --outfile="$TMP/sw.js"
grep -q '"@FILES"' "$TMP/sw.js" && grep -q '@VERSION' "$TMP/sw.js" \
  || { echo "split-dist: no \"@FILES\" or @VERSION in src/sw.js" >&2; exit 1; }
sed -e "s#\"@FILES\"#\"$FILES\"#" -e "s#@VERSION#$VERSION#" "$TMP/sw.js" > "$DIST/sw.js"
echo "split-dist: $(ls "$DIST"/*.wasm | wc -l) wasm files in $DIST"
