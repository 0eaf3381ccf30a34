#!/usr/bin/env bash
# Coverage ISO 42001 -> EU AI Act on a running service, unfiltered and for a provider of a high-risk
# system: per round, WARM untimed calls then N timed ones of each, p50 in ms. Start the service with
# --crosswalk.result-cache-rows=0 so every call is a computed answer.
#   bench/coverage-rounds.sh <base-url> [rounds] [N] [WARM]
set -euo pipefail
BASE=${1:?base url, e.g. http://localhost:18731}; ROUNDS=${2:-2}; N=${3:-20}; WARM=${4:-20}
p50() { python3 -c 'import sys,statistics; print(f"{statistics.median(float(x)*1000 for x in sys.stdin.read().split()):.1f}")'; }
calls() { for _ in $(seq "$2"); do curl -sf -o /dev/null -w '%{time_total}\n' "$BASE/api/coverage?$1"; done; }
all="source=iso42001&target=eu-ai-act"; filtered="$all&role=provider&system=high-risk"
for r in $(seq "$ROUNDS"); do
  calls "$all" "$WARM" > /dev/null; a=$(calls "$all" "$N" | p50)
  calls "$filtered" "$WARM" > /dev/null; b=$(calls "$filtered" "$N" | p50)
  echo "round $r: unfiltered $a ms, provider/high-risk $b ms (load average $(cut -d' ' -f1 /proc/loadavg))"
done
