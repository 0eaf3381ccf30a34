#!/usr/bin/env bash
# Latency of each REST endpoint on a running service (mvn spring-boot:run), measured from this machine
# over loopback: N sequential requests per endpoint after a warm-up, reporting p50/p90/max in ms.
# Usage: bench/latency.sh [N] [base-url]   — results go to stdout as a Markdown table.
set -euo pipefail
N=${1:-30}
BASE=${2:-http://localhost:8080}
endpoints=(
  "/api/health"
  "/api/frameworks"
  "/api/frameworks/eu-ai-act/requirements/Article%209(2)"
  "/api/crosswalk?source=iso42001&target=eu-ai-act"
  "/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk"
  "/api/coverage?source=iso42001&target=nist-ai-rmf"
  "/api/coverage?source=iso27001&target=iso42001"
  "/api/gaps?source=iso42001&target=eu-ai-act&role=deployer&system=high-risk&asOf=2026-08-02"
  "/api/evidence"
  "/api/search?q=human%20oversight"
  "/api/exports/mapping-sets/iso42001-eu-ai-act.sssom.tsv"
  "/api/exports/mapping-sets/iso42001-eu-ai-act.oscal.json"
  "/api/exports/crosswalk/iso42001-eu-ai-act.xlsx"
)
echo "| endpoint | n | p50 ms | p90 ms | max ms |"
echo "|---|---|---|---|---|"
for e in "${endpoints[@]}"; do
  for _ in 1 2 3; do curl -s -o /dev/null "$BASE$e"; done   # warm-up
  times=()
  for _ in $(seq "$N"); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' "$BASE$e")")
  done
  printf '%s\n' "${times[@]}" | python3 -c '
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin.read().split())
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f"| `'"$e"'` | {len(t)} | {statistics.median(t):.1f} | {p(0.9):.1f} | {t[-1]:.1f} |")'
done
