#!/usr/bin/env bash
# Scale harness: for each scale (default 1 10 100), generate the synthetic data (generate.py, seeded), load
# it into a fresh store with the service jar, and measure: first load (Spring "Started in"), restart on
# the unchanged store, heap used after load (after a full GC), cold look-up p50, cold coverage p50 for
# one pair (ISO 42001 -> EU AI Act, and the first synthetic pair), store size on disk. The result cache is
# off (--crosswalk.result-cache-rows=0), so every figure is a computed answer.
# Usage: bench/scale/run.sh [scales...]     (needs: mvn -q package -DskipTests; python3; curl)
# Appends one row per scale to bench/scale/results.tsv; bench/scale/plot.py draws bench/scale-growth.svg.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JCMD=$(dirname "$JAVA")/jcmd
WORK=${WORK:-/tmp/crosswalk-scale}
# A copy of the jar: a run takes up to an hour at 100x, and a build meanwhile rewrites target/ under the
# running service (its classes then fail to load mid-run).
mkdir -p "$WORK"
JAR=$WORK/crosswalk.jar
cp "$(ls target/crosswalk-*.jar | head -1)" "$JAR"
PORT=${PORT:-18112}; SPARQL=${SPARQL:-13112}
HEAP=${HEAP:--Xmx6g}
N=${N:-30}
RESULTS=bench/scale/results.tsv
[ -s "$RESULTS" ] || printf 'scale\tframeworks\trequirements\tmappings_curated\ttriples\tfirst_load_s\trestart_s\theap_mib\tlookup_p50_ms\tcoverage_real_p50_ms\tcoverage_syn_p50_ms\tstore_mib\tload_avg\n' > "$RESULTS"

start() { # store-dir log -> pid; waits until /api/health answers (or the process dies)
  "$JAVA" $HEAP -jar "$JAR" --server.port=$PORT --crosswalk.sparql-port=$SPARQL --crosswalk.store-dir="$1" \
    --crosswalk.ontology-dir="$DATA/ontology" --crosswalk.mappings-dir="$DATA/mappings" --crosswalk.result-cache-rows=0 \
    --crosswalk.query-timeout=120s > "$2" 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://localhost:$PORT/api/health"; do
    kill -0 $pid 2>/dev/null || { echo "service died, see $2" >&2; tail -20 "$2" >&2; return 1; }
    sleep 1
  done
  echo $pid
}
stop() { # pid: the service is not our child (started in $(...)), so wait by polling
  kill "$1"; while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
}
started_in() { sed -n 's/.*Started CrosswalkApplication in \([0-9.]*\) seconds.*/\1/p' "$1" | tail -1; }
p50() { python3 -c 'import sys,statistics; print(f"{statistics.median(float(x)*1000 for x in sys.stdin.read().split()):.1f}")'; }

for scale in "${@:-1 10 100}"; do
  for s in $scale; do
    DATA=$WORK/${s}x
    echo "== ${s}x: generating" >&2
    python3 bench/scale/generate.py "$s" "$DATA"
    STORE=$WORK/store-${s}x; rm -rf "$STORE"
    pid=$(start "$STORE" "$WORK/first-${s}x.log")
    first=$(started_in "$WORK/first-${s}x.log")
    "$JCMD" "$pid" GC.run > /dev/null
    heap=$("$JCMD" "$pid" GC.heap_info | python3 -c '
import re, sys
t = sys.stdin.read()
m = re.search(r"used (\d+)K", t)
print(int(m.group(1)) // 1024 if m else "?")')
    triples=$(curl -s "http://localhost:$PORT/api/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["triples"])')
    # cold look-ups: N different synthetic requirements (syn-001 -> syn-002) with their descendants
    lookup=$(for i in $(seq "$N"); do
        t=$(( (i % 5) + 1 )); k=$(( (i % 8) + 1 ))
        curl -s -o /dev/null -w '%{time_total}\n' "http://localhost:$PORT/api/crosswalk?source=syn-001&target=syn-002&requirement=F$t.$k.1"
      done | p50)
    cov_real=$(for i in $(seq 10); do curl -s -o /dev/null -w '%{time_total}\n' "http://localhost:$PORT/api/coverage?source=iso42001&target=eu-ai-act"; done | p50)
    cov_syn=$(for i in $(seq 10); do curl -s -o /dev/null -w '%{time_total}\n' "http://localhost:$PORT/api/coverage?source=syn-001&target=syn-002"; done | p50)
    stop "$pid"
    pid=$(start "$STORE" "$WORK/restart-${s}x.log")
    restart=$(started_in "$WORK/restart-${s}x.log")
    stop "$pid"
    size=$(du -sm "$STORE" | cut -f1)
    curated=$(cat "$DATA"/mappings/*.tsv | grep -vc '^#\|^subject_id' || true)
    reqs=$(cat "$DATA"/ontology/frameworks/*.ttl "$DATA"/ontology/frameworks/synthetic/*.ttl | grep -c 'skos:inScheme' || true)
    fws=$(( $(ls "$DATA"/ontology/frameworks/*.ttl "$DATA"/ontology/frameworks/synthetic/*.ttl | wc -l) ))
    load=$(cut -d' ' -f1 /proc/loadavg)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "${s}x" "$fws" "$reqs" "$curated" "$triples" "$first" "$restart" "$heap" "$lookup" "$cov_real" "$cov_syn" "$size" "$load" | tee -a "$RESULTS"
  done
done
