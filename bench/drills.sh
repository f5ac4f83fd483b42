#!/usr/bin/env bash
# Fault drills for the code-of-conduct intake, on PostgreSQL with a real SMTP sink:
#
#   Drill 1, SMTP down: 500 reports while the mail server is down must all be accepted (201),
#   their mails wait as failed jobs (no incident), and once the mail server is back every mail
#   arrives exactly once: 500 acknowledgements to 500 reporters, one alert per member per case.
#
#   Drill 2, kill -9: the server is killed in the middle of a load; after a restart on the same
#   database every reference that was answered 201 exists, its tracking code works, and the cases
#   that were in flight at the kill go on (their jobs run, their mails arrive).
#
#   bench/drills.sh                  # ~13 minutes on 2 cores (the retry cycle and the job lock wait 5 minutes each)
#   DRILL1_RETRY=now bench/drills.sh # do not wait out the retry cycle: set the failed jobs' due dates to now
#
# Prints PASS/FAIL/INFO lines as it goes and a summary at the end; exits 1 when a check failed.
# Knobs (environment): DRILL1_REPORTS (500) DRILL1_CLIENTS (50) DRILL1_RETRY (wait|now)
#   DRILL2_CLIENTS (8) DRILL2_SECONDS (30) DRILL2_KILL_AFTER (15) JAVA_OPTS KEEP_WORK=1
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
JAR="$ROOT/target/cultivate-0.1.0-SNAPSHOT.jar"

DRILL1_REPORTS=${DRILL1_REPORTS:-500}
DRILL1_CLIENTS=${DRILL1_CLIENTS:-50}
DRILL1_RETRY=${DRILL1_RETRY:-wait}
DRILL2_CLIENTS=${DRILL2_CLIENTS:-8}
DRILL2_SECONDS=${DRILL2_SECONDS:-30}
DRILL2_KILL_AFTER=${DRILL2_KILL_AFTER:-15}
JAVA_OPTS=${JAVA_OPTS:-}
MAIL_DOMAIN=drill.test   # the Message-IDs' domain comes from MAIL_FROM; drills.py recomputes them

log() { echo "[drills.sh] $*" >&2; }
die() { log "FAILED: $*"; exit 2; }
. "$HERE/lib.sh"   # free_port, secret, as_postgres, copy_jar, start_postgres
now() { date +%s.%N; }   # seconds, with fractions (drills.py compares them with its own clock)
elapsed() { awk -v t0="$1" -v t1="$(now)" 'BEGIN {printf "%d", t1 - t0}'; }

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.

WORK=$(mktemp -d /tmp/cultivate-drills.XXXXXX)
chmod 755 "$WORK"   # the postgres user must reach its data directory inside
SUMMARY="$WORK/summary.txt"
APP_PID='' SINK_PID='' LOAD_PID='' PG_DATA='' FINISHED=''

# On any exit: stop what this script started, by pid, and show the server logs if something broke.
cleanup() {
    local status=$?
    set +e
    if [ -n "$LOAD_PID" ]; then kill "$LOAD_PID" 2>/dev/null; wait "$LOAD_PID" 2>/dev/null; fi
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        for _ in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$APP_PID" 2>/dev/null
        wait "$APP_PID" 2>/dev/null
    fi
    if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null; wait "$SINK_PID" 2>/dev/null; fi
    if [ -n "$PG_DATA" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1; fi
    # a failed check ends the run normally (exit 1); anything else that stopped it shows the logs
    if [ "$status" != 0 ] && [ -z "$FINISHED" ]; then
        for f in "$WORK"/app-*.log; do [ -f "$f" ] && { log "last lines of $f:"; tail -n 30 "$f" >&2; }; done
    fi
    if [ "${KEEP_WORK:-}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Checks print PASS/FAIL/INFO lines; they go to the terminal and to the summary.
drills() { python3 "$HERE/drills.py" "$@" | tee -a "$SUMMARY"; }
section() { printf '\n## %s\n' "$*" | tee -a "$SUMMARY"; }

# ---- the jar, copied so that a rebuild beside us cannot swap it under the running server
copy_jar

# ---- PostgreSQL: Debian's server in a throw-away cluster on a free port (as bench/intake.sh does)
start_postgres drill1 drill2
PG_VERSION=$("$PG_BIN/postgres" --version)
log "PostgreSQL on 127.0.0.1:$PG_PORT ($PG_VERSION)"
psql_drill2() { as_postgres "$PG_BIN/psql" -h "$WORK/pg" -p "$PG_PORT" -U cultivate -d drill2 -At -c "$1"; }

# ---- the SMTP sink's port is chosen now; the sink itself starts only when drill 1 says so
SMTP_PORT=$(free_port)
MAIL_LOG="$WORK/mails.jsonl"
start_sink() {
    python3 "$HERE/drills.py" sink "$SMTP_PORT" "$MAIL_LOG" 2>"$WORK/sink.log" &
    SINK_PID=$!
    until (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; do
        kill -0 "$SINK_PID" 2>/dev/null || die "the SMTP sink did not start"
        sleep 0.1
    done
}

# ---- Cultivate
APP_PORT=$(free_port)
BASE="http://127.0.0.1:$APP_PORT"
export DRILL_ADMIN_USER=drilladmin
export DRILL_ADMIN_PASSWORD
DRILL_ADMIN_PASSWORD=$(secret)

start_app() {   # $1: a label for the log file, $2: the database; sets APP_PID and READY_S
    local t0
    t0=$(now)
    # run from the work directory: nothing (./data, logs) lands in the repository. The tracking
    # lookup limit is raised so that drill 2 can look up every code it was given.
    (cd "$WORK" && exec env SPRING_PROFILES_ACTIVE=postgres SERVER_PORT="$APP_PORT" \
        POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$2" POSTGRES_USER=cultivate POSTGRES_PASSWORD="$PG_PASSWORD" \
        MAIL_HOST=127.0.0.1 MAIL_PORT="$SMTP_PORT" MAIL_FROM="Cultivate drills <drills@$MAIL_DOMAIN>" \
        CULTIVATE_ADMIN_USER="$DRILL_ADMIN_USER" CULTIVATE_ADMIN_PASSWORD="$DRILL_ADMIN_PASSWORD" \
        java -Dcultivate.tracking.lookups-per-minute=1000000 $JAVA_OPTS -jar cultivate.jar) >"$WORK/app-$1.log" 2>&1 &
    APP_PID=$!
    until curl -fsS --max-time 2 "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
        kill -0 "$APP_PID" 2>/dev/null || die "Cultivate exited during start-up ($1)"
        [ "$(elapsed "$t0")" -lt 240 ] || die "Cultivate not ready after 240 s ($1)"
        sleep 0.2
    done
    READY_S=$(awk -v t0="$t0" -v t1="$(now)" 'BEGIN {printf "%.1f", t1 - t0}')
    log "Cultivate ($1) ready in $READY_S s, pid $APP_PID"
}

stop_app() {
    kill "$APP_PID"
    wait "$APP_PID" || true   # a JVM stopped by SIGTERM exits with 143
    APP_PID=''
}

cat <<EOF | tee "$SUMMARY"
# Cultivate fault drills, $(date -u '+%Y-%m-%d %H:%M UTC')

- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
- $(java -version 2>&1 | head -n 1); $PG_VERSION
- load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)
EOF

# =============================================================================================
# Drill 1: SMTP down. The server points at a port where nothing listens yet.
section "Drill 1: SMTP down ($DRILL1_REPORTS reports, $DRILL1_CLIENTS clients, retry: $DRILL1_RETRY)"
start_app drill1 drill1
drills users --base "$BASE"
drills submit --base "$BASE" --count "$DRILL1_REPORTS" --clients "$DRILL1_CLIENTS" --out "$WORK/drill1-results.jsonl"
# every case has two mail jobs (acknowledgement, committee alert); each must have failed once
drills wait-failed --base "$BASE" --expected $(( 2 * DRILL1_REPORTS )) --timeout 300
start_sink
SINK_STARTED=$(now)
log "SMTP sink up on port $SMTP_PORT"
if [ "$DRILL1_RETRY" = now ]; then
    drills due-now --base "$BASE"
else
    echo "INFO drill1.retry: waiting for the retry cycle itself (R5/PT5M), no due date touched" | tee -a "$SUMMARY"
fi
drills drill1-verify --base "$BASE" --results "$WORK/drill1-results.jsonl" --mail-log "$MAIL_LOG" \
    --domain "$MAIL_DOMAIN" --sink-started "$SINK_STARTED" --timeout 600
stop_app

# =============================================================================================
# Drill 2: kill -9 in the middle of a load, restart on the same database.
section "Drill 2: kill -9 ($DRILL2_CLIENTS clients for $DRILL2_SECONDS s, kill after $DRILL2_KILL_AFTER s)"
start_app drill2-first drill2
echo "INFO drill2.first-start: ready in $READY_S s on an empty database" | tee -a "$SUMMARY"
drills users --base "$BASE"
MAILS_BEFORE=$(wc -l < "$MAIL_LOG")   # drill 1's mails are in the same log; drill 2 counts from here
python3 "$HERE/drills.py" load --base "$BASE" --clients "$DRILL2_CLIENTS" --seconds "$DRILL2_SECONDS" \
    --out "$WORK/drill2-results.jsonl" &
LOAD_PID=$!
sleep "$DRILL2_KILL_AFTER"
[ "$(cat "/proc/$APP_PID/comm")" = java ] || die "pid $APP_PID is not the java process"
KILL_TIME=$(now)
kill -9 "$APP_PID"
wait "$APP_PID" || true   # 137
APP_PID=''
log "killed the server with SIGKILL; the load goes on against nothing"
wait "$LOAD_PID"
LOAD_PID=''
drills drill2-load-summary --results "$WORK/drill2-results.jsonl" --kill-time "$KILL_TIME"
# the jobs as the killed server left them, before anything else touches the database
psql_drill2 "SELECT j.process_instance_id_, d.act_id_, j.lock_owner_ IS NOT NULL FROM act_ru_job j
             JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
             WHERE j.process_def_key_ = 'conduct-incident' AND j.type_ = 'message'" > "$WORK/drill2-jobs-at-kill.txt"
start_app drill2-restart drill2
RESTARTED=$(now)
echo "INFO drill2.restart: ready in $READY_S s on the same database after the kill" | tee -a "$SUMMARY"
drills drill2-verify --base "$BASE" --results "$WORK/drill2-results.jsonl" --mail-log "$MAIL_LOG" \
    --domain "$MAIL_DOMAIN" --since-line "$MAILS_BEFORE" --jobs-snapshot "$WORK/drill2-jobs-at-kill.txt" \
    --restart-time "$RESTARTED" --kill-time "$KILL_TIME" --timeout 600
stop_app

# =============================================================================================
echo "INFO load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$SUMMARY"
PASSED=$(grep -c '^PASS' "$SUMMARY" || true)
FAILED=$(grep -c '^FAIL' "$SUMMARY" || true)
echo
echo "# Summary"
grep -E '^(#|PASS|FAIL)' "$SUMMARY" | grep -v '^# Cultivate'
echo
echo "checks: $PASSED passed, $FAILED failed"
FINISHED=1
[ "$FAILED" = 0 ] || exit 1
