// The editorial screens' reads and the combined edit-and-submit step of AnswerStore, on
// both databases: my drafts, the review queue (overdue answers first), published
// answers whose review ran out, and the conditions the screens name.
#include <gtest/gtest.h>

#include "articles/answer_store.h"
#include "articles/editorial_view.h"
#include "platform/content_generation.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

using articles::Actor;
using articles::AnswerContent;
using articles::AnswerStatus;
using articles::AnswerStore;
using articles::EditorialItem;
using articles::NewAnswer;
using articles::Reviewer;

constexpr long long kDay = 86400;
constexpr long long kStart = 1775520000;  // 2026-04-07T00:00:00Z

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

std::vector<std::string> Slugs(const std::vector<EditorialItem>& items) {
  std::vector<std::string> slugs;
  for (const EditorialItem& item : items) slugs.push_back(item.answer.slug);
  return slugs;
}

class EditorialStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    InsertCondition(database_.db(), 1183, "Opsoclonus-myoclonus syndrome");
    auto condition = store_.FindCondition(1183);
    ASSERT_TRUE(condition.ok()) << condition.status().message();
    condition_id_ = condition->id;
  }

  // An answer by `author`, version 1 a draft (or submitted).
  long long Create(const std::string& slug, const Actor& author, bool submit = false) {
    auto answer = store_.Create(NewAnswer{condition_id_, slug, 1,
                                          AnswerContent{"Question " + slug + "?", "Short.", "Body.\n"}, author,
                                          submit});
    EXPECT_TRUE(answer.ok()) << answer.status().message();
    return answer.ok() ? answer->id : 0;
  }
  long long Latest(long long answer_id) { return store_.Versions(answer_id)->back().id; }

  TestDatabase database_{GetParam()};
  long long now_ = kStart;
  AnswerStore store_{database_.db(), [this] { return now_; }};
  const Actor edith_{1, "Edith Editor"};
  const Actor ed_{2, "Ed Other"};
  const Reviewer rita_{7, "Dr Rita Reviewer", "MD, neurologist"};
  long long condition_id_ = 0;
};

TEST_P(EditorialStoreTest, FindsConditionsByOrphacodeAndByAnswer) {
  auto condition = store_.FindCondition(1183);
  ASSERT_TRUE(condition.ok());
  EXPECT_EQ(condition->orphacode, 1183);
  EXPECT_EQ(condition->name, "Opsoclonus-myoclonus syndrome");
  EXPECT_EQ(condition->slug, "opsoclonus-myoclonus-syndrome-1183");
  EXPECT_EQ(store_.FindCondition(424242).status().code(), Status::Code::kNotFound);
  const long long answer = Create("causes", edith_);
  auto of = store_.ConditionOf(answer);
  ASSERT_TRUE(of.ok());
  EXPECT_EQ(of->id, condition_id_);
  EXPECT_EQ(store_.ConditionOf(answer + 1000).status().code(), Status::Code::kNotFound);
}

TEST_P(EditorialStoreTest, MyDraftsAreTheLatestVersionsIWroteThatAreDraftsOrReturned) {
  const long long draft = Create("draft", edith_);
  now_ += 60;
  const long long returned = Create("returned", edith_, true);
  ASSERT_TRUE(store_.Return(Latest(returned), rita_, "Cite a source.").ok());
  now_ += 60;
  Create("submitted", edith_, true);  // waiting for review: not a draft of mine
  Create("someone-elses", ed_);

  auto mine = store_.DraftsBy(1, 200);
  ASSERT_TRUE(mine.ok()) << mine.status().message();
  EXPECT_EQ(Slugs(*mine), (std::vector<std::string>{"returned", "draft"}));  // most recently changed first
  EXPECT_EQ((*mine)[0].latest.status, AnswerStatus::kReturned);
  EXPECT_EQ((*mine)[0].latest.review_comment, "Cite a source.");
  EXPECT_EQ((*mine)[0].condition.orphacode, 1183);
  EXPECT_EQ((*mine)[1].answer.id, draft);

  // Revised by someone else: the new version is theirs, the returned one no longer the latest.
  now_ += 60;
  ASSERT_TRUE(store_.Edit(Latest(returned), AnswerContent{"Q?", "Revised.", ""}, ed_).ok());
  EXPECT_EQ(Slugs(*store_.DraftsBy(1, 200)), (std::vector<std::string>{"draft"}));
  EXPECT_EQ(Slugs(*store_.DraftsBy(2, 200)), (std::vector<std::string>{"returned", "someone-elses"}));
  EXPECT_EQ(store_.DraftsBy(2, 1)->size(), 1u);  // the limit holds
  EXPECT_TRUE(store_.DraftsBy(99, 200)->empty());
}

TEST_P(EditorialStoreTest, TheReviewQueuePutsOverdueAnswersFirst) {
  // Published three years ago, so its review is overdue; a new version was sent yesterday.
  now_ = kStart - 3 * 365 * kDay;
  const long long overdue = Create("overdue", edith_, true);
  ASSERT_TRUE(store_.Approve(Latest(overdue), rita_).ok());
  now_ = kStart - 10 * kDay;
  Create("older-new-answer", edith_, true);
  now_ = kStart - 5 * kDay;
  const long long recent = Create("recently-reviewed", edith_, true);
  ASSERT_TRUE(store_.Approve(Latest(recent), rita_).ok());
  ASSERT_TRUE(store_.EditAndSubmit(Latest(recent), AnswerContent{"Q?", "Newer.", ""}, edith_).ok());
  now_ = kStart - kDay;
  ASSERT_TRUE(store_.EditAndSubmit(Latest(overdue), AnswerContent{"Q?", "Updated.", ""}, edith_).ok());
  Create("a-draft", edith_);  // not submitted: not in the queue
  now_ = kStart;

  auto waiting = store_.WaitingForReview(articles::OverdueCandidatesBefore(now_), 200);
  ASSERT_TRUE(waiting.ok()) << waiting.status().message();
  articles::SortReviewQueue(*waiting, now_);
  EXPECT_EQ(Slugs(*waiting), (std::vector<std::string>{"overdue", "older-new-answer", "recently-reviewed"}));
  EXPECT_EQ((*waiting)[0].latest.status, AnswerStatus::kSubmitted);
  EXPECT_EQ((*waiting)[0].latest.number, 2);
  EXPECT_EQ((*waiting)[0].latest.content.short_answer, "Updated.");

  // The database orders the same way before the precise sort.
  auto raw = store_.WaitingForReview(articles::OverdueCandidatesBefore(now_), 1);
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(Slugs(*raw), (std::vector<std::string>{"overdue"}));
}

TEST_P(EditorialStoreTest, OverduePublishedAnswersNobodySentForReview) {
  now_ = kStart - 3 * 365 * kDay;
  const long long stale = Create("stale", edith_, true);
  ASSERT_TRUE(store_.Approve(Latest(stale), rita_).ok());
  const long long pending = Create("stale-but-pending", edith_, true);
  ASSERT_TRUE(store_.Approve(Latest(pending), rita_).ok());
  now_ = kStart - 100 * kDay;
  const long long fresh = Create("fresh", edith_, true);
  ASSERT_TRUE(store_.Approve(Latest(fresh), rita_).ok());
  Create("never-published", edith_);
  now_ = kStart;
  ASSERT_TRUE(store_.EditAndSubmit(Latest(pending), AnswerContent{"Q?", "S.", ""}, edith_).ok());
  auto overdue = store_.ReviewedBefore(articles::OverdueCandidatesBefore(now_), 200);
  ASSERT_TRUE(overdue.ok()) << overdue.status().message();
  EXPECT_EQ(Slugs(*overdue), (std::vector<std::string>{"stale"}));
  EXPECT_EQ((*overdue)[0].latest.status, AnswerStatus::kApproved);
}

TEST_P(EditorialStoreTest, EditAndSubmitIsOneStep) {
  // From a draft: changed in place and submitted.
  const long long answer = Create("causes", edith_);
  const long long v1 = Latest(answer);
  now_ += 60;
  auto submitted = store_.EditAndSubmit(v1, AnswerContent{"What causes it?", "Changed.", "B.\n"}, edith_);
  ASSERT_TRUE(submitted.ok()) << submitted.status().message();
  EXPECT_EQ(submitted->id, v1);
  EXPECT_EQ(submitted->status, AnswerStatus::kSubmitted);
  EXPECT_EQ(submitted->content.short_answer, "Changed.");
  EXPECT_EQ(submitted->submitted_at, now_);
  auto events = store_.Events(answer);
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[1].action, "edit");
  EXPECT_EQ((*events)[2].action, "submit");

  // Under review: refused, and nothing changes.
  const long long generation = *ReadContentGeneration(database_.db());
  auto refused = store_.EditAndSubmit(v1, AnswerContent{"Q?", "Other.", ""}, edith_);
  EXPECT_EQ(refused.status().code(), Status::Code::kConflict);
  EXPECT_EQ(store_.FindVersion(v1)->content.short_answer, "Changed.");
  EXPECT_EQ(store_.Events(answer)->size(), 3u);
  EXPECT_EQ(*ReadContentGeneration(database_.db()), generation);

  // From an approved version: the same text goes for a fresh review as version 2, and
  // version 1 stays published.
  ASSERT_TRUE(store_.Approve(v1, rita_).ok());
  const AnswerContent same = store_.FindVersion(v1)->content;
  auto again = store_.EditAndSubmit(v1, same, edith_);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->number, 2);
  EXPECT_EQ(again->status, AnswerStatus::kSubmitted);
  EXPECT_EQ(store_.Find(answer)->published_version_id, v1);
  EXPECT_EQ(store_.FindVersion(v1)->status, AnswerStatus::kApproved);

  // Bad text: refused before any write.
  EXPECT_EQ(store_.EditAndSubmit(again->id, AnswerContent{"", "S.", ""}, edith_).status().code(),
            Status::Code::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, EditorialStoreTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
