#!/usr/bin/env bash
# Start-up: first start on a fresh store, then N restarts on the unchanged store, each measured from the
# command to (a) the first 200 of /api/health and (b) the first 200 of a real look-up
# (GET /api/crosswalk for ISO 42001 A.6.2.4 → EU AI Act), polled every 20 ms. Runs bin/crosswalk-server
# (extracted jar, AOT cache once trained) on its own ports and a scratch store; stops only the process it started.
#   bench/startup.sh [N] [port] [sparql-port]
set -euo pipefail
N=${1:-5}
PORT=${2:-18411}
SPORT=${3:-13411}
cd "$(dirname "$0")/.."
store="$(mktemp -d "${TMPDIR:-/tmp}/crosswalk-startup-XXXXXX")"
trap 'rm -rf "$store"' EXIT
health="http://localhost:$PORT/api/health"
lookup="http://localhost:$PORT/api/crosswalk?source=iso42001&target=eu-ai-act&requirement=A.6.2.4"
now() { date +%s.%N; }
one() { # label, store folder
  local t0 pid th tl
  t0=$(now)
  bin/crosswalk-server --server.port="$PORT" --crosswalk.sparql-port="$SPORT" --crosswalk.store-dir="$2" \
    --logging.level.root=WARN >"$store/log" 2>&1 &
  pid=$!
  th=""; tl=""
  while [ -z "$tl" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the service stopped; log:" >&2; tail -20 "$store/log" >&2; exit 1; }
    if [ -z "$th" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$health")" = 200 ]; then th=$(now); fi
    if [ -n "$th" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$lookup")" = 200 ]; then tl=$(now); fi
    [ -n "$tl" ] || sleep 0.02
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '| %s | %.2f | %.2f |\n' "$1" "$(echo "$th - $t0" | bc)" "$(echo "$tl - $t0" | bc)"
}
# Extract the jar and train the AOT cache (once per build) outside the measured runs.
one "not counted: extract and train once per build" "$store/warm" >/dev/null
echo "load: $(uptime)" >&2
echo "| run | to health 200 (s) | to first look-up 200 (s) |"
echo "|---|---|---|"
one "first start (fresh store)" "$store/s"
for i in $(seq "$N"); do one "restart $i" "$store/s"; done
