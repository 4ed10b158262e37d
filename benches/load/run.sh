#!/usr/bin/env bash
# Bounded load run of the webhook server example on loopback: 10 s per route, 2 wrk threads,
# 32 connections; prints requests/s, latency percentiles and any errors. Needs `wrk`
# (Debian: apt-get install wrk). Usage: benches/load/run.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-10}"
port=3917
cargo build --release --example webhook_server --features axum
RUST_LOG=warn PORT=$port BANDWIDTH_USER=bw BANDWIDTH_PASSWORD=s3cret ./target/release/examples/webhook_server &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
for route in twiml/incoming:twiml_incoming bandwidth/v2/callbacks:bandwidth_initiate; do
  path="${route%%:*}"; script="${route##*:}"
  echo "== POST /$path ($secs s, 2 threads, 32 connections)"
  wrk -t2 -c32 -d"${secs}s" --latency -s "benches/load/$script.lua" "http://127.0.0.1:$port/$path"
done
