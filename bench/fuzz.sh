#!/usr/bin/env bash
# Fuzzes a running service with requests generated from its own OpenAPI document (seeded), and fails on
# any 5xx, any error that is not problem+json, a text answer without charset=UTF-8 or an answer without
# nosniff. Usage: bench/fuzz.sh [BASE_URL] [SEED] [COUNT]   (default http://localhost:8080 17 10000)
# Figures go to bench/RESULTS.md ("REST contract: fuzzing").
set -euo pipefail
cd "$(dirname "$0")/.."
BASE="${1:-http://localhost:8080}"; SEED="${2:-17}"; COUNT="${3:-10000}"
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz.classpath >/dev/null
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for j in /usr/lib/jvm/*; do "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && JAVA="$j/bin/java" && break; done
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/fuzz.classpath)" org.crosswalk.support.OpenApiFuzzer "$BASE" "$SEED" "$COUNT"
