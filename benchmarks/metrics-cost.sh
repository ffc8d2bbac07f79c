#!/usr/bin/env bash
# The cost of the library's metrics on the rpc benchmark: the bench server started alternately with metrics on
# (the default) and off (TOKEN_SOCKJS_METRICS_ENABLED=false), ROUNDS times each, a fresh server per round, the same
# rpc case against each. Builds nothing: run `mvn -B package -DskipTests -pl benchmarks/bench-server,benchmarks/bench-load -am`
# first. RESULT lines go to stdout with mode=on|off prepended.
#
#   benchmarks/metrics-cost.sh [ROUNDS] [rpc options...]     (default: 3 rounds, --clients 50 --inflight 10 --bytes 64)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PORT="${PORT:-19250}"
NAME="${NAME:-metricsBench}"
ROUNDS="${1:-3}"
shift || true
OPTIONS=("$@")
[ ${#OPTIONS[@]} -eq 0 ] && OPTIONS=(--clients 50 --inflight 10 --bytes 64)
LOAD_CP="$HERE/bench-load/target/classes:$HERE/bench-load/target/lib/*"
SERVER_DIR="$HERE/bench-server/target/liberty/wlp/usr/servers/$NAME"
URL="http://127.0.0.1:$PORT/bench"

liberty() { (cd "$ROOT" && mvn -B -q -o -pl benchmarks/bench-server "$@" -Dbench.server.name="$NAME" \
  -Dbench.http.port="$PORT" -Dbench.https.port="$(( PORT + 1 ))"); }

wait_for() { for _ in $(seq 1 600); do curl -fs -o /dev/null --max-time 2 "$1" && return 0; sleep 0.2; done; return 1; }

start() { # metrics on|off
  liberty liberty:create
  # The WAR the reactor just packaged (with this tree's library), not one resolved from ~/.m2.
  mkdir -p "$SERVER_DIR/dropins"
  cp "$HERE/bench-server/target/bench.war" "$SERVER_DIR/dropins/bench.war"
  if [ "$1" = off ]; then
    TOKEN_SOCKJS_METRICS_ENABLED=false liberty liberty:start
  else
    liberty liberty:start
  fi
  wait_for "$URL/bench/stats"
}

stop() { liberty liberty:stop || true; }
trap stop EXIT

for round in $(seq 1 "$ROUNDS"); do
  for mode in on off; do
    start "$mode"
    grep -q "metrics are off" "$SERVER_DIR/logs/messages.log" 2>/dev/null && echo "# round $round: server says metrics are off" >&2 || true
    line="$(java -Xms256m -Xmx2g -cp "$LOAD_CP" io.tokensockjs.bench.load.Bench rpc --url "$URL" --warmup 10 --secs 20 "${OPTIONS[@]}" | grep '^RESULT')"
    echo "mode=$mode round=$round $line"
    stop
  done
done
