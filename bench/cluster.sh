#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Benchmark: map clustering of 1,000,000 random points (seeded), our ClusterIndex
# (build/cluster_bench) side by side with the npm package supercluster in Node
# (bench/cluster-supercluster.mjs) on the same points, the same 3,000 viewports (1,000
# random 1280×800 px screens at each of zooms 2, 5 and 8) and the same radius (60) and
# extent (512). Each side runs in its own process: build time, peak RSS (getrusage), and
# query time per zoom; then ours alone: the cost of an update (1,000 each of adds,
# re-weights, moves and removes, each repaired in place; supercluster has no update,
# only a new load). Ours also counts members per role in every cluster; supercluster runs
# without map/reduce, its fastest configuration.
# Targets: build and query at least 2x faster than supercluster, peak RSS no higher.
#
# Usage: bench/cluster.sh [POINTS] [SEED]
# Environment: see bench/lib.sh (DISEASEMAPS_BIN: cluster_bench is beside it).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

points=${1:-1000000}
seed=${2:-42}
bench_init cluster
cluster_bench=$(dirname "$bin")/cluster_bench
require_tools "$cluster_bench" node
[[ -f node_modules/supercluster/package.json ]] || fail "node_modules/supercluster missing (npm ci)"
[[ -n "${BENCH_MACHINE_PRINTED:-}" ]] || machine_line

run_tracked "$cluster_bench" generate --points "$points" --seed "$seed" --out "$work"
run_tracked "$cluster_bench" run --in "$work" --radius 60 --extent 512 >"$work/ours.txt" ||
  fail "cluster_bench run failed"
run_tracked node --max-old-space-size=8192 bench/cluster-supercluster.mjs "$work" 60 512 \
  >"$work/theirs.txt" || fail "supercluster run failed"

# value KEY FILE
value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.1f", b / a; else print "inf" }'; }

o=$work/ours.txt t=$work/theirs.txt
echo "cluster build: $(value points "$o") points in $(value build_s "$o") s," \
  "supercluster $(value build_s "$t") s: $(ratio "$(value build_s "$o")" "$(value build_s "$t")")x faster (target >= 2x)"
echo "cluster memory: peak RSS $(value peak_rss_mib "$o") MiB (input alone $(value rss_before_build_mib "$o")," \
  "index $(value index_mib "$o") MiB), supercluster $(value peak_rss_mib "$t") MiB" \
  "(input alone $(value rss_before_build_mib "$t")): $(ratio "$(value peak_rss_mib "$o")" "$(value peak_rss_mib "$t")")x less (target >= 1x)"
for z in 2 5 8; do
  echo "cluster query zoom $z: 1000 viewports in $(value "query_z${z}_ms" "$o") ms" \
    "($(value "items_z$z" "$o") items), supercluster $(value "query_z${z}_ms" "$t") ms" \
    "($(value "items_z$z" "$t") items): $(ratio "$(value "query_z${z}_ms" "$o")" "$(value "query_z${z}_ms" "$t")")x faster (target >= 2x)"
done
for kind in add weight move remove; do
  echo "cluster update, 1,000 of kind $kind, each repaired in place: mean $(value "update_${kind}_mean_us" "$o") us," \
    "p99 $(value "update_${kind}_p99_us" "$o") us, max $(value "update_${kind}_max_us" "$o") us"
done
echo "cluster updates, all 4,000: mean $(value update_mean_us "$o") us, p99 $(value update_p99_us "$o") us;" \
  "peak RSS after them $(value peak_rss_after_updates_mib "$o") MiB"
