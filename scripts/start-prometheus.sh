#!/usr/bin/env bash
# Starts (once) a throwaway Prometheus for the test suites on 127.0.0.1:$CODEROOM_PROMETHEUS_PORT (default 19090),
# data under /tmp, scraping every second whatever targets are listed in $DIR/targets/*.json (file service discovery:
# a test writes [{"targets":["127.0.0.1:PORT"],"labels":{...}}] there and removes it when done). Idempotent (flock).
# Prints the server's URL. Exits non-zero when it cannot start.
set -euo pipefail
PORT="${CODEROOM_PROMETHEUS_PORT:-19090}"
DIR="${CODEROOM_PROMETHEUS_DIR:-/tmp/coderoom-prometheus-$PORT}"
URL="http://127.0.0.1:$PORT"
command -v prometheus >/dev/null || { echo "prometheus not found (apt-get install prometheus)" >&2; exit 1; }
exec 9>"/tmp/coderoom-prometheus-$PORT.lock"
flock -w 60 9
ready() { curl -fsS --max-time 1 "$URL/-/ready" >/dev/null 2>&1; }
if ready; then
  echo "$URL"; exit 0
fi
mkdir -p "$DIR/targets" "$DIR/data"
cat >"$DIR/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: coderoom
    metrics_path: /metrics
    file_sd_configs:
      - files: ['$DIR/targets/*.json']
        refresh_interval: 1s
YAML
# The server must not inherit the lock (fd 9) or our stdout, or callers wait on it forever.
nohup prometheus --config.file="$DIR/prometheus.yml" --storage.tsdb.path="$DIR/data" --storage.tsdb.retention.time=1d \
  --web.listen-address="127.0.0.1:$PORT" >"$DIR/server.log" 2>&1 9>&- </dev/null &
echo $! >"$DIR/prometheus.pid"
for _ in $(seq 1 100); do
  ready && { echo "$URL"; exit 0; }
  sleep 0.2
done
tail -n 20 "$DIR/server.log" >&2
exit 1
