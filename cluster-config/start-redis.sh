#!/usr/bin/env bash
# Starts a Redis server for cluster-config/redis.json on 127.0.0.1 only, installing it from the distribution's
# packages first if it is missing. Usage: cluster-config/start-redis.sh [PORT]   (default 6379)
set -euo pipefail
port="${1:-6379}"

if ! command -v redis-server >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server
fi

if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
    echo "redis already answering on 127.0.0.1:$port"
    exit 0
fi

# Loopback only, no persistence to disk: the cluster's state lives as long as this server does.
redis-server --bind 127.0.0.1 --port "$port" --protected-mode yes --save "" --appendonly no --daemonize yes \
    --logfile "${TMPDIR:-/tmp}/portfolio-margin-redis-$port.log"
for _ in $(seq 50); do
    if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
        echo "redis listening on 127.0.0.1:$port"
        exit 0
    fi
    sleep 0.1
done
echo "redis did not start; see ${TMPDIR:-/tmp}/portfolio-margin-redis-$port.log" >&2
exit 1
