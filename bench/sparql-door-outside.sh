#!/usr/bin/env bash
# The SPARQL door under abuse as an outside client sees it (issue 17, point 5): N fresh JVMs of
# bin/crosswalk-server (restarted on one scratch store, own ports); for each, PAUSE s after the first
# health 200, 40 heavy queries (a 4-way cross product, cut off by the query timeout) and then 10 × ASK {},
# each timed by curl. CLIENTS=one sends the heavy queries from one `curl --parallel` process (default);
# CLIENTS=many from 40 curl processes, whose own start-up shares the cores with the service.
#   bench/sparql-door-outside.sh [N] [PAUSE] [port] [sparql-port]
# Prints per JVM the ten ASK times in ms and the heavy requests' status counts. Stops only what it started.
set -euo pipefail
N=${1:-4}; PAUSE=${2:-0}; PORT=${3:-18421}; SPORT=${4:-13421}; CLIENTS=${CLIENTS:-one}
cd "$(dirname "$0")/.."
store="$(mktemp -d "${TMPDIR:-/tmp}/crosswalk-door-XXXXXX")"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$store"' EXIT
url="http://localhost:$SPORT/crosswalk/sparql"
heavy='SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }'
up() {
  bin/crosswalk-server --server.port="$PORT" --crosswalk.sparql-port="$SPORT" --crosswalk.store-dir="$store/s" \
    >"$store/log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$PORT/api/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "the service stopped:" >&2; tail -20 "$store/log" >&2; exit 1; }
    sleep 0.05
  done
}
down() { kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; pid=""; }
burst() {
  if [ "$CLIENTS" = many ]; then
    for i in $(seq 1 40); do
      curl -s -o /dev/null -w "%{http_code}\n" -H 'Content-Type: application/sparql-query' --data-binary "$heavy #$i" "$url" >"$store/heavy.$i" &
    done
  else
    local args=()
    for i in $(seq 1 40); do
      args+=(--next -s -o /dev/null -w "%{http_code}\n" -H 'Content-Type: application/sparql-query' --data-binary "$heavy #$i" "$url")
    done
    curl --parallel --parallel-immediate --parallel-max 40 --no-progress-meter "${args[@]:1}" >"$store/heavy.all" &
  fi
  sleep 0.1
  local asks=""
  for _ in $(seq 1 10); do
    asks+="$(curl -s -o /dev/null -w '%{time_total}' -H 'Accept: application/sparql-results+json' "$url?query=ASK%20%7B%7D" | awk '{printf "%.0f", $1 * 1000}') "
  done
  wait # the heavy requests (this runs in a subshell: the service is not its child)
  echo "ASK ms: $asks| heavy: $(cat "$store"/heavy.* | sort | uniq -c | tr -s ' \n' ' ')"
  rm -f "$store"/heavy.*
}
echo "load: $(uptime)" >&2
up; down # extract, train and build the store outside the measured runs
for i in $(seq "$N"); do
  up
  sleep "$PAUSE"
  echo "fresh JVM $i (pause ${PAUSE} s, clients: $CLIENTS): $(burst)"
  down
done
