#!/usr/bin/env bash
# Starts (once) a throwaway RabbitMQ node for the runner fleet (issue 12) on 127.0.0.1:$CODEROOM_RABBITMQ_PORT (default
# 15720): Debian's rabbitmq-server run as the rabbitmq user, its own node name, data under /tmp, Erlang's distribution
# and epmd on loopback too. Idempotent and safe to call from parallel processes (flock). Prints the RABBITMQ_URL.
# `start-rabbitmq.sh stop` stops that node (the fault tests restart the broker with jobs queued).
# Ports (AMQP and Erlang distribution, PORT + 1000) stay below Linux's ephemeral range (32768-60999): a port in it may be
# held by any outgoing connection (a pooled PostgreSQL one, say) at the moment the node binds, and the node then dies
# with dist_port_already_used; that failed every fleet test on a fresh CI machine.
set -euo pipefail
PORT="${CODEROOM_RABBITMQ_PORT:-15720}"
DIR="${CODEROOM_RABBITMQ_DIR:-/tmp/coderoom-rabbitmq-$PORT}"
NODE="coderoom$PORT@localhost"
URL="amqp://guest:guest@127.0.0.1:$PORT/"
command -v rabbitmq-server >/dev/null || { echo "rabbitmq-server not found (apt-get install rabbitmq-server)" >&2; exit 1; }
id rabbitmq >/dev/null 2>&1 || { echo "the rabbitmq system user is missing (apt-get install rabbitmq-server)" >&2; exit 1; }

# Everything the node and rabbitmqctl need to find each other; the cookie is the rabbitmq user's own.
export RABBITMQ_NODENAME="$NODE" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$PORT" \
  RABBITMQ_DIST_PORT="$((PORT + 1000))" ERL_EPMD_ADDRESS=127.0.0.1 \
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} ${CODEROOM_RABBITMQ_ERL_ARGS:-}" \
  RABBITMQ_MNESIA_BASE="$DIR/mnesia" RABBITMQ_LOG_BASE="$DIR/log" RABBITMQ_PID_FILE="$DIR/node.pid" \
  RABBITMQ_CONFIG_FILE="$DIR/rabbitmq" RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/enabled_plugins" HOME=/var/lib/rabbitmq \
  ERL_CRASH_DUMP="$DIR/erl_crash.dump"
ctl() { runuser -u rabbitmq --preserve-environment -- rabbitmqctl -q -n "$NODE" "$@"; }

exec 9>"/tmp/coderoom-rabbitmq-$PORT.lock"
flock -w 120 9

if [ "${1:-}" = stop ]; then
  ctl stop >/dev/null 2>&1 9>&- || true
  exit 0
fi
if ctl status >/dev/null 2>&1 9>&-; then
  echo "$URL"; exit 0
fi
mkdir -p "$DIR/mnesia" "$DIR/log"
# Loopback only; the default guest user may then connect (it is refused from other hosts anyway).
cat >"$DIR/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$PORT
loopback_users.guest = true
log.file.level = warning
CONF
echo "[]." >"$DIR/enabled_plugins"
chown -R rabbitmq:rabbitmq "$DIR"
# A node that dies at start leaves a crash dump: say why at once instead of waiting a minute, and try twice more (a port
# held for a moment by something else).
for try in 1 2 3; do
  rm -f "$DIR/erl_crash.dump"
  # The node must not inherit the lock (fd 9) or our stdout, or callers wait on it forever.
  runuser -u rabbitmq --preserve-environment -- rabbitmq-server -detached >/dev/null 2>&1 9>&- </dev/null
  # await_startup fails at once until the node has registered with epmd: ask again until it is up (about 5 s).
  for _ in $(seq 1 120); do
    ctl await_startup --timeout 10 >/dev/null 2>&1 9>&- && { echo "$URL"; exit 0; }
    [ -s "$DIR/erl_crash.dump" ] && break
    sleep 0.5
  done
  [ -s "$DIR/erl_crash.dump" ] || break
  echo "RabbitMQ node $NODE did not start (try $try): $(grep -m1 '^Slogan:' "$DIR/erl_crash.dump" | cut -c1-400)" >&2
  sleep 2
done
tail -n 30 "$DIR/log/"*.log >&2 2>/dev/null || true
exit 1
