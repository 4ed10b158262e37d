#!/usr/bin/env bash
# Fuzzes every target of callml (see fuzz_targets/). Usage:
#   fuzz/run.sh                 # each target for 10^7 executions or 30 minutes, whichever first
#   fuzz/run.sh --smoke [SECS]  # each target for a few seconds (what .ci/run does when it can)
#   fuzz/run.sh [--smoke [SECS]] TARGET...   # only these targets
# cargo-fuzz needs nightly Rust; on a machine with only stable Rust, RUSTC_BOOTSTRAP=1 lets stable
# take the nightly flags (the crate itself stays stable Rust). Crashes land in fuzz/artifacts/.
# The targets are built with overflow checks and debug assertions and, by default, without a
# sanitizer: callml forbids `unsafe`, so AddressSanitizer would only slow the search (3 to 4 times
# fewer executions per second). FUZZ_SANITIZER=address brings it back.
set -euo pipefail
cd "$(dirname "$0")"
runs=10000000
seconds=1800
if [[ "${1:-}" == "--smoke" ]]; then
  runs=100000000
  seconds=5
  shift
  if [[ "${1:-}" =~ ^[0-9]+$ ]]; then seconds="$1"; shift; fi
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "cargo-fuzz is not installed (cargo install cargo-fuzz)" >&2
  exit 2
fi
if ! rustc --version | grep -q nightly; then
  export RUSTC_BOOTSTRAP=1
fi
targets="${*:-$(cargo fuzz list)}"
for t in $targets; do
  mkdir -p "corpus/$t"
  if [[ -d "seeds/$t" ]]; then cp -n seeds/"$t"/* "corpus/$t/" 2>/dev/null || true; fi
  echo "== $t"
  mkdir -p logs
  cargo fuzz run --sanitizer "${FUZZ_SANITIZER:-none}" --debug-assertions "$t" "corpus/$t" -- -runs="$runs" -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 >"logs/$t.log" 2>&1 || true
  # The summary: executions, speed, memory, any crash, and the coverage reached (edges, features
  # and corpus size on libFuzzer's last status line). The whole output stays in fuzz/logs/.
  grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|Done|==[0-9]+==|SUMMARY)" "logs/$t.log" || true
  grep -E "^#[0-9]+[[:space:]].*cov: " "logs/$t.log" | tail -n 1 || true
  if ls artifacts/"$t"/crash-* >/dev/null 2>&1; then
    echo "$t: crash found, see fuzz/artifacts/$t" >&2
    exit 1
  fi
done
