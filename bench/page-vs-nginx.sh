#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Benchmark: one page as diseasemaps serves it to an anonymous visitor, against nginx
# serving the very same bytes, side by side in the same run on the same machine.
#
# Prepares a database, starts diseasemaps on it (no access log) and nginx (its own temp
# prefix, config and logs, access log off) on free loopback ports, saves the page
# diseasemaps answers at PATH (no cookie, no Accept-Encoding) and has nginx serve those
# bytes at the same path with the same Content-Type, warms both up, then runs wrk
# alternately A B A B. Prints a header line, one line per run and a summary line
# (means of the two runs): request rates and their ratio (diseasemaps / nginx), p99
# latencies, and the page weight.
# Targets: ratio >= BENCH_TARGET_RATIO (default 0.6; run-all asks 0.8 of the condition
# page), diseasemaps' p99 <= nginx's, page < 60 KB.
# Builds nothing: build/diseasemaps must exist. Every process it starts is stopped and
# its temp dir removed on exit, failure, Ctrl-C or SIGTERM.
#
# Usage: bench/page-vs-nginx.sh [--check] LABEL PATH PREPARE
#   LABEL    the name at the start of each output line, e.g. home
#   PATH     the URL path, e.g. /conditions/opsoclonus-myoclonus-syndrome
#   PREPARE  how to prepare the database:
#              seed     a fresh SQLite database with the 100 conditions of
#                       bench/seed-conditions.sql
#              import   a fresh SQLite database with the catalogue imported from the
#                       shared data (Orphanet, MONDO, HPO lay labels; see bench/lib.sh);
#                       skipped, with a message, when the binary has no `import orphanet`
#              db=FILE  an SQLite database prepared already (bench/import.sh --keep FILE);
#                       served in place, so `serve` may write to it
#   --check  exit 1 when a target is missed
# Environment: see bench/lib.sh (DISEASEMAPS_BIN, DISEASEMAPS_STATIC,
#   DISEASEMAPS_SHARED_DATA, BENCH_DURATION default 8s, BENCH_THREADS 2,
#   BENCH_CONNECTIONS 32).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

readonly kTargetRatio=${BENCH_TARGET_RATIO:-0.6}
readonly kMaxPageBytes=61440   # 60 KB

check=0
if [[ "${1:-}" == "--check" ]]; then check=1; shift; fi
if (($# != 3)); then
  print_usage "$0"
  exit 2
fi
label=$1 path=$2 prepare=$3
[[ "$label" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "bench/page-vs-nginx: bad LABEL '$label'" >&2; exit 2; }
[[ "$path" =~ ^/[A-Za-z0-9._~/-]*$ ]] || { echo "bench/page-vs-nginx: bad PATH '$path'" >&2; exit 2; }

bench_init "page-$label"
require_tools "$bin" sqlite3 nginx wrk curl node
[[ -n "${BENCH_MACHINE_PRINTED:-}" ]] || machine_line

# --- the database --------------------------------------------------------------------
case $prepare in
  seed)
    db=$work/dm.db
    prepare_seeded_db "$db"
    prepared="100 seeded conditions"
    ;;
  import)
    if ! why=$(catalogue_import_available) || ! why=$(catalogue_data_available); then
      echo "$label: skipped: $why, so there is no catalogue to serve $path from"
      exit 0
    fi
    db=$work/dm.db
    import_catalogue "$db"
    prepared="catalogue imported ($import_packets Orphanet packets, MONDO, HPO lay labels) in ${import_seconds_total} s"
    ;;
  db=*)
    db=${prepare#db=}
    [[ -s "$db" ]] || fail "no database at $db"
    prepared="database $(basename "$db") ($(sqlite3 "$db" 'SELECT COUNT(*) FROM conditions') conditions)"
    ;;
  *)
    echo "bench/page-vs-nginx: PREPARE must be seed, import or db=FILE, not '$prepare'" >&2
    exit 2
    ;;
esac

start_diseasemaps "$db"
dm_page_url=${dm_url%/}$path

# --- the same bytes, for nginx -------------------------------------------------------
mkdir -p "$work/www"
status=$(curl -sS -o "$work/www/page.html" -D "$work/page.headers" -w '%{http_code}' "$dm_page_url")
[[ "$status" == 200 ]] || fail "GET $dm_page_url answered $status (expected 200, no redirect)"
content_type=$(sed -n 's/^[Cc]ontent-[Tt]ype: *\(.*\)\r$/\1/p' "$work/page.headers" | head -n 1)
[[ -n "$content_type" ]] || fail "no Content-Type from diseasemaps"
grep -qi '^content-encoding:' "$work/page.headers" && fail "the reference body must not be encoded"
grep -qi '^set-cookie:' "$work/page.headers" && fail "an anonymous visitor was given a cookie"
bytes=$(wc -c <"$work/www/page.html")

start_nginx_for "$path" page.html "$content_type"
curl -sS -o "$work/nginx.body" -D "$work/nginx.headers" "$ng_url"
cmp -s "$work/www/page.html" "$work/nginx.body" || fail "nginx does not serve the same bytes"
grep -qiF "content-type: $content_type" "$work/nginx.headers" ||
  fail "nginx does not send Content-Type: $content_type"

# --- runs ----------------------------------------------------------------------------
echo "$label: GET $path, $bytes bytes, $content_type; $prepared; wrk -t$threads -c$connections -d$duration, A B A B"
measure warmup-diseasemaps "$dm_page_url" 2s
measure warmup-nginx "$ng_url" 2s

declare -A sum_rps=() sum_p99=()
for run in 1 2; do
  for system in diseasemaps nginx; do
    if [[ $system == diseasemaps ]]; then url=$dm_page_url; else url=$ng_url; fi
    measure "$system-$run" "$url" "$duration"
    printf '%s run %s: %-11s %8d req/s  p99 %7.2f ms  non-2xx %d  socket errors %s\n' \
      "$label" "$run" "$system" "$m_rps" "$m_p99" "$m_non2xx" "$m_errors"
    ((m_non2xx == 0)) || fail "$system answered $m_non2xx requests with a non-2xx status"
    sum_rps[$system]=$(awk -v a="${sum_rps[$system]:-0}" -v b="$m_rps" 'BEGIN { print a + b }')
    sum_p99[$system]=$(awk -v a="${sum_p99[$system]:-0}" -v b="$m_p99" 'BEGIN { print a + b }')
  done
done

summary=$(awk -v label="$label" -v dr="${sum_rps[diseasemaps]}" -v dp="${sum_p99[diseasemaps]}" \
  -v nr="${sum_rps[nginx]}" -v np="${sum_p99[nginx]}" -v target="$kTargetRatio" \
  -v bytes="$bytes" -v max_bytes="$kMaxPageBytes" 'BEGIN {
    ratio = (nr > 0) ? dr / nr : 0
    dp /= 2; np /= 2
    rate_ok = ratio >= target
    # p99s are printed to 0.01 ms: compare what is printed.
    p99_ok = sprintf("%.2f", dp) + 0 <= sprintf("%.2f", np) + 0
    weight_ok = bytes < max_bytes
    missed = ""
    if (!rate_ok) missed = missed " ratio"
    if (!p99_ok) missed = missed " p99"
    if (!weight_ok) missed = missed " weight"
    printf "%s: diseasemaps %.0f req/s p99 %.2f ms | nginx %.0f req/s p99 %.2f ms | ratio %.2f (target >= %s) | p99 %s nginx'"'"'s (target: no worse) | page %d bytes (target < 60 KB: %s) | %s\n",
      label, dr / 2, dp, nr / 2, np, ratio, target, (p99_ok ? "no worse than" : "worse than"),
      bytes, (weight_ok ? "yes" : "NO"), (missed == "" ? "targets met" : "MISSED:" missed)
    exit (missed == "") ? 0 : 1
  }') && met=1 || met=0
echo "$summary"
if ((!met && check)); then
  exit 1
fi
exit 0
