#!/usr/bin/env bash
# Fetch htmx and axe-core from the npm registry (npm, into a throwaway dir) and copy
# their built files into the package's static files. The vendored files are committed:
# the app never loads anything from a CDN, and nothing is fetched at run time.
# Re-run to upgrade: bump the versions below, run, review the diff, commit.
set -euo pipefail
HTMX_VERSION="${HTMX_VERSION:-2.0.4}"
AXE_VERSION="${AXE_VERSION:-4.10.2}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/reunite/web/static/vendor"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
npm init -y >/dev/null 2>&1
npm install --no-audit --no-fund --ignore-scripts --silent \
    "htmx.org@$HTMX_VERSION" "axe-core@$AXE_VERSION"
mkdir -p "$DEST"
cp node_modules/htmx.org/dist/htmx.min.js "$DEST/htmx.min.js"
cp node_modules/axe-core/axe.min.js "$DEST/axe.min.js"
{
    echo "htmx.org $HTMX_VERSION (BSD-2-Clause) htmx.min.js"
    echo "axe-core $AXE_VERSION (MPL-2.0) axe.min.js — used by the browser tests only"
} >"$DEST/VERSIONS.txt"
cp node_modules/htmx.org/LICENSE "$DEST/htmx.LICENSE"
cp node_modules/axe-core/LICENSE "$DEST/axe-core.LICENSE"
echo "Vendored into $DEST:"
cat "$DEST/VERSIONS.txt"
