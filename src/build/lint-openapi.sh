#!/usr/bin/env bash
# Lints the committed OpenAPI document with Redocly CLI (a third-party linter), its "recommended" rules;
# fails the build on any error. Node and npm come from Debian when missing; Redocly CLI from the npm
# registry, pinned, installed once into ~/.cache/crosswalk (nothing is installed globally).
set -euo pipefail
DOC="$1"
VERSION="${REDOCLY_VERSION:-2.77.0}"
if ! command -v npm >/dev/null 2>&1; then
  echo "lint-openapi: installing nodejs and npm (Debian packages)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq nodejs npm >/dev/null; fi
fi
DIR="${HOME}/.cache/crosswalk/redocly-cli-${VERSION}"
if [ ! -x "$DIR/node_modules/.bin/redocly" ]; then
  mkdir -p "$DIR"
  npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error "@redocly/cli@${VERSION}" >/dev/null
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
"$DIR/node_modules/.bin/redocly" lint --extends=recommended --format=codeframe "$DOC" 2>&1 \
  | grep -v -E '^\s*(║|╔|╚)' || { echo "lint-openapi: Redocly CLI ${VERSION} found errors in $DOC"; exit 1; }
