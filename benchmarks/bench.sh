#!/usr/bin/env bash
# Runs the benchmarks: this project's server (bench-server on Open Liberty) and the original Node module
# (node-baseline) side by side on one Redis, the same load generator (bench-load) against each in turn.
#
#   bench.sh start                 build what is missing, start Redis, the Node baseline and the Liberty server
#   bench.sh stop                  stop them (and the second pair of connect20k, if left running)
#   bench.sh once SERVER SCENARIO [--option value]...
#                                  one run against java or node, its RESULT line on stdout
#   bench.sh compare RUNS SCENARIO [--option value]...
#                                  RUNS rounds of (java, node) back to back, RESULT lines appended to $RESULTS
#   bench.sh targets [RUNS]        the issue's table (default 3 rounds) after a warm-up round, then the summary
#   bench.sh connect20k            20,000 idle sockets held on this machine: two servers of each kind, 10,000 each
#                                  (one process may not hold 20,000: the open-files limit here is 20,000)
#   bench.sh summary [FILE]...     medians per server and the java/node ratios
#
# Environment: RESULTS (default results/raw-<date>.txt), JAVA_PORT (19200), NODE_PORT (19300), REDIS_PORT (19399).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
STATE="$HERE/target"
JAVA_PORT="${JAVA_PORT:-19200}"
NODE_PORT="${NODE_PORT:-19300}"
REDIS_PORT="${REDIS_PORT:-19399}"
RESULTS="${RESULTS:-$HERE/results/raw-$(date +%F).txt}"
LOAD_CP="$HERE/bench-load/target/classes:$HERE/bench-load/target/lib/*"
mkdir -p "$STATE"

java_url() { echo "http://127.0.0.1:$1/bench"; }
node_url() { echo "http://127.0.0.1:$1"; }

answers() { curl -fs -o /dev/null --max-time 2 "$1"; }

wait_for() { # url seconds
  for _ in $(seq 1 "$(( $2 * 5 ))"); do answers "$1" && return 0; sleep 0.2; done
  echo "no answer from $1 after $2 s" >&2; return 1
}

start_java() { # port server-name
  if ! answers "$(java_url "$1")/bench/stats"; then
    (cd "$ROOT" && TOKEN_SOCKJS_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" mvn -B -q -pl benchmarks/bench-server \
      liberty:create liberty:deploy liberty:start -Dbench.http.port="$1" -Dbench.https.port="$(( $1 + 1 ))" \
      -Dbench.server.name="$2")
  fi
  wait_for "$(java_url "$1")/bench/stats" 120
}

stop_java() { # server-name
  (cd "$ROOT" && mvn -B -q -pl benchmarks/bench-server liberty:stop -Dbench.server.name="$1") || true
}

start_node() { # port
  if ! answers "$(node_url "$1")/bench/stats"; then
    PID_FILE="$STATE/node-$1.pid" nohup "$HERE/node-baseline/start.sh" --port "$1" --redis-port "$REDIS_PORT" \
      >"$STATE/node-$1.log" 2>&1 &
    echo $! >"$STATE/node-start-$1.pid"
  fi
  wait_for "$(node_url "$1")/bench/stats" 60
}

stop_node() { # port
  if [ -f "$STATE/node-start-$1.pid" ]; then
    kill "$(cat "$STATE/node-start-$1.pid")" 2>/dev/null || true
    rm -f "$STATE/node-start-$1.pid"
  fi
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
  start_node "$NODE_PORT"
  start_java "$JAVA_PORT" benchServer
  echo "java: $(java_url "$JAVA_PORT")  node: $(node_url "$NODE_PORT")  redis: 127.0.0.1:$REDIS_PORT"
}

stop() {
  stop_java benchServer
  stop_java benchServer2
  stop_node "$NODE_PORT"
  stop_node "$(( NODE_PORT + 10 ))"
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}

url_of() {
  case "$1" in
    java) java_url "$JAVA_PORT" ;;
    node) node_url "$NODE_PORT" ;;
    *) echo "server is java or node, not $1" >&2; exit 2 ;;
  esac
}

load() { # scenario options... (the load generator itself)
  java -Xms256m -Xmx2g -cp "$LOAD_CP" io.tokensockjs.bench.load.Bench "$@"
}

once() { # server scenario options...
  local server="$1" scenario="$2"; shift 2
  load "$scenario" --url "$(url_of "$server")" "$@"
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

# The cases of the issue's table. A first round warms both servers up (the JVM compiles for tens of seconds;
# V8 too, for less) and is not recorded.
CASES=(
  "rpc --clients 50 --inflight 1 --bytes 64"
  "rpc --clients 50 --inflight 10 --bytes 64"
  "fanout --subscribers 100 --window 100 --bytes 64"
  "token --clients 20"
)

targets() {
  local runs="${1:-3}"
  for case in "${CASES[@]}"; do
    for server in java node; do
      # shellcheck disable=SC2086
      once "$server" $case --warmup 10 --secs 10 >/dev/null
    done
  done
  for case in "${CASES[@]}"; do
    # shellcheck disable=SC2086
    compare "$runs" $case
  done
  compare 1 fanout --subscribers 100 --rate 1000 --slow 10 --bytes 1024 --secs 60 --sample 5
  compare "$runs" connect --sockets 19500 --rate 1000 --hold 10
  summary "$RESULTS"
}

connect20k() {
  start_java "$(( JAVA_PORT + 10 ))" benchServer2
  start_node "$(( NODE_PORT + 10 ))"
  mkdir -p "$(dirname "$RESULTS")"
  for pair in "java_url $JAVA_PORT" "node_url $NODE_PORT"; do
    set -- $pair
    # Two load processes (one process may not open 20,000 sockets either), one per server, at the same time.
    load connect --url "$($1 "$2")" --sockets 10000 --rate 500 --hold 10 >"$STATE/c20k-1.txt" &
    local first=$!
    load connect --url "$($1 "$(( $2 + 10 ))")" --sockets 10000 --rate 500 --hold 10 >"$STATE/c20k-2.txt"
    wait "$first"
    sed 's/case=n10000/case=n10000of20000/' "$STATE/c20k-1.txt" "$STATE/c20k-2.txt" | tee -a "$RESULTS"
  done
  stop_java benchServer2
  stop_node "$(( NODE_PORT + 10 ))"
}

summary() {
  load summary "${@:-$RESULTS}"
}

command="${1:-}"; shift || true
case "$command" in
  start) start ;;
  stop) stop ;;
  once) once "$@" ;;
  compare) compare "$@" ;;
  targets) targets "$@" ;;
  connect20k) connect20k ;;
  summary) summary "$@" ;;
  *) sed -n '2,17p' "$0"; exit 2 ;;
esac
