#!/usr/bin/env bash
# Installs Debian's redis-server when missing and starts a private Redis on
# 127.0.0.1:$BACKCHAT_REDIS_PORT (default 6379) unless one already answers there.
# Rasa keeps its conversation locks in it when it runs more than one worker.
# Nothing is persisted: locks only matter while the servers run.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${BACKCHAT_REDIS_PORT:-6379}"
if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
  echo "==> installing Debian's redis-server (Rasa's lock store for several workers)" >&2
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq >/dev/null
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends redis-server >/dev/null
fi
if ! redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
  mkdir -p var/redis
  redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --save '' \
    --appendonly no --dir "$(pwd)/var/redis" --logfile "$(pwd)/var/redis/redis.log" \
    --pidfile "$(pwd)/var/redis/redis.pid" >/dev/null
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null || {
    echo "Redis did not start on port $port; see var/redis/redis.log" >&2
    exit 1
  }
fi
echo "$port"
