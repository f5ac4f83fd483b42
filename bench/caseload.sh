#!/usr/bin/env bash
# Case-load benchmark: a PostgreSQL database of HISTORIC ended and OPEN running conduct cases
# (one in ten names bob, who is recused from it), built through the engine's own API, then
# Tasklist's (every filter shared with the members too), Cockpit's and a member's history queries
# as a recused member (bob), a cleared one (alice) and the admin (demo), side by side with a second
# server on the same database that checks no authorizations (the floor). The last lines of stdout are
#   tasklist p95 = X ms (recused member)
#   tasklist p95 = Y ms (cleared member)
#   ratio to no-authorization = Z
#
#   bench/caseload.sh                              # 100,000 + 5,000 cases: the build takes long (see RESULTS.md)
#   HISTORIC=10000 OPEN=1000 bench/caseload.sh     # quicker
#
# The built database is saved (pg_dump -Fc) under CACHE and restored on the next run of the same
# sizes; KEEP_DB=dir keeps the whole cluster in dir instead and reuses it (fastest).
# Knobs (environment): HISTORIC OPEN WORKERS REPS WARMUP REVOKES (settings of authorizationCheckRevokes
# to measure, the first one gives the last lines) PHASES (any of: measure explain indexes groupmodel
# cleanup; none builds the database only, for KEEP_DB) CLEANUP_CASES CLEANUP_BATCH CLEANUP_PARALLELISM CACHE KEEP_DB KEEP_WORK=1 JAVA_OPTS
# JDBC_PARAMS (appended to the servers' JDBC URL, e.g. options=-c%20enable_material=off: planner settings per connection)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
JAR="$ROOT/target/cultivate-0.1.0-SNAPSHOT.jar"

HISTORIC=${HISTORIC:-100000}
OPEN=${OPEN:-5000}
WORKERS=${WORKERS:-4}
REPS=${REPS:-30}
WARMUP=${WARMUP:-10}   # rounds not counted: a server just started still compiles its busiest code for a minute or so
REVOKES=${REVOKES:-auto always never}
PHASES=${PHASES:-measure explain indexes groupmodel cleanup}
CLEANUP_CASES=${CLEANUP_CASES:-10000}
CLEANUP_BATCH=${CLEANUP_BATCH:-500}
CLEANUP_PARALLELISM=${CLEANUP_PARALLELISM:-1 2}
CACHE=${CACHE:-/var/tmp/cultivate-caseload}
KEEP_DB=${KEEP_DB:-}
JAVA_OPTS=${JAVA_OPTS:-}

log() { echo "[caseload.sh] $*" >&2; }
die() { log "FAILED: $*"; exit 1; }
. "$HERE/lib.sh"   # free_port, secret, as_postgres, copy_jar, start_postgres
now_ms() { date +%s%3N; }
has_phase() { case " $PHASES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

WORK=$(mktemp -d /tmp/cultivate-caseload.XXXXXX)
chmod 755 "$WORK"
APP_PIDS='' PG_DATA='' PG_BIN=''
RESULTS_TSV="$WORK/results.tsv"

cleanup() {
    local status=$?
    set +e
    for pid in $APP_PIDS; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid"
            for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null
        fi
        wait "$pid" 2>/dev/null
    done
    if [ -n "$PG_DATA" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1; fi
    if [ "$status" != 0 ]; then
        for f in "$WORK"/app-*.log; do [ -f "$f" ] && { log "last lines of $f:"; tail -n 30 "$f" >&2; }; done
    fi
    if [ "${KEEP_WORK:-}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- PostgreSQL: a throw-away cluster, or the one kept in KEEP_DB
psql_db() { as_postgres "$PG_BIN/psql" -h "$PG_SOCK" -p "$PG_PORT" -U cultivate -d "${DB:-cultivate}" -v ON_ERROR_STOP=1 -qAt "$@"; }
pg_settings() {   # the bench cluster's settings: memory for a few GB of tables; SQL logging stays off until asked
    psql_db -c "ALTER SYSTEM SET shared_buffers = '1GB'" -c "ALTER SYSTEM SET max_connections = 200" \
        -c "ALTER SYSTEM SET effective_cache_size = '4GB'" -c "ALTER SYSTEM SET checkpoint_timeout = '15min'" \
        -c "ALTER SYSTEM SET max_wal_size = '8GB'" >/dev/null
    restart_postgres
}
restart_postgres() {
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w restart -l "$PG_LOG" \
        -o "-p $PG_PORT -k $PG_SOCK -c listen_addresses=127.0.0.1" >/dev/null
    PG_PID=$(head -n 1 "$PG_DATA/postmaster.pid")
}

copy_jar
mkdir -p "$CACHE"; chmod 755 "$CACHE"
SIZE="$HISTORIC-$OPEN"
DUMP="$CACHE/caseload-$SIZE.dump"
SECRETS="$CACHE/caseload-$SIZE.secrets"
BUILT=0
if [ -n "$KEEP_DB" ] && [ -f "$KEEP_DB/pg/data/PG_VERSION" ]; then
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    PG_DATA="$KEEP_DB/pg/data" PG_SOCK="$KEEP_DB/pg" PG_LOG="$KEEP_DB/pg/server.log"
    PG_PORT=$(free_port)
    PG_PASSWORD=$(cat "$KEEP_DB/pg/pwfile")
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -o "-p $PG_PORT -k $PG_SOCK -c listen_addresses=127.0.0.1" start >/dev/null
    PG_PID=$(head -n 1 "$PG_DATA/postmaster.pid")
    SECRETS="$KEEP_DB/secrets"
    log "reusing the cluster in $KEEP_DB"
    BUILT=1
else
    if [ -n "$KEEP_DB" ]; then
        # the cluster lives in KEEP_DB/pg (lib.sh's layout) and stays after the run
        mkdir -p "$KEEP_DB"; chmod 755 "$KEEP_DB"
        SCRATCH=$WORK; WORK=$KEEP_DB
        start_postgres cultivate
        WORK=$SCRATCH
        SECRETS="$KEEP_DB/secrets"
    else
        start_postgres cultivate
    fi
    PG_SOCK="$(dirname "$PG_DATA")" PG_LOG="$(dirname "$PG_DATA")/server.log"
    pg_settings
    if [ -z "$KEEP_DB" ] && [ -f "$DUMP" ] && [ -f "$SECRETS" ]; then
        log "restoring $DUMP"
        t0=$(now_ms)
        as_postgres "$PG_BIN/pg_restore" -h "$PG_SOCK" -p "$PG_PORT" -U cultivate -d cultivate -j 2 --no-owner "$DUMP"
        log "restored in $(( ($(now_ms) - t0) / 1000 )) s"
        BUILT=1
    fi
fi
PG_VERSION=$("$PG_BIN/postgres" --version)
log "PostgreSQL on 127.0.0.1:$PG_PORT ($PG_VERSION)"
[ -f "$SECRETS" ] || (umask 077; secret > "$SECRETS")
PASSWORD=$(cat "$SECRETS")
# the postgres profile needs a mail server: a sink that accepts and counts
SMTP_PORT=$(free_port)
python3 "$HERE/smtp_sink.py" "$SMTP_PORT" "$WORK/mails.count" 2>"$WORK/smtp.log" &
APP_PIDS="$APP_PIDS $!"
export CASELOAD_PASSWORD="$PASSWORD"
JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/cultivate"

# ---- Cultivate: one server per label, each on its own port; extra options per server
app_env() {   # $1: database
    echo SPRING_PROFILES_ACTIVE=postgres POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$1${JDBC_PARAMS:+?$JDBC_PARAMS}" POSTGRES_USER=cultivate \
        POSTGRES_PASSWORD="$PG_PASSWORD" CULTIVATE_ADMIN_USER=demo CULTIVATE_ADMIN_PASSWORD="$PASSWORD"
}
start_app() {   # $1 label, $2 database, $3... JVM options; sets APP_PID and APP_PORT
    local label=$1 database=$2 t0
    shift 2
    APP_PORT=$(free_port)
    t0=$(now_ms)
    (cd "$WORK" && exec env $(app_env "$database") SERVER_PORT="$APP_PORT" MAIL_HOST=127.0.0.1 MAIL_PORT="$SMTP_PORT" \
        java $JAVA_OPTS "$@" -jar cultivate.jar) >"$WORK/app-$label.log" 2>&1 &
    APP_PID=$!
    APP_PIDS="$APP_PIDS $APP_PID"
    until curl -fsS --max-time 2 "http://127.0.0.1:$APP_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
        kill -0 "$APP_PID" 2>/dev/null || die "Cultivate ($label) exited during start-up"
        [ $(( $(now_ms) - t0 )) -lt 300000 ] || die "Cultivate ($label) not ready after 300 s"
        sleep 0.2
    done
    log "$label ready on port $APP_PORT in $(( $(now_ms) - t0 )) ms"
}
stop_app() {   # $1 pid
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
    APP_PIDS=$(echo "$APP_PIDS" | tr ' ' '\n' | grep -vx "$1" | tr '\n' ' ')
}

cat <<EOF
# Cultivate case-load benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')

- machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2 " RAM, " $7 " available"}'), $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
- $(java -version 2>&1 | head -n 1); $PG_VERSION (shared_buffers 1GB)
- jar built $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC'); repository at $(cd "$ROOT" && git log -1 --format='%h %s' | cut -c1-72)
- cases: $HISTORIC ended + $OPEN open; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)${JDBC_PARAMS:+; JDBC parameters of the servers: $JDBC_PARAMS}
EOF

# ---- 1. build the case load (or not: restored / kept)
if [ "$BUILT" = 0 ]; then
    log "building $HISTORIC ended and $OPEN open cases with $WORKERS workers"
    mkdir -p "$WORK/app"
    (cd "$WORK/app" && jar xf ../cultivate.jar)
    # the build only: no waiting for the disk at each commit (a crash would only lose the throw-away build)
    psql_db -c "ALTER SYSTEM SET fsync = off" -c "ALTER SYSTEM SET synchronous_commit = off" -c "ALTER SYSTEM SET full_page_writes = off" >/dev/null
    restart_postgres
    t0=$(now_ms)
    (cd "$WORK" && exec env $(app_env cultivate) MAIL_HOST=127.0.0.1 MAIL_PORT="$SMTP_PORT" \
        java -Xmx2g $JAVA_OPTS -cp "$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*" "$HERE/CaseloadGen.java" \
        --historic "$HISTORIC" --open "$OPEN" --workers "$WORKERS") >"$WORK/build.out" 2>"$WORK/app-build.log" &
    GEN_PID=$!
    APP_PIDS="$APP_PIDS $GEN_PID"
    while kill -0 "$GEN_PID" 2>/dev/null; do
        sleep 15
        grep '^\[CaseloadGen\]' "$WORK/app-build.log" | tail -n 1 >&2 || true
    done
    wait "$GEN_PID" || die "the build failed"
    APP_PIDS=$(echo "$APP_PIDS" | tr ' ' '\n' | grep -vx "$GEN_PID" | tr '\n' ' ')
    BUILD_S=$(( ($(now_ms) - t0) / 1000 ))
    echo "- build: $(grep "^built " "$WORK/build.out"); $BUILD_S s in all, with the JVM's start, load average now $(cut -d' ' -f1-3 /proc/loadavg)"
    rm -rf "$WORK/app"
    psql_db -c "ALTER SYSTEM RESET fsync" -c "ALTER SYSTEM RESET synchronous_commit" -c "ALTER SYSTEM RESET full_page_writes" >/dev/null
    restart_postgres
    t0=$(now_ms)
    psql_db -c "VACUUM ANALYZE"
    echo "- VACUUM ANALYZE after the build: $(( ($(now_ms) - t0) / 1000 )) s"
    if [ -z "$KEEP_DB" ]; then
        t0=$(now_ms)
        as_postgres "$PG_BIN/pg_dump" -h "$PG_SOCK" -p "$PG_PORT" -U cultivate -Fc -Z 1 cultivate > "$DUMP.tmp"
        chmod 644 "$DUMP.tmp"; mv "$DUMP.tmp" "$DUMP"
        echo "- saved as $DUMP ($(du -h "$DUMP" | cut -f1)) in $(( ($(now_ms) - t0) / 1000 )) s"
    fi
elif [ -z "$KEEP_DB" ]; then
    psql_db -c "ANALYZE"   # pg_restore brings no statistics; a kept cluster has its own
fi

sizes() {   # what the database holds
    psql_db -F ' ' -c "SELECT (SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'conduct-incident' AND end_time_ IS NOT NULL),
        (SELECT count(*) FROM act_ru_execution WHERE parent_id_ IS NULL), (SELECT count(*) FROM act_ru_task),
        (SELECT count(*) FROM act_ru_authorization), (SELECT count(*) FROM act_ru_authorization WHERE type_ = 2),
        (SELECT count(*) FROM act_ru_identitylink), (SELECT count(*) FROM act_hi_actinst), (SELECT count(*) FROM act_hi_varinst),
        pg_size_pretty(pg_database_size(current_database()))" | awk '{printf "- ended conduct cases %s, running instances %s, open tasks %s; ACT_RU_AUTHORIZATION %s rows (%s revokes), ACT_RU_IDENTITYLINK %s; ACT_HI_ACTINST %s, ACT_HI_VARINST %s; database %s %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10}'
}
auth_breakdown() {   # ACT_RU_AUTHORIZATION by resource type, grant/revoke, user/group, with or without a removal time
    echo
    echo "| resource type | type | for | rows | with removal time |"
    echo "|---|---|---|---:|---:|"
    psql_db -F '|' -c "SELECT CASE resource_type_ WHEN 6 THEN 'process definition' WHEN 7 THEN 'task' WHEN 8 THEN 'process instance'
            WHEN 19 THEN 'historic task' WHEN 20 THEN 'historic process instance' ELSE 'other (base authorizations)' END,
            CASE type_ WHEN 1 THEN 'grant' WHEN 2 THEN 'revoke' ELSE 'global' END,
            CASE WHEN user_id_ IS NOT NULL THEN 'user' ELSE 'group' END, count(*), count(removal_time_)
        FROM act_ru_authorization GROUP BY 1, 2, 3 ORDER BY 4 DESC" | awk -F'|' '{printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}'
    echo
}
echo "- database:"
sizes
auth_breakdown

# ---- 2. the queries, per setting of authorizationCheckRevokes, beside a server without authorization checks
measure() {   # $1 label, $2 database, $3 setting; needs the floor server FLOOR_URL on the same database
    local label=$1 database=$2 setting=$3
    start_app "auth-$setting" "$database" "-Dcamunda.bpm.generic-properties.properties.authorizationCheckRevokes=$setting"
    local auth_pid=$APP_PID auth_url="http://127.0.0.1:$APP_PORT"
    java -XX:+UseSerialGC -Xmx256m "$HERE/CaseloadBench.java" --server "auth=$auth_url" --server "floor=$FLOOR_URL" \
        --reps "$REPS" --warmup "$WARMUP" --label "$label" --tsv "$RESULTS_TSV"
    stop_app "$auth_pid"
}
start_floor() {   # $1 database
    start_app "floor-$1" "$1" -Dcamunda.bpm.authorization.enabled=false -Dcamunda.bpm.job-execution.enabled=false
    FLOOR_PID=$APP_PID FLOOR_URL="http://127.0.0.1:$APP_PORT"
}
summary_lines() {   # $1 label: the last lines, from the TSV. Z: the worse member's worst tasklist p95 over the floor's p95 of that query
    awk -F'\t' -v label="$1" '
        $1 == label && $5 ~ /:tasklist$/ {
            if ($2 == "auth") { if ($7 > a[$4]) { a[$4] = $7; q[$4] = $5 } } else { f[$4 SUBSEP $5] = $7 }
        }
        END {
            z = 0
            for (m in a) { r = a[m] / f[m SUBSEP q[m]]; if (r > z) z = r }
            printf "tasklist p95 = %.1f ms (recused member)\ntasklist p95 = %.1f ms (cleared member)\nratio to no-authorization = %.2f\n", a["recused"], a["cleared"], z
        }' "$RESULTS_TSV"
}

FIRST_LABEL=''
MEASURE_DB=${MEASURE_DB:-cultivate}   # or groupmodel, a converted copy left by an earlier run's groupmodel phase
if has_phase measure || has_phase indexes; then start_floor "$MEASURE_DB"; fi
if has_phase measure; then
    echo "## Queries, ${REPS} requests each: database $MEASURE_DB (cultivate: as built, per-user grants), authorizationCheckRevokes per setting"
    echo
    echo "auth: checks on, the setting named; floor: \`camunda.bpm.authorization.enabled=false\` on the same database. The tasklist p95 of a member is the worst p95 of its Tasklist queries: all tasks, my tasks, the committee's tasks and every filter shared with the member, each list and count."
    for setting in $REVOKES; do
        measure "$MEASURE_DB, $setting" "$MEASURE_DB" "$setting"
        [ -n "$FIRST_LABEL" ] || FIRST_LABEL="$MEASURE_DB, $setting"
        summary_lines "$MEASURE_DB, $setting" | sed 's/^/    /'
    done
fi

# ---- 3. where the time goes: the engine's SQL with its plans (auto_explain), then EXPLAIN (ANALYZE, BUFFERS)
if has_phase explain; then
    echo
    echo "## Where the time goes (auto_explain, statements over 20 ms)"
    psql_db -c "LOAD 'auto_explain'" -c "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'" -c "ALTER SYSTEM SET auto_explain.log_min_duration = '20ms'" \
        -c "ALTER SYSTEM SET auto_explain.log_analyze = on" -c "ALTER SYSTEM SET auto_explain.log_buffers = on" \
        -c "ALTER SYSTEM SET auto_explain.log_format = 'json'" -c "SELECT pg_reload_conf()" >/dev/null
    : > "$PG_LOG.mark"; LOG_FROM=$(wc -c < "$PG_LOG")
    for setting in ${EXPLAIN_REVOKES:-auto}; do
        start_app "explain-$setting" cultivate "-Dcamunda.bpm.generic-properties.properties.authorizationCheckRevokes=$setting"
        EXPLAIN_PID=$APP_PID
        java -XX:+UseSerialGC -Xmx256m "$HERE/CaseloadBench.java" --server "auth=http://127.0.0.1:$APP_PORT" \
            --reps 2 --warmup 0 --label "explain $setting" >/dev/null
        stop_app "$EXPLAIN_PID"
    done
    psql_db -c "LOAD 'auto_explain'" -c "ALTER SYSTEM RESET session_preload_libraries" -c "ALTER SYSTEM RESET auto_explain.log_min_duration" \
        -c "ALTER SYSTEM RESET auto_explain.log_analyze" -c "ALTER SYSTEM RESET auto_explain.log_buffers" \
        -c "ALTER SYSTEM RESET auto_explain.log_format" -c "SELECT pg_reload_conf()" >/dev/null
    tail -c +"$((LOG_FROM + 1))" "$PG_LOG" > "$WORK/plans.log"
    mkdir -p "$CACHE/plans"; cp "$WORK/plans.log" "$CACHE/plans/plans-$SIZE.log"
    echo
    echo "The full plans: \`$CACHE/plans/plans-$SIZE.log\`. Slowest statements (duration, first words, top plan node):"
    echo
    echo '```'
    python3 "$HERE/caseload_plans.py" "$WORK/plans.log" 6
    echo '```'
fi

# ---- 4. indexes on ACT_RU_AUTHORIZATION, in the bench database only
if has_phase indexes; then
    echo
    echo "## Indexes on ACT_RU_AUTHORIZATION (bench database only)"
    echo
    psql_db -c "CREATE INDEX caseload_auth_type_res ON act_ru_authorization (resource_type_, resource_id_)" \
        -c "CREATE INDEX caseload_auth_user_type ON act_ru_authorization (user_id_, resource_type_, resource_id_) WHERE user_id_ IS NOT NULL" \
        -c "CREATE INDEX caseload_auth_group_type ON act_ru_authorization (group_id_, resource_type_, resource_id_) WHERE group_id_ IS NOT NULL" \
        -c "ANALYZE act_ru_authorization"
    echo "added: \`(RESOURCE_TYPE_, RESOURCE_ID_)\`, \`(USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_) WHERE USER_ID_ IS NOT NULL\`, \`(GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_) WHERE GROUP_ID_ IS NOT NULL\`"
    for setting in ${INDEX_REVOKES:-auto always}; do
        measure "indexes, $setting" cultivate "$setting"
        summary_lines "indexes, $setting" | sed 's/^/    /'
    done
    psql_db -c "DROP INDEX caseload_auth_type_res" -c "DROP INDEX caseload_auth_user_type" -c "DROP INDEX caseload_auth_group_type"
fi

if has_phase measure || has_phase indexes; then stop_app "$FLOOR_PID"; fi

# ---- 5. another grant model, on a copy: per-case group grants, per-user revokes for the recused only, tasks to the candidate group
if has_phase groupmodel; then
    echo
    echo "## Grant model: per case and group, revokes for the recused (a copy of the database)"
    echo
    t0=$(now_ms)
    DB=postgres psql_db -c "DROP DATABASE IF EXISTS groupmodel" -c "CREATE DATABASE groupmodel TEMPLATE cultivate OWNER cultivate"
    echo "- copied in $(( ($(now_ms) - t0) / 1000 )) s; converting through the engine's AuthorizationService and TaskService (in-process, CaseloadRegrant.java)"
    mkdir -p "$WORK/app"
    (cd "$WORK/app" && jar xf ../cultivate.jar)
    t0=$(now_ms)
    (cd "$WORK" && exec env $(app_env groupmodel) MAIL_HOST=127.0.0.1 MAIL_PORT="$SMTP_PORT" \
        java -Xmx2g $JAVA_OPTS -cp "$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*" "$HERE/CaseloadRegrant.java" \
        --workers "$WORKERS" --max-seconds "${REGRANT_SECONDS:-1800}") >"$WORK/regrant.out" 2>"$WORK/app-regrant.log" || die "the conversion failed"
    echo "- $(cat "$WORK/regrant.out") ($(( ($(now_ms) - t0) / 1000 )) s)"
    rm -rf "$WORK/app"
    DB=groupmodel psql_db -c "VACUUM ANALYZE act_ru_authorization" -c "VACUUM ANALYZE act_ru_identitylink"
    DB=groupmodel sizes
    DB=groupmodel auth_breakdown
    start_floor groupmodel
    for setting in ${GROUP_REVOKES:-auto always}; do
        measure "group model, $setting" groupmodel "$setting"
        summary_lines "group model, $setting" | sed 's/^/    /'
    done
    stop_app "$FLOOR_PID"
fi

# ---- 6. history cleanup of CLEANUP_CASES ended cases (a copy): removal time set to the past through the engine, then cleanup
if has_phase cleanup; then
    echo
    echo "## History cleanup of $CLEANUP_CASES ended cases (a copy)"
    echo
    for dop in $CLEANUP_PARALLELISM; do
        DB=postgres psql_db -c "DROP DATABASE IF EXISTS cleanup" -c "CREATE DATABASE cleanup TEMPLATE cultivate OWNER cultivate"
        DB=cleanup psql_db -c "ANALYZE"
        start_app "cleanup-$dop" cleanup -Dcamunda.bpm.generic-properties.properties.historyCleanupStrategy=removalTimeBased \
            -Dcamunda.bpm.generic-properties.properties.historyCleanupBatchSize="$CLEANUP_BATCH" \
            -Dcamunda.bpm.generic-properties.properties.historyCleanupDegreeOfParallelism="$dop"
        CLEANUP_PID=$APP_PID
        DB=cleanup psql_db -F ' ' -c "SELECT count(*), count(removal_time_) FROM act_ru_authorization" | awk '{print "- before: ACT_RU_AUTHORIZATION " $1 " rows, " $2 " with a removal time"}'
        python3 "$HERE/caseload_cleanup.py" "http://127.0.0.1:$APP_PORT" demo "$CLEANUP_CASES" "$dop" "$CLEANUP_BATCH"
        # the cases' instances go first; the job goes on with their variables, details, log and authorizations
        t0=$(now_ms)
        due_rows() {
            DB=cleanup psql_db -c "SELECT (SELECT count(*) FROM act_ru_authorization WHERE removal_time_ < now())
                + (SELECT count(*) FROM act_hi_actinst WHERE removal_time_ < now()) + (SELECT count(*) FROM act_hi_taskinst WHERE removal_time_ < now())
                + (SELECT count(*) FROM act_hi_varinst WHERE removal_time_ < now()) + (SELECT count(*) FROM act_hi_detail WHERE removal_time_ < now())
                + (SELECT count(*) FROM act_hi_op_log WHERE removal_time_ < now()) + (SELECT count(*) FROM act_ge_bytearray WHERE removal_time_ < now())
                + (SELECT count(*) FROM act_hi_identitylink WHERE removal_time_ < now())"
        }
        first_due=$(due_rows)
        while [ "$(due_rows)" != 0 ] && [ $(( $(now_ms) - t0 )) -lt 600000 ]; do sleep 2; done
        echo "- then every other history row and authorization past its removal time ($first_due rows when the instances were gone, $(due_rows) left): $(( ($(now_ms) - t0) / 1000 )) s more"
        DB=cleanup psql_db -F ' ' -c "SELECT count(*), count(removal_time_) FROM act_ru_authorization" | awk '{print "- after: ACT_RU_AUTHORIZATION " $1 " rows, " $2 " with a removal time"}'
        stop_app "$CLEANUP_PID"
    done
    DB=postgres psql_db -c "DROP DATABASE IF EXISTS cleanup"
fi

# ---- the last lines: the database as built, the first setting of REVOKES (the engine's default: auto)
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
# (a build-only run, PHASES=none, has none: it ends without them, successfully)
if [ -n "$FIRST_LABEL" ]; then summary_lines "$FIRST_LABEL"; fi
