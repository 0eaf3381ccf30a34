#!/usr/bin/env bash
# Overload as an outside tester sees it: wrk -t4 -c200 for DURATION (default 60s) on the same machine,
# once on rotating look-ups and once on coverage, while a probe asks /api/health every 0.5 s.
# Reports requests/s, latency (wrk: all answers; bench/served-latency.py: the 200s only, from the service's
# own histogram), the count per status (503 = refused by admission control, with Retry-After), and the
# health probe's worst latency and failures.
# Usage: bench/overload.sh [base-url] [duration]
set -euo pipefail
BASE=${1:-http://localhost:8080}
DURATION=${2:-60s}
cd "$(dirname "$0")"
source ./ensure-tools.sh wrk
[ -s wrk/lookups.txt ] || ./lookups.sh "$BASE"
probe() { # writes "time_total http_code" lines until killed
  while true; do curl -s -o /dev/null -m 5 -w '%{time_total} %{http_code}\n' "$BASE/api/health" || echo "5 000"; sleep 0.5; done
}
summary() {
  python3 -c '
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
t = sorted(float(r[0]) * 1000 for r in rows)
bad = sum(1 for r in rows if r[1] != "200")
print(f"health probe: {len(rows)} calls, p50 {t[len(t)//2]:.1f} ms, max {t[-1]:.1f} ms, not 200: {bad}")' "$1"
}
for case in "look-ups|/api/crosswalk|-s wrk/rotate.lua $BASE -- wrk/lookups.txt" \
            "coverage provider/high-risk|/api/coverage|-s wrk/one.lua $BASE/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk"; do
  IFS='|' read -r label uri args <<< "$case"
  echo "== $label (wrk -t4 -c200 -d$DURATION), load before: $(uptime)"
  curl -s "$BASE/actuator/prometheus" > /tmp/overload-before.$$
  probe > /tmp/overload-health.$$ & p=$!
  # shellcheck disable=SC2086
  wrk -t4 -c200 -d"$DURATION" --timeout 15s $args
  kill "$p"; wait "$p" 2>/dev/null || true
  summary /tmp/overload-health.$$
  curl -s "$BASE/actuator/prometheus" > /tmp/overload-after.$$
  python3 served-latency.py /tmp/overload-before.$$ /tmp/overload-after.$$ "$uri"
  rm -f /tmp/overload-health.$$ /tmp/overload-before.$$ /tmp/overload-after.$$
done
