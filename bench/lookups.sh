#!/usr/bin/env bash
# Writes bench/wrk/lookups.txt: one look-up path per line, every requirement of every framework against
# each other framework (one requirement -> one target), shuffled with a fixed seed, so a wrk run rotates
# over ~2,500 different URLs and no single URL is hot. Reads the ids from a running service.
# Usage: bench/lookups.sh [base-url]
set -euo pipefail
BASE=${1:-http://localhost:8080}
cd "$(dirname "$0")"
python3 - "$BASE" > wrk/lookups.txt <<'PY'
import json, random, sys, urllib.parse, urllib.request
base = sys.argv[1]
frameworks = [f["id"] for f in json.load(urllib.request.urlopen(base + "/api/frameworks"))["frameworks"]]
paths = []
for f in frameworks:
    reqs = json.load(urllib.request.urlopen(f"{base}/api/frameworks/{f}/requirements"))["requirements"]
    for r in reqs:
        for t in frameworks:
            if t != f:
                paths.append(f"/api/crosswalk?source={f}&target={t}&requirement={urllib.parse.quote(r['id'])}")
random.Random(12).shuffle(paths)
print("\n".join(paths))
PY
python3 - "$BASE" > wrk/requirements.txt <<'PY'
import json, random, sys, urllib.parse, urllib.request
base = sys.argv[1]
frameworks = [f["id"] for f in json.load(urllib.request.urlopen(base + "/api/frameworks"))["frameworks"]]
paths = [f"/api/frameworks/{f}/requirements/{urllib.parse.quote(r['id'])}"
         for f in frameworks
         for r in json.load(urllib.request.urlopen(f"{base}/api/frameworks/{f}/requirements"))["requirements"]]
random.Random(12).shuffle(paths)
print("\n".join(paths))
PY
python3 - "$BASE" > wrk/search.txt <<'PY'
import json, random, re, sys, urllib.parse, urllib.request
base = sys.argv[1]
frameworks = [f["id"] for f in json.load(urllib.request.urlopen(base + "/api/frameworks"))["frameworks"]]
words = sorted({w.lower() for f in frameworks
                for r in json.load(urllib.request.urlopen(f"{base}/api/frameworks/{f}/requirements"))["requirements"]
                for w in re.findall(r"[A-Za-z]{5,}", r["label"])})
rnd = random.Random(12)
paths = [f"/api/search?q={urllib.parse.quote(w)}" + (f"&framework={rnd.choice(frameworks)}" if rnd.random() < 0.5 else "") for w in words]
rnd.shuffle(paths)
print("\n".join(paths))
PY
# A 200-row organisation profile (framework,requirement,status), as a GRC tool would post it to /api/gaps.
python3 - "$BASE" > wrk/profile-200.csv <<'PY'
import json, random, sys, urllib.request
base = sys.argv[1]
rows = [(f, r["id"]) for f in ("iso42001", "iso27001", "nist-ai-rmf")
        for r in json.load(urllib.request.urlopen(f"{base}/api/frameworks/{f}/requirements"))["requirements"]]
rnd = random.Random(12)
print("framework,requirement,status")
for f, rid in rnd.sample(rows, 200):
    print(f'{f},"{rid}",{rnd.choice(["satisfied", "satisfied", "partial"])}')
PY
wc -l wrk/*.txt wrk/profile-200.csv >&2
