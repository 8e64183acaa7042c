#!/usr/bin/env bash
# Times every admin dashboard API call through HTTP (issue 13): starts the service (Debug build) on 127.0.0.1:$PORT
# against DATABASE_URL with a throwaway JWT secret, mints an admin token, calls each endpoint 1 + N times with curl and
# prints p50 / p95 / max of the last N. Seed first: ./coderoom db seed-run-logs --count 1000000.
# Usage: DATABASE_URL=postgres://... scripts/bench-admin-http.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-40}"
PORT="${CODEROOM_ADMIN_BENCH_PORT:-18913}"
: "${DATABASE_URL:?set DATABASE_URL to the seeded database}"
SECRET="admin-bench-$(head -c 24 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')-0123456789abcdef"
URL="http://127.0.0.1:$PORT"
LOG="$(mktemp /tmp/coderoom-admin-bench.XXXXXX.log)"
(cd src/CodeRoom.Api && JWT_SECRET="$SECRET" PORT="$PORT" ASPNETCORE_URLS="$URL" DATABASE_URL="$DATABASE_URL" \
  CODEROOM_Content__WebRoot=/nonexistent CODEROOM_Judge__WarmUpAtStart=false Logging__LogLevel__Default=Warning \
  exec dotnet bin/Debug/net10.0/CodeRoom.Api.dll) >"$LOG" 2>&1 &
API=$!
trap 'kill $API 2>/dev/null || true; wait $API 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -fs "$URL/healthz" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$URL/healthz" >/dev/null || { tail -n 20 "$LOG" >&2; exit 1; }
TOKEN=$(python3 - "$SECRET" <<'PY'
import base64, hashlib, hmac, json, sys, time
b = lambda x: base64.urlsafe_b64encode(x).rstrip(b'=').decode()
now = int(time.time())
head = b(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
body = b(json.dumps({"sub": "admin-bench", "role": "admin", "iat": now, "nbf": now, "exp": now + 3600}).encode())
print(head + "." + body + "." + b(hmac.new(sys.argv[1].encode(), (head + "." + body).encode(), hashlib.sha256).digest()))
PY
)
get() { curl -fs -H "Authorization: Bearer $TOKEN" "$URL/api/admin/$1"; }
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ); D1=$(date -u -d '-1 day' +%Y-%m-%dT%H:%M:%SZ)
D7=$(date -u -d '-7 days' +%Y-%m-%dT%H:%M:%SZ); D30=$(date -u -d '-30 days' +%Y-%m-%dT%H:%M:%SZ)
FIRST=$(get "run-logs?limit=50")
ID=$(echo "$FIRST" | python3 -c "import sys, json; print(json.load(sys.stdin)['items'][0]['id'])")
CURSOR=$(echo "$FIRST" | python3 -c "import sys, json; print(json.load(sys.stdin)['next_cursor'])")
USER_ID=$(echo "$FIRST" | python3 -c "import sys, json; print(json.load(sys.stdin)['items'][0]['user_id'])")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $N calls each after one warm-up"
echo "| call | p50 ms | p95 ms | max ms |"
echo "|---|---|---|---|"
for call in "stats/problems?from=$D1&to=$NOW" "stats/problems?from=$D30&to=$NOW" "stats/timeline?from=$D7&to=$NOW&bucket=hour" \
  "stats/timeline?from=$D30&to=$NOW&bucket=day" "stats/runtime?from=$D30&to=$NOW" "live" "run-logs?limit=50" \
  "run-logs?limit=50&cursor=$CURSOR" "run-logs?verdict=runtime_error&language=cpp&limit=50" \
  "run-logs?user_id=$USER_ID&from=$D7&limit=50" "run-logs/$ID"; do
  get "$call" >/dev/null
  for _ in $(seq 1 "$N"); do
    curl -fs -o /dev/null -w "%{time_total}\n" -H "Authorization: Bearer $TOKEN" "$URL/api/admin/$call"
  done | sort -n | awk -v c="${call//$D30/-30d}" '{a[NR] = $1 * 1000} END {
    gsub(/&to=[^&]*/, "", c); gsub(/from=[0-9T:Z-]+/, "from=...", c); gsub(/cursor=[^&]*/, "cursor=...", c)
    p = int(NR * 0.95); if (p < NR * 0.95) p++
    printf "| %s | %.1f | %.1f | %.1f |\n", c, a[int((NR + 1) / 2)], a[p], a[NR] }'
done
