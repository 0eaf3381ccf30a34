#!/usr/bin/env bash
# Leave-one-set-out evaluation of the mapping suggester (issue 16): for each curated set in mappings/,
# rank its source requirements' candidates in its target framework and score them against the set's own
# positive rows (P@1, P@5, R@10, MRR), beside a title-only baseline. Prints a Markdown table.
# Run from the project root:  bench/suggestions-eval.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q compile exec:exec -Dcli="evaluate-suggestions"
