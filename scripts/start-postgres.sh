#!/usr/bin/env bash
# Starts (once) a throwaway PostgreSQL cluster for the test suites on 127.0.0.1:$CODEROOM_PG_PORT (default 15432),
# trust auth, user postgres, data under /tmp. Idempotent and safe to call from parallel test processes (flock).
# Prints the DATABASE_URL of the server's maintenance database. Exits non-zero when the server cannot start.
# `start-postgres.sh stop` stops that server, and deletes its data when CODEROOM_PG_DIR named it (the bench's own).
set -euo pipefail
PORT="${CODEROOM_PG_PORT:-15432}"
DIR="${CODEROOM_PG_DIR:-/tmp/coderoom-pg-$PORT}"
URL="postgres://postgres@127.0.0.1:$PORT/postgres"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$BIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
id postgres >/dev/null 2>&1 || { echo "the postgres system user is missing (apt-get install postgresql)" >&2; exit 1; }

exec 9>"/tmp/coderoom-pg-$PORT.lock"
flock -w 120 9

if [ "${1:-}" = stop ]; then
  [ -f "$DIR/PG_VERSION" ] && runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null 2>&1 9>&- </dev/null || true
  [ -n "${CODEROOM_PG_DIR:-}" ] && rm -rf "$DIR" "$DIR.initdb.log"
  exit 0
fi

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  echo "$URL"; exit 0
fi
if [ ! -f "$DIR/PG_VERSION" ]; then
  rm -rf "$DIR"
  mkdir -p "$DIR"
  chown postgres:postgres "$DIR"
  chmod 700 "$DIR"
  runuser -u postgres -- "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR.initdb.log" 2>&1 \
    || { cat "$DIR.initdb.log" >&2; exit 1; }
fi
# The server must not inherit the lock (fd 9) or our stdout, or callers wait on it forever.
# fsync off: a test cluster, thrown away; speed matters on 2 shared cores.
runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null 2>&1 9>&- </dev/null || { tail -n 30 "$DIR/server.log" >&2; exit 1; }
echo "$URL"
