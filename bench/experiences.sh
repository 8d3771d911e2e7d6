#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Benchmark: shared experiences with one condition holding 100,000 synthetic experiences.
#   1. making them: `demo-data --experiences 100000 --experiences-condition 1183` (batches
#      of 5,000 with their aggregate updates), experiences per second;
#   2. what a page view reads (the kept aggregates of the condition) against the same
#      numbers computed per request by SQL (GROUP BY over the experiences' JSON, on the
#      same SQLite file), mean milliseconds each and their ratio; then the same on
#      PostgreSQL (bench/experiences-postgres.sh: the rows copied into a private server,
#      GROUP BY over jsonb against the kept aggregates, pgbench);
#   3. a signed-in member (family, OMS community): the experiences page at 32
#      connections (wrk with the session cookie; target p99 < 10 ms), and the cost of
#      one save of a questionnaire step with its aggregate update, through HTTP
#      (200 saves in a row by curl, each changing a counted answer; p50 and p99);
#   4. /conditions/opsoclonus-myoclonus-syndrome/experiences as an anonymous visitor
#      against nginx serving the same bytes (bench/page-vs-nginx.sh; target 0.8).
# Needs an imported catalogue (the OMS page and its phenotypes): DB is copied, never
# changed. Builds nothing; stops what it starts.
# Usage: bench/experiences.sh DB      (DB: bench/import.sh --keep DB made it)
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
(($# == 1)) || { print_usage "$0"; exit 2; }
source_db=$1
readonly kExperiences=${BENCH_EXPERIENCES:-100000}
readonly kOrphacode=1183
readonly kPath=/conditions/opsoclonus-myoclonus-syndrome/experiences

bench_init experiences
require_tools "$bin" sqlite3 python3 wrk curl
[[ -n "${BENCH_MACHINE_PRINTED:-}" ]] || machine_line
[[ -s "$source_db" ]] || fail "no database at $source_db"
db=$work/experiences.db
cp "$source_db" "$db"

start=$(now)
run_tracked "$bin" --database "$db" demo-data --members 20000 --experiences "$kExperiences" \
  --experiences-condition "$kOrphacode" --seed 1 >"$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; fail "demo-data failed"; }
seconds=$(elapsed "$start" "$(now)")
echo "experiences: made $kExperiences synthetic experiences (and 20,000 members) in ${seconds} s," \
  "$(awk -v n="$kExperiences" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }') experiences/s with their aggregates"

# The kept aggregates against a GROUP BY per request, on the same file.
python3 - "$db" "$kOrphacode" <<'PY'
import sqlite3, sys, time
db, code = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(db)
cid = con.execute("SELECT id FROM conditions WHERE orphacode = ?", (code,)).fetchone()[0]
counted = "FROM experiences WHERE condition_id = ? AND submitted_at IS NOT NULL AND consent_charts = 1"
choices = ["$.first_signs.onset_age", "$.diagnosis.diagnosis_age", "$.diagnosis.doctors_seen",
           "$.diagnosis.wrong_diagnoses", "$.diagnosis.genetic_test", "$.now.compared_with_worst",
           "$.now.daily_life_effect", "$.diagnosis.years_to_diagnosis"]
def group_by():
    out = []
    for path in choices:
        out += con.execute(f"SELECT json_extract(answers, '{path}') AS a, COUNT(*) {counted} GROUP BY a", (cid,)).fetchall()
    out += con.execute(f"SELECT p.key, p.value, COUNT(*) FROM experiences e, json_each(e.answers, '$.signs.phenotypes') p"
                       " WHERE e.condition_id = ? AND e.submitted_at IS NOT NULL AND e.consent_charts = 1"
                       " GROUP BY p.key, p.value", (cid,)).fetchall()
    out += con.execute("SELECT json_extract(t.value, '$.name'), json_extract(t.value, '$.effect'), COUNT(*)"
                       " FROM experiences e, json_each(e.answers, '$.treatments.treatments') t"
                       " WHERE e.condition_id = ? AND e.submitted_at IS NOT NULL AND e.consent_charts = 1"
                       " GROUP BY 1, 2", (cid,)).fetchall()
    out += con.execute(f"SELECT COUNT(*) {counted}", (cid,)).fetchall()
    return out
def kept():
    return con.execute("SELECT question, bucket, people FROM experience_aggregates WHERE condition_id = ?", (cid,)).fetchall()
def mean_ms(f, n):
    f()
    t = time.perf_counter()
    for _ in range(n): f()
    return (time.perf_counter() - t) * 1000 / n
people = con.execute(f"SELECT COUNT(*) {counted}", (cid,)).fetchone()[0]
a = mean_ms(kept, 200)
b = mean_ms(group_by, 3)
print(f"experiences: the aggregates of {people} counted experiences: kept {a:.2f} ms,"
      f" GROUP BY per request {b:.0f} ms (SQLite JSON), {b / a:.0f}x")
PY

run_tracked bash "$(dirname "$0")/experiences-postgres.sh" "$db" "$kOrphacode" ||
  fail "the PostgreSQL reference failed"

# A signed-in member of the community, with an experience counted in the charts.
add_bench_member "$db"
start_diseasemaps "$db"
sign_in_bench_member
condition=${dm_url}conditions/opsoclonus-myoclonus-syndrome
csrf=$(curl -sf -c "$jar" -b "$jar" "$condition" | csrf_of)
curl -sf -o /dev/null -c "$jar" -b "$jar" --data "csrf=$csrf&action=join&role=family" "$condition/membership" ||
  fail "joining the community failed"
csrf=$(curl -sf -c "$jar" -b "$jar" "$condition/experiences/share" | csrf_of)
step_url=$(curl -sf -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data "csrf=$csrf&subject=self&label=" \
  "$condition/experiences/share")
[[ "$step_url" == */steps/first_signs ]] || fail "starting an experience failed ($step_url)"
base=${step_url%/steps/first_signs}
curl -sf -o /dev/null -b "$jar" --data "csrf=$csrf&compared_with_worst=better" "$base/steps/now"
curl -sf -o /dev/null -b "$jar" --data "csrf=$csrf&consent_charts=1" "$base/review"
run_tracked wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Cookie: $cookie" \
  "${dm_url}conditions/opsoclonus-myoclonus-syndrome/experiences" >"$work/wrk-member.txt" || fail "wrk failed"
read -r m_rps m_p99 m_non2xx m_errors < <(parse_wrk <"$work/wrk-member.txt")
echo "experiences: signed-in member, the experiences page: $m_rps req/s, p99 $m_p99 ms (target < 10)," \
  "non-2xx $m_non2xx, socket errors $m_errors; wrk -t$threads -c$connections -d$duration"
answers=(better worse)
: >"$work/saves.txt"
for ((i = 0; i < 200; i++)); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$jar" \
    --data "csrf=$csrf&compared_with_worst=${answers[i % 2]}" "$base/steps/now" >>"$work/saves.txt"
done
awk '$1 != 303 { bad++ } { print $2 * 1000 }' "$work/saves.txt" | sort -n | awk -v total=200 '
  { v[NR] = $1 } END { printf "experiences: one save with its aggregate update, through HTTP: p50 %.2f ms, p99 %.2f ms (%d saves)\n", v[int(NR * 0.5)], v[int(NR * 0.99)], NR }'
[[ $(awk '$1 != 303' "$work/saves.txt" | wc -l) == 0 ]] || fail "some saves were refused: $(sort "$work/saves.txt" | head -3)"
stop_tracked "$dm_pid"

BENCH_MACHINE_PRINTED=1 BENCH_TARGET_RATIO=${BENCH_TARGET_RATIO:-0.8} \
  run_tracked bash "$(dirname "$0")/page-vs-nginx.sh" experiences "$kPath" "db=$db"
