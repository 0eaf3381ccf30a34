#!/usr/bin/env bash
# Throughput and latency under load (wrk over loopback) of the look-ups GRC tools make, each rotating over
# many different URLs (bench/lookups.sh writes the lists from the running service), plus /api/health.
# Usage: bench/throughput.sh [base-url] [duration]   (default http://localhost:8080, 30s; wrk -t2 -c16)
# Prints a Markdown table; the raw wrk output goes to stderr.
set -euo pipefail
BASE=${1:-http://localhost:8080}
DURATION=${2:-30s}
cd "$(dirname "$0")"
source ./ensure-tools.sh wrk
[ -s wrk/lookups.txt ] || ./lookups.sh "$BASE"
echo "load before: $(uptime)" >&2
echo "| endpoint (wrk -t2 -c16 -d$DURATION) | URLs | requests/s | p50 ms | p90 ms | p99 ms | non-2xx |"
echo "|---|---|---|---|---|---|---|"
run() { # label, url count, wrk args...
  local label=$1 urls=$2; shift 2
  local out
  out=$(wrk -t2 -c16 -d"$DURATION" --latency "$@" 2>&1)
  echo "$out" >&2
  local rps p50 p90 p99 bad
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | sed -n 's/^p50 \([0-9.]*\) ms, p90 \([0-9.]*\) ms, p99 \([0-9.]*\) ms.*/\1/p')
  p90=$(echo "$out" | sed -n 's/^p50 \([0-9.]*\) ms, p90 \([0-9.]*\) ms, p99 \([0-9.]*\) ms.*/\2/p')
  p99=$(echo "$out" | sed -n 's/^p50 \([0-9.]*\) ms, p90 \([0-9.]*\) ms, p99 \([0-9.]*\) ms.*/\3/p')
  bad=$(echo "$out" | awk '/Non-2xx/ {print $NF}'); bad=${bad:-0}
  echo "| $label | $urls | $rps | $p50 | $p90 | $p99 | $bad |"
}
run '`GET /api/crosswalk?source=…&target=…&requirement=…`' "$(wc -l < wrk/lookups.txt)" -s wrk/rotate.lua "$BASE" -- wrk/lookups.txt
run '`GET /api/frameworks/{f}/requirements/{id}`' "$(wc -l < wrk/requirements.txt)" -s wrk/rotate.lua "$BASE" -- wrk/requirements.txt
run '`GET /api/search?q=…[&framework=…]`' "$(wc -l < wrk/search.txt)" -s wrk/rotate.lua "$BASE" -- wrk/search.txt
run '`GET /api/health`' 1 -s wrk/one.lua "$BASE/api/health"
echo "load after: $(uptime)" >&2
