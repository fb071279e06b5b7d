#!/usr/bin/env bash
# gongdan_start_postgres DIR: starts a throwaway PostgreSQL 15 cluster in DIR on a free loopback port
# (trust authentication, fsync off: test data only) and exports GONGDAN_TEST_POSTGRES, the URL of an
# empty database the tests may create further databases from. gongdan_stop_postgres DIR stops it.
GONGDAN_PG_BIN=/usr/lib/postgresql/15/bin

gongdan_pg() {
    # PostgreSQL refuses to run as root; the cluster then belongs to the postgres user.
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

gongdan_start_postgres() {
    local dir="$1" port
    mkdir -p "$dir/pg"
    chmod 711 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pg"
    gongdan_pg "$GONGDAN_PG_BIN/initdb" -D "$dir/pg/data" -A trust -U gongdan -E UTF8 --locale=C.UTF-8 >/dev/null
    local attempt
    for attempt in 1 2 3 4 5; do # a random port; another try if something already listens there
        port=$((20000 + RANDOM % 30000))
        gongdan_pg "$GONGDAN_PG_BIN/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/log" -w -o \
            "-p $port -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null &&
            break
        [ "$attempt" -eq 5 ] && { cat "$dir/pg/log" >&2; echo "PostgreSQL did not start" >&2; return 1; }
    done
    gongdan_pg "$GONGDAN_PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U gongdan gongdan_test
    export GONGDAN_TEST_POSTGRES="postgresql://gongdan@127.0.0.1:$port/gongdan_test"
    echo "PostgreSQL 15 for the tests: $GONGDAN_TEST_POSTGRES"
}

gongdan_stop_postgres() {
    local dir="$1"
    [ -f "$dir/pg/data/postmaster.pid" ] && gongdan_pg "$GONGDAN_PG_BIN/pg_ctl" -D "$dir/pg/data" -m fast stop >/dev/null || true
}
