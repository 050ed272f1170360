#!/usr/bin/env bash
# Runs a command in a private network namespace whose loopback is limited to RATE (tc tbf), so a
# benchmark measures at a real link's speed while everything still talks over 127.0.0.1.
# Usage: tests/bench/link.sh 1gbit node tests/bench/upload.mjs   (needs root for unshare and tc)
set -euo pipefail
rate=$1; shift
if ! unshare -n true 2>/dev/null || ! command -v tc >/dev/null; then
  echo "link.sh: skipped at $rate: needs root, unshare and tc (iproute2) to shape a private loopback" >&2
  exit 0
fi
# tbf's bucket must hold at least one of loopback's 64 KiB packets and ~10 ms of traffic.
r=${rate%bit}; bits=$(numfmt --from=si "${r^^}")
burst=$(( bits / 8 / 100 > 262144 ? bits / 8 / 100 : 262144 ))
export BENCH_LINK="$rate (tc tbf on a private loopback)"
exec unshare -n bash -c '
  ip link set lo up
  tc qdisc add dev lo root tbf rate "$0" burst "$1" latency 100ms
  shift
  exec "$@"' "$rate" "$burst" "$@"
