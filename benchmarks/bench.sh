#!/usr/bin/env bash
# Runs the benchmarks: this project's bench WAR on Open Liberty and on Payara Micro, and the original Node module
# (node-baseline), side by side on one Redis, the same load generator (bench-load) against each in turn.
#
#   bench.sh start                 build what is missing, start Redis, the Node baseline, and Liberty and Payara
#                                  when $SERVERS names them. Both deploy benchmarks/bench-server/target/bench.war as
#                                  it is: after changing the library, rebuild it (mvn -B -q package -DskipTests
#                                  -DskipITs -pl benchmarks/bench-server -am) and restart
#   bench.sh stop                  stop them (and the second pair of connect20k, if left running)
#   bench.sh once SERVER SCENARIO [--option value]...
#                                  one run against liberty, payara or node (java: liberty), its RESULT line on stdout
#   bench.sh compare RUNS SCENARIO [--option value]...
#                                  RUNS rounds of every server in $SERVERS back to back, RESULT lines appended to $RESULTS
#   bench.sh targets [RUNS] [TRAFFIC]
#                                  the issue's four cases (default 3 rounds) after a warm-up round, then the summary;
#                                  TRAFFIC is the generator's --traffic: browser (default) or batching (without the
#                                  token route, plain HTTP either way)
#   bench.sh idle [RUNS] [SOCKETS] idle authenticated sockets (connect scenario, default 1 round of 10,000) on every
#                                  server, with a class histogram of each Java server while it holds them
#   bench.sh jfr SERVER SCENARIO [--option value]...
#                                  the case against SERVER with a JFR recording of the server while it is measured;
#                                  the RESULT line and `Bench jfr`'s summary go to results/jfr-<date>-SERVER-<case>[-$TAG].txt
#   bench.sh connect20k            20,000 idle sockets held on this machine: two Liberty and two Node servers, 10,000 each
#                                  (one process may not hold 20,000: the open-files limit here is 20,000)
#   bench.sh summary [FILE]...     medians per server and the ratios against node
#
# Environment: RESULTS (default results/raw-<date>.txt), SERVERS (the servers compare and targets run, default
# "liberty payara node"), JAVA_PORT (Liberty, 19200), PAYARA_PORT (19230), NODE_PORT (19300), REDIS_PORT (19399),
# SERVER_JAVA_HOME (the JDK Liberty and Payara run on; default the one `java` on the PATH belongs to; the load
# generator always runs on the PATH's), SERVER_HEAP (-Xmx4g), PAYARA_JAR (Payara Micro from ~/.m2), TAG (a
# suffix for the files jfr and idle write: before, after), CASE_OPTIONS (appended to every case of targets, e.g. "--secs 10"),
# TARGETS_WARMUP (0: targets skips its warm-up round, for servers that just ran), HEAP_DUMPS (1: idle takes heap dumps).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
STATE="$HERE/target"
JAVA_PORT="${JAVA_PORT:-19200}"
PAYARA_PORT="${PAYARA_PORT:-19230}"
NODE_PORT="${NODE_PORT:-19300}"
REDIS_PORT="${REDIS_PORT:-19399}"
RESULTS="${RESULTS:-$HERE/results/raw-$(date +%F).txt}"
LOAD_CP="$HERE/bench-load/target/classes:$HERE/bench-load/target/lib/*"
SERVERS="${SERVERS:-liberty payara node}"
SERVER_JAVA_HOME="${SERVER_JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
SERVER_HEAP="${SERVER_HEAP:--Xmx4g}"
PAYARA_VERSION="${PAYARA_VERSION:-6.2025.10}"
PAYARA_JAR="${PAYARA_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar}"
WAR="$HERE/bench-server/target/bench.war"
mkdir -p "$STATE"

java_url() { echo "http://127.0.0.1:$1/bench"; }
node_url() { echo "http://127.0.0.1:$1"; }

# Replaces the shell it runs in by a command without the caller's open files beyond stdin, stdout and stderr: a
# server started by `flock /work/heavy.lock bench.sh start` would otherwise inherit the lock's file and hold the
# lock for as long as it runs, long after the command that took it ended. Run it in a subshell of its own, in the
# background (`without_inherited_files cmd &`: $! is then the command's pid) or in parentheses.
without_inherited_files() {
  local fd
  for fd in /proc/"$BASHPID"/fd/*; do
    fd="${fd##*/}"
    if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
  done
  exec "$@"
}

answers() { curl -fs -o /dev/null --max-time 2 "$1"; }

wait_for() { # url seconds
  for _ in $(seq 1 "$(( $2 * 5 ))"); do answers "$1" && return 0; sleep 0.2; done
  echo "no answer from $1 after $2 s" >&2; return 1
}

start_java() { # port server-name: the bench WAR on Open Liberty, on $SERVER_JAVA_HOME (written to its server.env)
  if ! answers "$(java_url "$1")/bench/stats"; then
    # bench-server's pom deploys the packaged WAR, not a loose application (why: its comment there); a loose one left
    # by an earlier deployment would deploy the same context root twice.
    rm -f "$HERE/bench-server/target/liberty/wlp/usr/servers/$2/dropins/bench.war.xml"
    (cd "$ROOT" && without_inherited_files env TOKEN_SOCKJS_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
      mvn -B -q -pl benchmarks/bench-server \
      liberty:create liberty:deploy liberty:start -Dbench.http.port="$1" -Dbench.https.port="$(( $1 + 1 ))" \
      -Dbench.server.name="$2" -Dbench.jvm.heap="$SERVER_HEAP" -Dliberty.env.JAVA_HOME="$SERVER_JAVA_HOME")
  fi
  wait_for "$(java_url "$1")/bench/stats" 120
}

stop_java() { # server-name
  (cd "$ROOT" && mvn -B -q -pl benchmarks/bench-server liberty:stop -Dbench.server.name="$1") || true
}

# The same WAR on Payara Micro, started as its documentation says, with the repository's preboot commands (the
# HTTP listener on loopback and whatever runtime settings payara/preboot.asadmin holds), the same heap and
# collector as Liberty's (bench-server's pom), on the same JDK.
start_payara() { # port
  if ! answers "$(java_url "$1")/bench/stats"; then
    local root="$STATE/payara-$1"
    rm -rf "$root"
    mkdir -p "$root"
    without_inherited_files env TOKEN_SOCKJS_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" nohup "$SERVER_JAVA_HOME/bin/java" "$SERVER_HEAP" \
      -XX:+UseG1GC -jar "$PAYARA_JAR" --deploy "$WAR" --contextroot bench --port "$1" --nohazelcast \
      --rootdir "$root" --prebootcommandfile "$ROOT/payara/preboot.asadmin" >"$STATE/payara-$1.log" 2>&1 &
    echo $! >"$STATE/payara-$1.pid"
  fi
  if ! wait_for "$(java_url "$1")/bench/stats" 180 || grep -q 'Exception while loading the app' "$STATE/payara-$1.log"; then
    echo "Payara Micro on $1 did not deploy the bench WAR: see $STATE/payara-$1.log" >&2
    return 1
  fi
}

stop_payara() { # port
  local pid_file="$STATE/payara-$1.pid"
  if [ -f "$pid_file" ]; then
    local pid; pid="$(cat "$pid_file")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pid_file"
  fi
}

start_node() { # port
  if ! answers "$(node_url "$1")/bench/stats"; then
    without_inherited_files env PID_FILE="$STATE/node-$1.pid" nohup "$HERE/node-baseline/start.sh" --port "$1" --redis-port "$REDIS_PORT" \
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
  if [ ! -f "$WAR" ] || [ ! -d "$HERE/bench-load/target/lib" ]; then
    # Within the reactor: nothing is installed into the local repository.
    (cd "$ROOT" && mvn -B -q package -DskipTests -DskipITs -pl benchmarks/bench-server,benchmarks/bench-load -am)
  fi
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    (without_inherited_files redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
      --daemonize yes --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log")
  fi
  start_node "$NODE_PORT"
  # Only the Java servers $SERVERS names: a Payara Micro left idle beside a Liberty-only sitting still costs the
  # machine memory and its start-up minutes.
  case " $SERVERS " in *" liberty "*|*" java "*) start_java "$JAVA_PORT" benchServer ;; esac
  case " $SERVERS " in *" payara "*) start_payara "$PAYARA_PORT" ;; esac
  echo "liberty: $(java_url "$JAVA_PORT")  payara: $(java_url "$PAYARA_PORT")  node: $(node_url "$NODE_PORT")" \
    " redis: 127.0.0.1:$REDIS_PORT  (Java servers on $SERVER_JAVA_HOME)"
}

stop() {
  stop_java benchServer
  stop_java benchServer2
  stop_payara "$PAYARA_PORT"
  stop_node "$NODE_PORT"
  stop_node "$(( NODE_PORT + 10 ))"
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}

url_of() {
  case "$1" in
    liberty|java) java_url "$JAVA_PORT" ;;
    payara) java_url "$PAYARA_PORT" ;;
    node) node_url "$NODE_PORT" ;;
    *) echo "server is liberty, payara or node (java: liberty), not $1" >&2; exit 2 ;;
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
    for server in $SERVERS; do
      once "$server" "$@" | tee -a "$RESULTS"
      sleep 2
    done
  done
}

# The cases of the issue's table. A first round warms every server up (the JVM compiles for tens of seconds; V8
# too, for less) and is not recorded.
CASES=(
  "rpc --clients 50 --inflight 1 --bytes 64"
  "rpc --clients 50 --inflight 10 --bytes 64"
  "fanout --subscribers 100 --window 100 --bytes 64"
  "token --clients 20"
)

targets() { # [runs] [traffic]
  local runs="${1:-3}" traffic="${2:-browser}" case
  local cases=()
  for case in "${CASES[@]}"; do
    # The token route is plain HTTP, one request in flight per client: the traffic mode changes nothing there.
    if [ "$traffic" = browser ] || [ "${case%% *}" != token ]; then
      cases+=("$case --traffic $traffic")
    fi
  done
  if [ "${TARGETS_WARMUP:-1}" != 0 ]; then
    for case in "${cases[@]}"; do
      for server in $SERVERS; do
        # shellcheck disable=SC2086
        once "$server" $case --warmup 10 --secs 5 >/dev/null
      done
    done
  fi
  for case in "${cases[@]}"; do
    # shellcheck disable=SC2086
    compare "$runs" $case ${CASE_OPTIONS:-}
  done
  summary "$RESULTS"
}

# Idle authenticated sockets: what each holds on the server's heap after full collections. While a Java server
# holds them all, its class histogram (live objects, the 40 largest classes) goes to
# results/histo-<date>-<server>-n<sockets>[-$TAG].txt, and the difference with its histogram holding none, per held
# socket, class by class and by owner, to ...-diff.txt: where the bytes per socket are. HEAP_DUMPS=1: heap dumps
# too (in target/), and what each holder keeps per socket (`Bench heapowners`) to ...-owners.txt.
idle() { # [runs] [sockets]
  local runs="${1:-1}" sockets="${2:-10000}" server port pid
  mkdir -p "$(dirname "$RESULTS")"
  for _ in $(seq 1 "$runs"); do
    for server in $SERVERS; do
      local histo="$HERE/results/histo-$(date +%F)-$server-n$sockets${TAG:+-$TAG}"
      if [ "$server" != node ]; then
        port="$(url_of "$server" | sed 's|.*:\([0-9]*\)/.*|\1|')"
        pid="$(ss -Htlnp "sport = :$port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)"
        # The same server's live objects holding no socket (the histogram collects first): what the sockets add is
        # the difference (`Bench histodiff`).
        "$SERVER_JAVA_HOME/bin/jcmd" "$pid" GC.class_histogram >"$STATE/histo-$server-n0.txt" 2>/dev/null || true
        if [ "${HEAP_DUMPS:-0}" = 1 ]; then
          rm -f "$STATE/heap-$server-n0.hprof" "$STATE/heap-$server-n$sockets.hprof"
          "$SERVER_JAVA_HOME/bin/jcmd" "$pid" GC.heap_dump "$STATE/heap-$server-n0.hprof" >/dev/null
        fi
      fi
      load connect --url "$(url_of "$server")" --sockets "$sockets" --rate 1000 --hold 20 >"$STATE/idle-result.txt" &
      local running=$!
      if [ "$server" != node ]; then
        # Until every socket is held, or (some failed) their count stopped growing: the generator holds them now.
        local held=0 last=-1 still=0
        while kill -0 "$running" 2>/dev/null; do
          held="$(ss -Htn state established "sport = :$port" | wc -l)"
          [ "$held" -ge "$sockets" ] && break
          if [ "$held" -eq "$last" ] && [ "$held" -gt 0 ]; then still=$(( still + 1 )); else still=0; fi
          [ "$still" -ge 4 ] && break
          last="$held"
          sleep 1
        done
        # TCP connections established are not yet websockets open (some may be in their handshake still): until the
        # server's own count (bench/stats) stops growing, within the generator's 20 s hold.
        local open=-1 was=-2
        for _ in $(seq 1 10); do
          open="$(curl -fs --max-time 30 "$(url_of "$server")/bench/stats" | sed -n 's/.*"sockets":\([0-9]*\).*/\1/p')"
          [ "${open:-0}" -ge "$sockets" ] || [ "$open" = "$was" ] && break
          was="$open"
          sleep 1
        done
        "$SERVER_JAVA_HOME/bin/jcmd" "$pid" GC.class_histogram >"$STATE/histo-$server-n$sockets.txt" 2>/dev/null || true
        head -44 "$STATE/histo-$server-n$sockets.txt" >"$histo.txt"
        if [ "${HEAP_DUMPS:-0}" = 1 ]; then
          "$SERVER_JAVA_HOME/bin/jcmd" "$pid" GC.heap_dump "$STATE/heap-$server-n$sockets.hprof" >/dev/null
        fi
      fi
      wait "$running"
      tee -a "$RESULTS" <"$STATE/idle-result.txt"
      if [ "$server" != node ]; then
        # Per held socket (the server's own count, from the result line), class by class and by owner.
        local held; held="$(sed -n 's/.* serverSockets=\([0-9]*\).*/\1/p' "$STATE/idle-result.txt")"
        load histodiff "$STATE/histo-$server-n0.txt" "$STATE/histo-$server-n$sockets.txt" "${held:-$sockets}" \
          >"$histo-diff.txt" || true
        if [ "${HEAP_DUMPS:-0}" = 1 ]; then
          java -Xmx3g -cp "$LOAD_CP" io.tokensockjs.bench.load.Bench heapowners "$STATE/heap-$server-n0.hprof" \
            "$STATE/heap-$server-n$sockets.hprof" "${held:-$sockets}" >"$histo-owners.txt" || true
        fi
      fi
      sleep 2
    done
  done
}

# A case against one server with a JFR recording of the server's measured window (1 ms execution samples), then
# `Bench jfr`'s summary of it, read with the server's own JDK (a newer JDK's recording format).
jfr() { # server scenario options...
  local server="$1" scenario="$2"; shift 2
  local url pid stamp out recording
  url="$(url_of "$server")"
  pid="$(curl -fs --max-time 60 "$url/bench/stats" | sed -n 's/.*"pid":\([0-9]*\).*/\1/p')"
  stamp="$(date +%F)"
  recording="$STATE/jfr-$server-$scenario-$(date +%H%M%S).jfr"
  # 10 s of warm-up, then 15 s measured; the recording takes 12 s of them.
  load "$scenario" --url "$url" --warmup 10 --secs 15 "$@" >"$STATE/jfr-result.txt" &
  local running=$!
  sleep 12
  "$SERVER_JAVA_HOME/bin/jcmd" "$pid" JFR.start name=bench settings=profile 'jdk.ExecutionSample#period=1ms' \
    duration=12s filename="$recording" >/dev/null
  wait "$running"
  sleep 1
  local label; label="$(sed -n 's/.* case=\([^ ]*\).*/\1/p' "$STATE/jfr-result.txt")"
  out="$HERE/results/jfr-$stamp-$server-$scenario-$label${TAG:+-$TAG}.txt"
  {
    echo "# bench.sh jfr $server $scenario $*  (TAG=${TAG:-}, server JDK $SERVER_JAVA_HOME, $(date -u +%FT%TZ))"
    grep '^RESULT' "$STATE/jfr-result.txt"
    echo
    "$SERVER_JAVA_HOME/bin/java" -cp "$LOAD_CP" io.tokensockjs.bench.load.Bench jfr "$recording"
  } >"$out"
  cat "$out"
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
  idle) idle "$@" ;;
  jfr) jfr "$@" ;;
  connect20k) connect20k ;;
  summary) summary "$@" ;;
  *) sed -n '2,29p' "$0"; exit 2 ;;
esac
