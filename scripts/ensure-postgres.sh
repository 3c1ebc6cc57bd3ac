#!/usr/bin/env bash
# PostgreSQL for the database suite. Only CI installs and starts a server; a developer
# may point REUNITE_TEST_POSTGRES_URL at one, or the PostgreSQL tests skip with a reason.
set -euo pipefail
if [ "${CI:-}" != "true" ]; then
    exit 0
fi
echo "(PostgreSQL suite arrives with the hosted mode; nothing to start yet.)"
