#!/usr/bin/env bash
# Starts (once) a throwaway RabbitMQ node for the runner fleet (issue 12) on 127.0.0.1:$CODEROOM_RABBITMQ_PORT (default
# 15720): Debian's rabbitmq-server run as the rabbitmq user, its own node name, data under /tmp, Erlang's distribution
# and epmd on loopback too. Idempotent and safe to call from parallel processes (flock). Prints the RABBITMQ_URL.
# `start-rabbitmq.sh stop` stops that node (the fault tests restart the broker with jobs queued); `start-rabbitmq.sh reset`
# stops it and empties its database (a test run's first start: every run declares queues of its own, and a node that
# kept those of hundreds of earlier runs took minutes to recover them at each start, past every test's bound).
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
ctl() { runuser -u rabbitmq --preserve-environment -- timeout -k 2 "${CTL_TIMEOUT:-20}" rabbitmqctl -q -n "$NODE" "$@"; }
# The node's Erlang VM, found by the node name in its environment (3.10 keeps it off the command line). epmd, which the
# first node started and which serves every node here, carries that name too but is not a beam.smp; the VM's port
# programs end with it.
node_pids() {
  local dir comm
  for dir in /proc/[0-9]*; do
    { read -r comm <"$dir/comm"; } 2>/dev/null || continue
    [ "$comm" = beam.smp ] || continue
    { tr '\0' '\n' <"$dir/environ"; } 2>/dev/null | grep -qx "RABBITMQ_NODENAME=$NODE" && echo "${dir#/proc/}"
  done
  return 0
}
kill_node() {
  local pids; pids=$(node_pids)
  [ -n "$pids" ] || return 0
  kill $pids 2>/dev/null || true
  for _ in $(seq 1 20); do [ -z "$(node_pids)" ] && return 0; sleep 0.25; done
  kill -9 $(node_pids) 2>/dev/null || true
  sleep 0.5
}
# What a person needs when the node will not come up: every line of it on stderr, which the test suites print.
diagnose() {
  {
    echo "--- RabbitMQ node $NODE: diagnostics"
    echo "node processes: $(node_pids | tr '\n' ' ')"
    echo "epmd: $(timeout 5 epmd -names 2>&1 | tr '\n' ';')"
    df -h "$DIR" 2>&1 | tail -n 1
    grep -E '^(MemTotal|MemAvailable):' /proc/meminfo | tr -s ' \n' ' '; echo
    { ss -ltnp || netstat -ltnp; } 2>/dev/null | grep -E ":($PORT|$((PORT + 1000))|4369)\b" || true
    tail -n 40 "$DIR/log/"*.log 2>/dev/null || true
    echo "---"
  } >&2
}

exec 9>"/tmp/coderoom-rabbitmq-$PORT.lock"
flock -w 150 9 || { echo "start-rabbitmq.sh: another start of the node on port $PORT holds its lock after 150 s" >&2; exit 1; }

if [ "${1:-}" = stop ] || [ "${1:-}" = reset ]; then
  CTL_TIMEOUT=60 ctl stop >/dev/null 2>&1 9>&- || true
  kill_node
  [ "${1:-}" = reset ] && rm -rf "$DIR/mnesia"
  exit 0
fi
# 30 s: rabbitmqctl itself takes 1-2 s to start here, several at a load of 40, and a node that is only slow must not be
# killed with jobs on it by a second caller of this script.
if CTL_TIMEOUT=30 ctl status >/dev/null 2>&1 9>&-; then
  echo "$URL"; exit 0
fi
# Not answering: a node that died leaves nothing, but one that is wedged (registered, unresponsive) or half-started
# would make every start below fail as "already running" until the caller gives up. Stop it first.
kill_node
mkdir -p "$DIR/mnesia" "$DIR/log"
# Loopback only; the default guest user may then connect (it is refused from other hosts anyway). A throwaway node on
# a developer's or CI's disk: the free-disk alarm (which blocks every publisher) only when the disk is truly full.
cat >"$DIR/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$PORT
loopback_users.guest = true
disk_free_limit.absolute = 20MB
log.file.level = info
CONF
echo "[]." >"$DIR/enabled_plugins"
chown -R rabbitmq:rabbitmq "$DIR"
# A node that dies at start leaves a crash dump: say why at once instead of waiting, and try twice more (a port held for
# a moment by something else). One that neither starts nor dies within 45 s is killed and tried again; the last
# try starts from an empty database (a node that cannot read its own is of no use to anyone).
for try in 1 2 3; do
  rm -f "$DIR/erl_crash.dump"
  if [ "$try" = 3 ]; then
    # Said, not done silently: the jobs the node held go with it. PostgreSQL keeps their rows, and an Api's sweeper
    # publishes queued rows again about a minute later (docs/deploy.md).
    echo "RabbitMQ node $NODE: starting from an empty database ($DIR/mnesia removed)" >&2
    rm -rf "$DIR/mnesia"; mkdir -p "$DIR/mnesia"; chown rabbitmq:rabbitmq "$DIR/mnesia"
  fi
  # The node must not inherit the lock (fd 9) or our stdout, or callers wait on it forever.
  runuser -u rabbitmq --preserve-environment -- rabbitmq-server -detached >/dev/null 2>&1 9>&- </dev/null
  # await_startup fails at once until the node has registered with epmd: ask again until it is up (about 5 s here).
  deadline=$((SECONDS + 45))
  while [ "$SECONDS" -lt "$deadline" ]; do
    CTL_TIMEOUT=15 ctl await_startup --timeout 10 >/dev/null 2>&1 9>&- && { echo "$URL"; exit 0; }
    [ -s "$DIR/erl_crash.dump" ] && break
    sleep 0.5
  done
  if [ -s "$DIR/erl_crash.dump" ]; then
    echo "RabbitMQ node $NODE did not start (try $try): $(grep -m1 '^Slogan:' "$DIR/erl_crash.dump" | cut -c1-400)" >&2
  else
    echo "RabbitMQ node $NODE did not start within 45 s (try $try)" >&2
    diagnose
  fi
  kill_node
  sleep 2
done
diagnose
exit 1
