#!/usr/bin/env bash
# Look-up, coverage and search latency in remote-store mode next to embedded mode, in one run:
# a separate Fuseki server (the jena-fuseki-server jar the build copies to target/fuseki) with its own
# TDB2 database, one service on the embedded store and one on that Fuseki, both from the executable jar,
# measured alternately endpoint by endpoint (N sequential curls each after 3 warm-up calls).
# Needs: mvn -B package -DskipTests (the jar) and mvn -B process-test-resources (the Fuseki jar).
# Result cache off in both (crosswalk.result-cache-rows=0), so each call runs its queries on its store.
# Usage: bench/remote-vs-embedded.sh [N]   — a Markdown table on stdout, logs under target/bench-remote/.
set -euo pipefail
N=${1:-20}
cd "$(dirname "$0")/.."
JAVA=$(ls -d /usr/lib/jvm/*/bin/java | sort -V | tail -1)
JAR=$(ls target/crosswalk-*.jar | grep -v original | head -1)
FUSEKI=target/fuseki/fuseki-server.jar
OUT=target/bench-remote
rm -rf "$OUT"; mkdir -p "$OUT/tdb2" "$OUT/run"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }
# Ports: free ones, or set FPORT (Fuseki), EPORT/RPORT (REST, embedded/remote), ESPARQL/RSPARQL (their SPARQL doors).
FPORT=${FPORT:-$(free_port)}; EPORT=${EPORT:-$(free_port)}; RPORT=${RPORT:-$(free_port)}; ESPARQL=${ESPARQL:-0}; RSPARQL=${RSPARQL:-0}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# Two TDB2 datasets, as in deploy/fuseki/config.ttl: reference data and tenant data.
sed -e "s#/fuseki/databases/#$PWD/$OUT/#" deploy/fuseki/config.ttl > "$OUT/run/config.ttl"
(cd "$OUT/run" && FUSEKI_BASE="$PWD" exec "$JAVA" -Xmx1g -jar "../../../$FUSEKI" --port="$FPORT" --config=config.ttl) > "$OUT/fuseki.log" 2>&1 &
pids+=($!)
# The result cache is off in both services: every call runs its named queries on the store.
"$JAVA" -jar "$JAR" --server.port="$EPORT" --crosswalk.sparql-port="$ESPARQL" --crosswalk.store-dir="$OUT/store" \
  --crosswalk.result-cache-rows=0 > "$OUT/embedded.log" 2>&1 &
pids+=($!)
wait_for() { for _ in $(seq 1200); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "timed out: $1" >&2; exit 1; }
wait_for "http://localhost:$FPORT/crosswalk/sparql?query=ASK%7B%7D"
"$JAVA" -jar "$JAR" --server.port="$RPORT" --crosswalk.sparql-port="$RSPARQL" --crosswalk.store=remote --crosswalk.result-cache-rows=0 \
  --crosswalk.store-dir="$OUT/store-remote" --crosswalk.remote.dataset-url="http://localhost:$FPORT/crosswalk" \
  --crosswalk.remote.tenant-dataset-url="http://localhost:$FPORT/crosswalk-tenants" > "$OUT/remote.log" 2>&1 &
pids+=($!)
wait_for "http://localhost:$EPORT/actuator/health/readiness"
wait_for "http://localhost:$RPORT/actuator/health/readiness"

endpoints=(
  "/api/frameworks/eu-ai-act/requirements/Article%209(2)"
  "/api/crosswalk?source=iso42001&target=eu-ai-act&requirement=A.6.2.4"
  "/api/crosswalk?source=iso42001&target=eu-ai-act"
  "/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk"
  "/api/coverage?source=iso42001&target=nist-ai-rmf"
  "/api/gaps?source=iso42001&target=eu-ai-act&role=deployer&system=high-risk&asOf=2026-08-02"
  "/api/search?q=human%20oversight"
)
measure() {
  local url=$1; for _ in 1 2 3; do curl -s -o /dev/null "$url"; done
  for _ in $(seq "$N"); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done |
    python3 -c 'import sys, statistics; t=[float(x)*1000 for x in sys.stdin.read().split()]; print(f"{statistics.median(t):.1f}")'
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| endpoint | n | embedded p50 ms | remote p50 ms | remote / embedded |"
echo "|---|---|---|---|---|"
for e in "${endpoints[@]}"; do
  em=$(measure "http://localhost:$EPORT$e"); rm=$(measure "http://localhost:$RPORT$e")
  ratio=$(python3 -c "print(round($rm / $em, 2))")
  echo "| \`$e\` | $N | $em | $rm | $ratio |"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
