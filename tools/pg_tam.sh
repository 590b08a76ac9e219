#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the register's tests (issue 14, point 4), in a folder of its own:
#   tools/pg_tam.sh start DIR   → prints «export DOCGEN_PG_URL=…; export DOCGEN_PG_PASSWORD=…» (eval it)
#   tools/pg_tam.sh stop DIR
# Debian's postgresql package (/usr/lib/postgresql/<n>/bin); initdb refuses root, so as root the cluster runs as
# the postgres user. Unix socket in DIR, a free TCP port on 127.0.0.1, password authentication over TCP (the
# tests go through DOCGEN_PG_PASSWORD as an office would), fsync off (it is thrown away) unless PG_TAM_FSYNC=on
# (bench/cap_so.py: commits cost what they cost on a real server).
set -euo pipefail
action=${1:?start|stop}
dir=$(realpath -m "${2:?DIR}")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$bin/initdb" ]] || { echo "pg_tam: không có PostgreSQL (apt-get install postgresql)" >&2; exit 3; }
as_owner() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [[ $action == stop ]]; then
  [[ -f "$dir/data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  exit 0
fi

mkdir -p "$dir/sock"
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$password" > "$dir/matkhau"
[[ $(id -u) == 0 ]] && chown -R postgres: "$dir"
chmod 700 "$dir"
as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C --auth-local=trust \
  --auth-host=scram-sha-256 --pwfile="$dir/matkhau" --no-sync >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-k $dir/sock -p $port -c listen_addresses=127.0.0.1 -c fsync=${PG_TAM_FSYNC:-off} -c max_connections=60" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
as_owner "$bin/psql" -h "$dir/sock" -p "$port" -U postgres -q -c "CREATE DATABASE docgen" >/dev/null
echo "export DOCGEN_PG_URL=postgresql://postgres@127.0.0.1:$port/docgen; export DOCGEN_PG_PASSWORD=$password"
