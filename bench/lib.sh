# Shared shell functions for the benchmarks in bench/. Source it; do not run it.
#
#   source bench/lib.sh
#   bench_init NAME        # cd to the repo root, temp dir in $work, traps, $bin, $static_dir
#
# Every process a script starts goes through start_tracked / run_tracked, so that the
# EXIT trap stops it (SIGTERM, then SIGKILL after 5 s) on success, failure, Ctrl-C or
# SIGTERM, and then removes $work.
#
# Environment read here: DISEASEMAPS_BIN (default build/diseasemaps), DISEASEMAPS_STATIC
# (default build/static), DISEASEMAPS_SHARED_DATA (default ../shared/data; relative
# paths are relative to the repository root), BENCH_MACHINE_PRINTED (set by run-all:
# scripts then leave the machine line out), BENCH_DURATION (one wrk run, default 8s),
# BENCH_THREADS (wrk threads, 2), BENCH_CONNECTIONS (wrk connections, 32).

# shellcheck shell=bash
export LC_ALL=C   # decimal points in $EPOCHREALTIME, awk and printf

# Read by the scripts and by measure().
duration=${BENCH_DURATION:-8s}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-32}

bench_name=bench
work=
pids=()
cleanup_hooks=()      # commands run at exit, last added first (see on_cleanup)
stop_wait_tenths=50   # how long stop_all_tracked waits for each process before SIGKILL

# Sets up a benchmark script: $bench_name, $bin, $static_dir, $work, and the traps.
bench_init() {
  bench_name=$1
  cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
  bin=${DISEASEMAPS_BIN:-build/diseasemaps}
  static_dir=${DISEASEMAPS_STATIC:-build/static}
  load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)   # a busy machine makes the figures noisy
  work=$(mktemp -d "${TMPDIR:-/tmp}/dm-bench-$bench_name.XXXXXX")
  trap bench_cleanup EXIT
  trap 'bench_on_signal INT' INT
  trap 'bench_on_signal TERM' TERM
}

# Stops every tracked process, removes $work and exits with the script's status.
bench_cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_all_tracked
  run_cleanup_hooks
  [[ -n "$work" ]] && rm -rf "$work"
  exit "$status"
}

# On SIGINT/SIGTERM: clean up, then die of the same signal so a calling script (or the
# shell) sees that the run was interrupted rather than finished.
bench_on_signal() {
  local sig=$1
  trap - EXIT INT TERM
  echo "bench/$bench_name: interrupted (SIG$sig), stopping what it started" >&2
  stop_all_tracked
  run_cleanup_hooks
  [[ -n "$work" ]] && rm -rf "$work"
  kill -"$sig" "$$"
  exit $((128 + $(kill -l "$sig")))   # not reached unless the signal is blocked
}

# SIGTERM to every tracked process, SIGKILL to any still running $stop_wait_tenths/10 s
# later.
stop_all_tracked() {
  local pid i
  for pid in "${pids[@]+"${pids[@]}"}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do
    for ((i = 0; i < stop_wait_tenths; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  pids=()
}

# Runs COMMAND... when the script ends, however it ends, after the tracked processes
# stopped: for what is not a child to track, such as a PostgreSQL server pg_ctl started.
on_cleanup() { cleanup_hooks+=("$*"); }

run_cleanup_hooks() {
  local i
  for ((i = ${#cleanup_hooks[@]} - 1; i >= 0; i--)); do eval "${cleanup_hooks[i]}" || true; done
  cleanup_hooks=()
}

untrack() {
  local pid=$1 p remaining=()
  for p in "${pids[@]+"${pids[@]}"}"; do [[ "$p" == "$pid" ]] || remaining+=("$p"); done
  pids=("${remaining[@]+"${remaining[@]}"}")
}

# Stops one tracked process (SIGTERM, then SIGKILL after 5 s) and forgets it.
stop_tracked() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  untrack "$pid"
}

# Starts CMD in the background, tracked; its pid in $last_pid. Redirect at the call.
start_tracked() {
  "$@" &
  last_pid=$!
  pids+=("$last_pid")
}

# Runs CMD to completion, tracked, and returns its status. It runs in the background
# and is waited for, so that a signal reaches our trap at once instead of after CMD.
run_tracked() {
  local pid status
  "$@" &
  pid=$!
  pids+=("$pid")
  wait "$pid" && status=0 || status=$?
  untrack "$pid"
  return "$status"
}

# Prints the "Usage:" part of SCRIPT's header comment on stderr.
print_usage() {
  awk '/^# Usage:/ { p = 1 } p && !/^#/ { exit } p { sub(/^# ?/, ""); print }' "$1" >&2
}

fail() {
  echo "bench/$bench_name: $*" >&2
  exit 1
}

# Exits 2 naming the first of TOOL... that is not installed.
require_tools() {
  local tool
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null; then
      echo "bench/$bench_name: $tool not found (build first; scripts/install-deps --bench)" >&2
      exit 2
    fi
  done
}

# A loopback port free at the time of asking.
free_port() {
  node -e 'const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# Seconds since the epoch, with microseconds.
now() { printf '%s\n' "$EPOCHREALTIME"; }

# Seconds between two now() values, to 0.01 s.
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", b - a }'; }

# One line describing the machine; run-all prints it first.
machine_line() {
  local cpu
  cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo | head -n 1)
  echo "machine: nproc $(nproc), CPU ${cpu:-unknown}, $(free -g | awk '/^Mem:/ { print $2 }') GiB," \
    "$(uname -sr), $(nginx -v 2>&1 | sed 's/.*: //'), load average at start ${load_at_start:-$(cut -d' ' -f1-3 /proc/loadavg)}"
}

# --- diseasemaps ---------------------------------------------------------------------

# Migrates DB and seeds the 100 conditions of bench/seed-conditions.sql.
prepare_seeded_db() {
  local db=$1 count
  run_tracked "$bin" --database "$db" migrate >"$work/migrate.log" 2>&1 ||
    { cat "$work/migrate.log" >&2; fail "migrate failed"; }
  sqlite3 -bail "$db" <bench/seed-conditions.sql
  count=$(sqlite3 "$db" 'SELECT COUNT(*) FROM conditions')
  [[ "$count" == 100 ]] || fail "seeded $count conditions, expected 100"
}

# Starts `diseasemaps serve` on DB on a free loopback port, no access log, with any
# further serve options given; its output in $work/NAME.out and .err (NAME: dm unless
# given). Sets $dm_url (ending in /), $dm_port and $dm_pid.
start_diseasemaps() {
  local db=$1 name=${2:-dm} i
  shift $(($# < 2 ? $# : 2))
  : >"$work/$name.out"   # exists before the server opens it, for the loop below
  start_tracked "$bin" --database "$db" serve --port 0 --address 127.0.0.1 \
    --static-dir "$static_dir" --no-access-log "$@" >"$work/$name.out" 2>"$work/$name.err"
  dm_pid=$last_pid
  dm_url=
  for ((i = 0; i < 400; i++)); do
    dm_url=$(sed -n 's|.*serving on \(http://[^ ]*\).*|\1|p' "$work/$name.out" | head -n 1) || true
    [[ -n "$dm_url" ]] && break
    kill -0 "$dm_pid" 2>/dev/null || { cat "$work/$name.out" "$work/$name.err" >&2; fail "diseasemaps exited"; }
    sleep 0.05
  done
  [[ -n "$dm_url" ]] || { cat "$work/$name.err" >&2; fail "diseasemaps did not start"; }
  dm_url=${dm_url%/}/
  dm_port=${dm_url##*:}
  dm_port=${dm_port%/}
}

# --- PostgreSQL: a private primary and its streaming standby ---------------------------

# Starts a private PostgreSQL server with the defaults' durability (fsync, synchronous
# commit) in $work/pg/NAME on a free loopback port, stopped at exit (pg_ctl, fast). With
# PRIMARY_PORT, a hot standby streaming from that primary (pg_basebackup -R, as
# scripts/cluster-up makes one); otherwise a new cluster with a database `diseasemaps`.
# Sets $pg_port and $pg_url (postgresql://…/diseasemaps).
# shellcheck disable=SC2034  # pg_url is for the caller
start_postgres() {
  local name=$1 primary_port=${2:-} bindir data
  local -a as_pg=()
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$bindir" && -x "$bindir/initdb" ]] || fail "PostgreSQL's server binaries not found (scripts/install-deps)"
  mkdir -p "$work/pg"
  chmod 711 "$work"   # the postgres user passes through to pg/
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$work/pg"
    as_pg=(runuser -u postgres --)
  fi
  data=$work/pg/$name
  if [[ -n "$primary_port" ]]; then
    "${as_pg[@]}" "$bindir/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$data" -R -X stream \
      -c fast >"$work/pg/$name-basebackup.log" 2>&1 || { cat "$work/pg/$name-basebackup.log" >&2; fail "pg_basebackup failed"; }
  else
    "${as_pg[@]}" "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale \
      >"$work/pg/$name-initdb.log" 2>&1 || { cat "$work/pg/$name-initdb.log" >&2; fail "initdb failed"; }
  fi
  pg_port=$(free_port)
  on_cleanup "${as_pg[*]} $bindir/pg_ctl -D $data -m fast stop >/dev/null 2>&1"
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$data" -l "$work/pg/$name.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg -c max_connections=200" start >/dev/null ||
    { cat "$work/pg/$name.log" >&2; fail "PostgreSQL ($name) did not start"; }
  [[ -n "$primary_port" ]] ||
    psql -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE diseasemaps" postgres ||
    fail "CREATE DATABASE failed"
  pg_url="postgresql://postgres@127.0.0.1:$pg_port/diseasemaps"
}

# --- a signed-in member ------------------------------------------------------------------

readonly bench_member_email=bench-member@example.org bench_member_password='bench member password 1'

# The value of the first csrf field of the HTML on stdin.
csrf_of() { sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }

# Adds the benchmark's member ("Bench member") to DB; before start_diseasemaps.
add_bench_member() {
  local db=$1
  printf '%s\n' "$bench_member_password" | "$bin" --database "$db" user add --email "$bench_member_email" \
    --name "Bench member" --password-stdin >"$work/user.log" 2>&1 || { cat "$work/user.log" >&2; fail "user add failed"; }
}

# Signs the benchmark's member in on $dm_url; sets $jar (curl's cookie jar, for forms) and
# $cookie (a Cookie header's value, for wrk), and fails unless that cookie signs in.
sign_in_bench_member() {
  local csrf page
  jar=$work/cookies.txt
  csrf=$(curl -sf -c "$jar" -b "$jar" "${dm_url}login" | csrf_of)
  curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "email=$bench_member_email" \
    --data-urlencode "password=$bench_member_password" --data "next=/" "${dm_url}login" || fail "sign-in failed"
  # curl writes HttpOnly cookies as comments ("#HttpOnly_host"): the session cookie is one.
  cookie=$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
  page=$(curl -sf -H "Cookie: $cookie" "${dm_url}account") || fail "/account failed for the member"
  [[ "$page" == *"Signed in as Bench member"* ]] || fail "the session cookie does not sign the member in"
}

# --- the catalogue: real data ----------------------------------------------------------

shared_data_dir() { printf '%s\n' "${DISEASEMAPS_SHARED_DATA:-../shared/data}"; }

# True when the binary has `import orphanet`, `import mondo` and `import hpo-lay`;
# otherwise says which is missing on stdout.
catalogue_import_available() {
  local sub
  for sub in orphanet mondo hpo-lay; do
    if ! "$bin" import "$sub" --help >/dev/null 2>&1; then
      echo "$bin has no \`import $sub\`"
      return 1
    fi
  done
}

# True when the shared data the import reads exists; otherwise says what is missing.
catalogue_data_available() {
  local data
  data=$(shared_data_dir)
  local path
  for path in "$data/orphanet/orphapackets" "$data/mondo" "$data/hpo/layperson-synonyms.tsv"; do
    [[ -e "$path" ]] || { echo "$path not found (set DISEASEMAPS_SHARED_DATA)"; return 1; }
  done
}

# Imports the whole catalogue into DB (a fresh SQLite file: the first import migrates
# it): Orphanet, then MONDO, then the HPO lay labels, then (when the binary has them)
# Orphanet's names in nine languages and HPO's translations, one process each, timed by
# wall clock. Sets import_seconds[STEP], import_steps (those run),
# import_seconds_total and import_packets; each importer's stdout is in
# $work/import-STEP.out, stderr (progress, logs) in $work/import-STEP.err. Exit status 2
# from an importer (malformed inputs skipped) is reported, not fatal.
declare -A import_seconds=()
import_steps=()
# shellcheck disable=SC2034  # import_seconds_total is for the caller
import_catalogue() {
  local db=$1 data step t0 t1 status
  local -a args
  data=$(shared_data_dir)
  import_seconds=()
  import_steps=(orphanet mondo hpo-lay)
  for step in orphanet-names hpo-translations; do   # `import --help` lists the subcommands
    "$bin" import --help 2>/dev/null | grep -q "^ *$step " && import_steps+=("$step")
  done
  import_seconds_total=0
  for step in "${import_steps[@]}"; do
    case $step in
      orphanet) args=("$data/orphanet/orphapackets") ;;
      mondo) args=("$data/mondo") ;;
      hpo-lay) args=("$data/hpo/layperson-synonyms.tsv") ;;
      orphanet-names) args=("$data/orphanet/classifications" --icd11-mapping "$data/orphanet/icd11-mapping") ;;
      hpo-translations) args=("$data/hpo/translations") ;;
    esac
    t0=$(now)
    run_tracked "$bin" --database "$db" import "$step" "${args[@]}" \
      >"$work/import-$step.out" 2>"$work/import-$step.err" && status=0 || status=$?
    t1=$(now)
    import_seconds[$step]=$(elapsed "$t0" "$t1")
    import_seconds_total=$(awk -v a="$import_seconds_total" -v b="${import_seconds[$step]}" \
      'BEGIN { printf "%.2f\n", a + b }')
    case $status in
      0) ;;
      2) echo "bench/$bench_name: import $step skipped malformed inputs:" \
           "$(grep -c . "$work/import-$step.err") lines on stderr" >&2 ;;
      *) cat "$work/import-$step.out" "$work/import-$step.err" >&2
         fail "import $step ${args[*]} failed (exit $status)" ;;
    esac
  done
  import_packets=$(sed -n 's/^ *\([0-9][0-9]*\) packets in .*/\1/p' "$work/import-orphanet.out" | head -n 1)
  if [[ -z "$import_packets" ]]; then   # the importer's wording changed: count the files
    import_packets=$(find "$data/orphanet/orphapackets" -maxdepth 1 -name 'ORPHApacket_*.json' | wc -l)
  fi
}

# --- nginx serving saved bytes ---------------------------------------------------------

# Starts nginx serving the file FILE (inside $work/www) at URL path PATH with
# Content-Type TYPE, from bench/nginx-page.conf.in; sets $ng_url. nginx may lose a race
# for the port it was given, so this tries a few.
start_nginx_for() {
  local path=$1 file=$2 type=$3 port i
  mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
  chmod -R a+rX "$work"   # nginx's workers may run as another user
  ng_url=
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    sed -e "s|@WORK@|$work|g" -e "s|@PORT@|$port|g" -e "s|@CONTENT_TYPE@|$type|g" \
      -e "s|@URL_PATH@|$path|g" -e "s|@FILE@|$file|g" \
      bench/nginx-page.conf.in >"$work/nginx/nginx.conf"
    start_tracked nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" \
      -e "$work/nginx/logs/error.log" -g "daemon off;" >"$work/nginx/stdout.log" 2>&1
    for ((i = 0; i < 100; i++)); do
      if curl -s -o /dev/null "http://127.0.0.1:$port$path" 2>/dev/null; then
        ng_url="http://127.0.0.1:$port$path"
        break
      fi
      kill -0 "$last_pid" 2>/dev/null || break
      sleep 0.05
    done
    [[ -n "$ng_url" ]] && return 0
    stop_tracked "$last_pid"
  done
  cat "$work/nginx/logs/error.log" >&2
  fail "nginx did not start"
}

# --- wrk -------------------------------------------------------------------------------

# Runs wrk with $threads, $connections and DURATION against URL, keeps its output in
# $work/wrk-NAME.txt and sets m_rps, m_p99 (ms), m_non2xx and m_errors. Not for $(...):
# wrk must run in this shell so that the traps can stop it.
# shellcheck disable=SC2034  # m_* are for the caller
measure() {
  local name=$1 url=$2 duration=$3
  run_tracked wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url" \
    >"$work/wrk-$name.txt" || fail "wrk $url failed"
  read -r m_rps m_p99 m_non2xx m_errors < <(parse_wrk <"$work/wrk-$name.txt")
}

# wrk --latency output on stdin -> "REQ_PER_SEC P99_MS NON2XX SOCKET_ERRORS".
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /m$/)  return substr(v, 1, length(v) - 1) * 60000
      if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
      return v + 0
    }
    /^Requests\/sec:/ { rps = $2 }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { errors = $0; sub(/.*Socket errors: */, "", errors); gsub(/ /, "", errors) }
    END { printf "%.0f %.3f %d %s\n", rps, p99, non2xx + 0, (errors == "" ? "none" : errors) }
  '
}
