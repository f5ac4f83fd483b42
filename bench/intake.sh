#!/usr/bin/env bash
# Intake benchmark: the public form submission path against a raw Camunda REST start of the same
# process with the same variables, on PostgreSQL, side by side. Also start-up time, idle RSS and
# intake latency at a fixed 50 submissions/s. Everything it starts lives in one temp directory
# and is stopped on exit. The last line of stdout is `ratio intake/raw = X.XX`.
#
#   bench/intake.sh                          # ~5 minutes on 2 cores
#   ROUNDS=4 PER_ROUND=200 bench/intake.sh   # a quicker, noisier run
#
# Knobs (environment): CLIENTS ROUNDS PER_ROUND WARMUP RATE RATE_SECONDS IDLE_SECONDS COMMITTEE_MEMBERS
# JAVA_OPTS (for the server's JVM) KEEP_WORK=1 (keep the temp directory and its logs)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
JAR="$ROOT/target/cultivate-0.1.0-SNAPSHOT.jar"

CLIENTS=${CLIENTS:-8}
ROUNDS=${ROUNDS:-10}
PER_ROUND=${PER_ROUND:-250}
WARMUP=${WARMUP:-400}
RATE=${RATE:-50}
RATE_SECONDS=${RATE_SECONDS:-20}
IDLE_SECONDS=${IDLE_SECONDS:-20}
COMMITTEE_MEMBERS=${COMMITTEE_MEMBERS:-3}   # conduct-committee members with an e-mail address
JAVA_OPTS=${JAVA_OPTS:-}

log() { echo "[intake.sh] $*" >&2; }
die() { log "FAILED: $*"; exit 1; }
. "$HERE/lib.sh"   # free_port, secret, as_postgres, copy_jar, start_postgres
now_ms() { date +%s%3N; }
# CPU clock ticks: busy time of all cores (less idle, iowait), of one process, of PostgreSQL's processes
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
postgres_ticks() {
    local sum=0 pid
    for pid in "$PG_PID" $(pgrep -P "$PG_PID"); do sum=$(( sum + $(proc_ticks "$pid") )); done
    echo "$sum"
}

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.

WORK=$(mktemp -d /tmp/cultivate-bench.XXXXXX)
chmod 755 "$WORK"   # the postgres user must reach its data directory inside
APP_PID='' SINK_PID='' BENCH_PID='' PG_DATA=''

# On any exit: stop what this script started, by pid, and show the server log if something failed.
cleanup() {
    local status=$?
    set +e
    if [ -n "$BENCH_PID" ]; then kill "$BENCH_PID" 2>/dev/null; wait "$BENCH_PID" 2>/dev/null; fi
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        for _ in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$APP_PID" 2>/dev/null
        wait "$APP_PID" 2>/dev/null
    fi
    if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null; wait "$SINK_PID" 2>/dev/null; fi
    if [ -n "$PG_DATA" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1; fi
    if [ "$status" != 0 ]; then
        for f in "$WORK"/app-*.log; do [ -f "$f" ] && { log "last lines of $f:"; tail -n 40 "$f" >&2; }; done
    fi
    if [ "${KEEP_WORK:-}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 1. the jar, copied so that a rebuild beside us cannot swap it under the running server
copy_jar
# what is measured: the jar as found, which may be older than the sources beside it
JAR_BUILT=$(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')
HEAD_COMMIT=$(cd "$ROOT" && git log -1 --format='%h %s' 2>/dev/null | cut -c1-72 || echo unknown)
STALE=$(find "$ROOT/src/main" "$ROOT/processes" "$ROOT/forms" "$ROOT/pom.xml" -newer "$JAR" -type f 2>/dev/null | wc -l)
[ "$STALE" = 0 ] || log "warning: $STALE source files are newer than the jar; rebuild it to measure them"

# ---- 2. PostgreSQL: Debian's server in a throw-away cluster on a free port
start_postgres cultivate
PG_VERSION=$("$PG_BIN/postgres" --version)
log "PostgreSQL on 127.0.0.1:$PG_PORT ($PG_VERSION)"

# ---- 3. an SMTP sink, so that the acknowledgement mails really go out over SMTP
SMTP_PORT=$(free_port)
python3 "$HERE/smtp_sink.py" "$SMTP_PORT" "$WORK/mails.count" 2>"$WORK/smtp.log" &
SINK_PID=$!

# ---- 4. Cultivate: start-up until readiness, once on the empty database and once on the existing one
APP_PORT=$(free_port)
ADMIN_PASSWORD=$(secret)
READY_URL="http://127.0.0.1:$APP_PORT/actuator/health/readiness"

start_app() {   # $1: a label for the log file; sets APP_PID, STARTED_MS and STARTUP_OTHERS_PCT
    local t0 m0 p0
    t0=$(now_ms) m0=$(machine_ticks) p0=$(postgres_ticks)
    # run from the work directory: nothing (./data, logs) lands in the repository
    (cd "$WORK" && exec env SPRING_PROFILES_ACTIVE=postgres SERVER_PORT="$APP_PORT" \
        POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/cultivate" POSTGRES_USER=cultivate POSTGRES_PASSWORD="$PG_PASSWORD" \
        MAIL_HOST=127.0.0.1 MAIL_PORT="$SMTP_PORT" \
        CULTIVATE_ADMIN_USER=benchadmin CULTIVATE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        java $JAVA_OPTS -jar cultivate.jar) >"$WORK/app-$1.log" 2>&1 &
    APP_PID=$!
    until curl -fsS --max-time 2 "$READY_URL" 2>/dev/null | grep -q '"status":"UP"'; do
        kill -0 "$APP_PID" 2>/dev/null || die "Cultivate exited during start-up ($1)"
        [ $(( $(now_ms) - t0 )) -lt 180000 ] || die "Cultivate not ready after 180 s ($1)"
        sleep 0.05
    done
    STARTED_MS=$(( $(now_ms) - t0 ))
    # how much of the machine other processes (a build beside us) took while this server started
    local others=$(( $(machine_ticks) - m0 - $(proc_ticks "$APP_PID") - ($(postgres_ticks) - p0) ))
    STARTUP_OTHERS_PCT=$(( 100 * others * 1000 / (STARTED_MS * $(getconf CLK_TCK) * $(nproc)) ))
}

stop_app() {
    kill "$APP_PID"
    wait "$APP_PID" || true   # a JVM stopped by SIGTERM exits with 143
    APP_PID=''
}

start_app fresh
STARTUP_FRESH_MS=$STARTED_MS
log "ready in ${STARTUP_FRESH_MS} ms on an empty database (other processes took ${STARTUP_OTHERS_PCT} % of the CPU meanwhile)"
stop_app
start_app restart
STARTUP_MS=$STARTED_MS
log "ready in ${STARTUP_MS} ms on the existing database (other processes took ${STARTUP_OTHERS_PCT} % of the CPU meanwhile); idle for ${IDLE_SECONDS} s"
sleep "$IDLE_SECONDS"
IDLE_RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
log "idle RSS ${IDLE_RSS_KB} kB"

# ---- 5. the load; its summary is stdout, headed by what the numbers were measured on
cat <<EOF
# Cultivate intake benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')

- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
- $(java -version 2>&1 | head -n 1); $PG_VERSION
- jar built $JAR_BUILT; repository at ${HEAD_COMMIT}; source files newer than the jar: $STALE
- load average before the load: $(cut -d' ' -f1-3 /proc/loadavg)
EOF

# in the background with `wait`, so that a TERM to this script runs the cleanup at once
BENCH_ADMIN_PASSWORD="$ADMIN_PASSWORD" java -XX:+UseSerialGC -Xmx256m -Dclk.tck="$(getconf CLK_TCK)" "$HERE/Bench.java" \
    --base "http://127.0.0.1:$APP_PORT" --user benchadmin --password-env BENCH_ADMIN_PASSWORD \
    --clients "$CLIENTS" --rounds "$ROUNDS" --per-round "$PER_ROUND" --warmup "$WARMUP" \
    --rate "$RATE" --rate-seconds "$RATE_SECONDS" --committee-members "$COMMITTEE_MEMBERS" \
    --app-pid "$APP_PID" --postgres-pid "$PG_PID" --sink-pid "$SINK_PID" --mail-count-file "$WORK/mails.count" \
    --form-file "$ROOT/forms/incident-report.form" \
    --startup-fresh-ms "$STARTUP_FRESH_MS" --startup-ms "$STARTUP_MS" --startup-others-pct "$STARTUP_OTHERS_PCT" --idle-rss-kb "$IDLE_RSS_KB" --idle-seconds "$IDLE_SECONDS" &
BENCH_PID=$!
wait "$BENCH_PID"
BENCH_PID=''
