#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Benchmark: search on the full catalogue. build/search_bench rebuilds a search index
# from the imported database (build time), answers the hand-written relevance set
# bench/search/queries.tsv with our search and with SQLite FTS5 over the same fields
# (MRR, recall@3, p50/p99 side by side), then a set build/search_queries generates from
# the imported names in nine languages (names with a typo, without accents, lower case;
# seeded, so every run asks the same) for MRR and recall@3 per language and search p99
# with nine languages against English only, times suggest in process for every prefix of
# every query, then the same searches and prefixes through HTTP against
# `diseasemaps serve` on the same database (one client, keep-alive).
# Targets: MRR >= 0.9 (and per language), recall@3 >= 0.95, suggest p99 < 2 ms, search p99
# < 10 ms and at most 1.5x English only, build < 30 s.
# Every process it starts is stopped and its temp dir removed on exit, failure, Ctrl-C
# or SIGTERM.
#
# Usage: bench/search.sh DB
#   DB  an SQLite database holding the full catalogue (bench/import.sh --keep DB)
# Environment: see bench/lib.sh (DISEASEMAPS_BIN).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

readonly kLanguageQuerySeed=20261204

[[ $# -eq 1 ]] || { print_usage "$0"; exit 2; }
db=$1
[[ "$db" == /* ]] || db=$PWD/$db
bench_init search
search_bench=$(dirname "$bin")/search_bench
search_queries=$(dirname "$bin")/search_queries
require_tools "$bin" "$search_bench" "$search_queries"
[[ -s "$db" ]] || fail "$db is missing or empty"

# The per-language set: 50 queries a language from the imported names, fixed seed.
run_tracked "$search_queries" --database "$db" --seed "$kLanguageQuerySeed" --per-language 50 \
  >"$work/language-queries.tsv"
echo "search: $(wc -l <"$work/language-queries.tsv") generated queries (seed $kLanguageQuerySeed," \
  "$(cut -f4 "$work/language-queries.tsv" | sort -u | tr '\n' ' ')languages)"

start_diseasemaps "$db"
# The server's index lives beside the database; the bench builds its own in $work.
run_tracked "$search_bench" --database "$db" --queries bench/search/queries.tsv \
  --language-queries "$work/language-queries.tsv" --index "$work/search-index" --http "$dm_url"
