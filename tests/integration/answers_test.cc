// Medically reviewed answers on both databases: the store's workflow (create, submit,
// approve, return, edit a published answer), the rules the schema holds on its own,
// and the answers shipped in content/answers loaded by `serve`.
#include <gtest/gtest.h>

#include "articles/answer_content.h"
#include "articles/answer_store.h"
#include "articles/answers_view.h"
#include "platform/content_generation.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

using articles::Actor;
using articles::AnswerContent;
using articles::AnswerStatus;
using articles::AnswerStore;
using articles::NewAnswer;
using articles::Reviewer;

constexpr long long kStart = 1775520000;  // 2026-04-07T00:00:00Z
constexpr long long kMonth = 86400LL * 31;

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class AnswerStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    InsertCondition(database_.db(), 1183, "Opsoclonus-myoclonus syndrome");
    InsertCondition(database_.db(), 558, "Marfan syndrome");
    condition_id_ = ConditionId(1183);
    ASSERT_GT(condition_id_, 0);
  }

  long long ConditionId(int orphacode) {
    auto id = database_.db().Run([&](soci::session& sql) {
      long long value = 0;
      sql << "SELECT id FROM conditions WHERE orphacode = :code", soci::use(orphacode), soci::into(value);
      return value;
    });
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  long long Count(const std::string& query) { return Count(database_.db(), query); }
  static long long Count(Database& db, const std::string& query) { return QueryNumber(db, query); }

  NewAnswer Causes(bool submit = false) {
    return NewAnswer{condition_id_, "causes", 1,
                     AnswerContent{"What causes it?", "An immune reaction.", "## Why\n\nBecause.\n"},
                     Actor{std::nullopt, "Alex Editor"}, submit};
  }

  // Creates the answer, submits and approves version 1; returns its id.
  long long PublishedAnswer() {
    auto answer = store_.Create(Causes(true));
    EXPECT_TRUE(answer.ok()) << answer.status().message();
    auto versions = store_.Versions(answer->id);
    auto approved = store_.Approve(versions->front().id, reviewer_);
    EXPECT_TRUE(approved.ok()) << approved.status().message();
    return answer->id;
  }

  TestDatabase database_{GetParam()};
  long long now_ = kStart;
  AnswerStore store_{database_.db(), [this] { return now_; }};
  Reviewer reviewer_{std::nullopt, "Dr Jane Doe", "MD, paediatric neurologist"};
  Actor editor_{std::nullopt, "Alex Editor"};
  long long condition_id_ = 0;
};

TEST_P(AnswerStoreTest, DraftSubmittedThenApprovedBecomesThePublishedVersion) {
  auto answer = store_.Create(Causes());
  ASSERT_TRUE(answer.ok()) << answer.status().message();
  EXPECT_EQ(answer->slug, "causes");
  EXPECT_FALSE(answer->published_version_id.has_value());
  EXPECT_FALSE(answer->last_reviewed_at.has_value());
  auto versions = store_.Versions(answer->id);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 1u);
  const long long v1 = versions->front().id;
  EXPECT_EQ(versions->front().number, 1);
  EXPECT_EQ(versions->front().status, AnswerStatus::kDraft);
  EXPECT_EQ(versions->front().author_label, "Alex Editor");

  now_ += 60;
  auto submitted = store_.Submit(v1, editor_);
  ASSERT_TRUE(submitted.ok()) << submitted.status().message();
  EXPECT_EQ(submitted->status, AnswerStatus::kSubmitted);
  EXPECT_EQ(submitted->submitted_at, kStart + 60);

  const long long generation_before = *ReadContentGeneration(database_.db());
  now_ += 3600;
  auto approved = store_.Approve(v1, reviewer_, "Accurate.");
  ASSERT_TRUE(approved.ok()) << approved.status().message();
  EXPECT_EQ(approved->status, AnswerStatus::kApproved);
  EXPECT_EQ(approved->reviewed_at, kStart + 3660);
  EXPECT_EQ(approved->reviewer_name, "Dr Jane Doe");
  EXPECT_EQ(approved->reviewer_credentials, "MD, paediatric neurologist");
  EXPECT_EQ(approved->review_comment, "Accurate.");
  EXPECT_GT(*ReadContentGeneration(database_.db()), generation_before);

  auto published = store_.Find(answer->id);
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(published->published_version_id, v1);
  EXPECT_EQ(published->last_reviewed_at, kStart + 3660);

  auto events = store_.Events(answer->id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[0].action, "create");
  EXPECT_EQ((*events)[1].action, "submit");
  EXPECT_EQ((*events)[2].action, "approve");
  EXPECT_EQ((*events)[2].from_status, "submitted");
  EXPECT_EQ((*events)[2].actor_label, "Dr Jane Doe");

  auto view = articles::LoadConditionAnswers(database_.db(), condition_id_, "/conditions/x", now_);
  ASSERT_TRUE(view.ok()) << view.status().message();
  ASSERT_EQ(view->view["answers"].size(), 1u);
  EXPECT_EQ(view->view["answers"][0]["reviewed"], true);
  EXPECT_EQ(view->view["answers"][0]["header"],
            "Short answer · Medically reviewed by Dr Jane Doe, MD, paediatric neurologist · Last updated 7 April 2026");
  EXPECT_TRUE(Has(view->faq_jsonld, "\"FAQPage\""));
  EXPECT_TRUE(Has(view->faq_jsonld, "What causes it?"));
}

TEST_P(AnswerStoreTest, EditingAPublishedAnswerStartsADraftWhileTheApprovedVersionStaysPublic) {
  const long long answer_id = PublishedAnswer();
  const long long v1 = store_.Find(answer_id)->published_version_id.value();
  now_ += kMonth;
  auto draft = store_.Edit(v1, AnswerContent{"What causes it?", "A newer short answer.", "New body.\n"}, editor_);
  ASSERT_TRUE(draft.ok()) << draft.status().message();
  EXPECT_NE(draft->id, v1);
  EXPECT_EQ(draft->number, 2);
  EXPECT_EQ(draft->status, AnswerStatus::kDraft);

  // The approved text is untouched and still the published one.
  auto kept = store_.FindVersion(v1);
  EXPECT_EQ(kept->status, AnswerStatus::kApproved);
  EXPECT_EQ(kept->content.short_answer, "An immune reaction.");
  EXPECT_EQ(store_.Find(answer_id)->published_version_id, v1);
  auto view = articles::LoadConditionAnswers(database_.db(), condition_id_, "", now_);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->view["answers"][0]["short_answer"], "An immune reaction.");
  EXPECT_EQ(view->view["answers"][0]["reviewed"], true);
  EXPECT_FALSE(Has(view->faq_jsonld, "newer"));

  // A draft is edited in place; the old version can no longer be edited.
  auto again = store_.Edit(draft->id, AnswerContent{"What causes it?", "Newer still.", ""}, editor_);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->id, draft->id);
  EXPECT_EQ(again->content.short_answer, "Newer still.");
  auto stale = store_.Edit(v1, AnswerContent{"Q?", "S.", ""}, editor_);
  EXPECT_EQ(stale.status().code(), Status::Code::kConflict);
  EXPECT_TRUE(Has(stale.status().message(), "not the latest version")) << stale.status().message();

  // Approving version 2 publishes it and restarts the review clock.
  ASSERT_TRUE(store_.Submit(draft->id, editor_).ok());
  now_ += 60;
  ASSERT_TRUE(store_.Approve(draft->id, reviewer_).ok());
  EXPECT_EQ(store_.Find(answer_id)->published_version_id, draft->id);
  EXPECT_EQ(store_.Find(answer_id)->last_reviewed_at, now_);
  EXPECT_EQ(store_.Versions(answer_id)->size(), 2u);  // every version kept
}

TEST_P(AnswerStoreTest, ReturnedWithACommentThenRevisedAsANewVersion) {
  auto answer = store_.Create(Causes(true));
  ASSERT_TRUE(answer.ok());
  const long long v1 = store_.Versions(answer->id)->front().id;
  auto no_comment = store_.Return(v1, reviewer_, "  ");
  EXPECT_EQ(no_comment.status().code(), Status::Code::kInvalidArgument);
  auto returned = store_.Return(v1, reviewer_, "Cite the 2022 consensus.");
  ASSERT_TRUE(returned.ok()) << returned.status().message();
  EXPECT_EQ(returned->status, AnswerStatus::kReturned);
  EXPECT_EQ(returned->review_comment, "Cite the 2022 consensus.");
  EXPECT_FALSE(store_.Find(answer->id)->published_version_id.has_value());

  // A returned version is not shown, even as a draft.
  auto view = articles::LoadConditionAnswers(database_.db(), condition_id_, "", now_);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->view["answers"].size(), 0u);

  auto revised = store_.Edit(v1, AnswerContent{"What causes it?", "Revised.", "Cites it.\n"}, editor_);
  ASSERT_TRUE(revised.ok()) << revised.status().message();
  EXPECT_EQ(revised->number, 2);
  EXPECT_EQ(store_.FindVersion(v1)->status, AnswerStatus::kReturned);  // kept as returned
  auto events = store_.Events(answer->id);
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[1].action, "return");
  EXPECT_EQ((*events)[1].comment, "Cite the 2022 consensus.");
  // The revision is a draft being written: it stays off the public page until submitted.
  view = articles::LoadConditionAnswers(database_.db(), condition_id_, "", now_);
  EXPECT_EQ(view->view["answers"].size(), 0u);
  EXPECT_EQ(view->faq_jsonld, "");
  ASSERT_TRUE(store_.Submit(revised->id, editor_).ok());
  view = articles::LoadConditionAnswers(database_.db(), condition_id_, "", now_);
  ASSERT_EQ(view->view["answers"].size(), 1u);
  EXPECT_EQ(view->view["answers"][0]["reviewed"], false);
  EXPECT_EQ(view->view["answers"][0]["header"], "Editorial draft — not yet medically reviewed");
  EXPECT_EQ(view->faq_jsonld, "");
}

TEST_P(AnswerStoreTest, StepsTheWorkflowDoesNotAllowChangeNothing) {
  auto answer = store_.Create(Causes());
  ASSERT_TRUE(answer.ok());
  const long long v1 = store_.Versions(answer->id)->front().id;
  const long long events = Count("SELECT COUNT(*) FROM answer_events");
  const long long generation = *ReadContentGeneration(database_.db());

  auto approve_draft = store_.Approve(v1, reviewer_);
  EXPECT_EQ(approve_draft.status().code(), Status::Code::kConflict);
  EXPECT_TRUE(Has(approve_draft.status().message(), "only a version submitted for review can be approved"));
  EXPECT_EQ(store_.Return(v1, reviewer_, "x").status().code(), Status::Code::kConflict);
  ASSERT_TRUE(store_.Submit(v1, editor_).ok());
  auto edit_submitted = store_.Edit(v1, AnswerContent{"Q?", "S.", ""}, editor_);
  EXPECT_EQ(edit_submitted.status().code(), Status::Code::kConflict);
  EXPECT_TRUE(Has(edit_submitted.status().message(), "waiting for a medical review"));
  EXPECT_EQ(store_.Submit(v1, editor_).status().code(), Status::Code::kConflict);
  EXPECT_EQ(store_.Approve(v1, Reviewer{std::nullopt, "Dr Jane Doe", ""}).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(store_.Approve(v1, Reviewer{std::nullopt, "", "MD"}).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_.Approve(999999, reviewer_).status().code(), Status::Code::kNotFound);
  ASSERT_TRUE(store_.Approve(v1, reviewer_).ok());
  EXPECT_EQ(store_.Approve(v1, reviewer_).status().code(), Status::Code::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answer_events"), events + 2);  // the submit and the approval only
  EXPECT_EQ(*ReadContentGeneration(database_.db()), generation + 2);

  EXPECT_EQ(store_.Create(Causes()).status().code(), Status::Code::kConflict);  // same slug
  NewAnswer elsewhere = Causes();
  elsewhere.condition_id = ConditionId(558);
  EXPECT_TRUE(store_.Create(elsewhere).ok());  // the slug is per condition
  NewAnswer nowhere = Causes();
  nowhere.condition_id = 987654;
  EXPECT_EQ(store_.Create(nowhere).status().code(), Status::Code::kNotFound);
  NewAnswer bad_slug = Causes();
  bad_slug.slug = "Not a slug";
  EXPECT_EQ(store_.Create(bad_slug).status().code(), Status::Code::kInvalidArgument);
  NewAnswer too_long = Causes();
  too_long.slug = "long";
  too_long.content.body_markdown = std::string(64 * 1024 + 1, 'x');
  EXPECT_EQ(store_.Create(too_long).status().code(), Status::Code::kTooLarge);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answers"), 2);
}

TEST_P(AnswerStoreTest, ReviewOverdueAfterTwentyFourMonths) {
  PublishedAnswer();
  auto at = [&](long long when) {
    auto view = articles::LoadConditionAnswers(database_.db(), condition_id_, "", when);
    EXPECT_TRUE(view.ok());
    return view->view["answers"][0];
  };
  EXPECT_EQ(at(kStart + 23 * kMonth)["overdue"], false);
  const auto overdue = at(kStart + 25 * kMonth);
  EXPECT_EQ(overdue["overdue"], true);
  EXPECT_EQ(overdue["overdue_label"], "Review overdue");
  EXPECT_EQ(overdue["reviewed"], true);
}

// The schema itself refuses what the store never writes.
TEST_P(AnswerStoreTest, SchemaRefusesAnApprovalWithoutAReviewerOrAForeignPublishedVersion) {
  const long long published = PublishedAnswer();
  NewAnswer other = Causes();
  other.slug = "other";
  auto second = store_.Create(other);
  ASSERT_TRUE(second.ok());
  const long long draft_id = store_.Versions(second->id)->front().id;
  Status unreviewed = database_.db().Run([&](soci::session& sql) {
    sql << "UPDATE answer_versions SET status = 'approved' WHERE id = :id", soci::use(draft_id);
    return Status::Ok();
  });
  EXPECT_FALSE(unreviewed.ok());
  const long long foreign_version = draft_id;
  Status foreign = database_.db().Run([&](soci::session& sql) {
    sql << "UPDATE answers SET published_version_id = :v WHERE id = :id", soci::use(foreign_version),
        soci::use(published);
    return Status::Ok();
  });
  EXPECT_FALSE(foreign.ok());
  EXPECT_EQ(store_.FindVersion(draft_id)->status, AnswerStatus::kDraft);
}

TEST_P(AnswerStoreTest, ContentAnswersLoadOnceAsSubmittedAndOnlyForKnownConditions) {
  const std::vector<articles::ContentAnswer> shipped = {
      {1183, "causes", 1, {"What causes it?", "An immune reaction.", "Body.\n"}},
      {1183, "inherited", 2, {"Is it inherited?", "No.", ""}},
      {424242, "causes", 1, {"Not in this catalogue?", "Skipped.", ""}},
  };
  const Actor team{std::nullopt, std::string(articles::kEditorialTeam)};
  const long long generation = *ReadContentGeneration(database_.db());
  auto created = store_.CreateMissingSubmitted(shipped, team);
  ASSERT_TRUE(created.ok()) << created.status().message();
  EXPECT_EQ(*created, 2);
  EXPECT_EQ(*ReadContentGeneration(database_.db()), generation + 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answer_versions WHERE status = 'submitted'"
                  " AND author_label = 'DiseaseMaps editorial team' AND number = 1"),
            2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answer_versions WHERE status = 'approved'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answers WHERE published_version_id IS NOT NULL"), 0);

  auto again = store_.CreateMissingSubmitted(shipped, team);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(*ReadContentGeneration(database_.db()), generation + 1);  // nothing changed
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answer_versions"), 2);

  // One bad entry: nothing at all is created.
  std::vector<articles::ContentAnswer> broken = {{558, "fine", 1, {"Q?", "S.", ""}},
                                                 {558, "Bad Slug", 2, {"Q?", "S.", ""}}};
  auto refused = store_.CreateMissingSubmitted(broken, team);
  EXPECT_EQ(refused.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(Has(refused.status().message(), "Bad Slug"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answers"), 2);
}

TEST_P(AnswerStoreTest, ServeLoadsTheShippedAnswersAsAwaitingReviewOnce) {
  auto shipped = articles::EmbeddedAnswers();
  ASSERT_TRUE(shipped.ok()) << shipped.status().message();
  long long expected = 0;
  for (const auto& a : *shipped) expected += a.orphacode == 1183 ? 1 : 0;
  ASSERT_GT(expected, 0) << "the shipped answers should include Opsoclonus-myoclonus syndrome";

  // A fresh database: serve loads the starter catalogue (which lists ORPHA:1183), then
  // the shipped answers.
  TestDatabase fresh(GetParam());
  {
    TestServer server(fresh);
    ASSERT_TRUE(server.started());
    EXPECT_TRUE(Has(server.Log(), "shipped answers: " + std::to_string(expected) + " new")) << server.Log();
  }
  Database& db = fresh.db();
  const std::string oms = "(SELECT id FROM conditions WHERE orphacode = 1183)";
  ASSERT_EQ(Count(db, "SELECT COUNT(*) FROM conditions WHERE orphacode = 1183"), 1)
      << "the starter catalogue should list ORPHA:1183";
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM answers WHERE condition_id = " + oms), expected);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM answer_versions v JOIN answers a ON a.id = v.answer_id"
                      " WHERE a.condition_id = " + oms + " AND v.status = 'submitted' AND v.number = 1"
                      " AND v.author_label = 'DiseaseMaps editorial team' AND v.reviewer_name IS NULL"
                      " AND v.reviewed_at IS NULL"),
            expected);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM answer_versions WHERE status = 'approved'"), 0);
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM answers WHERE published_version_id IS NOT NULL"), 0);
  long long oms_id = 0;
  ASSERT_TRUE(db.Run([&](soci::session& sql) {
                  sql << "SELECT id FROM conditions WHERE orphacode = 1183", soci::into(oms_id);
                  return Status::Ok();
                }).ok());
  auto view = articles::LoadConditionAnswers(db, oms_id, "", AnswerStore::SystemNow());
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->view["answers"].size(), static_cast<std::size_t>(expected));
  for (const auto& a : view->view["answers"]) {
    EXPECT_EQ(a["reviewed"], false);
    EXPECT_EQ(a["status"], "submitted");
    EXPECT_EQ(a["header"], "Editorial draft — not yet medically reviewed");
    EXPECT_FALSE(Has(a.dump(), "Medically reviewed by"));
  }
  EXPECT_EQ(view->faq_jsonld, "");  // no FAQPage for drafts

  // A second start creates nothing and leaves the content generation alone.
  const long long versions = Count(db, "SELECT COUNT(*) FROM answer_versions");
  const long long generation = *ReadContentGeneration(db);
  {
    TestServer again(fresh);
    ASSERT_TRUE(again.started());
    EXPECT_TRUE(Has(again.Log(), "shipped answers: 0 new")) << again.Log();
  }
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM answer_versions"), versions);
  EXPECT_EQ(*ReadContentGeneration(db), generation);
}

INSTANTIATE_TEST_SUITE_P(Backends, AnswerStoreTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
