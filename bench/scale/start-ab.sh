#!/usr/bin/env bash
# Two builds' start on one data directory, alternating, timed from the command to the first 200 of
# /api/health (bin/crosswalk-server, result cache off). MODE=first (default): a first load into a fresh
# store each run. MODE=restart: restarts on one store of that data, built once beforehand (not counted);
# both builds must give the data the same version (the same loader revision): a run that does not reuse
# the store stops the script. STORE=<store-dir> restarts on a store of that data that exists already
# (the harness's $WORK/store-<scale>x) instead of building one.
# A start of each build on the real data comes first and is not counted (jar extraction and the JDK's
# start-up cache are trained once per build). Stops only the processes it started.
#   [MODE=restart [STORE=dir]] bench/scale/start-ab.sh <before-checkout> <after-checkout> <data-dir> [runs] [port] [sparql-port]
# Each checkout needs `mvn -q package -DskipTests`; <data-dir> is from bench/scale/generate.py.
set -euo pipefail
BEFORE=$(cd "$1" && pwd); AFTER=$(cd "$2" && pwd); DATA=$(cd "$3" && pwd); RUNS=${4:-3}
PORT=${5:-18721}; SPORT=${6:-13721}; MODE=${MODE:-first}
case "$MODE" in first|restart) ;; *) echo "MODE is first or restart, not '$MODE'" >&2; exit 2 ;; esac
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
work="$(mktemp -d "${TMPDIR:-/tmp}/crosswalk-start-ab-XXXXXX")"
pid=""
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done; pid=""; fi; }
trap 'stop; rm -rf "$work"' EXIT
store=$work/store
if [ "$MODE" = restart ] && [ -n "${STORE:-}" ]; then mkdir -p "$STORE"; store=$(cd "$STORE" && pwd); fi # a first load never empties a given store
one() { # checkout label data kind (prep: not counted, own store; build: makes the restarts' store; run) -> label, seconds, load average
  local t0 t dir=$work/scratch
  if [ "$4" != prep ]; then dir=$store; [ "$MODE" = restart ] || rm -rf "$dir"; fi
  t0=$(date +%s.%N)
  (cd "$1" && CROSSWALK_JAVA="$JAVA" CROSSWALK_RUN_DIR="$work/run-$2" JAVA_TOOL_OPTIONS=-Xmx10g exec bin/crosswalk-server \
    --server.port="$PORT" --crosswalk.sparql-port="$SPORT" --crosswalk.store-dir="$dir" \
    --crosswalk.ontology-dir="$3/ontology" --crosswalk.mappings-dir="$3/mappings" --crosswalk.result-cache-rows=0) \
    > "$work/$2.log" 2>&1 &
  pid=$! # the subshell execs the launcher, which execs the JVM: this is the service
  until curl -sf -o /dev/null "http://localhost:$PORT/api/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "$2: the service stopped, see $work/$2.log" >&2; exit 1; }
    sleep 0.2
  done
  t=$(echo "$(date +%s.%N) - $t0" | bc)
  if [ "$MODE" = restart ] && [ "$4" = run ] && ! grep -q "Reusing store" "$work/$2.log"; then
    echo "$2 did not reuse the store (another data version?): not a restart" >&2; exit 1
  fi
  printf '%s\t%.1f\t%s\n' "$2" "$t" "$(cut -d' ' -f1 /proc/loadavg)"
  stop
}
one "$BEFORE" before "$BEFORE" prep > /dev/null; one "$AFTER" after "$AFTER" prep > /dev/null
if [ "$MODE" = restart ] && [ -z "${STORE:-}" ]; then one "$AFTER" after "$DATA" build > /dev/null; fi # the store the restarts reuse
printf 'build\t%s_s\tload_avg\n' "$MODE"
for i in $(seq "$RUNS"); do one "$BEFORE" before "$DATA" run; one "$AFTER" after "$DATA" run; done
