#!/usr/bin/env bash
# The SPARQL door under abuse (issue 17, point 5): 40 heavy queries at once plus ASK {} ten times, and a
# 30 MB query text, against the real endpoint on a TDB2 store. Runs SparqlEndpointTest's two tests (they
# assert correctness only) and prints the timings they record in target/bench/sparql-door.txt.
set -eu
cd "$(dirname "$0")/.."
nice -n 15 mvn -B -q test -Dtest='SparqlEndpointTest#askIsAnsweredWhileFortyHeavyQueriesRun+aThirtyMegabyteQueryIsRefusedWith413BeforeAnythingIsReadOrParsed' \
  -Dsurefire.failIfNoSpecifiedTests=false
cat target/bench/sparql-door.txt
