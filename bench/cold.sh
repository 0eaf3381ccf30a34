#!/usr/bin/env bash
# Cold latency: every answer computed by its named query, none served from the result cache. Start the
# service with the cache off first — the switch is --crosswalk.result-cache-rows=0 — e.g.
#   java -jar target/crosswalk-*.jar --crosswalk.result-cache-rows=0
# Then: bench/cold.sh [N] [base-url]. Sequential curl over loopback, p50/p90/max in ms of N requests per row.
# "Cold" is the cache, not the JVM: before each row the service computes WARM answers of that kind first
# (default 1,000 look-ups on other requirements, 100 of each other row: after 200 a fresh JVM had not yet compiled the coverage path), so the JIT has compiled the path a
# running service serves and the figures are not those of a just-started process. Each measured look-up
# is a requirement not used in the warm-up.
set -euo pipefail
N=${1:-30}
BASE=${2:-http://localhost:8080}
WARM=${WARM:-1000}
cd "$(dirname "$0")"
[ -s wrk/lookups.txt ] || ./lookups.sh "$BASE"
echo "load: $(uptime)" >&2
stats() { python3 -c '
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin.read().split())
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f"| {sys.argv[1]} | {len(t)} | {statistics.median(t):.1f} | {p(0.9):.1f} | {t[-1]:.1f} |")' "$1"; }
echo "| cold (result cache off) | n | p50 ms | p90 ms | max ms |"
echo "|---|---|---|---|---|"
# one look-up, a different requirement each time
for u in $(head -"$WARM" wrk/lookups.txt); do curl -s -o /dev/null "$BASE$u"; done
for u in $(sed -n "$((WARM + 1)),$((WARM + N))p" wrk/lookups.txt); do curl -s -o /dev/null -w '%{time_total}\n' "$BASE$u"; done | stats 'one look-up `GET /api/crosswalk?…&requirement=…`'
get() { # label, path
  for _ in $(seq $((WARM / 10))); do curl -s -o /dev/null "$BASE$2"; done
  for _ in $(seq "$N"); do curl -s -o /dev/null -w '%{time_total}\n' "$BASE$2"; done | stats "$1"
}
get 'coverage ISO 42001 → EU AI Act, provider, high-risk' '/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk'
post() { # label, path, file
  for _ in $(seq $((WARM / 10))); do curl -s -o /dev/null -X POST "$BASE$2" -H 'Content-Type: text/csv' --data-binary "@$3"; done
  for _ in $(seq "$N"); do curl -s -o /dev/null -w '%{time_total}\n' -X POST "$BASE$2" -H 'Content-Type: text/csv' --data-binary "@$3"; done | stats "$1"
}
post 'gaps for a 200-row posted profile (provider, high-risk)' '/api/gaps?target=eu-ai-act&role=provider&system=high-risk' wrk/profile-200.csv
get 'XLSX coverage export, ISO 42001 → three targets' '/api/exports/coverage.xlsx?source=iso42001&target=eu-ai-act&target=nist-ai-rmf&target=iso27001'
