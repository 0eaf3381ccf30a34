#!/usr/bin/env bash
# Experiment: the same coverage.rq (ISO 42001 -> EU AI Act, provider, high-risk) on three stores, one run:
# the embedded service's TDB2 (its SPARQL door), the remote-mode service's in-memory copy of the reference
# data (its SPARQL door serves that copy), and the separate Fuseki's TDB2.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
# Needs: mvn -B package -DskipTests (the jar) and mvn -B process-test-resources (the Fuseki jar).
source bench/ensure-tools.sh hyperfine
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=$(ls target/crosswalk-*.jar | grep -v original | head -1)
OUT=target/bench-three-stores; rm -rf $OUT; OUT=$PWD/$OUT; mkdir -p $OUT/tdb2 $OUT/run
FPORT=${FPORT:-13235}; EPORT=${EPORT:-18231}; RPORT=${RPORT:-18232}; ESPARQL=${ESPARQL:-13231}; RSPARQL=${RSPARQL:-13232}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
sed -e "s#/fuseki/databases/#$OUT/#" deploy/fuseki/config.ttl > "$OUT/run/config.ttl"
(cd "$OUT/run" && FUSEKI_BASE="$PWD" exec "$JAVA" -Xmx1g -jar "$ROOT/target/fuseki/fuseki-server.jar" --port="$FPORT" --config=config.ttl) > "$OUT/fuseki.log" 2>&1 &
pids+=($!)
"$JAVA" -jar "$JAR" --server.port="$EPORT" --crosswalk.sparql-port="$ESPARQL" --crosswalk.store-dir="$OUT/store" --crosswalk.result-cache-rows=0 > "$OUT/embedded.log" 2>&1 &
pids+=($!)
wait_for() { for _ in $(seq 1200); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "timed out: $1" >&2; exit 1; }
wait_for "http://localhost:$FPORT/crosswalk/sparql?query=ASK%7B%7D"
"$JAVA" -jar "$JAR" --server.port="$RPORT" --crosswalk.sparql-port="$RSPARQL" --crosswalk.store=remote --crosswalk.result-cache-rows=0 \
  --crosswalk.store-dir="$OUT/store-remote" --crosswalk.remote.dataset-url="http://localhost:$FPORT/crosswalk" \
  --crosswalk.remote.tenant-dataset-url="http://localhost:$FPORT/crosswalk-tenants" > "$OUT/remote.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$EPORT/actuator/health/readiness"
wait_for "http://localhost:$RPORT/actuator/health/readiness"
Q=$OUT/q.rq
sed -e 's/("eu-ai-act" UNDEF UNDEF UNDEF)/("eu-ai-act" "provider" "high-risk" UNDEF)/' queries/coverage.rq > $Q
for p in $ESPARQL $RSPARQL $FPORT; do curl -s -H 'Accept: application/sparql-results+json' --data-urlencode query@$Q http://localhost:$p/crosswalk/sparql | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["results"]["bindings"]), "rows")'; done
echo "load: $(uptime)"
hyperfine -N --warmup 5 --runs 30 --export-markdown $OUT/table.md \
  -n 'TDB2 in the service JVM (embedded mode)' "curl -s -o /dev/null -H 'Accept: application/sparql-results+json' --data-urlencode query@$Q http://localhost:$ESPARQL/crosswalk/sparql" \
  -n 'in-memory copy of the reference graph (remote-mode service)' "curl -s -o /dev/null -H 'Accept: application/sparql-results+json' --data-urlencode query@$Q http://localhost:$RSPARQL/crosswalk/sparql" \
  -n 'TDB2 in a separate Fuseki 6.2.0' "curl -s -o /dev/null -H 'Accept: application/sparql-results+json' --data-urlencode query@$Q http://localhost:$FPORT/crosswalk/sparql" > $OUT/hyperfine.txt 2>&1
cat $OUT/table.md
echo "load: $(uptime)"
