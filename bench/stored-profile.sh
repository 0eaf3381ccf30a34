#!/usr/bin/env bash
# Stored vs posted: the gaps of one 200-row profile (bench/wrk/profile-200.csv; EU AI Act, provider,
# high-risk), asked two ways of the same named query (queries/coverage.rq with onlyGaps):
#   posted  POST /api/gaps            the profile's lists in the request
#   stored  GET  /api/profiles/…/gaps the profile stored for a tenant, read from its version graph
# Result cache off (--crosswalk.result-cache-rows=0), so every answer is computed. Starts the service
# (bin/crosswalk-server on the packaged jar: `mvn -q package -DskipTests` first) on its own ports and
# scratch store, with a fresh administrator token; stops only the process it started. Sequential curl over
# loopback: WARM calls of each kind, then N of each, alternating; p50 / p90 in ms; any answer but 200 stops it.
#   bench/stored-profile.sh [N=30] [port=18413] [sparql-port=13413]
set -euo pipefail
N=${1:-30}
PORT=${2:-18413}
SPORT=${3:-13413}
WARM=${WARM:-100}
cd "$(dirname "$0")/.."
compgen -G 'target/crosswalk-*.jar' >/dev/null || { echo "bench/stored-profile.sh: no jar; run mvn -q package -DskipTests first" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/crosswalk-stored-XXXXXX")"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
base="http://localhost:$PORT"

tokens="$(bin/crosswalk admin new-admin-token)"
admin="$(sed -n 's/^token: *//p' <<<"$tokens")"
hash="$(sed -n 's/^hash: *//p' <<<"$tokens")"
bin/crosswalk-server --server.port="$PORT" --crosswalk.sparql-port="$SPORT" \
  --crosswalk.store-dir="$work/store" --crosswalk.result-cache-rows=0 --crosswalk.security.admin-token-hash="$hash" \
  --logging.level.root=WARN >"$work/log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "$base/api/health"; do
  kill -0 "$pid" 2>/dev/null || { echo "the service stopped; log:" >&2; tail -20 "$work/log" >&2; exit 1; }
  sleep 0.2
done
echo "load: $(uptime)" >&2

curl -sf -o /dev/null -X POST "$base/api/admin/tenants" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d '{"id":"bench"}'
token="$(curl -sf -X POST "$base/api/admin/tenants/bench/tokens" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"name":"bench","scope":"read-write"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')"
curl -sf -o /dev/null -X POST "$base/api/profiles?id=p200" -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
  --data-binary @bench/wrk/profile-200.csv

q='target=eu-ai-act&role=provider&system=high-risk'
ok() { # "status seconds" -> seconds, or stop: a refused or failed answer must not count as a fast one
  read -r code secs; [ "$code" = 200 ] || { echo "HTTP $code from the service; log: $work/log" >&2; exit 1; }; echo "$secs"; }
posted() { curl -s -o "$work/posted.json" -w '%{http_code} %{time_total}\n' -X POST "$base/api/gaps?$q" -H 'Content-Type: text/csv' --data-binary @bench/wrk/profile-200.csv | ok; }
stored() { curl -s -o "$work/stored.json" -w '%{http_code} %{time_total}\n' "$base/api/profiles/p200/gaps?$q" -H "Authorization: Bearer $token" | ok; }
for _ in $(seq "$WARM"); do posted >/dev/null; stored >/dev/null; done
# the two answers name the same gaps (the stored one also says which profile it read)
python3 - "$work/posted.json" "$work/stored.json" <<'EOF'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
ids = lambda x: [r["iri"] for r in x["gaps"]]
assert ids(a) == ids(b), f"posted and stored gaps differ: {len(ids(a))} vs {len(ids(b))}"
print(f"same {len(ids(a))} gaps both ways", file=sys.stderr)
EOF
: >"$work/p"; : >"$work/s"
for _ in $(seq "$N"); do posted >>"$work/p"; stored >>"$work/s"; done
stats() { python3 -c '
import sys, statistics
t = sorted(float(x) * 1000 for x in open(sys.argv[2]).read().split())
print(f"| {sys.argv[1]} | {len(t)} | {statistics.median(t):.1f} | {t[min(len(t) - 1, int(0.9 * len(t)))]:.1f} |")' "$1" "$2"; }
echo "| gaps, 200-row profile, provider/high-risk (cache off) | n | p50 ms | p90 ms |"
echo "|---|---|---|---|"
stats 'posted `POST /api/gaps`' "$work/p"
stats 'stored `GET /api/profiles/{id}/gaps`' "$work/s"
