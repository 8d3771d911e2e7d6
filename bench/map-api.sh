#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Benchmark: the community map's API (/api/v1/map) through HTTP on a large synthetic
# community. Seeds the 100 conditions of bench/seed-conditions.sql into a new SQLite
# database, loads MEMBERS synthetic members with `diseasemaps demo-data` (timed), starts
# `diseasemaps serve` (timed: it loads every member and builds the all-conditions map
# before it listens), then runs wrk as an anonymous visitor over random 1280x800 px
# viewports at random zooms 2..12 (bench/map-viewports.lua): first the all-conditions
# map (/map), then the condition with the most members (built on its first request,
# which is timed apart). One line per figure.
# Target: p99 under 10 ms for both scopes. At wrk's 32 connections the server is saturated
# and p99 is mostly queueing; a last run with 4 connections shows a request's own latency.
#
# Usage: bench/map-api.sh [MEMBERS] [SEED]
# Environment: see bench/lib.sh.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

members=${1:-1000000}
seed=${2:-1}
bench_init map-api
require_tools "$bin" sqlite3 wrk curl node
[[ -n "${BENCH_MACHINE_PRINTED:-}" ]] || machine_line

db=$work/map.db
prepare_seeded_db "$db"
t0=$(now)
run_tracked "$bin" --database "$db" demo-data --members "$members" --seed "$seed" >"$work/demo.out" 2>&1 ||
  { cat "$work/demo.out" >&2; fail "demo-data failed"; }
t1=$(now)
db_mib=$(du -m "$db" | cut -f1)
echo "map-api load: $members synthetic members (seed $seed) into SQLite in $(elapsed "$t0" "$t1") s ($db_mib MiB)"

t0=$(now)
start_diseasemaps "$db"
t1=$(now)
rss_mib=$(awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$dm_pid/status")
echo "map-api start: serve loaded the members and built the /map index in $(elapsed "$t0" "$t1") s (RSS $rss_mib MiB)"

popular=$(sqlite3 "$db" 'SELECT orphacode FROM memberships GROUP BY orphacode ORDER BY COUNT(*) DESC LIMIT 1')
popular_members=$(sqlite3 "$db" "SELECT COUNT(*) FROM memberships WHERE orphacode = $popular")
t0=$(now)
curl -sf -o /dev/null "${dm_url}api/v1/map?condition=$popular&zoom=3" || fail "the first request for $popular failed"
t1=$(now)
echo "map-api first request for ORPHA:$popular ($popular_members members): $(elapsed "$t0" "$t1") s (builds its index)"

# map_run NAME SCOPE [CONNECTIONS]
map_run() {
  local name=$1 scope=$2 c=${3:-$connections}
  MAP_SCOPE=$scope run_tracked wrk -t"$threads" -c"$c" -d"$duration" --latency \
    -s bench/map-viewports.lua "$dm_url" >"$work/wrk-$name.txt" || fail "wrk failed"
  read -r m_rps m_p99 m_non2xx m_errors < <(parse_wrk <"$work/wrk-$name.txt")
  ((m_non2xx == 0)) || fail "$name: $m_non2xx answers were not 2xx"
  echo "map-api $name: p99 $m_p99 ms, $m_rps requests/s (wrk -t$threads -c$c -d$duration," \
    "random viewports, zooms 2-12, anonymous; socket errors: $m_errors; target p99 < 10 ms)"
}
MAP_SCOPE="" run_tracked wrk -t1 -c4 -d2s -s bench/map-viewports.lua "$dm_url" >/dev/null  # warm-up
map_run "all conditions" ""
map_run "ORPHA:$popular" "condition=$popular&"
# The same with 4 connections: the latency of a request rather than of a queue.
map_run "all conditions, 4 connections" "" 4
