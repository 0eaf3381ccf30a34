#!/usr/bin/env bash
# Hot-method summary of a JFR recording (JDK's own profiler; no agent to install):
#   jcmd <pid> JFR.start duration=30s filename=/tmp/x.jfr settings=profile   (while a load runs)
#   bench/jfr-summary.sh /tmp/x.jfr > bench/profiles/<name>.txt
# Prints where the CPU samples fall (by layer) and the top frames.
set -euo pipefail
JFR=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jfr
"$JFR" print --events jdk.ExecutionSample --stack-depth 200 "$1" | python3 -c '
import re, sys
from collections import Counter
samples = sys.stdin.read().split("jdk.ExecutionSample")[1:]
n = len(samples) or 1
layers = [("TDB2 index reads (dboe, tdb2)", r"org\.apache\.jena\.(dboe|tdb2)"),
          ("ARQ query evaluation (engine)", r"org\.apache\.jena\.sparql\.engine"),
          ("SPARQL parsing (QueryFactory)", r"ARQParser|QueryFactory\.create"),
          ("algebra optimisation", r"org\.apache\.jena\.sparql\.algebra\.(optimize|Optimize|walker)"),
          ("property paths", r"PathEval|path\.eval"),
          ("Lucene", r"org\.apache\.lucene"),
          ("Caffeine caches (TDB2 nodes, results)", r"benmanes\.caffeine"),
          ("JSON (Jackson)", r"tools\.jackson|com\.fasterxml"),
          ("Tomcat/Spring MVC", r"org\.apache\.(catalina|coyote|tomcat)|org\.springframework"),
          ("named query runner", r"NamedQueryRunner")]
print(f"{len(samples)} CPU samples (a sample counts in every layer on its stack)\n")
for label, rx in layers:
    c = sum(1 for s in samples if re.search(rx, s))
    print(f"{label:40s} {c:6d}  {100 * c / n:5.1f} %")
top = Counter()
for s in samples:
    frames = [l.strip() for l in s.splitlines() if "line:" in l]
    if frames: top[re.sub(r"\s+line:.*", "", frames[0])] += 1
print("\ntop frames:")
for f, c in top.most_common(20): print(f"{c:6d}  {f}")
'
