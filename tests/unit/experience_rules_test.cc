// The checks on experience answers (experiences/experience_rules.h): each kind of
// mistake gets a message on its own field and no checked step; good answers come back
// normalised.
#include "experiences/experience_rules.h"

#include <gtest/gtest.h>


namespace diseasemaps::experiences {
namespace {

using nlohmann::json;

const std::set<std::string> kSigns = {"HP:0000317", "HP:0001251"};

StepCheck Check(const char* step, const json& input, int version = 1) {
  return CheckStep(version, step, input, kSigns);
}

TEST(ExperienceRules, GoodAnswersPassNormalised) {
  StepCheck check = Check("diagnosis", {{"diagnosis_age", "1_5"},
                                        {"years_to_diagnosis", " 3 "},
                                        {"doctors_seen", "4_7"},
                                        {"wrong_diagnoses", "yes"},
                                        {"specialty", "  Neurology  "},
                                        {"genetic_test", ""}});
  ASSERT_TRUE(check.ok()) << check.errors.begin()->first << ": " << check.errors.begin()->second;
  ASSERT_TRUE(check.step.has_value());
  EXPECT_EQ(check.step->step_id(), "diagnosis");
  EXPECT_EQ(check.step->questionnaire_version(), 1);
  const json& a = check.step->answers();
  EXPECT_EQ(a["years_to_diagnosis"], 3);
  EXPECT_EQ(a["specialty"], "Neurology");
  EXPECT_FALSE(a.contains("genetic_test")) << "unanswered questions are left out";
}

TEST(ExperienceRules, SignsTreatmentsAndTheStoryPass) {
  StepCheck signs = Check("signs", {{"phenotypes", {{"HP:0000317", "has"}, {"HP:0001251", "not_sure"}}},
                                    {"other_signs", json::array({"HP:0002315"})}});
  ASSERT_TRUE(signs.ok());
  EXPECT_EQ(signs.step->answers()["phenotypes"]["HP:0001251"], "not_sure");
  StepCheck treatments = Check("treatments", {{"treatments", json::array({{{"name", "  IVIG  therapy"},
                                                                           {"use", "stopped"},
                                                                           {"effect", "a_lot"}}})}});
  ASSERT_TRUE(treatments.ok());
  EXPECT_EQ(treatments.step->answers()["treatments"][0]["name"], "IVIG therapy");
  StepCheck story = Check("story", {{"story", "<script>alert(1)</script> It began at two."},
                                    {"story_visibility", "members"}});
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story.step->answers()["story"], "<script>alert(1)</script> It began at two.")
      << "markup is kept as typed; pages escape it";
}

TEST(ExperienceRules, EachMistakeIsNamedOnItsFieldAndNothingIsChecked) {
  struct Case {
    const char* step;
    json input;
    const char* field;
  };
  const std::string long_story(5001, 'a');
  const Case cases[] = {
      {"first_signs", {{"onset_age", "70_plus"}}, "onset_age"},
      {"first_signs", {{"first_signs", {"HP:0009999"}}}, "first_signs"},
      {"first_signs", {{"first_signs", "HP:0000317"}}, "first_signs"},
      {"diagnosis", {{"years_to_diagnosis", 101}}, "years_to_diagnosis"},
      {"diagnosis", {{"years_to_diagnosis", -1}}, "years_to_diagnosis"},
      {"diagnosis", {{"years_to_diagnosis", "three"}}, "years_to_diagnosis"},
      {"diagnosis", {{"years_to_diagnosis", 2.5}}, "years_to_diagnosis"},
      {"diagnosis", {{"wrong_diagnoses", true}}, "wrong_diagnoses"},
      {"diagnosis", {{"specialty", std::string(101, 'x')}}, "specialty"},
      {"diagnosis", {{"specialty", "bad \x01 byte"}}, "specialty"},
      {"diagnosis", {{"colour", "red"}}, "colour"},
      {"signs", {{"phenotypes", {{"HP:0000001", "has"}}}}, "phenotypes.HP:0000001"},
      {"signs", {{"phenotypes", {{"HP:0000317", "maybe"}}}}, "phenotypes.HP:0000317"},
      {"signs", {{"other_signs", {"HP:1", "x"}}}, "other_signs"},
      {"signs", {{"other_signs", json::array({"HP:0000001", "HP:0000002", "HP:0000003", "HP:0000004",
                                               "HP:0000005", "HP:0000006", "HP:0000007", "HP:0000008",
                                               "HP:0000009", "HP:0000010", "HP:0000011"})}},
       "other_signs"},
      {"treatments", {{"treatments", json::array({{{"name", ""}}})}}, "treatments[0].name"},
      {"treatments", {{"treatments", json::array({{{"name", "x"}, {"effect", "magic"}}})}}, "treatments[0].effect"},
      {"treatments", {{"treatments", json::array({{{"name", "x"}, {"use", "always"}}})}}, "treatments[0].use"},
      {"now", {{"daily_life_effect", 11}}, "daily_life_effect"},
      {"now", {{"compared_with_worst", "fine"}}, "compared_with_worst"},
      {"story", {{"story", long_story}}, "story"},
      {"story", {{"story_visibility", "friends"}}, "story_visibility"},
      {"nonsense", json::object(), "step"},
  };
  for (const Case& c : cases) {
    StepCheck check = Check(c.step, c.input);
    EXPECT_FALSE(check.ok()) << c.input.dump();
    EXPECT_FALSE(check.step.has_value()) << c.input.dump();
    EXPECT_EQ(check.errors.count(c.field), 1u) << c.input.dump() << " -> "
                                               << (check.errors.empty() ? "" : check.errors.begin()->first);
    if (check.errors.count(c.field)) {
      EXPECT_FALSE(check.errors[c.field].empty());
    }
  }
}

TEST(ExperienceRules, OverLongTextSaysTheLimitAndTheCount) {
  StepCheck check = Check("diagnosis", {{"specialty", std::string(120, 'x')}});
  ASSERT_EQ(check.errors.count("specialty"), 1u);
  EXPECT_EQ(check.errors["specialty"], "Please keep this to 100 characters (it has 120).");
}

TEST(ExperienceRules, AnUnknownQuestionnaireVersionIsRefused) {
  StepCheck check = Check("now", {{"daily_life_effect", 3}}, 999);
  EXPECT_FALSE(check.ok());
  EXPECT_EQ(check.errors.count("questionnaire_version"), 1u);
}

TEST(ExperienceRules, Labels) {
  EXPECT_FALSE(CheckLabel(Subject::kSelf, "").has_value());
  EXPECT_TRUE(CheckLabel(Subject::kSelf, "me").has_value());
  EXPECT_FALSE(CheckLabel(Subject::kCaredFor, "my son").has_value());
  EXPECT_TRUE(CheckLabel(Subject::kCaredFor, "  ").has_value());
  EXPECT_TRUE(CheckLabel(Subject::kCaredFor, std::string(61, 'a')).has_value());
  EXPECT_FALSE(CheckLabel(Subject::kCaredFor, std::string(60, 'a')).has_value());
}

}  // namespace
}  // namespace diseasemaps::experiences
