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
URL="http://127.0.0.1:$PORT/bench"

# A Liberty installation the build already unpacked (WLP, default: src-it's), and a server of its own made from the
# project's server.xml, as bench-server's pom makes its one; no Maven, so the WAR is this tree's.
WLP="${WLP:-$ROOT/src-it/target/liberty/wlp}"
SERVER_DIR="$WLP/usr/servers/$NAME"

wait_for() { for _ in $(seq 1 600); do curl -fs -o /dev/null --max-time 2 "$1" && return 0; sleep 0.2; done; return 1; }

start() { # metrics on|off
  rm -rf "$SERVER_DIR"
  "$WLP/bin/server" create "$NAME" >/dev/null
  cp "$ROOT/server.xml" "$SERVER_DIR/server.xml"
  printf 'http.port=%s\nhttps.port=%s\n' "$PORT" "$(( PORT + 1 ))" >"$SERVER_DIR/bootstrap.properties"
  printf -- '-Xmx4g\n-XX:+UseG1GC\n' >"$SERVER_DIR/jvm.options"
  mkdir -p "$SERVER_DIR/dropins"
  cp "$HERE/bench-server/target/bench.war" "$SERVER_DIR/dropins/bench.war"
  if [ "$1" = off ]; then
    TOKEN_SOCKJS_METRICS_ENABLED=false "$WLP/bin/server" start "$NAME" >/dev/null
  else
    "$WLP/bin/server" start "$NAME" >/dev/null
  fi
  wait_for "$URL/bench/stats"
}

stop() { "$WLP/bin/server" stop "$NAME" >/dev/null 2>&1 || true; }
trap stop EXIT

for round in $(seq 1 "$ROUNDS"); do
  for mode in on off; do
    start "$mode"
    line="$(java -Xms256m -Xmx2g -cp "$LOAD_CP" io.tokensockjs.bench.load.Bench rpc --url "$URL" --warmup 10 --secs 20 "${OPTIONS[@]}" | grep '^RESULT')"
    echo "mode=$mode round=$round $line"
    # The metrics bean starts with the first socket: only now does the log say whether they were off.
    echo "# round $round, metrics $mode: $(grep -c 'metrics are off' "$SERVER_DIR/logs/messages.log" || true) 'metrics are off' lines in the server log" >&2
    stop
  done
done
