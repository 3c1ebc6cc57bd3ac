#!/usr/bin/env bash
# Make sure Debian's chromium is present for the Playwright browser tests.
# In CI a missing browser is installed (we run as root there); elsewhere we say what to do.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's chromium for the browser tests…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
else
    echo "Browser tests need Debian's chromium: run 'sudo apt-get install chromium'." >&2
    if [ "${CI:-}" = "true" ]; then exit 1; fi
fi
