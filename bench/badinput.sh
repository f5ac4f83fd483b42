#!/usr/bin/env bash
# Bad-input drill: generated malformed requests against the public API of a server on PostgreSQL.
# Every answer must be a 4xx application/problem+json (no 5xx, no HTML, no Spring Boot default body),
# no case may start and no tracking row be stored; a good report afterwards must still be a 201.
# Appends its result to bench/RESULTS.md; exits 1 when a check failed.
#
#   bench/badinput.sh                     # 1,000 requests, about 1 minute on 2 cores
#   REQUESTS=5000 SEED=7 bench/badinput.sh
#
# Knobs (environment): REQUESTS (1000) SEED (20261202) APP_PORT (18480) JAR JAVA_OPTS KEEP_WORK=1
#   RESULTS (bench/RESULTS.md; empty: print only)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
JAR=${JAR:-$ROOT/target/cultivate-0.1.0-SNAPSHOT.jar}   # another jar, e.g. an older build, to compare

REQUESTS=${REQUESTS:-1000}
SEED=${SEED:-20261202}
APP_PORT=${APP_PORT:-18480}
JAVA_OPTS=${JAVA_OPTS:-}
RESULTS=${RESULTS-$HERE/RESULTS.md}

log() { echo "[badinput.sh] $*" >&2; }
die() { log "FAILED: $*"; exit 2; }
. "$HERE/lib.sh"   # free_port, secret, as_postgres, copy_jar, start_postgres
now_ms() { date +%s%3N; }

WORK=$(mktemp -d /tmp/cultivate-badinput.XXXXXX)
chmod 755 "$WORK"   # the postgres user must reach its data directory inside
SUMMARY="$WORK/summary.txt"
APP_PID='' SINK_PID='' PG_DATA='' FINISHED=''

# On any exit: stop what this script started, by pid, and show the server log if something broke.
cleanup() {
    local status=$?
    set +e
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        for _ in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$APP_PID" 2>/dev/null
        wait "$APP_PID" 2>/dev/null
    fi
    if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null; wait "$SINK_PID" 2>/dev/null; fi
    if [ -n "$PG_DATA" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1; fi
    if [ "$status" != 0 ] && [ -z "$FINISHED" ] && [ -f "$WORK/app.log" ]; then
        log "last lines of the server log:"; tail -n 40 "$WORK/app.log" >&2
    fi
    if [ "${KEEP_WORK:-}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

drill() { python3 -B "$HERE/badinput.py" "$@" | tee -a "$SUMMARY"; }

# ---- the jar, PostgreSQL (a throw-away cluster on a free port), an SMTP sink, Cultivate on APP_PORT
copy_jar
HEAD_COMMIT=$(cd "$ROOT" && git log -1 --format='%h' 2>/dev/null || echo unknown)
STALE=$(find "$ROOT/src/main" "$ROOT/processes" "$ROOT/forms" "$ROOT/pom.xml" -newer "$JAR" -type f 2>/dev/null | wc -l)
[ "$STALE" = 0 ] || log "warning: $STALE source files are newer than the jar; rebuild it to drill them"
start_postgres cultivate
PG_VERSION=$("$PG_BIN/postgres" --version)
log "PostgreSQL on 127.0.0.1:$PG_PORT ($PG_VERSION)"
sql() { as_postgres "$PG_BIN/psql" -h "$WORK/pg" -p "$PG_PORT" -U cultivate -d cultivate -At -c "$1"; }

# outside the default profile the server needs a mail server; the good report at the end sends mail
SMTP_PORT=$(free_port)
python3 "$HERE/smtp_sink.py" "$SMTP_PORT" "$WORK/mails.count" 2>"$WORK/smtp.log" &
SINK_PID=$!

BASE="http://127.0.0.1:$APP_PORT"
(exec 3<>"/dev/tcp/127.0.0.1/$APP_PORT") 2>/dev/null && die "port $APP_PORT is taken; set APP_PORT"
T0=$(now_ms)
# run from the work directory: nothing (./data, logs) lands in the repository
(cd "$WORK" && exec env SPRING_PROFILES_ACTIVE=postgres SERVER_PORT="$APP_PORT" \
    POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/cultivate" POSTGRES_USER=cultivate POSTGRES_PASSWORD="$PG_PASSWORD" \
    MAIL_HOST=127.0.0.1 MAIL_PORT="$SMTP_PORT" \
    CULTIVATE_ADMIN_USER=drilladmin CULTIVATE_ADMIN_PASSWORD="$(secret)" \
    java $JAVA_OPTS -jar cultivate.jar) >"$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -fsS --max-time 2 "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || die "Cultivate exited during start-up"
    [ $(( $(now_ms) - T0 )) -lt 240000 ] || die "Cultivate not ready after 240 s"
    sleep 0.2
done
log "Cultivate ready on $BASE in $(( ($(now_ms) - T0) / 1000 )) s"

HEADER="$WORK/header.md"
cat <<EOF | tee "$HEADER" >&2
## Bad-input drill, $(date -u '+%Y-%m-%d %H:%M UTC')

- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
- $(java -version 2>&1 | head -n 1); $PG_VERSION
- \`bench/badinput.sh\`: $REQUESTS requests, seed $SEED; jar \`${JAR#$ROOT/}\` built $(date -u -r "$JAR" '+%H:%M UTC'), repository at \`${HEAD_COMMIT}\`, source files newer than the jar: $STALE
EOF

# ---- the drill
check_that() {   # NAME DETAIL TEST...: a PASS or FAIL line, as badinput.py prints them
    local name=$1 detail=$2
    shift 2
    if "$@"; then echo "PASS $name: $detail"; else echo "FAIL $name: $detail"; fi | tee -a "$SUMMARY"
}
counts() {   # process instances, tracking rows, tracking codes
    echo "$(sql 'SELECT COUNT(*) FROM act_hi_procinst') $(sql 'SELECT COUNT(*) FROM cultivate_case_tracking') $(sql 'SELECT COUNT(*) FROM cultivate_tracking_code')"
}
BEFORE=$(counts)
LOG_LINES=$(wc -l < "$WORK/app.log")
T1=$(now_ms)
drill send --base "$BASE" --form "$ROOT/forms/incident-report.form" --count "$REQUESTS" --seed "$SEED"
echo "INFO badinput.time: $REQUESTS requests in $(( ($(now_ms) - T1) / 1000 )) s, one connection each" | tee -a "$SUMMARY"
AFTER=$(counts)
check_that badinput.nothing-stored "process instances, tracking rows, tracking codes: $BEFORE before, $AFTER after" [ "$BEFORE" = "$AFTER" ]
ERRORS=$(tail -n +"$(( LOG_LINES + 1 ))" "$WORK/app.log" | grep -c ' ERROR ' || true)
check_that badinput.server-log "$ERRORS ERROR lines in the server's log during the drill" [ "$ERRORS" = 0 ]
drill good --base "$BASE"
CASES=$(sql "SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'conduct-incident'")
check_that badinput.good-report-starts "conduct-incident cases after the good report: $CASES" [ "$CASES" = 1 ]

# ---- the result, appended to RESULTS.md: the header, then the checks as they were printed
PASSED=$(grep -c '^PASS' "$SUMMARY" || true)
FAILED=$(grep -c '^FAIL' "$SUMMARY" || true)
echo "checks: $PASSED passed, $FAILED failed" | tee -a "$SUMMARY"
if [ -n "$RESULTS" ]; then
    { echo; cat "$HEADER"; echo; echo '```text'; cat "$SUMMARY"; echo '```'; } >> "$RESULTS"
    log "appended the result to $RESULTS"
fi
FINISHED=1
[ "$FAILED" = 0 ] || exit 1
