#!/usr/bin/env bash
# 10,000 sockets joining one channel across two Liberty servers sharing one Redis (issue #14): the time until both
# servers' presence counts every socket, and the growth of Redis's used_memory. Runs by hand, never by mvn verify:
#
#   mvn -B -pl benchmarks/bench-server,benchmarks/bench-load -am package -DskipTests   # the war and the load generator
#   benchmarks/presence10k.sh                                                           # RESULT line on stdout
#
# It unpacks the Open Liberty runtime Maven already holds into benchmarks/target/wlp, makes two servers from the
# project's server.xml with bench.war in dropins (the war as built in this tree, library jars included), starts Redis
# on REDIS_PORT, runs bench-load's presence scenario against both, and stops everything it started.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
STATE="$HERE/target"
WLP="$STATE/wlp"
PORT_A="${PORT_A:-19200}"
PORT_B="${PORT_B:-19210}"
REDIS_PORT="${REDIS_PORT:-19399}"
RUNTIME="$(ls "$HOME"/.m2/repository/io/openliberty/openliberty-runtime/*/openliberty-runtime-*.zip | tail -1)"
LOAD_CP="$HERE/bench-load/target/classes:$HERE/bench-load/target/lib/*"

mkdir -p "$STATE"
[ -x "$WLP/bin/server" ] || (cd "$STATE" && unzip -q "$RUNTIME")

make_server() { # name port
  local dir="$WLP/usr/servers/$1"
  [ -d "$dir" ] || "$WLP/bin/server" create "$1" >/dev/null
  cp "$ROOT/server.xml" "$dir/server.xml"
  mkdir -p "$dir/dropins"
  cp "$HERE/bench-server/target/bench.war" "$dir/dropins/bench.war"
  printf 'http.port=%s\nhttps.port=%s\n' "$2" "$(( $2 + 1 ))" >"$dir/bootstrap.properties"
  printf 'TOKEN_SOCKJS_REDIS_URL=redis://127.0.0.1:%s\nTOKEN_SOCKJS_CLUSTER_USER_KEY=user\n' "$REDIS_PORT" >"$dir/server.env"
  printf -- '-Xmx1g\n' >"$dir/jvm.options"
}

wait_for() { # url
  for _ in $(seq 1 600); do curl -fs -o /dev/null --max-time 2 "$1" && return 0; sleep 0.2; done
  echo "no answer from $1" >&2; return 1
}

stop_all() {
  "$WLP/bin/server" stop presenceA >/dev/null 2>&1 || true
  "$WLP/bin/server" stop presenceB >/dev/null 2>&1 || true
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}
trap stop_all EXIT

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --pidfile "$STATE/presence-redis.pid" --logfile "$STATE/presence-redis.log"
make_server presenceA "$PORT_A"
make_server presenceB "$PORT_B"
"$WLP/bin/server" start presenceA >/dev/null
"$WLP/bin/server" start presenceB >/dev/null
wait_for "http://127.0.0.1:$PORT_A/bench/bench/stats"
wait_for "http://127.0.0.1:$PORT_B/bench/bench/stats"
java -Xms256m -Xmx2g -cp "$LOAD_CP" io.tokensockjs.bench.load.Bench presence \
  --url "http://127.0.0.1:$PORT_A/bench,http://127.0.0.1:$PORT_B/bench" --redis "127.0.0.1:$REDIS_PORT" "$@"
echo "redis: $(redis-cli -p "$REDIS_PORT" info memory | grep -E '^used_memory_human' | tr -d '\r'), \
keys $(redis-cli -p "$REDIS_PORT" dbsize | tr -d '\r')"
