#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Part of bench/experiences.sh: the reference on PostgreSQL. The experiences and kept
# aggregates of one condition, copied from the benchmark's SQLite file into a private
# PostgreSQL server (scripts/with-postgres), then, with pgbench on one connection:
#   - what a page view reads: the condition's kept aggregates (one indexed SELECT);
#   - the same numbers computed per request by GROUP BY over the experiences' answers,
#     given every advantage: answers as jsonb (the site stores text), an index on the
#     condition, the table analysed and warm. Each choice question, the first signs, the
#     condition's signs, the other signs, the treatments with their effect, and the count.
# Prints mean milliseconds of each and their ratio. Stops what it starts.
# Usage: bench/experiences-postgres.sh SQLITE_DB ORPHACODE
#        (run by experiences.sh; starts its own server when DISEASEMAPS_TEST_POSTGRES_URL is unset)
set -euo pipefail
if [[ -z "${DISEASEMAPS_TEST_POSTGRES_URL:-}" ]]; then
  exec "$(dirname "$0")/../scripts/with-postgres" bash "$0" "$@"
fi
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
(($# == 2)) || { print_usage "$0"; exit 2; }
sqlite_db=$1 orphacode=$2
bench_init experiences-postgres
require_tools sqlite3 psql pgbench
url=$DISEASEMAPS_TEST_POSTGRES_URL
pg() { psql -X -q -v ON_ERROR_STOP=1 "$url" "$@"; }

cid=$(sqlite3 "$sqlite_db" "SELECT id FROM conditions WHERE orphacode = $orphacode")
[[ -n "$cid" ]] || fail "no condition $orphacode in $sqlite_db"
sqlite3 -csv "$sqlite_db" "SELECT id, condition_id, answers, submitted_at, consent_charts FROM experiences
  WHERE condition_id = $cid" >"$work/experiences.csv"
sqlite3 -csv "$sqlite_db" "SELECT condition_id, question, bucket, people FROM experience_aggregates
  WHERE condition_id = $cid" >"$work/aggregates.csv"
pg <<SQL
CREATE TABLE experiences (id BIGINT PRIMARY KEY, condition_id BIGINT NOT NULL, answers JSONB NOT NULL,
                          submitted_at BIGINT, consent_charts INTEGER NOT NULL);
CREATE TABLE experience_aggregates (condition_id BIGINT NOT NULL, question TEXT NOT NULL, bucket TEXT NOT NULL,
                                    people BIGINT NOT NULL, PRIMARY KEY (condition_id, question, bucket));
\copy experiences FROM '$work/experiences.csv' WITH (FORMAT csv)
\copy experience_aggregates FROM '$work/aggregates.csv' WITH (FORMAT csv)
CREATE INDEX experiences_condition ON experiences (condition_id);
VACUUM ANALYZE;
SQL

counted="FROM experiences e WHERE e.condition_id = :cid AND e.submitted_at IS NOT NULL AND e.consent_charts = 1"
{
  for path in first_signs,onset_age diagnosis,diagnosis_age diagnosis,doctors_seen diagnosis,wrong_diagnoses \
              diagnosis,genetic_test now,compared_with_worst now,daily_life_effect diagnosis,years_to_diagnosis; do
    echo "SELECT e.answers #>> '{$path}' AS a, COUNT(*) $counted GROUP BY a;"
  done
  for path in first_signs,first_signs signs,other_signs; do
    echo "SELECT s, COUNT(*) FROM experiences e, jsonb_array_elements_text(COALESCE(e.answers #> '{$path}', '[]'))" \
         "AS s WHERE e.condition_id = :cid AND e.submitted_at IS NOT NULL AND e.consent_charts = 1 GROUP BY s;"
  done
  echo "SELECT p.key, p.value, COUNT(*) FROM experiences e," \
       "jsonb_each_text(COALESCE(e.answers #> '{signs,phenotypes}', '{}')) AS p" \
       "WHERE e.condition_id = :cid AND e.submitted_at IS NOT NULL AND e.consent_charts = 1 GROUP BY 1, 2;"
  echo "SELECT t ->> 'name', t ->> 'effect', COUNT(*) FROM experiences e," \
       "jsonb_array_elements(COALESCE(e.answers #> '{treatments,treatments}', '[]')) AS t" \
       "WHERE e.condition_id = :cid AND e.submitted_at IS NOT NULL AND e.consent_charts = 1 GROUP BY 1, 2;"
  echo "SELECT COUNT(*) $counted;"
} >"$work/group-by.sql"
echo "SELECT question, bucket, people FROM experience_aggregates WHERE condition_id = :cid;" >"$work/kept.sql"

# pgbench's mean latency of one script on one connection, in ms.
mean_latency() {
  pgbench -n -c 1 -D "cid=$cid" -f "$1" -T "$2" "$url" 2>&1 | awk '/latency average/ { print $4 }'
}
people=$(pg -t -A -c "SELECT COUNT(*) FROM experiences WHERE condition_id = $cid AND submitted_at IS NOT NULL
  AND consent_charts = 1")
kept=$(mean_latency "$work/kept.sql" 5)
group_by=$(mean_latency "$work/group-by.sql" 20)
[[ -n "$kept" && -n "$group_by" ]] || fail "pgbench gave no latency"
echo "experiences: the aggregates of $people counted experiences on PostgreSQL: kept $kept ms," \
  "GROUP BY per request $group_by ms (jsonb), $(awk -v a="$kept" -v b="$group_by" 'BEGIN { printf "%.0f", b / a }')x;" \
  "pgbench -c 1, mean latency"
