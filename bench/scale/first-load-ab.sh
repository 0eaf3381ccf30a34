#!/usr/bin/env bash
# First load of one data directory by two builds, alternating: each run starts the build's
# bin/crosswalk-server on a fresh store and times the command to the first 200 of /api/health.
# A start of each build on the real data comes first and is not counted (jar extraction and the JDK's
# start-up cache are trained once per build). Stops only the processes it started.
#   bench/scale/first-load-ab.sh <before-checkout> <after-checkout> <data-dir> [runs] [port] [sparql-port]
# Each checkout needs `mvn -q package -DskipTests`; <data-dir> is from bench/scale/generate.py.
set -euo pipefail
BEFORE=$(cd "$1" && pwd); AFTER=$(cd "$2" && pwd); DATA=$(cd "$3" && pwd); RUNS=${4:-3}
PORT=${5:-18721}; SPORT=${6:-13721}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
work="$(mktemp -d "${TMPDIR:-/tmp}/crosswalk-first-load-XXXXXX")"
trap 'rm -rf "$work/store"' EXIT
one() { # checkout label data -> prints label, seconds, load average
  local t0 pid
  rm -rf "$work/store"
  t0=$(date +%s.%N)
  (cd "$1" && CROSSWALK_JAVA="$JAVA" CROSSWALK_RUN_DIR="$work/run-$2" JAVA_TOOL_OPTIONS=-Xmx10g exec bin/crosswalk-server \
    --server.port="$PORT" --crosswalk.sparql-port="$SPORT" --crosswalk.store-dir="$work/store" \
    --crosswalk.ontology-dir="$3/ontology" --crosswalk.mappings-dir="$3/mappings" --crosswalk.result-cache-rows=0) \
    > "$work/$2.log" 2>&1 &
  pid=$! # the subshell execs the launcher, which execs the JVM: this is the service
  until curl -sf -o /dev/null "http://localhost:$PORT/api/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "$2: the service stopped, see $work/$2.log" >&2; exit 1; }
    sleep 0.2
  done
  printf '%s\t%.1f\t%s\n' "$2" "$(echo "$(date +%s.%N) - $t0" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
  kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
}
one "$BEFORE" before "$BEFORE" > /dev/null; one "$AFTER" after "$AFTER" > /dev/null
printf 'build\tfirst_load_s\tload_avg\n'
for i in $(seq "$RUNS"); do one "$BEFORE" before "$DATA"; one "$AFTER" after "$DATA"; done
