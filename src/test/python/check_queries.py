"""Runs every named query of queries/ as it is through two third-party Python clients:
SPARQLWrapper (over HTTP, against the running endpoint) and rdflib's SPARQL parser.

Usage: check_queries.py ENDPOINT_URL QUERIES_DIR
Prints one line per query: "<file>\t<ok|FAIL>\t<detail>" and exits 1 if any failed.
"""
import glob
import os
import sys
import warnings

import rdflib
import SPARQLWrapper as sw_module
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from rdflib.plugins.sparql import prepareQuery

FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
# rdflib 6.x cannot parse a collection as the subject of a triple pattern, valid SPARQL 1.1 that jena-text's
# "(?s ?score ?text) text:query (...)" uses (RDFLib issue 2081: lists in SPARQL patterns, reported against 6.1.1 and 6.2.0).
KNOWN_RDFLIB_BUG = "'in <string>' requires string as left operand, not CompValue"


def rdflib_version():
    return tuple(int(p) for p in rdflib.__version__.split(".")[:2])


def main(endpoint, queries_dir):
    print("# SPARQLWrapper %s, rdflib %s, Python %s" % (sw_module.__version__, rdflib.__version__, sys.version.split()[0]))
    failed = 0
    for path in sorted(glob.glob(os.path.join(queries_dir, "*.rq"))):
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        # rdflib: parse and translate to algebra; the query form is the one SPARQLWrapper must detect.
        form, parse_note = None, ""
        try:
            form = FORMS.get(prepareQuery(text).algebra.name)
        except Exception as e:  # noqa: BLE001 - any parser failure is reported
            if KNOWN_RDFLIB_BUG in str(e) and rdflib_version() < (7, 1):
                parse_note = "rdflib %s: known parser bug (collection as subject), fixed in 7.1" % rdflib.__version__
            else:
                print("%s\tFAIL\trdflib: %s" % (name, e))
                failed += 1
                continue
        # SPARQLWrapper: the query type it detects from the text, then the query over HTTP as sent.
        client = SPARQLWrapper(endpoint)
        client.setMethod(POST)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            client.setQuery(text)
        detected = client.queryType
        expected = form or "SELECT"
        if detected != expected or caught:
            print("%s\tFAIL\tSPARQLWrapper detects %s, the query is %s %s" % (name, detected, expected, [str(w.message) for w in caught]))
            failed += 1
            continue
        client.setReturnFormat(JSON)
        try:
            result = client.query().convert()
        except Exception as e:  # noqa: BLE001
            print("%s\tFAIL\tSPARQLWrapper over HTTP: %s" % (name, e))
            failed += 1
            continue
        if expected == "ASK":
            ok, detail = "boolean" in result, "boolean=%s" % result.get("boolean")
        else:
            ok = "results" in result and "bindings" in result["results"]
            detail = "%d rows" % len(result["results"]["bindings"]) if ok else "no results"
        print("%s\t%s\t%s %s%s" % (name, "ok" if ok else "FAIL", detected, detail, ("; " + parse_note) if parse_note else ""))
        failed += 0 if ok else 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
