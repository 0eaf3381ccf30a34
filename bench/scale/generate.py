#!/usr/bin/env python3
"""Deterministic synthetic data for the scale harness, in the project's own formats.

Writes OUT/ontology/ (the real vocabulary, shapes, evidence and four real catalogues, plus N synthetic
SKOS catalogues in Turtle) and OUT/mappings/ (the real curated SSSOM sets plus one synthetic SSSOM TSV set
per consecutive pair of synthetic frameworks). The real data stays in, so the real questions (ISO 42001 ->
EU AI Act) can be timed on a graph that grows around them. Synthetic frameworks, ids, titles and mappings
are labelled synthetic everywhere and are never committed: they only measure how the service scales.

Scales (synthetic part; the same seed gives byte-identical files):
    1x   :   4 frameworks,    500 requirements,    10,000 mappings
    10x  :  20 frameworks,  5,000 requirements,   100,000 mappings
    100x : 100 frameworks, 50,000 requirements, 1,000,000 mappings
Usage: bench/scale/generate.py SCALE OUT [--seed N]      (SCALE = 1, 10 or 100)
"""
import argparse
import random
import shutil
from pathlib import Path

SIZES = {1: (4, 500, 10_000), 10: (20, 5_000, 100_000), 100: (100, 50_000, 1_000_000)}
ROOT = Path(__file__).resolve().parents[2]
# (relation, predicate, share, strength range): mostly intersects-with, as in the curated sets, with some
# subset/superset/equal so that mapping chains get derived as they would be from real data.
RELATIONS = [("intersects-with", "skos:relatedMatch", 0.85, (1, 9)), ("subset-of", "skos:broadMatch", 0.06, (1, 9)),
             ("superset-of", "skos:narrowMatch", 0.05, (1, 9)), ("equal", "skos:exactMatch", 0.02, (10, 10)),
             ("no-relationship", "skos:relatedMatch", 0.02, (0, 0))]


def framework_ttl(n: int, requirements: int, rnd: random.Random) -> str:
    fid = f"syn-{n:03d}"
    scheme = f"https://w3id.org/crosswalk/{fid}/1.0"
    out = [
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix cw: <https://w3id.org/crosswalk/ontology#> .",
        f"@prefix s: <{scheme}/> .",
        "",
        f"# Synthetic framework {n} for the scale harness (bench/scale): not a real catalogue.",
        f"<{scheme}> a skos:ConceptScheme , cw:Framework ;",
        f'    dcterms:identifier "{fid}" ;',
        f'    dcterms:title "Synthetic framework {n} (scale harness)"@en ;',
        '    cw:edition "1.0" ;',
        f"    dcterms:source <https://w3id.org/crosswalk/bench/synthetic/{fid}> .",
        "",
    ]
    tops, per_top = 5, 8
    categories = tops * per_top
    leaves = requirements - tops - categories
    ids = []
    for t in range(1, tops + 1):
        out += [f"s:F{t} a skos:Concept , cw:Function ; skos:inScheme <{scheme}> ; skos:topConceptOf <{scheme}> ;",
                f'    dcterms:identifier "F{t}" ; skos:notation "F{t}" ; skos:prefLabel "Synthetic function {t}"@en ; cw:order {t} .']
        ids.append(f"F{t}")
    for c in range(categories):
        t, k = c // per_top + 1, c % per_top + 1
        out += [f"s:F{t}.{k} a skos:Concept , cw:Category ; skos:inScheme <{scheme}> ; skos:broader s:F{t} ;",
                f'    dcterms:identifier "F{t}.{k}" ; skos:notation "F{t}.{k}" ; skos:prefLabel "Synthetic category {t}.{k} {rnd.randrange(10**6)}"@en ; cw:order {k} .']
        ids.append(f"F{t}.{k}")
    leaf_ids = []
    for i in range(leaves):
        c = i % categories
        t, k, j = c // per_top + 1, c % per_top + 1, i // categories + 1
        lid = f"F{t}.{k}.{j}"
        out += [f"s:{lid} a skos:Concept , cw:Subcategory ; skos:inScheme <{scheme}> ; skos:broader s:F{t}.{k} ;",
                f'    dcterms:identifier "{lid}" ; skos:notation "{lid}" ; skos:prefLabel "Synthetic requirement {lid} {rnd.randrange(10**6)}"@en ; cw:order {j} .']
        ids.append(lid)
        leaf_ids.append(lid)
    return "\n".join(out) + "\n", ids, leaf_ids


def mapping_set(a: int, b: int, ids_a, ids_b, count: int, rnd: random.Random) -> str:
    fa, fb = f"syn-{a:03d}", f"syn-{b:03d}"
    pa, pb = f"syn{a:03d}", f"syn{b:03d}"
    head = f"""# curie_map:
#   cwagent: https://w3id.org/crosswalk/agent/
#   {pa}: https://w3id.org/crosswalk/{fa}/1.0/
#   {pb}: https://w3id.org/crosswalk/{fb}/1.0/
#   cw: https://w3id.org/crosswalk/ontology#
# mapping_set_id: https://w3id.org/crosswalk/mappings/{fa}-{fb}
# mapping_set_version: "1.0.0"
# mapping_set_title: Synthetic mappings {fa} to {fb} (scale harness, not curated)
# license: https://creativecommons.org/licenses/by/4.0/
# creator_id:
#   - cwagent:curators
# subject_source: https://w3id.org/crosswalk/{fa}/1.0
# subject_source_version: "1.0"
# object_source: https://w3id.org/crosswalk/{fb}/1.0
# object_source_version: "1.0"
# mapping_date: 2026-12-04
# extension_definitions:
#   - slot_name: ext_relation
#     property: cw:relation
#     type_hint: xsd:string
#   - slot_name: ext_rationale
#     property: cw:rationale
#     type_hint: xsd:string
#   - slot_name: ext_strength
#     property: cw:strength
#     type_hint: xsd:integer
subject_id\tpredicate_id\tpredicate_modifier\tobject_id\tmapping_justification\tauthor_id\tmapping_date\text_relation\text_rationale\text_strength\tcomment
"""
    rows, seen = [], set()
    weights = [r[2] for r in RELATIONS]
    while len(rows) < count:
        s, o = rnd.choice(ids_a), rnd.choice(ids_b)
        if (s, o) in seen:
            continue
        seen.add((s, o))
        rel, pred, _, (lo, hi) = rnd.choices(RELATIONS, weights)[0]
        modifier = "Not" if rel == "no-relationship" else ""
        rows.append(f"{pa}:{s}\t{pred}\t{modifier}\t{pb}:{o}\tsemapv:ManualMappingCuration\tcwagent:curators\t2026-12-04\t"
                    f"{rel}\t{rnd.choice(['semantic', 'functional'])}\t{rnd.randint(lo, hi)}\tSynthetic row {len(rows) + 1} of the scale harness.")
    return head + "\n".join(rows) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scale", type=int, choices=sorted(SIZES))
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    frameworks, requirements, mappings = SIZES[args.scale]
    rnd = random.Random(args.seed)
    onto, maps = args.out / "ontology", args.out / "mappings"
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(ROOT / "ontology", onto, ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(ROOT / "mappings", maps)
    (onto / "frameworks" / "synthetic").mkdir()
    per = requirements // frameworks
    ids = []
    for n in range(1, frameworks + 1):
        text, all_ids, _ = framework_ttl(n, per, rnd)
        (onto / "frameworks" / "synthetic" / f"syn-{n:03d}.ttl").write_text(text)
        ids.append(all_ids)
    pairs = frameworks - 1
    for i in range(pairs):
        count = mappings // pairs + (1 if i < mappings % pairs else 0)
        (maps / f"syn-{i + 1:03d}-syn-{i + 2:03d}.sssom.tsv").write_text(mapping_set(i + 1, i + 2, ids[i], ids[i + 1], count, rnd))
    print(f"{args.out}: {frameworks} synthetic frameworks, {frameworks * per} requirements, {mappings} mappings (seed {args.seed})")


if __name__ == "__main__":
    main()
