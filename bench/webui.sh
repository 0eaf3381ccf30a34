#!/usr/bin/env bash
# Render time of each web-view page (issue 13) on a running service, over loopback: N sequential
# requests per page after 3 warm-up calls, reporting p50/p90/max in ms (curl's time_total: request
# sent to last byte received, i.e. the whole server-side render plus transfer).
# Usage: bench/webui.sh [N] [base-url]   — a Markdown table on stdout.
set -euo pipefail
N=${1:-20}
BASE=${2:-http://localhost:8080}
pages=(
  "/"
  "/?q=human%20oversight"
  "/requirement?framework=eu-ai-act&id=Article%209(2)(a)"
  "/requirement?framework=iso42001&id=A.6.2.4"
  "/crosswalk?source=iso42001&target=eu-ai-act"
  "/crosswalk?source=iso42001&target=eu-ai-act&row=A.6&col=Chapter%20III"
  "/overlap"
  "/overlap?source=iso42001&role=deployer&system=high-risk&asOf=2026-08-02"
  "/overlap?source=iso42001&role=provider&system=high-risk"
  "/overlap?source=&satisfied=iso42001:A.6.2.4&satisfied=iso42001:6.1.2&evidence=ai-risk-assessment&role=provider&system=high-risk&asOf=2026-08-02"
  "/evidence"
  # the API answers the heaviest pages are built on, for the ratio page / API in the same run
  "/api/frameworks"
  "/api/crosswalk?source=iso42001&target=eu-ai-act"
  "/api/coverage?source=iso42001&target=eu-ai-act&role=deployer&system=high-risk&asOf=2026-08-02"
  "/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk"
  "/api/evidence"
)
echo "| page | n | p50 ms | p90 ms | max ms | bytes |"
echo "|---|---|---|---|---|---|"
for p in "${pages[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$p")
  [ "$status" = 200 ] || { echo "| \`$p\` | HTTP $status | | | | |"; continue; }
  for _ in 1 2; do curl -s -o /dev/null "$BASE$p"; done   # warm-up (3 with the status check)
  size=$(curl -s "$BASE$p" | wc -c)
  times=()
  for _ in $(seq "$N"); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' "$BASE$p")")
  done
  printf '%s\n' "${times[@]}" | python3 -c '
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin.read().split())
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f"| `'"$p"'` | {len(t)} | {statistics.median(t):.1f} | {p(0.9):.1f} | {t[-1]:.1f} | '"$size"' |")'
done
