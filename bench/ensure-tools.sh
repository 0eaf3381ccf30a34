#!/usr/bin/env bash
# The load tools the bench scripts drive, from Debian's packages: installed when missing and we are root,
# otherwise one line saying what to install. Usage: source bench/ensure-tools.sh wrk hyperfine
for tool in "$@"; do
  command -v "$tool" >/dev/null 2>&1 && continue
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing $tool (Debian package) ..." >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool"; } >/dev/null 2>&1
  fi
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: '$tool' is missing: install it (Debian: apt-get install $tool)" >&2; exit 1; }
done
