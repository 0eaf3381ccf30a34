#!/usr/bin/env bash
# Scale harness: for each scale (default 1 10 100), generate the synthetic data (generate.py, seeded), load
# it into a fresh store with the service as bin/crosswalk-server runs it, and measure: first load and
# restart on the unchanged store (wall time from the command to the first 200 of /api/health; before
# 2026-12-06 09:00 the rows held Spring's "Started in" of `java -jar`), heap used after load (after a full
# GC), cold look-up p50, cold coverage p50 for one pair (ISO 42001 -> EU AI Act, and the first synthetic
# pair), store size on disk. The result cache is off (--crosswalk.result-cache-rows=0), so every figure is
# a computed answer. Each timed series follows WARM untimed calls of the same kind (default 20; before
# 2026-12-06 16:00 there were none, so a p50 of 10 held the JIT's first calls and, since the per-framework
# slices, the call that asks for the slice; 5 until 20:00, and the coverage calls on a 10x slice were still
# getting faster until about the 15th); the very first coverage call is recorded on its own.
# PROFILE=1: a JFR recording of the first load (to the first health 200), $WORK/first-<scale>x.jfr;
# bench/flamegraph.py draws it. The JFR option turns the JDK's start-up cache off (its options no longer
# match the training run's), so the timings of a PROFILE run are not figures: keep its rows out of results.tsv.
# Usage: bench/scale/run.sh [scales...]     (needs: mvn -q package -DskipTests; python3; curl)
# Do not rebuild while it runs: the launcher re-extracts a newer jar (and retrains its cache) on the next start.
# Appends one row per scale to bench/scale/results.tsv; bench/scale/plot.py draws bench/scale-growth.svg.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JCMD=$(dirname "$JAVA")/jcmd
WORK=${WORK:-/tmp/crosswalk-scale}
mkdir -p "$WORK"
export CROSSWALK_JAVA="$JAVA" CROSSWALK_RUN_DIR="$WORK/run"
PORT=${PORT:-18112}; SPARQL=${SPARQL:-13112}
# 10 GiB: building the 100x graph in memory (61 M triples) ran out of a 6 GiB heap once (2026-12-06 08:47);
# the heap after load, which the harness reports, is a few hundred MiB.
HEAP=${HEAP:--Xmx10g}
N=${N:-30}
WARM=${WARM:-20}
RESULTS=bench/scale/results.tsv
[ -s "$RESULTS" ] || printf 'scale\tframeworks\trequirements\tmappings_curated\ttriples\tfirst_load_s\trestart_s\theap_mib\tlookup_p50_ms\tcoverage_real_p50_ms\tcoverage_syn_p50_ms\tstore_mib\tload_avg\tcoverage_real_first_ms\tcoverage_syn_first_ms\tcoverage_real_provider_high_p50_ms\n' > "$RESULTS"
# Rows from before 2026-12-06 16:00 stop at load_avg; rows from before 20:00 lack the last column.

start() { # store-dir log -> pid, then the wall seconds to the first health 200, on stdout; or fails
  local t0 pid
  t0=$(date +%s.%N)
  JAVA_TOOL_OPTIONS="$HEAP ${3:-}" bin/crosswalk-server --server.port=$PORT --crosswalk.sparql-port=$SPARQL --crosswalk.store-dir="$1" \
    --crosswalk.ontology-dir="$DATA/ontology" --crosswalk.mappings-dir="$DATA/mappings" --crosswalk.result-cache-rows=0 \
    --crosswalk.query-timeout=120s > "$2" 2>&1 &
  pid=$! # the launcher execs the JVM: this is the service
  until curl -sf -o /dev/null "http://localhost:$PORT/api/health"; do
    kill -0 $pid 2>/dev/null || { echo "service died, see $2" >&2; tail -20 "$2" >&2; return 1; }
    sleep 0.2
  done
  echo "$pid $(echo "$(date +%s.%N) - $t0" | bc)"
}
stop() { # pid: the service is not our child (started in $(...)), so wait by polling
  kill "$1"; while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
}
p50() { python3 -c 'import sys,statistics; print(f"{statistics.median(float(x)*1000 for x in sys.stdin.read().split()):.1f}")'; }

# Extract the jar and train the launcher's start-up cache (once per build) outside the measured runs.
DATA=.; read -r pid _ < <(start "$WORK/store-prep" "$WORK/prep.log"); stop "$pid"; rm -rf "$WORK/store-prep"

for scale in "${@:-1 10 100}"; do
  for s in $scale; do
    DATA=$WORK/${s}x
    echo "== ${s}x: generating" >&2
    python3 bench/scale/generate.py "$s" "$DATA"
    STORE=$WORK/store-${s}x; rm -rf "$STORE"
    jfr=""; [ "${PROFILE:-0}" = 1 ] && jfr="-XX:StartFlightRecording=name=load,settings=profile"
    read -r pid first < <(start "$STORE" "$WORK/first-${s}x.log" "$jfr")
    if [ -n "$jfr" ]; then
      "$JCMD" "$pid" JFR.dump name=load filename="$WORK/first-${s}x.jfr" > /dev/null
      "$JCMD" "$pid" JFR.stop name=load > /dev/null
    fi
    "$JCMD" "$pid" GC.run > /dev/null
    heap=$("$JCMD" "$pid" GC.heap_info | python3 -c '
import re, sys
t = sys.stdin.read()
m = re.search(r"used (\d+)K", t)
print(int(m.group(1)) // 1024 if m else "?")')
    triples=$(curl -s "http://localhost:$PORT/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["triples"])')
    # cold look-ups: N different synthetic requirements (syn-001 -> syn-002) with their descendants
    lookups() { for i in $(seq "$1"); do
        t=$(( (i % 5) + 1 )); k=$(( (i % 8) + 1 ))
        curl -s -o /dev/null -w '%{time_total}\n' "http://localhost:$PORT/api/crosswalk?source=syn-001&target=syn-002&requirement=F$t.$k.1"
      done; }
    coverage() { for i in $(seq "$2"); do curl -s -o /dev/null -w '%{time_total}\n' "http://localhost:$PORT/api/coverage?$1"; done; }
    lookups "$WARM" > /dev/null
    lookup=$(lookups "$N" | p50)
    real="source=iso42001&target=eu-ai-act"; syn="source=syn-001&target=syn-002"
    cov_real_first=$(coverage "$real" 1 | p50); coverage "$real" "$WARM" > /dev/null
    cov_real=$(coverage "$real" 10 | p50)
    # the question of point 2 of issue 12 (cold coverage <= 50 ms): the same pair for a provider of a high-risk system
    filtered="$real&role=provider&system=high-risk"; coverage "$filtered" "$WARM" > /dev/null
    cov_filtered=$(coverage "$filtered" 10 | p50)
    cov_syn_first=$(coverage "$syn" 1 | p50); coverage "$syn" "$WARM" > /dev/null
    cov_syn=$(coverage "$syn" 10 | p50)
    stop "$pid"
    read -r pid restart < <(start "$STORE" "$WORK/restart-${s}x.log")
    stop "$pid"
    size=$(du -sm "$STORE" | cut -f1)
    curated=$(cat "$DATA"/mappings/*.tsv | grep -vc '^#\|^subject_id' || true)
    reqs=$(cat "$DATA"/ontology/frameworks/*.ttl "$DATA"/ontology/frameworks/synthetic/*.ttl | grep -c 'skos:inScheme' || true)
    fws=$(( $(ls "$DATA"/ontology/frameworks/*.ttl "$DATA"/ontology/frameworks/synthetic/*.ttl | wc -l) ))
    load=$(cut -d' ' -f1 /proc/loadavg)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${s}x" "$fws" "$reqs" "$curated" "$triples" "$first" "$restart" "$heap" "$lookup" "$cov_real" "$cov_syn" "$size" "$load" "$cov_real_first" "$cov_syn_first" "$cov_filtered" | tee -a "$RESULTS"
  done
done
