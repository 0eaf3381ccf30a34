#!/usr/bin/env bash
# The same named query two ways: queries/coverage.rq for ISO 42001 -> EU AI Act, provider, high-risk, sent
# as-is (its VALUES blocks set to those parameters) to the raw SPARQL endpoint, and the REST answer
# /api/coverage for the same parameters (which also shapes rows into JSON). Sequential, hyperfine.
# Usage: bench/endpoint-vs-rest.sh [rest-base] [sparql-base]   (defaults :8080 and :3030)
set -euo pipefail
REST=${1:-http://localhost:8080}
SPARQL=${2:-http://localhost:3030}
cd "$(dirname "$0")/.."
source bench/ensure-tools.sh hyperfine
Q=$(mktemp); MD=$(mktemp)
sed -e 's/("eu-ai-act" UNDEF UNDEF UNDEF)/("eu-ai-act" "provider" "high-risk" UNDEF)/' queries/coverage.rq > "$Q"
grep -q '"provider" "high-risk"' "$Q" || { echo "coverage.rq no longer has the VALUES block this script rewrites" >&2; exit 1; }
echo "load: $(uptime)" >&2
hyperfine -N --warmup 3 --runs "${RUNS:-30}" --export-markdown "$MD" \
  -n 'SPARQL endpoint (coverage.rq as-is)' "curl -s -o /dev/null -H 'Accept: application/sparql-results+json' --data-urlencode query@$Q $SPARQL/crosswalk/sparql" \
  -n 'REST /api/coverage' "curl -s -o /dev/null $REST/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk"
cat "$MD" # not --export-markdown /dev/stdout: that truncates a file stdout is appended to
rm -f "$Q" "$MD"
