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

# Built within the reactor, never installed: the modules come from this tree.
(cd "$ROOT" && mvn -B -q -o package -pl benchmarks/bench-server,benchmarks/bench-load -am -DskipTests -DskipITs)

# A Liberty of its own, from the runtime the build uses, with the project's server.xml untouched and the WAR in
# dropins (context root /bench). Driven by its own scripts: the Maven plugin would resolve the modules from ~/.m2.
WLP="$STATE/soak-wlp/wlp"
if [ ! -x "$WLP/bin/server" ]; then
  version="$(sed -n 's:.*<openliberty.version>\(.*\)</openliberty.version>.*:\1:p' "$ROOT/pom.xml")"
  unzip -q -o "$HOME/.m2/repository/io/openliberty/openliberty-runtime/$version/openliberty-runtime-$version.zip" \
    -d "$STATE/soak-wlp"
fi
SERVER_DIR="$WLP/usr/servers/$SERVER"
[ -d "$SERVER_DIR" ] || "$WLP/bin/server" create "$SERVER" >/dev/null
cp "$ROOT/server.xml" "$SERVER_DIR/server.xml"
printf 'http.port=%s\nhttps.port=%s\n' "$PORT" "$(( PORT + 1 ))" >"$SERVER_DIR/bootstrap.properties"
printf -- '-Xmx1g\n-XX:+UseG1GC\n' >"$SERVER_DIR/jvm.options"
printf 'TOKEN_SOCKJS_REDIS_URL=redis://127.0.0.1:%s\n' "$REDIS_PORT" >"$SERVER_DIR/server.env"
mkdir -p "$SERVER_DIR/dropins"
rm -rf "$SERVER_DIR/dropins/"* "$SERVER_DIR/logs"
cp "$HERE/bench-server/target/bench.war" "$SERVER_DIR/dropins/bench.war"

stop_server() {
  "$WLP/bin/server" stop "$SERVER" >/dev/null || true
}
trap stop_server EXIT
# The server starts before Redis exists (the soak starts it) and connects when it appears.
"$WLP/bin/server" start "$SERVER" >/dev/null
for _ in $(seq 1 600); do
  curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/bench/bench/stats" && break
  sleep 0.2
done

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
