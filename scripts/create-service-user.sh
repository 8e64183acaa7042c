#!/usr/bin/env bash
# Creates (once) the unprivileged system user the Api runs as in fleet mode (issue 12): no login shell, no home, no
# capabilities; it only serves HTTP and talks to PostgreSQL, Redis and RabbitMQ. Idempotent. Prints the user's name.
set -euo pipefail
NAME="${CODEROOM_SERVICE_USER:-coderoom}"
if ! id "$NAME" >/dev/null 2>&1; then
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$NAME"
fi
echo "$NAME"
