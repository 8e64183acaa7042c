#!/usr/bin/env bash
# Starts (once) a throwaway Redis for the test suites on 127.0.0.1:$CODEROOM_REDIS_PORT (default 16379), no
# persistence. Idempotent. Prints the REDIS_URL. Exits non-zero when the server cannot start.
set -euo pipefail
PORT="${CODEROOM_REDIS_PORT:-16379}"
URL="redis://127.0.0.1:$PORT"
command -v redis-server >/dev/null || { echo "redis-server not found (apt-get install redis-server)" >&2; exit 1; }
exec 9>"/tmp/coderoom-redis-$PORT.lock"
flock -w 60 9
if redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG; then
  echo "$URL"; exit 0
fi
redis-server --port "$PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
  --pidfile "/tmp/coderoom-redis-$PORT.pid" --logfile "/tmp/coderoom-redis-$PORT.log" \
  >/dev/null 2>&1 9>&- </dev/null
for _ in $(seq 1 50); do
  redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG && { echo "$URL"; exit 0; }
  sleep 0.1
done
tail -n 20 "/tmp/coderoom-redis-$PORT.log" >&2
exit 1
