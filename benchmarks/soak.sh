#!/usr/bin/env bash
# The soak: one bench server (Open Liberty) on a Redis that the load generator owns and kills with SIGKILL every
# few minutes, under paced RPC calls, pub/sub deliveries and connect/authenticate/close cycles, for an hour by
# default. Every minute a table row (work done, heap after full GC, RSS, threads, file descriptors, sockets,
# Redis memory); at the end what failed or was lost inside and outside the fault windows.
#
#   soak.sh [MINUTES] [--option value]...     options of the soak scenario (benchmarks/README.md)
#
# Writes results/soak-<date>.md (the table and the summary). Environment: SOAK_PORT (19250), SOAK_REDIS_PORT (19499).
# The load is paced, not flat out (about 0.3 of a core for the server): it runs beside other work on the machine.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
STATE="$HERE/target"
PORT="${SOAK_PORT:-19250}"
REDIS_PORT="${SOAK_REDIS_PORT:-19499}"
MINUTES="${1:-60}"; shift || true
OUT="${OUT:-$HERE/results/soak-$(date +%F).md}"
LOAD_CP="$HERE/bench-load/target/classes:$HERE/bench-load/target/lib/*"
SERVER=soakServer
mkdir -p "$STATE" "$(dirname "$OUT")"

if [ ! -f "$HERE/bench-server/target/bench.war" ] || [ ! -d "$HERE/bench-load/target/lib" ]; then
  # Built within the reactor (never installed): the modules come from this tree.
  (cd "$ROOT" && mvn -B -q package -pl benchmarks/bench-server,benchmarks/bench-load -am -DskipTests -DskipITs)
fi

stop_server() {
  (cd "$ROOT" && mvn -B -q -pl benchmarks/bench-server liberty:stop -Dbench.server.name="$SERVER") || true
}
trap stop_server EXIT

# The server starts before Redis exists (the soak starts it) and connects when it appears.
(cd "$ROOT" && TOKEN_SOCKJS_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" mvn -B -q -pl benchmarks/bench-server \
  liberty:create liberty:deploy liberty:start -Dbench.http.port="$PORT" -Dbench.https.port="$(( PORT + 1 ))" \
  -Dbench.server.name="$SERVER")

{
  echo "# Soak, $(date -u +'%F %H:%M UTC')"
  echo
  echo "Command: \`benchmarks/soak.sh $MINUTES $*\` on commit $(git -C "$ROOT" rev-parse --short HEAD);"
  echo "machine: $(nproc) cores shared with other work, $(java -version 2>&1 | head -1), $(redis-server --version | cut -d' ' -f1-3)."
  echo
} >"$OUT"
java -Xms128m -Xmx512m -cp "$LOAD_CP" io.tokensockjs.bench.load.Bench soak --url "http://127.0.0.1:$PORT/bench" \
  --minutes "$MINUTES" --redis-port "$REDIS_PORT" --redis-log "$STATE/soak-redis.log" "$@" | tee -a "$OUT"
echo "results: $OUT"
