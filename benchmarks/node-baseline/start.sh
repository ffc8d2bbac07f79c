#!/usr/bin/env bash
# Starts the node-token-sockjs baseline server (see README.md).
#
# Usage: start.sh [--port P] [--redis-port R]
#
#   --port P        HTTP port of the node server (default: $PORT or 19300)
#   --redis-port R  use an already running Redis on REDIS_HOST:R
#                   (REDIS_HOST defaults to 127.0.0.1). Without it, a private
#                   redis-server is started on a free loopback port and stopped
#                   again when this script ends.
#
# Environment: PID_FILE  if set, the node process id is written there.
#
# Prints "READY http://127.0.0.1:<port>" once GET /bench/stats answers.
# SIGINT/SIGTERM stop node and the redis-server this script started.
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

PORT="${PORT:-19300}"
REDIS_PORT=""
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"

usage() {
  echo "usage: $0 [--port P] [--redis-port R]" >&2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --port) [ $# -ge 2 ] || { usage; exit 2; }; PORT="$2"; shift 2 ;;
    --port=*) PORT="${1#*=}"; shift ;;
    --redis-port) [ $# -ge 2 ] || { usage; exit 2; }; REDIS_PORT="$2"; shift 2 ;;
    --redis-port=*) REDIS_PORT="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage; exit 2 ;;
  esac
done

command -v node >/dev/null 2>&1 || { echo "error: node is not installed (need Node.js >= 18)" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || { echo "error: curl is not installed" >&2; exit 1; }

NODE_PID=""
REDIS_PID=""
REDIS_DIR=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$NODE_PID" ] && kill -0 "$NODE_PID" 2>/dev/null; then
    kill -TERM "$NODE_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$NODE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$NODE_PID" 2>/dev/null || true
  fi
  if [ -n "$REDIS_PID" ] && kill -0 "$REDIS_PID" 2>/dev/null; then
    kill -TERM "$REDIS_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$REDIS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$REDIS_PID" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  if [ -n "$REDIS_DIR" ]; then rm -rf "$REDIS_DIR"; fi
  if [ -n "${PID_FILE:-}" ] && [ -n "$NODE_PID" ] && [ "$(cat "$PID_FILE" 2>/dev/null)" = "$NODE_PID" ]; then
    rm -f "$PID_FILE"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_open() { # host port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

if port_open 127.0.0.1 "$PORT"; then
  echo "error: port $PORT is already in use" >&2
  exit 1
fi

if [ -z "$REDIS_PORT" ]; then
  REDIS_BIN="$(command -v redis-server || true)"
  if [ -z "$REDIS_BIN" ]; then
    echo "error: redis-server not found on PATH; install it (e.g. apt-get install redis-server) or pass --redis-port of a running Redis" >&2
    exit 1
  fi
  REDIS_HOST=127.0.0.1
  REDIS_PORT="$(free_port)"
  REDIS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/node-baseline-redis.XXXXXX")"
  "$REDIS_BIN" --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
    --dir "$REDIS_DIR" >"$REDIS_DIR/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 100); do
    port_open 127.0.0.1 "$REDIS_PORT" && break
    kill -0 "$REDIS_PID" 2>/dev/null || break
    sleep 0.1
  done
  if ! port_open 127.0.0.1 "$REDIS_PORT"; then
    echo "error: redis-server did not start on port $REDIS_PORT:" >&2
    cat "$REDIS_DIR/redis.log" >&2 || true
    exit 1
  fi
  echo "redis-server (pid $REDIS_PID) on 127.0.0.1:$REDIS_PORT"
fi

if [ ! -d "$DIR/node_modules" ]; then
  (cd "$DIR" && npm ci --no-audit --no-fund)
fi

# Many concurrent sockets: raise the open-files soft limit to the hard limit.
ulimit -n "$(ulimit -Hn)" || echo "warning: could not raise open-files limit (now $(ulimit -n))" >&2

cd "$DIR"
PORT="$PORT" REDIS_HOST="$REDIS_HOST" REDIS_PORT="$REDIS_PORT" node --expose-gc server.js &
NODE_PID=$!
if [ -n "${PID_FILE:-}" ]; then
  echo "$NODE_PID" > "$PID_FILE"
fi

ready=""
for _ in $(seq 1 300); do
  if ! kill -0 "$NODE_PID" 2>/dev/null; then
    break
  fi
  if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/bench/stats" 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "error: node server did not answer on http://127.0.0.1:$PORT/bench/stats" >&2
  exit 1
fi
echo "READY http://127.0.0.1:$PORT"

# Stay in the foreground until node exits (or a signal arrives: the traps
# above then stop node and redis).
set +e
wait "$NODE_PID"
rc=$?
NODE_PID=""
exit "$rc"
