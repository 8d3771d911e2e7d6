// The experiences store (experiences/experience_store.h) on SQLite and PostgreSQL: the
// kept aggregates equal a full recount after every one of many random saves, edits,
// consent changes, withdrawals and deletions; experiences are their owner's only;
// consents are recorded with time and version; account deletion takes experiences out
// of the aggregates.
#include <gtest/gtest.h>

#include <random>

#include "experiences/experience_store.h"
#include "experiences/questionnaire.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

using experiences::CheckStep;
using experiences::ConsentKind;
using experiences::Consents;
using experiences::ExperienceStore;
using experiences::Subject;
using experiences::Tally;
using nlohmann::json;

constexpr const char* kPassword = "correct horse battery staple";
constexpr int kOrphacode = 900013;
constexpr int kOtherOrphacode = 900014;
const std::vector<std::string> kPhenotypes = {"HP:0000317", "HP:0001251", "HP:0002315"};

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

std::string Describe(const Tally& tally) {
  std::string out;
  for (const auto& [cell, people] : tally) out += cell.question + "/" + cell.bucket + "=" + std::to_string(people) + " ";
  return out;
}

class ExperiencesStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    for (const char* who : {"ann", "bob", "cat"}) {
      AddUser(database_, std::string(who) + "@example.org", who, {"member"}, kPassword);
      users_.push_back(UserIdOf(database_, std::string(who) + "@example.org"));
    }
    InsertCondition(database_.db(), kOrphacode, "Sharing syndrome");
    InsertCondition(database_.db(), kOtherOrphacode, "Other syndrome");
    auto added = database_.db().InTransaction([&](soci::session& sql) {
      for (const std::string& code : kPhenotypes) {
        sql << "INSERT INTO condition_phenotypes (condition_id, hpo_id, hpo_term, frequency)"
               " SELECT id, :h, 'term', 'Frequent (79-30%)' FROM conditions WHERE orphacode = :o",
            soci::use(code), soci::use(kOrphacode);
      }
      return Status::Ok();
    });
    ASSERT_TRUE(added.ok()) << added.message();
  }

  experiences::CheckedStep Checked(const char* step, const json& input) {
    auto check = CheckStep(1, step, input, {kPhenotypes.begin(), kPhenotypes.end()});
    EXPECT_TRUE(check.ok()) << input.dump();
    return *check.step;
  }

  void ExpectKeptEqualsRecount(int orphacode, const std::string& after) {
    auto kept = store_.Aggregates(orphacode);
    auto recount = store_.Recount(orphacode);
    ASSERT_TRUE(kept.ok()) << kept.status().message();
    ASSERT_TRUE(recount.ok()) << recount.status().message();
    ASSERT_EQ(*kept, *recount) << "after " << after << "\nkept:    " << Describe(*kept)
                               << "\nrecount: " << Describe(*recount);
  }

  long long Count(const std::string& query) { return QueryNumber(database_.db(), query); }

  TestDatabase database_{GetParam()};
  ExperienceStore store_{database_.db()};
  std::vector<long long> users_;
};

// Random answers that pass the checks, for a random step.
json RandomAnswers(std::mt19937& rng, const std::string& step) {
  auto pick = [&](const std::vector<std::string>& options) {
    return options[std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(rng)];
  };
  auto coin = [&] { return std::uniform_int_distribution<int>(0, 2)(rng) != 0; };
  json a = json::object();
  if (step == "first_signs") {
    if (coin()) a["onset_age"] = pick({"before_birth", "under_1", "1_5", "18_39"});
    if (coin()) a["first_signs"] = json::array({pick(kPhenotypes)});
  } else if (step == "diagnosis") {
    if (coin()) a["doctors_seen"] = pick({"1", "2_3", "4_7", "8_plus"});
    if (coin()) a["years_to_diagnosis"] = std::uniform_int_distribution<int>(0, 6)(rng);
    if (coin()) a["wrong_diagnoses"] = pick({"yes", "no"});
    if (coin()) a["specialty"] = pick({"Neurology", "Paediatrics"});
  } else if (step == "signs") {
    json signs = json::object();
    for (const std::string& code : kPhenotypes) {
      if (coin()) signs[code] = pick({"has", "does_not", "not_sure"});
    }
    a["phenotypes"] = signs;
  } else if (step == "treatments") {
    json list = json::array();
    const int n = std::uniform_int_distribution<int>(0, 2)(rng);
    for (int i = 0; i < n; ++i) {
      list.push_back({{"name", pick({"IVIG", "ivig", "Steroids", "ACTH"})},
                      {"effect", pick({"a_lot", "somewhat", "not_at_all", "made_worse"})}});
    }
    a["treatments"] = list;
  } else if (step == "now") {
    if (coin()) a["compared_with_worst"] = pick({"much_better", "about_the_same", "worse"});
    if (coin()) a["daily_life_effect"] = std::uniform_int_distribution<int>(0, 10)(rng);
  } else {
    if (coin()) a["story"] = "It began when she was two.";
    if (coin()) a["story_visibility"] = pick({"everyone", "members", "nobody"});
  }
  return a;
}

TEST_P(ExperiencesStoreTest, KeptAggregatesEqualAFullRecountAfterEveryRandomChange) {
  std::mt19937 rng(20261205);
  const std::vector<std::string> steps = {"first_signs", "diagnosis", "signs", "treatments", "now", "story"};
  struct Known {
    long long id;
    long long user;
  };
  std::vector<Known> known;
  const int kChanges = 1500;
  int counted_changes = 0;
  for (int i = 0; i < kChanges; ++i) {
    const int op = known.empty() ? 0 : std::uniform_int_distribution<int>(0, 9)(rng);
    std::string what;
    if (op == 0 || (op == 1 && known.size() < 12)) {
      const long long user = users_[std::uniform_int_distribution<std::size_t>(0, users_.size() - 1)(rng)];
      const bool self = rng() % 2 == 0;
      const int code = rng() % 5 == 0 ? kOtherOrphacode : kOrphacode;
      auto id = store_.Create(user, code, self ? Subject::kSelf : Subject::kCaredFor, self ? "" : "my child", 1);
      ASSERT_TRUE(id.ok()) << id.status().message();
      known.push_back({*id, user});
      what = "create " + std::to_string(*id);
    } else {
      const std::size_t at = std::uniform_int_distribution<std::size_t>(0, known.size() - 1)(rng);
      const Known target = known[at];
      Status status;
      if (op <= 5) {
        const std::string step = steps[std::uniform_int_distribution<std::size_t>(0, steps.size() - 1)(rng)];
        const json answers = RandomAnswers(rng, step);
        status = store_.SaveStep(target.user, target.id, Checked(step.c_str(), answers));
        what = "save " + step + " " + answers.dump();
      } else if (op == 6) {
        Consents consents;
        consents.charts = rng() % 3 != 0;
        consents.story = rng() % 2 == 0;
        consents.research = rng() % 2 == 0;
        status = store_.Submit(target.user, target.id, consents);
        if (status.code() == Status::Code::kConflict) status = Status::Ok();  // already submitted
        what = "submit";
      } else if (op == 7) {
        const ConsentKind kind = experiences::kAllConsents[rng() % 3];
        status = store_.SetConsent(target.user, target.id, kind, rng() % 2 == 0);
        if (status.code() == Status::Code::kFailedPrecondition) status = Status::Ok();  // a draft
        what = "consent";
      } else if (op == 8) {
        status = store_.Withdraw(target.user, target.id);
        what = "withdraw";
      } else {
        status = store_.Delete(target.user, target.id);
        known.erase(known.begin() + static_cast<long>(at));
        what = "delete";
      }
      ASSERT_TRUE(status.ok()) << what << ": " << status.message();
    }
    ExpectKeptEqualsRecount(kOrphacode, std::to_string(i) + ": " + what);
    if (HasFatalFailure()) return;
    if (i % 50 == 0) ExpectKeptEqualsRecount(kOtherOrphacode, std::to_string(i) + ": " + what);
    auto kept = store_.Aggregates(kOrphacode);
    if (kept.ok() && kept->count(experiences::kEveryoneCell)) ++counted_changes;
  }
  ExpectKeptEqualsRecount(kOtherOrphacode, "the end");
  EXPECT_GT(counted_changes, kChanges / 4) << "the random walk should spend time with counted experiences";
  // The page line's cell is the number of submitted experiences with consent (a).
  auto kept = store_.Aggregates(kOrphacode);
  ASSERT_TRUE(kept.ok());
  const long long counted =
      Count("SELECT COUNT(*) FROM experiences e JOIN conditions c ON c.id = e.condition_id WHERE c.orphacode = " +
            std::to_string(kOrphacode) + " AND e.submitted_at IS NOT NULL AND e.consent_charts = 1");
  EXPECT_EQ(kept->count(experiences::kEveryoneCell) ? kept->at(experiences::kEveryoneCell) : 0, counted);
}

TEST_P(ExperiencesStoreTest, AnExperienceIsItsOwnersOnly) {
  auto id = store_.Create(users_[0], kOrphacode, Subject::kCaredFor, "my son", 1);
  ASSERT_TRUE(id.ok());
  const auto step = Checked("now", {{"daily_life_effect", 4}});
  EXPECT_EQ(store_.SaveStep(users_[1], *id, step).code(), Status::Code::kNotFound);
  EXPECT_EQ(store_.Submit(users_[1], *id, Consents{true, true, true}).code(), Status::Code::kNotFound);
  EXPECT_EQ(store_.Withdraw(users_[1], *id).code(), Status::Code::kNotFound);
  EXPECT_EQ(store_.Delete(users_[1], *id).code(), Status::Code::kNotFound);
  EXPECT_EQ(store_.Find(users_[1], *id).status().code(), Status::Code::kNotFound);
  auto mine = store_.Find(users_[0], *id);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->label, "my son");
  EXPECT_TRUE(mine->answers.empty()) << "nothing was saved by someone else";
  EXPECT_EQ(store_.Create(users_[0], 123, Subject::kSelf, "", 1).status().code(), Status::Code::kNotFound);
}

TEST_P(ExperiencesStoreTest, ConsentsAreRecordedWithTimeAndVersionAndWithdrawnInOneCall) {
  auto id = store_.Create(users_[0], kOrphacode, Subject::kSelf, "", 1);
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(store_.SaveStep(users_[0], *id, Checked("diagnosis", {{"doctors_seen", "8_plus"}})).ok());
  EXPECT_EQ(store_.SetConsent(users_[0], *id, ConsentKind::kCharts, true).code(),
            Status::Code::kFailedPrecondition)
      << "a draft has no consents yet";
  EXPECT_TRUE(store_.Aggregates(kOrphacode)->empty()) << "a draft never counts";
  ASSERT_TRUE(store_.Submit(users_[0], *id, Consents{true, false, true}).ok());
  EXPECT_EQ(store_.Submit(users_[0], *id, Consents{true, true, true}).code(), Status::Code::kConflict);
  auto tally = store_.Aggregates(kOrphacode);
  ASSERT_TRUE(tally.ok());
  EXPECT_EQ(tally->at(experiences::kEveryoneCell), 1);
  EXPECT_EQ(tally->at({"doctors_seen", "8_plus"}), 1);
  auto history = store_.ConsentHistory(users_[0], *id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u) << "each of the three choices is on record, given or not";
  for (const auto& record : *history) {
    EXPECT_EQ(record.questionnaire_version, 1);
    EXPECT_GT(record.at, 1700000000);
    EXPECT_EQ(record.given, record.kind != ConsentKind::kStory);
  }
  ASSERT_TRUE(store_.Withdraw(users_[0], *id).ok());
  EXPECT_TRUE(store_.Aggregates(kOrphacode)->empty()) << "withdrawn at once";
  auto found = store_.Find(users_[0], *id);
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->consents.charts || found->consents.story || found->consents.research);
  EXPECT_EQ(store_.ConsentHistory(users_[0], *id)->size(), 5u) << "two withdrawals recorded";
  ASSERT_TRUE(store_.Withdraw(users_[0], *id).ok());
  EXPECT_EQ(store_.ConsentHistory(users_[0], *id)->size(), 5u) << "withdrawing nothing records nothing";
  ASSERT_TRUE(store_.SetConsent(users_[0], *id, ConsentKind::kCharts, true).ok());
  EXPECT_EQ(store_.Aggregates(kOrphacode)->at(experiences::kEveryoneCell), 1);
}

TEST_P(ExperiencesStoreTest, DeletingAnAccountsDataTakesItOutOfTheAggregates) {
  for (long long user : {users_[0], users_[0], users_[1]}) {
    auto id = store_.Create(user, kOrphacode, Subject::kSelf, "", 1);
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(store_.SaveStep(user, *id, Checked("now", {{"daily_life_effect", 7}})).ok());
    ASSERT_TRUE(store_.Submit(user, *id, Consents{true, false, false}).ok());
  }
  EXPECT_EQ(store_.Aggregates(kOrphacode)->at({"daily_life_effect", "7"}), 3);
  auto exported = store_.Export(users_[0]);
  ASSERT_TRUE(exported.ok());
  ASSERT_EQ(exported->size(), 2u);
  EXPECT_EQ((*exported)[0]["answers"]["now"]["daily_life_effect"], 7);
  EXPECT_EQ((*exported)[0]["consent_records"].size(), 3u);
  auto deleted = database_.db().InTransaction([&](soci::session& sql) {
    ExperienceStore::DeleteMemberData(sql, users_[0]);
    return Status::Ok();
  });
  ASSERT_TRUE(deleted.ok()) << deleted.message();
  EXPECT_EQ(store_.Aggregates(kOrphacode)->at({"daily_life_effect", "7"}), 1);
  ExpectKeptEqualsRecount(kOrphacode, "account deletion");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM experience_consents"), 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, ExperiencesStoreTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
