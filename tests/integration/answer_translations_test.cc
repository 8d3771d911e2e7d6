// Answers in several languages, on both databases: a translation has its own versions
// and its own medical review; the page in a language shows the translation only by the
// same rules as English text (reviewed only once a reviewer approved that translated
// version), or else the English answer marked lang="en" with a note; the editorial
// screens create, edit and review translations as they do English answers, and refuse
// bad input with a clear message and no change.
#include <gtest/gtest.h>

#include <regex>

#include "articles/answer_store.h"
#include "articles/answers_view.h"
#include "http/url.h"
#include "platform/i18n.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

using articles::Actor;
using articles::AnswerContent;
using articles::AnswerStatus;
using articles::AnswerStore;
using articles::NewAnswer;
using articles::Reviewer;
using nlohmann::json;

constexpr const char* kPassword = "correct horse battery staple";
constexpr long long kStart = 1775520000;  // 2026-04-07T00:00:00Z

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// ---- The store and what the page shows -----------------------------------------

class AnswerTranslationStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    InsertCondition(database_.db(), 558, "Marfan syndrome");
    condition_id_ = QueryNumber(database_.db(), "SELECT id FROM conditions WHERE orphacode = 558");
    auto answer = store_.Create(NewAnswer{condition_id_, "causes", 1,
                                          AnswerContent{"What causes it?", "A change in FBN1.", "## Why\n\nGenes.\n"},
                                          editor_, true});
    ASSERT_TRUE(answer.ok()) << answer.status().message();
    answer_id_ = answer->id;
    english_v1_ = store_.Versions(answer_id_)->front().id;
  }

  void PublishEnglish() {
    auto approved = store_.Approve(english_v1_, reviewer_);
    ASSERT_TRUE(approved.ok()) << approved.status().message();
  }

  // The view of the condition's answers in `lang`.
  json View(const std::string& lang) {
    auto loaded = articles::LoadConditionAnswers(database_.db(), condition_id_, "/conditions/x", now_, lang);
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? loaded->view : json::object();
  }
  std::string Faq(const std::string& lang) {
    auto loaded = articles::LoadConditionAnswers(database_.db(), condition_id_, "/conditions/x", now_, lang);
    return loaded.ok() ? loaded->faq_jsonld : "";
  }

  long long Count(const std::string& query) { return QueryNumber(database_.db(), query); }

  TestDatabase database_{GetParam()};
  long long now_ = kStart;
  AnswerStore store_{database_.db(), [this] { return now_; }};
  Actor editor_{std::nullopt, "Alex Editor"};
  Actor translator_{std::nullopt, "Tina Traductora"};
  Reviewer reviewer_{std::nullopt, "Dr Jane Doe", "MD, paediatric neurologist"};
  Reviewer revisora_{std::nullopt, "Dra. Rosa Revisora", "MD, genetista"};
  long long condition_id_ = 0;
  long long answer_id_ = 0;
  long long english_v1_ = 0;
};

TEST_P(AnswerTranslationStoreTest, ASpanishTranslationIsReviewedOnlyOnceAReviewerApprovesIt) {
  PublishEnglish();
  const AnswerContent spanish{"¿Qué la causa?", "Un cambio en FBN1.", "## Por qué\n\nGenes.\n"};
  auto translation = store_.CreateTranslation(answer_id_, "es", spanish, english_v1_, translator_);
  ASSERT_TRUE(translation.ok()) << translation.status().message();
  EXPECT_EQ(translation->lang, "es");
  EXPECT_FALSE(translation->published_version_id.has_value());
  const long long t1 = store_.TranslationVersions(translation->id)->front().id;
  EXPECT_EQ(store_.FindTranslationVersion(t1)->source_version_id, english_v1_);

  // A draft translation is not shown: the Spanish page shows the reviewed English
  // answer, marked as English, with the note.
  json view = View("es");
  ASSERT_EQ(view["answers"].size(), 1u);
  EXPECT_EQ(view["answers"][0]["question"], "What causes it?");
  EXPECT_EQ(view["answers"][0]["in_english"], true);
  EXPECT_EQ(view["answers"][0]["text_lang"], "en");
  EXPECT_EQ(view["answers"][0]["in_english_note"],
            "This answer has not been translated yet; it is shown in English.");
  EXPECT_EQ(view["answers"][0]["reviewed"], true);

  // Submitted: shown as an editorial draft, never as reviewed, even though the English
  // answer is reviewed; the FAQ leaves it out.
  ASSERT_TRUE(store_.SubmitTranslation(t1, translator_).ok());
  view = View("es");
  EXPECT_EQ(view["answers"][0]["question"], "¿Qué la causa?");
  EXPECT_EQ(view["answers"][0]["in_english"], false);
  EXPECT_EQ(view["answers"][0]["text_lang"], false);
  EXPECT_EQ(view["answers"][0]["reviewed"], false);
  EXPECT_EQ(view["answers"][0]["draft"], true);
  EXPECT_FALSE(view["answers"][0].contains("reviewer_name"));
  EXPECT_EQ(Faq("es"), "");

  // Approved by a reviewer: reviewed, with that reviewer's name; the English page is
  // unchanged.
  now_ += 3600;
  auto approved = store_.ApproveTranslation(t1, revisora_, "Correcta.");
  ASSERT_TRUE(approved.ok()) << approved.status().message();
  view = View("es");
  EXPECT_EQ(view["answers"][0]["question"], "¿Qué la causa?");
  EXPECT_EQ(view["answers"][0]["reviewed"], true);
  EXPECT_EQ(view["answers"][0]["reviewer_name"], "Dra. Rosa Revisora");
  EXPECT_TRUE(Has(Faq("es"), "¿Qué la causa?"));
  EXPECT_TRUE(Has(Faq("es"), "\"inLanguage\":\"es\""));
  json english = View("en");
  EXPECT_EQ(english["answers"][0]["question"], "What causes it?");
  EXPECT_EQ(english["answers"][0]["reviewer_name"], "Dr Jane Doe");
  EXPECT_EQ(english["answers"][0]["in_english"], false);
  // French has no translation: English with the note.
  EXPECT_EQ(View("fr")["answers"][0]["in_english"], true);
}

TEST_P(AnswerTranslationStoreTest, EditingTheEnglishAnswerNeverMakesATranslationReviewed) {
  auto translation = store_.CreateTranslation(answer_id_, "fr", {"Quelle en est la cause ?", "Un gène.", ""},
                                              english_v1_, translator_);
  ASSERT_TRUE(translation.ok()) << translation.status().message();
  const long long t1 = store_.TranslationVersions(translation->id)->front().id;
  ASSERT_TRUE(store_.SubmitTranslation(t1, translator_).ok());
  // The English answer is approved, edited and approved again: the translation stays
  // a draft waiting for its own review.
  PublishEnglish();
  auto edited = store_.EditAndSubmit(english_v1_, {"What causes it?", "A change in the FBN1 gene.", ""}, editor_);
  ASSERT_TRUE(edited.ok()) << edited.status().message();
  ASSERT_TRUE(store_.Approve(edited->id, reviewer_).ok());
  EXPECT_EQ(store_.FindTranslationVersion(t1)->status, AnswerStatus::kSubmitted);
  EXPECT_FALSE(store_.FindTranslation(answer_id_, "fr")->published_version_id.has_value());
  json view = View("fr");
  EXPECT_EQ(view["answers"][0]["question"], "Quelle en est la cause ?");
  EXPECT_EQ(view["answers"][0]["reviewed"], false);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answer_translation_versions WHERE status = 'approved'"), 0);

  // The translation follows English version 1 while version 2 is published now.
  auto list = store_.Translations(answer_id_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].latest.source_version_id, english_v1_);
}

TEST_P(AnswerTranslationStoreTest, BadInputIsRefusedAndChangesNothing) {
  const long long before = Count("SELECT COUNT(*) FROM answer_translations");
  const AnswerContent text{"¿Qué la causa?", "Un cambio.", ""};
  auto english = store_.CreateTranslation(answer_id_, "en", text, english_v1_, translator_);
  EXPECT_EQ(english.status().code(), Status::Code::kInvalidArgument);
  auto unknown = store_.CreateTranslation(answer_id_, "xx", text, english_v1_, translator_);
  EXPECT_EQ(unknown.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(Has(unknown.status().message(), "\"xx\" is not a language of the site"));
  auto empty = store_.CreateTranslation(answer_id_, "es", {"¿Qué la causa?", "   ", ""}, english_v1_, translator_);
  EXPECT_EQ(empty.status().code(), Status::Code::kInvalidArgument);
  auto no_answer = store_.CreateTranslation(answer_id_ + 100, "es", text, english_v1_, translator_);
  EXPECT_EQ(no_answer.status().code(), Status::Code::kNotFound);
  auto wrong_source = store_.CreateTranslation(answer_id_, "es", text, english_v1_ + 100, translator_);
  EXPECT_EQ(wrong_source.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answer_translations"), before);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answer_translation_versions"), 0);

  ASSERT_TRUE(store_.CreateTranslation(answer_id_, "es", text, english_v1_, translator_).ok());
  auto again = store_.CreateTranslation(answer_id_, "es", text, english_v1_, translator_);
  EXPECT_EQ(again.status().code(), Status::Code::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answer_translations"), before + 1);
  // A draft cannot be approved, as in English.
  const long long t1 = Count("SELECT MAX(id) FROM answer_translation_versions");
  EXPECT_EQ(store_.ApproveTranslation(t1, revisora_).status().code(), Status::Code::kConflict);
}

TEST_P(AnswerTranslationStoreTest, TheSchemaRefusesAnEnglishTranslationAndAnUnreviewedPublication) {
  auto english = database_.db().InTransaction([&](soci::session& sql) -> Status {
    sql << "INSERT INTO answer_translations (answer_id, lang, created_at, updated_at) VALUES (:a, 'en', 1, 1)",
        soci::use(answer_id_);
    return Status::Ok();
  });
  EXPECT_FALSE(english.ok());
  auto translation = store_.CreateTranslation(answer_id_, "es", {"¿Qué la causa?", "Un cambio.", ""}, english_v1_,
                                              translator_);
  ASSERT_TRUE(translation.ok());
  auto approved_without_reviewer = database_.db().InTransaction([&](soci::session& sql) -> Status {
    sql << "UPDATE answer_translation_versions SET status = 'approved'";
    return Status::Ok();
  });
  EXPECT_FALSE(approved_without_reviewer.ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, AnswerTranslationStoreTest, ::testing::ValuesIn(AllBackends()), Backends);

// ---- The editorial screens ---------------------------------------------------------

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string Hidden(const std::string& html, const std::string& name) {
  const std::regex field("name=\"" + name + "\" value=\"([0-9a-f]+)\"");
  std::smatch match;
  return std::regex_search(html, match, field) ? std::string(match[1]) : std::string();
}

class AnswerTranslationPagesTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    InsertCondition(database_.db(), 558, "Marfan syndrome");
    AddUser(database_, "edith@example.org", "Edith Editor", {"editor"}, kPassword);
    AddUser(database_, "rita@example.org", "Dr Rita Reviewer", {"reviewer"}, kPassword, "MD, neurologist");
    AddUser(database_, "sam@example.org", "Dr Sam Second", {"reviewer"}, kPassword, "MD, paediatrician");
    AddUser(database_, "max@example.org", "Max Member", {"member"}, kPassword);
    server_ = std::make_unique<TestServer>(database_);
    edith_ = SignIn(*server_, "edith@example.org", kPassword);
    rita_ = SignIn(*server_, "rita@example.org", kPassword);
    sam_ = SignIn(*server_, "sam@example.org", kPassword);
  }

  HttpResult Get(const std::string& target, const SignedIn& who) {
    return server_->Get(target, {{"Cookie", who.cookie}});
  }

  HttpResult Post(const std::string& path, const SignedIn& who, const Fields& fields) {
    std::string body = "csrf=" + who.csrf;
    for (const auto& [name, value] : fields) body += "&" + name + "=" + http::PercentEncode(value);
    return server_->Request("POST", path,
                            {{"Cookie", who.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}}, body);
  }

  // An English answer written by Edith and approved by Rita; returns its workspace path.
  std::string PublishedEnglishAnswer() {
    HttpResult created = Post("/editorial/conditions/558/answers/new", edith_,
                              {{"question", "What causes Marfan syndrome?"}, {"slug", ""},
                               {"short_answer", "A change in the FBN1 gene."}, {"body_markdown", "## Why\n\nGenes.\n"},
                               {"action", "save"}});
    EXPECT_EQ(created.status, 303u) << created.body.substr(0, 2000);
    const std::string path = created.Header("location").substr(0, created.Header("location").find('?'));
    const std::string page = Get(path, edith_).body;
    EXPECT_EQ(Post(path, edith_,
                   {{"version", Hidden(page, "version")}, {"base", Hidden(page, "base")},
                    {"question", "What causes Marfan syndrome?"}, {"short_answer", "A change in the FBN1 gene."},
                    {"body_markdown", "## Why\n\nGenes.\n"}, {"action", "submit"}})
                  .status,
              303u);
    EXPECT_EQ(Post(path, rita_, {{"version", LatestVersionId(path)}, {"action", "approve"}}).status, 303u);
    return path;
  }

  long long AnswerId(const std::string& path) { return std::stoll(path.substr(path.rfind('/') + 1)); }

  std::string LatestVersionId(const std::string& path) {
    AnswerStore store(database_.db());
    auto versions = store.Versions(AnswerId(path));
    return versions.ok() && !versions->empty() ? std::to_string(versions->back().id) : "";
  }

  std::string LatestTranslationVersionId(const std::string& path, const std::string& lang) {
    AnswerStore store(database_.db());
    auto translation = store.FindTranslation(AnswerId(path), lang);
    if (!translation.ok()) return "";
    auto versions = store.TranslationVersions(translation->id);
    return versions.ok() && !versions->empty() ? std::to_string(versions->back().id) : "";
  }

  long long Count(const std::string& query) { return QueryNumber(database_.db(), query); }

  TestDatabase database_{GetParam()};
  std::unique_ptr<TestServer> server_;
  SignedIn edith_;
  SignedIn rita_;
  SignedIn sam_;
};

TEST_P(AnswerTranslationPagesTest, ATranslationGoesThroughItsOwnReview) {
  const std::string path = PublishedEnglishAnswer();
  HttpResult workspace = Get(path, edith_);
  ASSERT_EQ(workspace.status, 200u);
  EXPECT_TRUE(Has(workspace.body, "This answer has no translation yet."));
  EXPECT_TRUE(Has(workspace.body, "action=\"" + path + "/translations/new\""));

  HttpResult form = Get(path + "/translations/new?lang=es", edith_);
  ASSERT_EQ(form.status, 200u) << form.body.substr(0, 2000);
  EXPECT_TRUE(Has(form.body, "A change in the FBN1 gene."));  // the English text beside the form
  const std::string source = Hidden(form.body, "source");
  ASSERT_FALSE(source.empty());

  HttpResult created = Post(path + "/translations/new", edith_,
                            {{"lang", "es"}, {"source", source}, {"question", "¿Qué causa el síndrome de Marfan?"},
                             {"short_answer", "Un cambio en el gen FBN1."}, {"body_markdown", "## Por qué\n\nGenes.\n"},
                             {"action", "save"}});
  ASSERT_EQ(created.status, 303u) << created.body.substr(0, 3000);
  const std::string translation = path + "/translations/es";
  EXPECT_EQ(created.Header("location"), translation + "?done=created_translation");
  HttpResult listed = Get(path, edith_);
  EXPECT_TRUE(Has(listed.body, "href=\"" + translation + "\" lang=\"es\">Español</a>"));

  // Submitted by the editor; the editor cannot approve it.
  const std::string page = Get(translation, edith_).body;
  ASSERT_TRUE(Has(page, "the English answer")) << page.substr(0, 3000);
  HttpResult submitted = Post(translation, edith_,
                              {{"version", Hidden(page, "version")}, {"base", Hidden(page, "base")},
                               {"source", Hidden(page, "source")}, {"question", "¿Qué causa el síndrome de Marfan?"},
                               {"short_answer", "Un cambio en el gen FBN1."},
                               {"body_markdown", "## Por qué\n\nGenes.\n"}, {"action", "submit"}});
  ASSERT_EQ(submitted.status, 303u) << submitted.body.substr(0, 3000);
  EXPECT_EQ(Post(translation, edith_, {{"version", LatestTranslationVersionId(path, "es")}, {"action", "approve"}})
                .status,
            403u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answer_translation_versions WHERE status = 'approved'"), 0);

  // A reviewer returns it (a comment is required), the editor sends it again, another
  // approves it.
  EXPECT_EQ(Post(translation, rita_, {{"version", LatestTranslationVersionId(path, "es")}, {"action", "return"}})
                .status,
            422u);
  ASSERT_EQ(Post(translation, rita_,
                 {{"version", LatestTranslationVersionId(path, "es")}, {"action", "return"},
                  {"comment", "Di que suele heredarse."}})
                .status,
            303u);
  const std::string returned = Get(translation, edith_).body;
  EXPECT_TRUE(Has(returned, "Di que suele heredarse."));
  ASSERT_EQ(Post(translation, edith_,
                 {{"version", Hidden(returned, "version")}, {"base", Hidden(returned, "base")},
                  {"source", Hidden(returned, "source")}, {"question", "¿Qué causa el síndrome de Marfan?"},
                  {"short_answer", "Un cambio en el gen FBN1, casi siempre heredado."},
                  {"body_markdown", "## Por qué\n\nGenes.\n"}, {"action", "submit"}})
                .status,
            303u);
  HttpResult approved =
      Post(translation, sam_, {{"version", LatestTranslationVersionId(path, "es")}, {"action", "approve"}});
  ASSERT_EQ(approved.status, 303u) << approved.body.substr(0, 3000);
  EXPECT_EQ(approved.Header("location"), translation + "?done=approved");

  AnswerStore store(database_.db());
  auto published = store.FindTranslation(AnswerId(path), "es");
  ASSERT_TRUE(published.ok());
  ASSERT_TRUE(published->published_version_id.has_value());
  auto version = store.FindTranslationVersion(*published->published_version_id);
  EXPECT_EQ(version->reviewer_name, "Dr Sam Second");
  EXPECT_EQ(version->number, 2);
  // The English answer still names its own reviewer.
  EXPECT_TRUE(Has(server_->Get("/conditions/marfan-syndrome-558").body,
                  "Medically reviewed by Dr Rita Reviewer, MD, neurologist"));
}

TEST_P(AnswerTranslationPagesTest, AReviewerNeverApprovesATranslationTheyWrote) {
  const std::string path = PublishedEnglishAnswer();
  const std::string source = Hidden(Get(path + "/translations/new?lang=fr", rita_).body, "source");
  ASSERT_EQ(Post(path + "/translations/new", rita_,
                 {{"lang", "fr"}, {"source", source}, {"question", "Quelle est la cause ?"},
                  {"short_answer", "Un gène."}, {"body_markdown", ""}, {"action", "save"}})
                .status,
            303u);
  const std::string translation = path + "/translations/fr";
  const std::string page = Get(translation, rita_).body;
  ASSERT_EQ(Post(translation, rita_,
                 {{"version", Hidden(page, "version")}, {"base", Hidden(page, "base")},
                  {"source", Hidden(page, "source")}, {"question", "Quelle est la cause ?"},
                  {"short_answer", "Un gène."}, {"body_markdown", ""}, {"action", "submit"}})
                .status,
            303u);
  HttpResult refused =
      Post(translation, rita_, {{"version", LatestTranslationVersionId(path, "fr")}, {"action", "approve"}});
  EXPECT_EQ(refused.status, 403u);
  EXPECT_TRUE(Has(refused.body, "another medical reviewer must approve or return it"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answer_translation_versions WHERE status = 'approved'"), 0);
  EXPECT_EQ(Post(translation, sam_, {{"version", LatestTranslationVersionId(path, "fr")}, {"action", "approve"}})
                .status,
            303u);
}

TEST_P(AnswerTranslationPagesTest, BadInputGetsAClearMessageAndChangesNothing) {
  const std::string path = PublishedEnglishAnswer();
  const std::string source = Hidden(Get(path + "/translations/new", edith_).body, "source");

  HttpResult unknown = Post(path + "/translations/new", edith_,
                            {{"lang", "xx"}, {"source", source}, {"question", "Q?"}, {"short_answer", "S."},
                             {"action", "save"}});
  EXPECT_EQ(unknown.status, 422u);
  EXPECT_TRUE(Has(unknown.body, "&quot;xx&quot; is not a language answers can be translated into"))
      << unknown.body.substr(0, 3000);
  HttpResult english = Post(path + "/translations/new", edith_,
                            {{"lang", "en"}, {"source", source}, {"question", "Q?"}, {"short_answer", "S."},
                             {"action", "save"}});
  EXPECT_EQ(english.status, 422u);
  HttpResult empty = Post(path + "/translations/new", edith_,
                          {{"lang", "es"}, {"source", source}, {"question", "¿Qué la causa?"},
                           {"short_answer", "   "}, {"action", "save"}});
  EXPECT_EQ(empty.status, 422u);
  EXPECT_TRUE(Has(empty.body, "value=\"¿Qué la causa?\""));  // the typed text is kept
  EXPECT_EQ(Get(path + "/translations/new?lang=xx", edith_).status, 404u);
  EXPECT_EQ(Get(path + "/translations/xx", edith_).status, 404u);
  EXPECT_EQ(Get(path + "/translations/de", edith_).status, 404u);  // not a language of the site (yet)
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answer_translations"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answer_translation_versions"), 0);

  // Members without the editor role are refused; visitors are sent to sign in.
  const SignedIn max = SignIn(*server_, "max@example.org", kPassword);
  EXPECT_EQ(Post(path + "/translations/new", max,
                 {{"lang", "es"}, {"source", source}, {"question", "Q?"}, {"short_answer", "S."}, {"action", "save"}})
                .status,
            403u);
  EXPECT_EQ(server_->Get(path + "/translations/es").status, 303u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM answer_translations"), 0);
}

// The condition page in Spanish: the approved translation, or the English answer with
// the note.
TEST_P(AnswerTranslationPagesTest, TheSpanishPageShowsTheApprovedTranslationOrEnglishWithANote) {
  const std::string path = PublishedEnglishAnswer();
  HttpResult page = server_->Get("/es/conditions/marfan-syndrome-558");
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Has(page.body, "lang=\"en\">What causes Marfan syndrome?</h3>"));
  EXPECT_TRUE(Has(page.body, "Esta respuesta aún no está traducida; se muestra en inglés."));

  const std::string source = Hidden(Get(path + "/translations/new?lang=es", edith_).body, "source");
  ASSERT_EQ(Post(path + "/translations/new", edith_,
                 {{"lang", "es"}, {"source", source}, {"question", "¿Qué causa el síndrome de Marfan?"},
                  {"short_answer", "Un cambio en el gen FBN1."}, {"action", "save"}})
                .status,
            303u);
  const std::string translation = path + "/translations/es";
  const std::string draft = Get(translation, edith_).body;
  ASSERT_EQ(Post(translation, edith_,
                 {{"version", Hidden(draft, "version")}, {"base", Hidden(draft, "base")},
                  {"source", Hidden(draft, "source")}, {"question", "¿Qué causa el síndrome de Marfan?"},
                  {"short_answer", "Un cambio en el gen FBN1."}, {"body_markdown", ""}, {"action", "submit"}})
                .status,
            303u);
  page = server_->Get("/es/conditions/marfan-syndrome-558");
  EXPECT_TRUE(Has(page.body, "¿Qué causa el síndrome de Marfan?"));
  EXPECT_FALSE(Has(page.body, "Revisado médicamente por"));
  ASSERT_EQ(Post(translation, rita_, {{"version", LatestTranslationVersionId(path, "es")}, {"action", "approve"}})
                .status,
            303u);
  page = server_->Get("/es/conditions/marfan-syndrome-558");
  EXPECT_TRUE(Has(page.body, "¿Qué causa el síndrome de Marfan?"));
  EXPECT_TRUE(Has(page.body, "Dr Rita Reviewer"));
  EXPECT_FALSE(Has(page.body, "se muestra en inglés"));
}

INSTANTIATE_TEST_SUITE_P(Backends, AnswerTranslationPagesTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
