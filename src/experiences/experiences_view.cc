#include "experiences/experiences_view.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace diseasemaps::experiences {
namespace {

using nlohmann::json;

long long At(const Tally& tally, const std::string& question, const std::string& bucket) {
  auto it = tally.find(Cell{question, bucket});
  return it == tally.end() ? 0 : it->second;
}

// The buckets of `question` other than "*", with their counts, in bucket order.
std::vector<std::pair<std::string, long long>> BucketsOf(const Tally& tally, const std::string& question) {
  std::vector<std::pair<std::string, long long>> out;
  for (auto it = tally.lower_bound(Cell{question, ""}); it != tally.end() && it->first.question == question; ++it) {
    if (it->first.bucket != "*") out.emplace_back(it->first.bucket, it->second);
  }
  return out;
}

json CellsJson(const ShownGroup& group, const char* key) {
  json cells = json::array();
  for (const ShownCell& cell : group.cells) {
    json one = {{key, cell.bucket}, {"people", CountJson(cell.count)}};
    if (cell.count.percent) one["percent"] = *cell.count.percent;
    cells.push_back(std::move(one));
  }
  return cells;
}

// "HP:0000317|has" -> {"HP:0000317", "has"}: split at the last '|'.
std::pair<std::string, std::string> SplitBucket(const std::string& bucket) {
  const auto bar = bucket.rfind('|');
  if (bar == std::string::npos) return {bucket, ""};
  return {bucket.substr(0, bar), bucket.substr(bar + 1)};
}

// The nearest-rank percentile p (0..100) of a distribution {value: count}.
long long Percentile(const std::vector<std::pair<long long, long long>>& distribution, long long total, int p) {
  const long long rank = std::max<long long>(1, (total * p + 99) / 100);
  long long seen = 0;
  for (const auto& [value, count] : distribution) {
    seen += count;
    if (seen >= rank) return value;
  }
  return distribution.empty() ? 0 : distribution.back().first;
}

json ChoiceOrNumber(const Question& q, const Tally& tally, long long answered, int k, long long bound) {
  std::vector<std::pair<std::string, long long>> cells;
  std::vector<std::pair<long long, long long>> distribution;
  if (q.kind == QuestionKind::kChoice) {
    for (const std::string& option : q.options) cells.emplace_back(option, At(tally, q.id, option));
  } else {
    for (const auto& [bucket, count] : BucketsOf(tally, q.id)) {
      long long value = 0;
      auto [end, error] = std::from_chars(bucket.data(), bucket.data() + bucket.size(), value);
      if (error == std::errc() && end == bucket.data() + bucket.size()) distribution.emplace_back(value, count);
    }
    std::sort(distribution.begin(), distribution.end());
    for (const auto& [value, count] : distribution) cells.emplace_back(std::to_string(value), count);
  }
  const ShownGroup group = Suppress(cells, answered, true, k, bound);
  json out = {{"shown", group.shown}};
  if (!group.shown) return out;
  out["answered"] = CountJson(group.total);
  out["cells"] = CellsJson(group, "answer");
  if (q.kind == QuestionKind::kNumber && answered >= std::max<long long>(k, kSmallCount)) {
    out["median"] = Percentile(distribution, answered, 50);
    out["quartiles"] = {Percentile(distribution, answered, 25), Percentile(distribution, answered, 75)};
  }
  return out;
}

json Terms(const Question& q, const Tally& tally, long long answered, int k) {
  std::vector<std::pair<std::string, long long>> cells;
  for (const auto& [bucket, count] : BucketsOf(tally, q.id)) {
    // A sign of the condition's own list may read "fewer than 5"; another term is a
    // person's own words, left out until 5 share it.
    if (q.kind == QuestionKind::kHpoTerms && count < kSmallCount) continue;
    cells.emplace_back(bucket, count);
  }
  const ShownGroup group = Suppress(cells, answered, false, k);
  json out = {{"shown", group.shown}};
  if (!group.shown) return out;
  out["answered"] = CountJson(group.total);
  out["cells"] = CellsJson(group, "hpo_id");
  return out;
}

// Per-item groups: each sign's answers, or each treatment's effects, with the item's
// own total ("item|*").
json Items(const Question& q, const Tally& tally, long long answered, int k) {
  const bool shown = answered >= EffectiveMinPeople(k);
  json out = {{"shown", shown}};
  if (!shown) return out;
  out["answered"] = CountJson(SmallCount(answered));
  std::map<std::string, std::vector<std::pair<std::string, long long>>> items;
  std::map<std::string, long long> totals;
  for (const auto& [bucket, count] : BucketsOf(tally, q.id)) {
    auto [item, answer] = SplitBucket(bucket);
    if (answer == "*") totals[item] = count;
    else items[item].emplace_back(answer, count);
  }
  const bool phenotypes = q.kind == QuestionKind::kPhenotypes;
  // An item's total is at most the people who answered the question, shown above it.
  const long long item_bound = answered >= kSmallCount ? answered : kSmallCount - 1;
  const std::vector<std::string>& options = phenotypes ? q.options : q.effect_options;
  json list = json::array();
  for (const auto& [item, total] : totals) {
    if (!phenotypes && total < kSmallCount) continue;  // a treatment's name: a person's own words
    std::vector<std::pair<std::string, long long>> cells;
    for (const std::string& option : options) {
      long long n = 0;
      for (const auto& [answer, count] : items[item]) {
        if (answer == option) n = count;
      }
      cells.emplace_back(option, n);
    }
    const ShownGroup group = Suppress(cells, total, phenotypes, k, item_bound);
    json one = {{phenotypes ? "hpo_id" : "name", item}, {"shown", group.shown}};
    if (group.shown) {
      one["people"] = CountJson(group.total);
      one["cells"] = CellsJson(group, phenotypes ? "answer" : "effect");
    }
    list.push_back(std::move(one));
  }
  out[phenotypes ? "signs" : "treatments"] = std::move(list);
  return out;
}

}  // namespace

json CountJson(const ShownCount& count) {
  switch (count.kind) {
    case ShownCount::Kind::kExact: return {{"count", count.value}};
    case ShownCount::Kind::kFewerThanFive: return {{"fewer_than", kSmallCount}};
    case ShownCount::Kind::kHidden: return {{"hidden", true}};
  }
  return {{"hidden", true}};
}

json SuppressedAggregatesJson(const Questionnaire& questionnaire, const Tally& tally, int min_people) {
  const int k = EffectiveMinPeople(min_people);
  // Every chart is shown beside the number of people: no total can exceed it.
  const long long people = At(tally, "*", "*");
  const long long bound = people >= kSmallCount ? people : kSmallCount - 1;
  json questions = json::object();
  for (const Step& step : questionnaire.steps) {
    for (const Question& q : step.questions) {
      const long long answered = At(tally, q.id, "*");
      json one;
      switch (q.kind) {
        case QuestionKind::kChoice:
        case QuestionKind::kNumber:
          one = ChoiceOrNumber(q, tally, answered, k, bound);
          break;
        case QuestionKind::kText:
          one = {{"shown", answered >= k}};
          if (answered >= k) one["answered"] = CountJson(SmallCount(answered));
          break;
        case QuestionKind::kSigns:
        case QuestionKind::kHpoTerms:
          one = Terms(q, tally, answered, k);
          break;
        case QuestionKind::kPhenotypes:
        case QuestionKind::kTreatments:
          one = Items(q, tally, answered, k);
          break;
      }
      one["step"] = step.id;
      one["kind"] = QuestionKindName(q.kind);
      questions[q.id] = std::move(one);
    }
  }
  return {{"questionnaire_version", questionnaire.version},
          {"min_people", k},
          {"people", CountJson(SmallCount(people))},
          {"questions", std::move(questions)}};
}

}  // namespace diseasemaps::experiences
