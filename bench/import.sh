#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Benchmark: the full catalogue import into a fresh SQLite database: every Orphanet
# ORPHApacket, then the MONDO cross-references, then the HPO lay labels, then Orphanet's
# names in nine languages and HPO's translations (when the binary has those), each its own
# `diseasemaps import` process (the first one migrates the database), timed by wall
# clock. Run once: there is no reference system for this one.
# Prints the importers' own lines (counts and per-phase timings) and one summary line:
#   import: orphanet 9960 packets 23.4 s, mondo 3.1 s, hpo-lay 0.4 s, orphanet-names 4.0 s,
#   hpo-translations 2.0 s, total 32.9 s (target < 60 s); 9960 conditions
# Skips, with a message and exit 0, when the binary has no `import orphanet` (or mondo,
# hpo-lay) or the shared data is missing.
# Every process it starts is stopped and its temp dir removed on exit, failure, Ctrl-C
# or SIGTERM.
#
# Usage: bench/import.sh [--check] [--keep FILE]
#   --keep FILE  import into FILE (which must not exist) and leave it there, for
#                bench/page-vs-nginx.sh ... db=FILE; the caller removes it
#   --check      exit 1 when the total is not under the target
# Environment: see bench/lib.sh (DISEASEMAPS_BIN, DISEASEMAPS_SHARED_DATA).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

readonly kTargetSeconds=60

check=0 keep=
while (($#)); do
  case $1 in
    --check) check=1; shift ;;
    --keep) [[ $# -ge 2 ]] || { echo "bench/import: --keep needs a FILE" >&2; exit 2; }
            keep=$2; shift 2 ;;
    *) print_usage "$0"; exit 2 ;;
  esac
done
if [[ -n "$keep" ]]; then
  [[ "$keep" == /* ]] || keep=$PWD/$keep   # bench_init changes directory
  [[ ! -e "$keep" ]] || { echo "bench/import: $keep exists; the import must be into a fresh database" >&2; exit 2; }
fi

bench_init import
require_tools "$bin" sqlite3
[[ -n "${BENCH_MACHINE_PRINTED:-}" ]] || machine_line

if ! why=$(catalogue_import_available) || ! why=$(catalogue_data_available); then
  echo "import: skipped: $why"
  exit 0
fi

db=${keep:-$work/dm.db}
import_catalogue "$db"

for step in "${import_steps[@]}"; do
  # The importer's own counts and phase timings, without its log lines (migrations).
  grep -Ev '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+ (trace|debug|info) ' "$work/import-$step.out" |
    sed 's/^/  /' || true
done
conditions=$(sqlite3 "$db" 'SELECT COUNT(*) FROM conditions')
((conditions > 0)) || fail "the import left no conditions in the database"

steps=""
for step in "${import_steps[@]}"; do
  [[ $step == orphanet ]] && continue
  steps+=", $step ${import_seconds[$step]} s"
done
awk -v packets="$import_packets" -v o="${import_seconds[orphanet]}" -v steps="$steps" \
  -v total="$import_seconds_total" -v target="$kTargetSeconds" -v conditions="$conditions" 'BEGIN {
    met = total < target
    printf "import: orphanet %d packets %.1f s%s, total %.1f s (target < %d s%s); %d conditions\n",
      packets, o, steps, total, target, (met ? "" : ": MISSED"), conditions
    exit met ? 0 : 1
  }' && met=1 || met=0
if ((!met && check)); then
  exit 1
fi
exit 0
