#!/usr/bin/env bash
# JMH: coverage ISO 42001 -> EU AI Act by the plain Java rule vs. the named-query path the API uses
# (result cache off, and as served). Not part of mvn verify. Run from anywhere:
#   bench/jmh.sh [extra JMH options]      e.g. bench/jmh.sh -wi 2 -i 3
# Results: stdout, and bench/jmh-coverage.json.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "load: $(uptime)" >&2
mvn -q -B -Pjmh test-compile exec:exec@jmh -Djmh.args="CoverageBenchmark -rf json -rff bench/jmh-coverage.json $*"
