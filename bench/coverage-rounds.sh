#!/usr/bin/env bash
# Coverage ISO 42001 -> EU AI Act on a running service, unfiltered and for a provider of a high-risk
# system: per round, WARM untimed calls then N timed ones of each, p50 in ms. Start the service with
# --crosswalk.result-cache-rows=0 so every call is a computed answer.
#   bench/coverage-rounds.sh <base-url> [rounds] [N] [WARM]
set -euo pipefail
BASE=${1:?base url, e.g. http://localhost:18731}; ROUNDS=${2:-2}; N=${3:-20}; WARM=${4:-20}
p50() { python3 -c 'import sys,statistics; print(f"{statistics.median(float(x)*1000 for x in sys.stdin.read().split()):.1f}")'; }
calls() { # query count -> one time per call; a call that is not 200 stops the round (no refusal in a median)
  local out
  for _ in $(seq "$2"); do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$BASE/api/coverage?$1")
    [ "${out%% *}" = 200 ] || { echo "coverage?$1 answered ${out%% *}" >&2; return 1; }
    echo "${out#* }"
  done; }
all="source=iso42001&target=eu-ai-act"; filtered="$all&role=provider&system=high-risk"
for r in $(seq "$ROUNDS"); do
  calls "$all" "$WARM" > /dev/null; t=$(calls "$all" "$N"); a=$(p50 <<< "$t")
  calls "$filtered" "$WARM" > /dev/null; t=$(calls "$filtered" "$N"); b=$(p50 <<< "$t")
  echo "round $r: unfiltered $a ms, provider/high-risk $b ms (load average $(cut -d' ' -f1 /proc/loadavg))"
done
