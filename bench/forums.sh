#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Benchmark: the forums with POSTS synthetic posts (default 1,000,000) on a copy of the
# imported catalogue.
#   1. making them: `demo-data --members 20000 --forum-posts POSTS --forum-long-topic 1000`
#      (topics of every size in condition and site-wide forums, one public topic of 1,000
#      posts in General), posts per second, then the forum posts index (Xapian) built;
#   2. a signed-in member (a session cookie), wrk at 32 connections: page 1 and the last
#      page of the 1,000-post topic, and the latest-topics lists of General and of the
#      busiest condition forum; requests/s, p50 and p99 (target p99 < 10 ms);
#   3. the 1,000-post topic's first page as an anonymous visitor against nginx serving the
#      same bytes (bench/page-vs-nginx.sh; target 0.8);
#   4. forum search: 200 queries, each three distinctive words of one post chosen at
#      random (seeded; "distinctive": the rarest in a sample of 100,000 posts), the post
#      each should find. The site's own search through HTTP as the signed-in member
#      (/api/v1/search?type=discussions: query parsing, Xapian, the rows of the hits from
#      SQLite, the guard, excerpts, JSON; one keep-alive connection) against PostgreSQL
#      full-text search on the same posts, as Discourse does it (bench/forums-postgres.sh:
#      tsvector of title and body, GIN index, plainto_tsquery('english'), ts_rank order,
#      the 10 rows with their text; pgbench on one connection, SQL only, no HTTP): p50
#      and p99 side by side, and recall@10 (the share of queries whose post is in the
#      first 10) for both.
# Needs an imported catalogue: DB is copied, never changed. Builds nothing; stops what it
# starts.
# Usage: bench/forums.sh DB [POSTS]   (DB: bench/import.sh --keep DB made it)
# Environment: see bench/lib.sh; BENCH_FORUM_POSTS is POSTS's default.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
(($# == 1 || $# == 2)) || { print_usage "$0"; exit 2; }
source_db=$1
[[ "$source_db" == /* ]] || source_db=$PWD/$source_db
posts=${2:-${BENCH_FORUM_POSTS:-1000000}}
[[ "$posts" =~ ^[0-9]+$ ]] || { print_usage "$0"; exit 2; }
readonly kLongTopic=1000 kMembers=20000 kSeed=1 kQueries=200 kQuerySeed=20261206

bench_init forums
require_tools "$bin" sqlite3 python3 wrk curl nginx
[[ -n "${BENCH_MACHINE_PRINTED:-}" ]] || machine_line
[[ -s "$source_db" ]] || fail "no database at $source_db"
db=$work/forums.db
cp "$source_db" "$db"

# --- 1. making them ----------------------------------------------------------------------
start=$(now)
run_tracked "$bin" --database "$db" demo-data --members "$kMembers" --forum-posts "$posts" \
  --forum-long-topic "$kLongTopic" --seed "$kSeed" >"$work/demo.log" 2>&1 ||
  { cat "$work/demo.log" >&2; fail "demo-data failed"; }
seconds=$(elapsed "$start" "$(now)")
made=$(sed -n 's/^created \([0-9]*\) synthetic forum topics and \([0-9]*\) synthetic forum posts in \([0-9.]*\) s.*/\1 \2 \3/p' "$work/demo.log")
read -r topics made_posts post_seconds <<<"$made"
[[ -n "${made_posts:-}" ]] || { cat "$work/demo.log" >&2; fail "demo-data did not say what it made"; }
index_seconds=$(sed -n 's/^reindexed [0-9]* forum posts in \([0-9.]*\) s.*/\1/p' "$work/demo.log")
echo "forums: made $made_posts synthetic posts in $topics topics in $(printf '%.1f' "$post_seconds") s" \
  "($(awk -v n="$made_posts" -v s="$post_seconds" 'BEGIN { printf "%.0f", n / s }') posts/s, SQLite, counters kept)," \
  "posts index (Xapian) built in $(printf '%.1f' "${index_seconds:-0}") s; whole demo-data with $kMembers members" \
  "${seconds} s; database $(du -m "$db" | cut -f1) MiB"

# --- 2. a signed-in member -----------------------------------------------------------------
add_bench_member "$db"
start_diseasemaps "$db"
sign_in_bench_member

long_id=$(sqlite3 "$db" "SELECT t.id FROM forum_topics t JOIN forums f ON f.id = t.forum_id
  WHERE f.slug = 'general' AND t.post_count = $kLongTopic ORDER BY t.id DESC LIMIT 1")
[[ -n "$long_id" ]] || fail "no topic of $kLongTopic posts in General"
topic_path=$(curl -s -o /dev/null -w '%{redirect_url}' "${dm_url}forums/general/t/$long_id")
topic_path=/${topic_path#"$dm_url"}
[[ "$topic_path" == /forums/general/t/$long_id-* ]] || fail "the long topic's address: $topic_path"
last_page=$(((kLongTopic + 19) / 20))
busiest=$(sqlite3 "$db" "SELECT c.slug FROM forums f JOIN conditions c ON c.orphacode = f.orphacode
  ORDER BY f.topic_count DESC LIMIT 1")
busiest_topics=$(sqlite3 "$db" "SELECT f.topic_count FROM forums f JOIN conditions c ON c.orphacode = f.orphacode
  WHERE c.slug = '$busiest'")
general_topics=$(sqlite3 "$db" "SELECT topic_count FROM forums WHERE slug = 'general'")

# member_run LABEL PATH: wrk as the member; one line with req/s, p50 and p99.
member_run() {
  local label=$1 path=$2 status file
  file=$work/wrk-member-${label//[^A-Za-z0-9]/_}.txt
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "${dm_url%/}$path")
  [[ "$status" == 200 ]] || fail "$path answered $status to the member"
  run_tracked wrk -t"$threads" -c"$connections" -d2s -H "Cookie: $cookie" "${dm_url%/}$path" >/dev/null  # warm-up
  run_tracked wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Cookie: $cookie" \
    "${dm_url%/}$path" >"$file" || fail "wrk failed"
  read -r m_rps m_p99 m_non2xx m_errors < <(parse_wrk <"$file")
  p50=$(awk '$1 == "50%" { v = $2; if (v ~ /us$/) v = substr(v, 1, length(v) - 2) / 1000; else if (v ~ /ms$/) v = substr(v, 1, length(v) - 2) + 0; else if (v ~ /s$/) v = substr(v, 1, length(v) - 1) * 1000; printf "%.2f", v }' "$file")
  echo "forums: signed-in member, $label: $m_rps req/s, p50 $p50 ms, p99 $m_p99 ms (target < 10)," \
    "non-2xx $m_non2xx, socket errors $m_errors; wrk -t$threads -c$connections -d$duration"
  ((m_non2xx == 0)) || fail "$label: $m_non2xx answers were not 2xx"
}
member_run "topic of $kLongTopic posts, page 1" "$topic_path"
member_run "topic of $kLongTopic posts, last page ($last_page)" "$topic_path?page=$last_page"
member_run "latest topics of General ($general_topics topics)" /forums/general
member_run "latest topics of /forums/$busiest ($busiest_topics topics)" "/forums/$busiest"

# --- 4. forum search: the queries, then the site's search through HTTP ----------------------
python3 - "$db" "$kQueries" "$kQuerySeed" >"$work/queries.tsv" <<'PY'
import random, re, sqlite3, sys
db, wanted, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
con = sqlite3.connect(db)
rng = random.Random(seed)
low, high = con.execute("SELECT MIN(id), MAX(id) FROM forum_posts").fetchone()
words = re.compile(r"[a-z]{4,}")
def tokens(text):
    return set(words.findall(text.lower()))
# Rarity from a sample of 100,000 posts (or all of them).
df = {}
sample = con.execute("SELECT body FROM forum_posts WHERE id IN (SELECT id FROM forum_posts ORDER BY RANDOM() LIMIT 100000)")
for (body,) in sample:
    for w in tokens(body):
        df[w] = df.get(w, 0) + 1
seen = set()
while len(seen) < wanted:
    pid = rng.randint(low, high)
    row = con.execute("SELECT p.id, p.topic_id, p.number, p.body, t.title FROM forum_posts p"
                      " JOIN forum_topics t ON t.id = p.topic_id WHERE p.id = ? AND p.deleted_at IS NULL"
                      " AND p.hidden_at IS NULL", (pid,)).fetchone()
    if row is None or row[0] in seen:
        continue
    rare = sorted(tokens(row[3]), key=lambda w: (df.get(w, 0), w))[:3]
    if len(rare) < 3:
        continue
    seen.add(row[0])
    print(f"{row[0]}\t{row[1]}\t{row[2]}\t{' '.join(rare)}")
PY
echo "forums: search: $(wc -l <"$work/queries.tsv") queries, each the 3 rarest words (in a sample of 100,000" \
  "posts) of one random post (seed $kQuerySeed)"

python3 - "$dm_url" "$cookie" "$work/queries.tsv" >"$work/xapian.txt" <<'PY'
import http.client, json, sys, time, urllib.parse
base, cookie, queries = sys.argv[1], sys.argv[2], sys.argv[3]
u = urllib.parse.urlsplit(base)
conn = http.client.HTTPConnection(u.hostname, u.port)
rows = [line.rstrip("\n").split("\t") for line in open(queries)]
found, times = 0, []
for rnd in range(3):  # the first round warms up and counts recall; the next two are timed
    for post_id, topic_id, number, q in rows:
        path = "/api/v1/search?type=discussions&q=" + urllib.parse.quote(q)
        t = time.perf_counter()
        conn.request("GET", path, headers={"Cookie": cookie})
        r = conn.getresponse()
        body = r.read()
        elapsed = (time.perf_counter() - t) * 1000
        if r.status != 200:
            sys.exit(f"{path}: {r.status}")
        if rnd == 0:
            hits = json.loads(body)["results"]
            if any(str(h["topic_id"]) == topic_id and str(h["post_number"]) == number for h in hits[:10]):
                found += 1
        else:
            times.append(elapsed)
times.sort()
print(f"{found / len(rows):.3f} {times[len(times) // 2]:.2f} {times[int(len(times) * 0.99)]:.2f} {len(times)}")
PY
read -r x_recall x_p50 x_p99 x_count <"$work/xapian.txt"
stop_tracked "$dm_pid"

run_tracked bash "$(dirname "$0")/forums-postgres.sh" "$db" "$work/queries.tsv" >"$work/postgres.txt" ||
  fail "the PostgreSQL reference failed"
pg_line=$(grep '^postgres ' "$work/postgres.txt") || fail "no figures from forums-postgres.sh"
read -r _ pg_recall pg_p50 pg_p99 pg_count pg_build <<<"$pg_line"
echo "forums: search, recall@10: Xapian (the site, HTTP) $x_recall | PostgreSQL FTS (ts_rank) $pg_recall"
echo "forums: search latency: Xapian through HTTP p50 $x_p50 ms, p99 $x_p99 ms ($x_count requests, one client)" \
  "| PostgreSQL FTS, SQL only, p50 $pg_p50 ms, p99 $pg_p99 ms ($pg_count queries, pgbench -c 1);" \
  "PostgreSQL's tsvector + GIN index built in $pg_build s"

# --- 3. the public topic page against nginx ------------------------------------------------
BENCH_MACHINE_PRINTED=1 BENCH_TARGET_RATIO=${BENCH_TARGET_RATIO:-0.8} \
  run_tracked bash "$(dirname "$0")/page-vs-nginx.sh" forum-topic "$topic_path" "db=$db"
