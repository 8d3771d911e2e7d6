#!/usr/bin/env bash
# Benchmark: the home page as served by diseasemaps, against nginx serving the very same
# bytes, side by side in the same run on the same machine.
#
# Starts diseasemaps (temp SQLite database with ~100 conditions, no access log) and
# nginx (its own temp prefix, config and logs, access log off) on free loopback ports,
# warms both up, then runs wrk alternately A B A B and prints one line per run and a
# summary line (means of the two runs) with the ratio of request rates (diseasemaps / nginx).
# Builds nothing: build/diseasemaps must exist. Every process it starts is stopped on exit.
#
# Usage: bench/home.sh [--check]
#   --check  exit 1 when the ratio is below the target
# Environment: DISEASEMAPS_BIN (default build/diseasemaps), DISEASEMAPS_STATIC (default
#   build/static), BENCH_DURATION (default 8s),
#   BENCH_THREADS (2), BENCH_CONNECTIONS (32).
set -euo pipefail
cd "$(dirname "$0")/.."

readonly kTargetRatio=0.6
readonly kConditions=100
bin=${DISEASEMAPS_BIN:-build/diseasemaps}
static_dir=${DISEASEMAPS_STATIC:-build/static}
duration=${BENCH_DURATION:-8s}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-32}
check=0
[[ "${1:-}" == "--check" ]] && check=1

for tool in "$bin" sqlite3 nginx wrk curl node; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench/home: $tool not found (build first; scripts/install-deps --bench)" >&2
    exit 2
  fi
done

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)   # a busy machine makes the figures noisy
work=$(mktemp -d "${TMPDIR:-/tmp}/dm-bench-home.XXXXXX")
pids=()

# Stops every process this script started (SIGTERM, then SIGKILL after 5 s).
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  local pid i
  for pid in "${pids[@]+"${pids[@]}"}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
  echo "bench/home: $*" >&2
  exit 1
}

# A loopback port free at the time of asking.
free_port() {
  node -e 'const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# --- diseasemaps, on a database with kConditions conditions --------------------------
db="$work/dm.db"
"$bin" --database "$db" migrate >"$work/migrate.log" 2>&1 ||
  { cat "$work/migrate.log" >&2; fail "migrate failed"; }
sqlite3 -bail "$db" <bench/seed-conditions.sql
count=$(sqlite3 "$db" 'SELECT COUNT(*) FROM conditions')
[[ "$count" == "$kConditions" ]] || fail "seeded $count conditions, expected $kConditions"

: >"$work/dm.out"   # exists before the server opens it, for the loop below
"$bin" --database "$db" serve --port 0 --address 127.0.0.1 --static-dir "$static_dir" \
  --no-access-log >"$work/dm.out" 2>"$work/dm.err" &
pids+=($!)
dm_url=
for ((i = 0; i < 200; i++)); do
  dm_url=$(sed -n 's|.*serving on \(http://[^ ]*\).*|\1|p' "$work/dm.out" | head -n 1) || true
  [[ -n "$dm_url" ]] && break
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$work/dm.out" "$work/dm.err" >&2; fail "diseasemaps exited"; }
  sleep 0.05
done
[[ -n "$dm_url" ]] || { cat "$work/dm.err" >&2; fail "diseasemaps did not start"; }
dm_url=${dm_url%/}/

# --- the same bytes, for nginx -------------------------------------------------------
mkdir -p "$work/www" "$work/nginx/logs" "$work/nginx/tmp"
status=$(curl -sS -o "$work/www/home.html" -D "$work/home.headers" -w '%{http_code}' "$dm_url")
[[ "$status" == 200 ]] || fail "GET $dm_url answered $status"
content_type=$(sed -n 's/^[Cc]ontent-[Tt]ype: *\(.*\)\r$/\1/p' "$work/home.headers" | head -n 1)
[[ -n "$content_type" ]] || fail "no Content-Type from diseasemaps"
grep -qi '^content-encoding:' "$work/home.headers" && fail "the reference body must not be encoded"
bytes=$(wc -c <"$work/www/home.html")
chmod -R a+rX "$work"   # nginx's workers may run as another user

# nginx may lose a race for the port it was given: try a few.
ng_url=
for attempt in 1 2 3 4 5; do
  port=$(free_port)
  sed -e "s|@WORK@|$work|g" -e "s|@PORT@|$port|g" -e "s|@CONTENT_TYPE@|$content_type|g" \
    bench/nginx-home.conf.in >"$work/nginx/nginx.conf"
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log" \
    -g "daemon off;" >"$work/nginx/stdout.log" 2>&1 &
  ng_pid=$!
  for ((i = 0; i < 100; i++)); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then
      ng_url="http://127.0.0.1:$port/"
      break
    fi
    kill -0 "$ng_pid" 2>/dev/null || break
    sleep 0.05
  done
  if [[ -n "$ng_url" ]]; then
    pids+=("$ng_pid")
    break
  fi
  kill -TERM "$ng_pid" 2>/dev/null || true
  wait "$ng_pid" 2>/dev/null || true
done
[[ -n "$ng_url" ]] || { cat "$work/nginx/logs/error.log" >&2; fail "nginx did not start"; }

curl -sS -o "$work/nginx.body" -D "$work/nginx.headers" "$ng_url"
cmp -s "$work/www/home.html" "$work/nginx.body" || fail "nginx does not serve the same bytes"
grep -qiF "content-type: $content_type" "$work/nginx.headers" ||
  fail "nginx does not send Content-Type: $content_type"

# --- runs ----------------------------------------------------------------------------
# Runs wrk against $2 and prints "REQ_PER_SEC P99_MS NON2XX ERRORS" for label $1.
measure() {
  local label=$1 url=$2 out
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url")
  echo "$out" >"$work/wrk-$label-$run.txt"
  awk '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
      return v + 0
    }
    /^Requests\/sec:/ { rps = $2 }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { errors = $0; sub(/.*Socket errors: */, "", errors); gsub(/ /, "", errors) }
    END { printf "%.0f %.3f %d %s\n", rps, p99, non2xx + 0, (errors == "" ? "none" : errors) }
  ' <<<"$out"
}

echo "bench/home: $bytes bytes, Content-Type: $content_type; wrk -t$threads -c$connections -d$duration"
run=warmup
wrk -t"$threads" -c"$connections" -d2s "$dm_url" >/dev/null
wrk -t"$threads" -c"$connections" -d2s "$ng_url" >/dev/null

declare -A sum_rps=() sum_p99=()
for run in 1 2; do
  for label in diseasemaps nginx; do
    if [[ $label == diseasemaps ]]; then url=$dm_url; else url=$ng_url; fi
    result=$(measure "$label" "$url")
    read -r rps p99 non2xx errors <<<"$result"
    printf 'home run %s: %-11s %8d req/s  p99 %7.2f ms  non-2xx %d  socket errors %s\n' \
      "$run" "$label" "$rps" "$p99" "$non2xx" "$errors"
    ((non2xx == 0)) || fail "$label answered $non2xx requests with a non-2xx status"
    sum_rps[$label]=$(awk -v a="${sum_rps[$label]:-0}" -v b="$rps" 'BEGIN { print a + b }')
    sum_p99[$label]=$(awk -v a="${sum_p99[$label]:-0}" -v b="$p99" 'BEGIN { print a + b }')
  done
done

summary=$(awk -v dr="${sum_rps[diseasemaps]}" -v dp="${sum_p99[diseasemaps]}" \
  -v nr="${sum_rps[nginx]}" -v np="${sum_p99[nginx]}" -v target="$kTargetRatio" 'BEGIN {
    ratio = (nr > 0) ? dr / nr : 0
    printf "home: diseasemaps %.0f req/s p99 %.2f ms | nginx %.0f req/s p99 %.2f ms | ratio %.2f (target >= %s)\n",
      dr / 2, dp / 2, nr / 2, np / 2, ratio, target
    exit (ratio >= target) ? 0 : 1
  }') && met=1 || met=0
echo "$summary"
cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo | head -n 1)
echo "machine: nproc $(nproc), CPU ${cpu:-unknown}, $(uname -sr), $(nginx -v 2>&1 | sed 's/.*: //'), load average at start $load_at_start"
if ((!met)); then
  echo "bench/home: ratio below target" >&2
  ((check == 0)) || exit 1
fi
