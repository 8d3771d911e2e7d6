// The experiences questionnaire (experiences/questionnaire.h): the shipped file parses
// and holds the steps; malformed files are refused with a message naming where.
#include "experiences/questionnaire.h"

#include <gtest/gtest.h>

#include <string>

namespace diseasemaps::experiences {
namespace {

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(Questionnaire, TheShippedFileParsesWithEveryStep) {
  const Questionnaire* q = FindQuestionnaire(1);
  ASSERT_NE(q, nullptr) << "content/experiences/questionnaire-v1.json did not parse";
  EXPECT_EQ(q->version, 1);
  EXPECT_GE(CurrentQuestionnaireVersion(), 1);
  for (const char* step : {"first_signs", "diagnosis", "signs", "treatments", "now", "story"}) {
    EXPECT_NE(q->Find(step), nullptr) << step;
  }
  const Question* onset = q->Find("first_signs")->Find("onset_age");
  ASSERT_NE(onset, nullptr);
  EXPECT_EQ(onset->options.size(), 9u);
  EXPECT_TRUE(onset->HasOption("before_birth"));
  EXPECT_TRUE(onset->HasOption("65_plus"));
  const Question* doctors = q->Find("diagnosis")->Find("doctors_seen");
  ASSERT_NE(doctors, nullptr);
  EXPECT_EQ(doctors->options, (std::vector<std::string>{"1", "2_3", "4_7", "8_plus"}));
  const Question* phenotypes = q->Find("signs")->Find("phenotypes");
  ASSERT_NE(phenotypes, nullptr);
  EXPECT_EQ(phenotypes->kind, QuestionKind::kPhenotypes);
  EXPECT_EQ(phenotypes->options, (std::vector<std::string>{"has", "does_not", "not_sure"}));
  EXPECT_EQ(q->Find("signs")->Find("other_signs")->max_items, 10);
  const Question* effect = q->Find("now")->Find("daily_life_effect");
  ASSERT_NE(effect, nullptr);
  EXPECT_EQ(effect->min, 0);
  EXPECT_EQ(effect->max, 10);
  const Question* visibility = q->Find("story")->Find("story_visibility");
  ASSERT_NE(visibility, nullptr);
  EXPECT_EQ(visibility->options, (std::vector<std::string>{"everyone", "members", "nobody"}));
  EXPECT_EQ(FindQuestionnaire(999), nullptr);
}

struct Malformed {
  const char* text;
  const char* where;  // what the message must name
};

TEST(Questionnaire, MalformedFilesAreRefusedWithAMessageNamingWhere) {
  const Malformed cases[] = {
      {"{\"version\": 1, \"steps\": [", "(file): not JSON"},
      {"[]", "(file): must be a JSON object"},
      {"{\"steps\": []}", "(file).version: missing"},
      {"{\"version\": 0, \"steps\": [{}]}", "(file).version: 0 is outside"},
      {"{\"version\": 1, \"steps\": []}", "steps: must be a non-empty list"},
      {"{\"version\": 1, \"steps\": [{\"id\": \"a\", \"questions\": []}]}", "steps[0].questions: must be"},
      {"{\"version\": 1, \"steps\": [{\"id\": \"A b\", \"questions\": []}]}", "steps[0].id: \"A b\" is not a code"},
      {"{\"version\": 1, \"steps\": [{\"id\": \"a\", \"questions\": [{\"id\": \"q\", \"kind\": \"colour\"}]}]}",
       "steps[0].questions[0].kind: unknown kind \"colour\""},
      {"{\"version\": 1, \"steps\": [{\"id\": \"a\", \"questions\": [{\"id\": \"q\", \"kind\": \"choice\","
       " \"options\": [\"x\", \"x\"]}]}]}",
       "steps[0].questions[0].options[1]: \"x\" appears twice"},
      {"{\"version\": 1, \"steps\": [{\"id\": \"a\", \"questions\": [{\"id\": \"q\", \"kind\": \"choice\"}]}]}",
       "steps[0].questions[0].options: missing"},
      {"{\"version\": 1, \"steps\": [{\"id\": \"a\", \"questions\": [{\"id\": \"q\", \"kind\": \"number\","
       " \"min\": 5, \"max\": 1}]}]}",
       "steps[0].questions[0]: min is greater than max"},
      {"{\"version\": 1, \"steps\": [{\"id\": \"a\", \"questions\": [{\"id\": \"q\", \"kind\": \"text\","
       " \"max_chars\": 0}]}]}",
       "steps[0].questions[0].max_chars: 0 is outside"},
      {"{\"version\": 1, \"steps\": [{\"id\": \"a\", \"questions\": [{\"id\": \"q\", \"kind\": \"treatments\","
       " \"max_items\": 3, \"max_chars\": 10, \"use_options\": [\"u\"]}]}]}",
       "steps[0].questions[0].effect_options: missing"},
      {"{\"version\": 1, \"steps\": [{\"id\": \"a\", \"questions\": [{\"id\": \"q\", \"kind\": \"text\","
       " \"max_chars\": 9}]}, {\"id\": \"b\", \"questions\": [{\"id\": \"q\", \"kind\": \"text\", \"max_chars\": 9}]}]}",
       "steps[1].questions[0].id: \"q\" appears twice"},
      {"{\"version\": 1, \"steps\": [{\"id\": \"a\", \"questions\": [{\"id\": \"q\", \"kind\": \"text\","
       " \"max_chars\": 9}]}, {\"id\": \"a\", \"questions\": [{\"id\": \"r\", \"kind\": \"text\", \"max_chars\": 9}]}]}",
       "steps[1].id: \"a\" appears twice"},
  };
  for (const Malformed& c : cases) {
    auto parsed = ParseQuestionnaire(c.text, "q.json");
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_EQ(parsed.status().code(), Status::Code::kInvalidArgument);
    EXPECT_TRUE(Has(parsed.status().message(), std::string("q.json: ") + c.where))
        << parsed.status().message() << "\n expected: " << c.where;
  }
}

TEST(Questionnaire, AMinimalFileParses) {
  auto parsed = ParseQuestionnaire(
      "{\"version\": 2, \"steps\": [{\"id\": \"a\", \"questions\": [{\"id\": \"q\", \"kind\": \"number\","
      " \"min\": 0, \"max\": 3}]}]}",
      "q.json");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->version, 2);
  EXPECT_EQ(parsed->steps[0].questions[0].max, 3);
}

}  // namespace
}  // namespace diseasemaps::experiences
