#!/usr/bin/env bash
# Installs what the build and the tests need, from the package registries only, and says
# clearly what it could not install. Safe to run again: it checks before installing.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The splitter that cuts the release wasm into chunks (scripts/split-dist.sh); pinned with the
# wasm_split_helpers that leptos locks (0.2.3): its chunk loader must match.
SPLIT_VERSION=0.2.4
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
need=()

say() { printf '[tools] %s\n' "$*"; }
fail() { printf '[tools] CANNOT INSTALL: %s\n' "$*" >&2; need+=("$1"); }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

command -v cargo >/dev/null || { echo "[tools] Rust is missing: install it with rustup (https://rustup.rs), then run make again." >&2; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown || fail "the wasm32 target: run 'rustup target add wasm32-unknown-unknown'"
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (10-16 minutes on 2 cores, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION" || fail "trunk: run 'cargo install --locked trunk --version $TRUNK_VERSION'"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 4 minutes, once)"
  # Not --locked: its lock file names a webpki-roots release the registry does not have.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force \
    || fail "wasm-bindgen-cli: run 'cargo install wasm-bindgen-cli --version $WB_VERSION'"
fi

# It has no --version: cargo's own list of installed packages tells.
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -q "^wasm_split_cli_support v$SPLIT_VERSION:"; then
  say "installing wasm-split-cli $SPLIT_VERSION (about 1 minute, once)"
  cargo install --locked wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary \
    || fail "wasm-split-cli: run 'cargo install --locked wasm_split_cli_support --version $SPLIT_VERSION --features build-binary'"
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian's chromium and chromium-driver"
  if command -v apt-get >/dev/null && as_root apt-get update -qq && as_root apt-get install -y -qq chromium chromium-driver >/dev/null; then
    say "chromium $(chromium --version 2>/dev/null | awk '{print $2}') installed"
  else
    fail "chromium and chromedriver: install your distribution's chromium and chromium-driver packages (same version)"
  fi
fi

if ! command -v brotli >/dev/null; then
  say "installing brotli (for the size report)"
  command -v apt-get >/dev/null && as_root apt-get install -y -qq brotli >/dev/null || fail "brotli: install the brotli package"
fi

if ! command -v openssl >/dev/null; then
  say "installing openssl (content hashes of the split release)"
  command -v apt-get >/dev/null && as_root apt-get install -y -qq openssl >/dev/null || fail "openssl: install the openssl package"
fi

if [ ! -x /usr/sbin/nginx ] && ! command -v nginx >/dev/null; then
  say "installing nginx (the deploy test serves the build through the README's server block)"
  command -v apt-get >/dev/null && { as_root apt-get install -y -qq nginx >/dev/null \
    || { as_root apt-get update -qq && as_root apt-get install -y -qq nginx >/dev/null; }; } \
    || fail "nginx: install the nginx package"
fi

if ! command -v npm >/dev/null; then
  say "installing node and npm"
  command -v apt-get >/dev/null && as_root apt-get install -y -qq nodejs npm >/dev/null || fail "node and npm: install Node.js 18 or newer"
fi

# Playwright and binaryen (wasm-opt) from npm; never a browser download.
if command -v npm >/dev/null && { [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/@playwright/test ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  say "installing the npm packages (no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error || fail "npm packages: run 'npm ci'"
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "[tools] missing: ${need[*]}" >&2
  exit 1
fi
say "ready: trunk $TRUNK_VERSION, wasm-split-cli $SPLIT_VERSION, wasm-bindgen $WB_VERSION, $(node_modules/.bin/wasm-opt --version), $(chromium --version 2>/dev/null | head -c 40)"
