# Shared by intake.sh and drills.sh (sourced): a copy of the jar, and a throw-away PostgreSQL.
# The sourcing script defines log and die, and sets ROOT, JAR and WORK before calling these.

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
secret() { python3 -c 'import secrets; print(secrets.token_urlsafe(18))'; }   # 24 characters

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The jar, copied so that a rebuild beside us cannot swap it under the running server.
copy_jar() {
    if [ ! -f "$JAR" ]; then
        log "building the jar"
        (cd "$ROOT" && ./mvnw -B -q -DskipTests package) >&2
    fi
    cp "$JAR" "$WORK/cultivate.jar"
}

# Debian's PostgreSQL server in a throw-away cluster on a free port, only on 127.0.0.1.
# Creates the databases named as arguments, owned by user cultivate.
# Sets PG_BIN, PG_PORT, PG_PASSWORD, PG_DATA (the caller's cleanup stops it) and PG_PID.
start_postgres() {
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$PG_BIN" ]; then
        [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed; as root this script would apt-get install it"
        log "installing PostgreSQL (apt-get)"
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        # the package creates and starts a 'main' cluster of its own; these scripts need none running
        pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print $1, $2}' | while read -r version name; do
            pg_ctlcluster "$version" "$name" stop || true
        done
        PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    PG_PORT=$(free_port)
    PG_PASSWORD=$(secret)
    mkdir -p "$WORK/pg"
    echo "$PG_PASSWORD" > "$WORK/pg/pwfile"
    [ "$(id -u)" = 0 ] && chown -R postgres: "$WORK/pg"
    as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U cultivate --pwfile="$WORK/pg/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    PG_DATA="$WORK/pg/data"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w \
        -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null
    for database in "$@"; do
        as_postgres "$PG_BIN/createdb" -h "$WORK/pg" -p "$PG_PORT" -U cultivate -O cultivate "$database"
    done
    PG_PID=$(head -n 1 "$PG_DATA/postmaster.pid")
}
