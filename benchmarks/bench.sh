#!/usr/bin/env bash
# Runs the benchmarks: this project's server (bench-server on Open Liberty) and the original Node module
# (node-baseline) side by side on one Redis, the same load generator (bench-load) against each in turn.
#
#   bench.sh start                 build what is missing, start Redis, the Node baseline and the Liberty server
#   bench.sh stop                  stop all three
#   bench.sh once SERVER SCENARIO [--option value]...
#                                  one run against java or node, its RESULT line on stdout
#   bench.sh compare RUNS SCENARIO [--option value]...
#                                  RUNS rounds of (java, node) back to back, RESULT lines appended to $RESULTS
#   bench.sh targets [RUNS]        the issue's whole table (default 3 rounds), then the summary
#   bench.sh summary [FILE]...     medians per server and the java/node ratios
#
# Environment: RESULTS (default results/raw-<date>.txt), JAVA_PORT (19200), NODE_PORT (19300),
# REDIS_PORT (19399), JAVA_URL and NODE_URL (derived from the ports).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
STATE="$HERE/target"
JAVA_PORT="${JAVA_PORT:-19200}"
NODE_PORT="${NODE_PORT:-19300}"
REDIS_PORT="${REDIS_PORT:-19399}"
JAVA_URL="${JAVA_URL:-http://127.0.0.1:$JAVA_PORT/bench}"
NODE_URL="${NODE_URL:-http://127.0.0.1:$NODE_PORT}"
RESULTS="${RESULTS:-$HERE/results/raw-$(date +%F).txt}"
LOAD_CP="$HERE/bench-load/target/classes:$HERE/bench-load/target/lib/*"

answers() { curl -fs -o /dev/null --max-time 2 "$1"; }

wait_for() { # url seconds
  for _ in $(seq 1 "$(( $2 * 5 ))"); do answers "$1" && return 0; sleep 0.2; done
  echo "no answer from $1 after $2 s" >&2; return 1
}

start() {
  mkdir -p "$STATE"
  if [ ! -f "$HERE/bench-server/target/bench.war" ] || [ ! -d "$HERE/bench-load/target/lib" ]; then
    (cd "$ROOT" && mvn -B -q install -DskipTests -DskipITs)
  fi
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
      --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log"
  fi
  if ! answers "$NODE_URL/bench/stats"; then
    PID_FILE="$STATE/node.pid" nohup "$HERE/node-baseline/start.sh" --port "$NODE_PORT" --redis-port "$REDIS_PORT" \
      >"$STATE/node.log" 2>&1 &
    echo $! >"$STATE/node-start.pid"
  fi
  if ! answers "$JAVA_URL/bench/stats"; then
    (cd "$ROOT" && TOKEN_SOCKJS_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
      mvn -B -q -pl benchmarks/bench-server liberty:create liberty:deploy liberty:start -Dbench.http.port="$JAVA_PORT")
  fi
  wait_for "$NODE_URL/bench/stats" 60
  wait_for "$JAVA_URL/bench/stats" 120
  echo "java: $JAVA_URL  node: $NODE_URL  redis: 127.0.0.1:$REDIS_PORT"
}

stop() {
  (cd "$ROOT" && mvn -B -q -pl benchmarks/bench-server liberty:stop) || true
  if [ -f "$STATE/node-start.pid" ]; then kill "$(cat "$STATE/node-start.pid")" 2>/dev/null || true; rm -f "$STATE/node-start.pid"; fi
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}

url_of() {
  case "$1" in
    java) echo "$JAVA_URL" ;;
    node) echo "$NODE_URL" ;;
    *) echo "server is java or node, not $1" >&2; exit 2 ;;
  esac
}

once() { # server scenario options...
  local server="$1" scenario="$2"; shift 2
  java -Xms256m -Xmx2g -cp "$LOAD_CP" io.tokensockjs.bench.load.Bench "$scenario" --url "$(url_of "$server")" "$@"
}

compare() { # runs scenario options...
  local runs="$1"; shift
  mkdir -p "$(dirname "$RESULTS")"
  for round in $(seq 1 "$runs"); do
    for server in java node; do
      once "$server" "$@" | tee -a "$RESULTS"
      sleep 2
    done
  done
}

targets() {
  local runs="${1:-3}"
  compare "$runs" rpc --clients 50 --inflight 1 --bytes 64
  compare "$runs" rpc --clients 50 --inflight 10 --bytes 64
  compare "$runs" fanout --subscribers 100 --window 20 --bytes 64
  compare "$runs" token --clients 20
  compare 1 fanout --subscribers 100 --rate 1000 --slow 10 --bytes 1024 --secs 60 --sample 5
  summary "$RESULTS"
}

summary() {
  java -cp "$LOAD_CP" io.tokensockjs.bench.load.Bench summary "${@:-$RESULTS}"
}

command="${1:-}"; shift || true
case "$command" in
  start) start ;;
  stop) stop ;;
  once) once "$@" ;;
  compare) compare "$@" ;;
  targets) targets "$@" ;;
  summary) summary "$@" ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
