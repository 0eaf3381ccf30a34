#!/usr/bin/env bash
# The third-party Python clients the integration tests run (SPARQLWrapper, rdflib, openpyxl) come from
# Debian's packages, installed here when missing so `mvn verify` works on a fresh machine: Debian's
# archive is a registry the build machines reach (PyPI is not), and its versions are fixed per release
# (bookworm: SPARQLWrapper 1.8.5, rdflib 6.1.1, openpyxl 3.0.9). They are used through Debian's own
# interpreter, /usr/bin/python3, never through whatever python3 comes first on the PATH.
set -eu
PY=/usr/bin/python3
check() { [ -x "$PY" ] && "$PY" -c 'import SPARQLWrapper, rdflib, openpyxl' >/dev/null 2>&1; }
if ! check; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing python3-sparqlwrapper, python3-rdflib and python3-openpyxl for the integration tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-sparqlwrapper python3-rdflib python3-openpyxl >/dev/null
  else
    echo "Integration tests need Debian's python3-sparqlwrapper, python3-rdflib and python3-openpyxl: run 'sudo apt-get install python3-sparqlwrapper python3-rdflib python3-openpyxl' and retry." >&2
    exit 1
  fi
fi
check
