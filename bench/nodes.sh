#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Benchmark: several nodes on one PostgreSQL (issue 15). A private PostgreSQL primary
# with the server's default durability, holding the 100 conditions of
# bench/seed-conditions.sql and MEMBERS synthetic members (`diseasemaps demo-data`),
# a hot standby streaming from it (pg_basebackup -R, as scripts/cluster-up makes one),
# two `diseasemaps serve` nodes, and HAProxy in front with
# scripts/cluster-haproxy.cfg.in. One line per figure:
#   1. the condition page (anonymous, cached) and /api/v1/map (random viewports and
#      zooms, bench/map-viewports.lua): requests/s and p99 on 1 node directly, then on
#      the 2 nodes through HAProxy. The nodes, HAProxy, PostgreSQL and wrk share the
#      machine's cores: on a small machine this shows HAProxy's cost, not a gain.
#   2. how long a change made on node A takes to show on node B: a member joins or
#      leaves a community on A, B's /api/v1/map is read every 2 ms until it shows it
#      (bench/nodes-propagation.mjs); p50, p99 and max over CHANGES changes.
#   3. the standby's replay lag under a profile-save load through HAProxy (wrk,
#      bench/nodes-profile-save.lua): pg_stat_replication read on the primary every
#      20 ms, replay_lag and the WAL bytes not yet replayed; p50, p99, max.
#
# Usage: bench/nodes.sh [MEMBERS] [CHANGES]
# Environment: see bench/lib.sh.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

members=${1:-20000}
changes=${2:-200}
bench_init nodes
require_tools "$bin" wrk curl psql node haproxy
[[ -n "${BENCH_MACHINE_PRINTED:-}" ]] || machine_line
readonly kPassword="correct horse battery staple"
readonly kPath=/conditions/bench-condition-10   # Opsoclonus-myoclonus syndrome, ORPHA 900010
readonly kOrphacode=900010

# --- the database, its standby, two nodes, HAProxy --------------------------------------
start_postgres primary
primary_port=$pg_port
db=$pg_url
run_tracked "$bin" --database "$db" migrate >"$work/migrate.log" 2>&1 ||
  { cat "$work/migrate.log" >&2; fail "migrate failed"; }
psql -X -q -v ON_ERROR_STOP=1 "$db" -f bench/seed-conditions.sql >/dev/null || fail "seeding failed"
t0=$(now)
run_tracked "$bin" --database "$db" demo-data --members "$members" --seed 1 >"$work/demo.out" 2>&1 ||
  { cat "$work/demo.out" >&2; fail "demo-data failed"; }
echo "nodes data: 100 seeded conditions and $members synthetic members in PostgreSQL" \
  "($(elapsed "$t0" "$(now)") s to load the members)"
for who in probe writer1 writer2; do
  printf '%s\n' "$kPassword" | run_tracked "$bin" --database "$db" user add --email "$who@example.org" \
    --name "$who" --password-stdin >>"$work/users.log" 2>&1 || { cat "$work/users.log" >&2; fail "user add failed"; }
done
start_postgres standby "$primary_port"

start_node() { start_diseasemaps "$db" "$1" --no-migrate --search-index "$work/$1.search" --trust-proxy 127.0.0.1; }
start_node node1
node1_url=$dm_url node1_port=$dm_port
start_node node2
node2_url=$dm_url node2_port=$dm_port
proxy_port=$(free_port)
stats_port=$(free_port)
config=$(<scripts/cluster-haproxy.cfg.in)
config=${config//@BIND@/127.0.0.1:$proxy_port}
printf '%s\n%s\n' "${config//@SERVERS@/  server node1 127.0.0.1:$node1_port
  server node2 127.0.0.1:$node2_port}" \
  "listen stats
  bind 127.0.0.1:$stats_port
  stats enable
  stats uri /stats" >"$work/haproxy.cfg"
start_tracked haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1
proxy_url=http://127.0.0.1:$proxy_port/
up=0
for ((i = 0; i < 200 && up < 2; i++)); do   # both nodes in the rotation
  sleep 0.05
  up=$(curl -s "http://127.0.0.1:$stats_port/stats;csv" | awk -F, '$1 == "nodes" && $2 ~ /^node/ && $18 == "UP"' | wc -l) || true
done
((up == 2)) || { cat "$work/haproxy.log" >&2; fail "HAProxy did not put both nodes in the rotation"; }

# HAProxy's counters for the backend so far: "connection errors, response errors,
# retries, redispatches" (the stats page's econ, eresp, wretr, wredis).
proxy_errors() {
  curl -s "http://127.0.0.1:$stats_port/stats;csv" |
    awk -F, '$1 == "nodes" && $2 == "BACKEND" { printf "%d connection errors, %d response errors, %d retries, %d redispatches", $14, $15, $16, $17 }'
}

# --- 1. one node directly, two through HAProxy -------------------------------------------
note="wrk -t$threads -c$connections -d$duration, anonymous; $(nproc) cores shared by the nodes, HAProxy,"
note+=" PostgreSQL and wrk: HAProxy's cost, not a gain"
curl -sf -o /dev/null "${node1_url}${kPath#/}" || fail "$kPath does not answer"
# Warm-up: a node's first seconds (its search index, its first renders) are slower.
run_tracked wrk -t1 -c4 -d2s "${proxy_url}${kPath#/}" >/dev/null
measure page-direct "${node1_url}${kPath#/}" "$duration"
page_direct=("$m_rps" "$m_p99" "$m_non2xx")
measure page-proxy "${proxy_url}${kPath#/}" "$duration"
((m_non2xx + page_direct[2] == 0)) || fail "the condition page answered other than 2xx/3xx"
echo "nodes condition page: 1 node directly ${page_direct[0]} requests/s, p99 ${page_direct[1]} ms;" \
  "2 nodes through HAProxy $m_rps requests/s, p99 $m_p99 ms ($note; HAProxy: $(proxy_errors))"

# map_measure NAME URL: wrk over random viewports; sets m_*.
map_measure() {
  MAP_SCOPE="" run_tracked wrk -t"$threads" -c"$connections" -d"$duration" --latency \
    -s bench/map-viewports.lua "$2" >"$work/wrk-$1.txt" || fail "wrk failed"
  read -r m_rps m_p99 m_non2xx _ < <(parse_wrk <"$work/wrk-$1.txt")
  ((m_non2xx == 0)) || fail "$1: $m_non2xx answers were not 2xx"
}
MAP_SCOPE="" run_tracked wrk -t1 -c4 -d2s -s bench/map-viewports.lua "$proxy_url" >/dev/null   # warm-up
map_measure map-direct "$node1_url"
map_direct=("$m_rps" "$m_p99")
map_measure map-proxy "$proxy_url"
echo "nodes /api/v1/map: 1 node directly ${map_direct[0]} requests/s, p99 ${map_direct[1]} ms;" \
  "2 nodes through HAProxy $m_rps requests/s, p99 $m_p99 ms (random viewports, zooms 2-12; $note)"

# --- 2. a change on node A, seen on node B -----------------------------------------------
run_tracked node bench/nodes-propagation.mjs "$node1_url" "$node2_url" probe@example.org "$kPassword" \
  "${kPath##*/}" "$kOrphacode" "$changes" >"$work/propagation.txt" || fail "the propagation probe failed"
read -r count p50 p99 max <"$work/propagation.txt"
echo "nodes change to other node: p50 $p50 ms, p99 $p99 ms, max $max ms over $count changes" \
  "(join/leave on node A, node B's /api/v1/map polled every 2 ms; change notices, NOTIFY/LISTEN)"

# --- 3. the standby's lag under writes ----------------------------------------------------
# sign_in URL EMAIL: prints "COOKIE|CSRF" of a new session (curl's cookie jar).
sign_in() {
  local jar=$work/jar-$2 csrf
  csrf_in() { sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }
  csrf=$(curl -sf -c "$jar" -b "$jar" "${1}login" | csrf_in)
  curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "email=$2" \
    --data-urlencode "password=$kPassword" -d next=/ "${1}login" || fail "signing in $2 failed"
  csrf=$(curl -sf -c "$jar" -b "$jar" "${1}account/profile" | csrf_in)
  [[ -n "$csrf" ]] || fail "no session for $2"
  awk -v csrf="$csrf" '/^#HttpOnly_/ || !/^#/ { if (NF >= 7) { printf "%s%s=%s", sep, $6, $7; sep = "; " } }
    END { printf "|%s\n", csrf }' "$jar"
}
NODES_MEMBERS="$(sign_in "$proxy_url" writer1@example.org)
$(sign_in "$proxy_url" writer2@example.org)"
export NODES_MEMBERS

# Every 20 ms while $work/lag.run exists, on one connection to the primary: replay_lag
# in ms (0 when the standby has replayed everything, which PostgreSQL shows as NULL)
# and the bytes of WAL the primary wrote and the standby has not replayed yet.
poll_lag() {
  while [[ -e "$work/lag.run" ]]; do
    echo "SELECT COALESCE(EXTRACT(EPOCH FROM replay_lag) * 1000, 0),
            pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) FROM pg_stat_replication;"
    sleep 0.02
  done | psql -X -q -A -t -F ' ' -h 127.0.0.1 -p "$primary_port" -U postgres postgres 2>>"$work/lag.err"
}
[[ -n "$(psql -X -A -t -h 127.0.0.1 -p "$primary_port" -U postgres -c 'SELECT 1 FROM pg_stat_replication' postgres)" ]] ||
  fail "the standby is not streaming"
touch "$work/lag.run"
start_tracked poll_lag >"$work/lag.txt"
lag_pid=$last_pid
run_tracked wrk -t2 -c4 -d"$duration" --latency -s bench/nodes-profile-save.lua "$proxy_url" >"$work/wrk-saves.txt" ||
  fail "wrk failed"
rm -f "$work/lag.run"   # the poll ends, and psql with it
wait "$lag_pid" || true
untrack "$lag_pid"
read -r m_rps m_p99 m_non2xx _ < <(parse_wrk <"$work/wrk-saves.txt")
((m_non2xx == 0)) || fail "profile saves: $m_non2xx answers were not 2xx/3xx"
# percentiles COLUMN: "p50 p99 max samples" of that column of $work/lag.txt.
percentiles() {
  awk -v c="$1" 'NF >= 2 { print $c }' "$work/lag.txt" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "- - - 0"; exit }
      i50 = int(NR * 0.5 + 0.999); i99 = int(NR * 0.99 + 0.999)
      printf "%.1f %.1f %.1f %d\n", v[i50], v[i99], v[NR], NR }'
}
read -r lag50 lag99 lagmax samples < <(percentiles 1)
read -r bytes50 bytes99 bytesmax _ < <(percentiles 2)
echo "nodes standby replay lag: p50 $lag50 ms, p99 $lag99 ms, max $lagmax ms; WAL not yet replayed p50" \
  "$bytes50 B, p99 $bytes99 B, max $bytesmax B ($samples samples every 20 ms on the primary's" \
  "pg_stat_replication, under $m_rps profile saves/s through HAProxy, p99 $m_p99 ms, wrk -t2 -c4 -d$duration)"
echo "nodes load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (at the start: $load_at_start)"
