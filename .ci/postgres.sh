#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: listens on 127.0.0.1 only, on a free port,
# with its Unix socket inside its own folder, trust auth (nothing but this machine can reach it).
#
#   .ci/postgres.sh start DIR   start a cluster in DIR (must not exist); print its URL
#   .ci/postgres.sh stop DIR    stop it and delete DIR
#
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user
# (created if missing). Fails loudly: the issue requires the PostgreSQL tests to run in CI.
set -euo pipefail
action=${1:?usage: postgres.sh start|stop DIR}
dir=${2:?usage: postgres.sh start|stop DIR}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$bin" ] && PATH="$bin:$PATH"

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
    command -v initdb >/dev/null || { echo "postgres.sh: initdb not found" >&2; exit 1; }
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    fi
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    chmod 700 "$dir"
    port=$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner initdb -D "$dir/data" -U lawcheck --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # Durability is not under test here; skipping fsync keeps CREATE DATABASE quick.
    as_owner pg_ctl -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
        -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_owner createdb -h 127.0.0.1 -p "$port" -U lawcheck lawcheck_test
    echo "postgresql+psycopg://lawcheck@127.0.0.1:$port/lawcheck_test"
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_owner pg_ctl -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: postgres.sh start|stop DIR" >&2; exit 2 ;;
esac
