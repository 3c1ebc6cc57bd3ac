#!/usr/bin/env bash
# A throwaway PostgreSQL server for the database suite, on 127.0.0.1 only.
# CI installs Debian's package where missing; anywhere the server binaries exist we start
# a private cluster (trust auth, fsync off: test data only) and write its URL to
# .pytest-postgres-url, which the tests read. Outside CI, without PostgreSQL, the
# PostgreSQL tests skip and say why.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${REUNITE_PG_PORT:-55432}"
DATA="${TMPDIR:-/tmp}/reunite-pg-$PORT"
URL_FILE=".pytest-postgres-url"
rm -f "$URL_FILE"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
PGBIN="$(find_bin || true)"
if [ -z "$PGBIN" ]; then
    if [ "${CI:-}" = "true" ] && [ "$(id -u)" = "0" ]; then
        echo "Installing Debian's postgresql for the database suite…"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends postgresql >/dev/null
        PGBIN="$(find_bin)"
    else
        echo "PostgreSQL is not installed: the PostgreSQL tests will be skipped (CI runs them)."
        exit 0
    fi
fi

as_pg() {
    if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if ! "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    rm -rf "$DATA"
    mkdir -p "$DATA"
    if [ "$(id -u)" = "0" ]; then chown postgres "$DATA"; fi
    as_pg "$PGBIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 >/dev/null
    as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
        -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
fi
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres" > "$URL_FILE"
echo "PostgreSQL for tests: 127.0.0.1:$PORT"
