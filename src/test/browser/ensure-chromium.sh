#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through chromedriver (Selenium). Install them when missing,
# so `mvn verify` works on a fresh machine; say what to do when we cannot.
set -eu
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium and chromium-driver for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  exit 0
fi
echo "Browser tests need Chromium and ChromeDriver: run 'sudo apt-get install chromium chromium-driver' and retry." >&2
exit 1
