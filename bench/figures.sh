#!/usr/bin/env bash
# The data figures quoted in notes and RESULTS.md, read off the files and a running service
# (mvn spring-boot:run): mapping rows per set and relation, requirement counts per framework and kind,
# coverage summaries, the evidence ranking and export sizes. Usage: bench/figures.sh [base-url]
set -euo pipefail
BASE=${1:-http://localhost:8080}
cd "$(dirname "$0")/.."

echo "## Mapping rows per set and relation (curated, mappings/*.sssom.tsv)"
python3 - <<'PY'
import csv, collections, glob
for f in sorted(glob.glob("mappings/*.sssom.tsv")):
    rows = [l for l in open(f, encoding="utf-8") if not l.startswith("#")]
    r = list(csv.DictReader(rows, delimiter="\t"))
    c = collections.Counter(x["ext_relation"] for x in r)
    print(f"| {f.split('/')[-1].replace('.sssom.tsv','')} | {len(r)} | " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())) + " |")
PY

echo; echo "## Frameworks (requirements per kind) and mapping totals"
curl -sf "$BASE/api/frameworks" | python3 -c '
import json, sys
for f in json.load(sys.stdin)["frameworks"]:
    print("|", f["id"], "|", {k: v for k, v in f.items() if k not in ("iri", "title", "source", "edition", "id")}, "|")'
curl -sf "$BASE/api/health" | python3 -c 'import json,sys; print("triples:", json.load(sys.stdin)["triples"])'
curl -sf "$BASE/api/exports" | python3 -c '
import json, sys
d = json.load(sys.stdin)
pairs = d["mapping_sets"]
print("curated+derived per pair:", "; ".join("%s %d+%d" % (p["id"], p["curated"], p["derived"]) for p in pairs))'

echo; echo "## Coverage (full / partial / none of total leaves, percent_full)"
# EU AI Act answers depend on the date (point-in-time law, default today): pin it to the day every
# modelled obligation applies (2 August 2028), so the figures do not drift with the calendar.
for q in "source=iso42001&target=eu-ai-act&asOf=2028-08-02" \
         "source=iso42001&target=eu-ai-act&role=provider&system=high-risk&asOf=2028-08-02" \
         "source=iso42001&target=eu-ai-act&role=deployer&system=high-risk&asOf=2028-08-02" \
         "source=iso42001&target=nist-ai-rmf" \
         "source=iso27001&target=iso42001" \
         "source=nist-ai-rmf&target=eu-ai-act&asOf=2028-08-02"; do
  curl -sf "$BASE/api/coverage?$q" | python3 -c '
import json, sys
s = json.load(sys.stdin)["summary"]
print("| '"$q"' | %d / %d / %d of %d | %s%% |" % (s["full"], s["partial"], s["none"], s["total"], s["percent_full"]))'
done

echo; echo "## Evidence types: requirements and frameworks supported (ranked)"
curl -sf "$BASE/api/evidence" | python3 -c '
import json, sys
for e in json.load(sys.stdin)["evidence"]:
    print("| %s | %d | %d |" % (e["id"], e["requirements"], e["frameworks"]))'

echo; echo "## Export sizes (bytes)"
for e in "/api/exports/mapping-sets/iso42001-eu-ai-act.sssom.tsv" \
         "/api/exports/mapping-sets/eu-ai-act-iso42001.sssom.tsv" \
         "/api/exports/mapping-sets/iso42001-eu-ai-act.oscal.json" \
         "/api/exports/crosswalk/iso42001-eu-ai-act.csv" \
         "/api/exports/crosswalk/iso42001-eu-ai-act.xlsx" \
         "/api/exports/coverage.xlsx?source=iso42001&target=eu-ai-act&target=nist-ai-rmf&target=iso27001" \
         "/api/exports/gaps.csv?source=iso42001&target=eu-ai-act&role=provider&system=high-risk&asOf=2028-08-02" \
         "/api/exports/graph.ttl" "/api/exports/graph.jsonld" "/api/exports/graph.ttl?framework=eu-ai-act"; do
  printf '| `%s` | %s |\n' "$e" "$(curl -sf -o /dev/null -w '%{size_download}' "$BASE$e")"
done
