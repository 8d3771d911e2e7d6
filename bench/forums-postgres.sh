#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Part of bench/forums.sh: the reference for forum search, PostgreSQL full-text search as
# Discourse does it. The standing posts of the benchmark's SQLite file (with their topic's
# title on each first post, as the site's index has it) are copied into a private
# PostgreSQL server (scripts/with-postgres), given a tsvector column (title weighted A,
# body B, config 'english') and a GIN index (build timed), analysed; then each query is
# plainto_tsquery('english', q) ordered by ts_rank, the first 10 rows with their text.
# Prints "postgres RECALL P50_MS P99_MS QUERIES BUILD_S": recall@10 of the expected posts,
# and the latency of the queries on one connection (pgbench, one query a transaction in a
# random order, per-transaction log). Stops what it starts.
# Usage: bench/forums-postgres.sh SQLITE_DB QUERIES_TSV
#        (run by forums.sh; QUERIES_TSV: post id, topic id, number, query;
#        starts its own server when DISEASEMAPS_TEST_POSTGRES_URL is unset)
set -euo pipefail
if [[ -z "${DISEASEMAPS_TEST_POSTGRES_URL:-}" ]]; then
  exec "$(dirname "$0")/../scripts/with-postgres" bash "$0" "$@"
fi
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
(($# == 2)) || { print_usage "$0"; exit 2; }
sqlite_db=$1 queries=$2
bench_init forums-postgres
require_tools sqlite3 psql pgbench
url=$DISEASEMAPS_TEST_POSTGRES_URL
pg() { psql -X -q -v ON_ERROR_STOP=1 "$url" "$@"; }

sqlite3 -csv "$sqlite_db" "SELECT p.id, p.topic_id, p.number, CASE WHEN p.number = 1 THEN t.title ELSE '' END, p.body
  FROM forum_posts p JOIN forum_topics t ON t.id = p.topic_id
  WHERE p.deleted_at IS NULL AND p.hidden_at IS NULL" >"$work/posts.csv"
awk -F'\t' '{ printf "%d,%s\n", NR, $4; }' "$queries" >"$work/queries.csv"
awk -F'\t' '{ printf "%d,%s\n", NR, $1; }' "$queries" >"$work/expected.csv"
count=$(wc -l <"$queries")
pg <<SQL
CREATE TABLE posts (id BIGINT PRIMARY KEY, topic_id BIGINT NOT NULL, number BIGINT NOT NULL, title TEXT NOT NULL,
                    body TEXT NOT NULL, tsv TSVECTOR);
CREATE TABLE bench_queries (n INTEGER PRIMARY KEY, q TEXT NOT NULL);
CREATE TABLE bench_expected (n INTEGER PRIMARY KEY, post_id BIGINT NOT NULL);
\copy posts (id, topic_id, number, title, body) FROM '$work/posts.csv' WITH (FORMAT csv)
\copy bench_queries FROM '$work/queries.csv' WITH (FORMAT csv)
\copy bench_expected FROM '$work/expected.csv' WITH (FORMAT csv)
SQL
start=$(now)
pg <<'SQL'
UPDATE posts SET tsv = setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B');
CREATE INDEX posts_tsv ON posts USING GIN (tsv);
VACUUM ANALYZE;
SQL
build=$(elapsed "$start" "$(now)")

search="SELECT p.id, p.topic_id, p.number, p.title, p.body FROM posts p, plainto_tsquery('english', b.q) query"
search+=" WHERE p.tsv @@ query ORDER BY ts_rank(p.tsv, query) DESC, p.id LIMIT 10"
# The query row is b in both.
recall=$(pg -t -A -c "SELECT ROUND(AVG(CASE WHEN e.post_id IN (SELECT s.id FROM ($search) s)
  THEN 1.0 ELSE 0.0 END), 3) FROM bench_queries b JOIN bench_expected e ON e.n = b.n" 2>&1) ||
  fail "recall query failed: $recall"
printf '%s\n' "\\set n random(1, $count)" \
  "SELECT s.* FROM bench_queries b, LATERAL ($search) s WHERE b.n = :n;" >"$work/search.sql"
(cd "$work" && pgbench -n -c 1 -f search.sql -T 3 "$url" >/dev/null 2>&1)   # warm-up
(cd "$work" && pgbench -n -c 1 -f search.sql -T 20 -l --log-prefix=latency "$url" >"$work/pgbench.txt" 2>&1) ||
  { cat "$work/pgbench.txt" >&2; fail "pgbench failed"; }
cat "$work"/latency.* | awk '{ print $3 / 1000 }' | sort -n | awk -v recall="$recall" -v build="$build" '
  { v[NR] = $1 } END { printf "postgres %s %.2f %.2f %d %s\n", recall, v[int(NR * 0.5)], v[int(NR * 0.99)], NR, build }'
