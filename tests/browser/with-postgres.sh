#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on a free loopback port, and
# DISEASEMAPS_TEST_POSTGRES_URL pointing at it; stops the server and removes its files
# afterwards, whatever the command did. As root, the server runs as the `postgres` user.
#
# Usage: tests/browser/with-postgres.sh node --test tests/browser/
set -euo pipefail

pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[[ -x "$pg_bin/pg_ctl" ]] || { echo "with-postgres: no PostgreSQL server found" >&2; exit 2; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/dm-pg.XXXXXX")
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m fast -w -t 20 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(node -e 'const s = require("net").createServer();
  s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
"${as_owner[@]}" "$pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
  --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export DISEASEMAPS_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL on 127.0.0.1:$port" >&2
"$@"
