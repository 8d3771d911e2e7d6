#include "experiences/questionnaire_words.h"

#include <map>

#include "platform/i18n.h"

namespace diseasemaps::experiences {
namespace {

using i18n::N_;
using i18n::Tr;

using Words = std::map<std::string, const char*>;

std::string Lookup(const Words& words, const std::string& code) {
  auto it = words.find(code);
  return it == words.end() ? code : Tr(it->second);
}

const Words& AgeWords() {
  static const Words words = {
      {"before_birth", N_("Before birth")},     {"first_4_weeks", N_("In the first 4 weeks")},
      {"under_1", N_("Under 1 year")},          {"1_5", N_("1 to 5 years")},
      {"6_11", N_("6 to 11 years")},            {"12_17", N_("12 to 17 years")},
      {"18_39", N_("18 to 39 years")},          {"40_64", N_("40 to 64 years")},
      {"65_plus", N_("65 years or older")}};
  return words;
}

const Words& OtherWords() {
  static const Words words = {
      // doctors_seen
      {"1", N_("1 doctor")}, {"2_3", N_("2 or 3 doctors")}, {"4_7", N_("4 to 7 doctors")},
      {"8_plus", N_("8 doctors or more")},
      // yes / no
      {"yes", N_("Yes")}, {"no", N_("No")}, {"not_sure", N_("Not sure")},
      // compared_with_worst
      {"much_better", N_("Much better")}, {"better", N_("Better")}, {"about_the_same", N_("About the same")},
      {"worse", N_("Worse")}, {"much_worse", N_("Much worse")},
      // treatment effects and use
      {"a_lot", N_("Helped a lot")}, {"somewhat", N_("Helped somewhat")}, {"not_at_all", N_("Did not help")},
      {"made_worse", N_("Made things worse")}, {"still_using", N_("Still using it")}, {"stopped", N_("Stopped")},
      // phenotypes
      {"has", N_("Has or had it")}, {"does_not", N_("Does not")},
      // story_visibility
      {"everyone", N_("Everyone")}, {"members", N_("Signed-in members only")}, {"nobody", N_("Nobody: keep it private")}};
  return words;
}

}  // namespace

std::string StepTitle(const std::string& step_id) {
  static const Words words = {{"first_signs", N_("First signs")},
                              {"diagnosis", N_("The road to a diagnosis")},
                              {"signs", N_("Signs")},
                              {"treatments", N_("Treatments and support")},
                              {"now", N_("Now")},
                              {"story", N_("In your own words")}};
  return Lookup(words, step_id);
}

std::string QuestionLabel(const std::string& question_id) {
  static const Words words = {
      {"onset_age", N_("How old was the person when the first signs began?")},
      {"first_signs", N_("Which signs came first?")},
      {"diagnosis_age", N_("How old was the person when the diagnosis was made?")},
      {"years_to_diagnosis", N_("How many years passed from the first signs to the diagnosis?")},
      {"doctors_seen", N_("How many doctors were seen before the diagnosis?")},
      {"wrong_diagnoses", N_("Was another diagnosis given first, that turned out wrong?")},
      {"specialty", N_("Which kind of doctor made the diagnosis?")},
      {"genetic_test", N_("Was a genetic test done?")},
      {"phenotypes", N_("The signs doctors list for this condition")},
      {"other_signs", N_("Other signs")},
      {"treatments", N_("What was tried")},
      {"compared_with_worst", N_("How are things now, compared with the worst time?")},
      {"daily_life_effect", N_("How much does the condition affect daily life now?")},
      {"story", N_("Your story")},
      {"story_visibility", N_("Who may read your story")}};
  return Lookup(words, question_id);
}

std::string QuestionHint(const std::string& question_id) {
  static const Words words = {
      {"first_signs", N_("Tick up to 10. Leave all unticked if you do not know.")},
      {"years_to_diagnosis", N_("A whole number; 0 if it was the same year.")},
      {"specialty", N_("For example: neurologist, geneticist, paediatrician.")},
      {"phenotypes", N_("For each sign, say whether the person has or had it. Leave any you cannot answer.")},
      {"other_signs", N_("Up to 10 signs not in the list above. Type a sign's name and choose it from the suggestions.")},
      {"treatments", N_("Medicines, therapies, diets, devices or support. Others in this community see how "
                        "each helped, counted together, never who tried it.")},
      {"daily_life_effect", N_("0: not at all; 10: it decides everything.")},
      {"story", N_("Optional. Plain text. Do not write names, places or dates that could tell who you are.")}};
  auto it = words.find(question_id);
  return it == words.end() ? std::string() : Tr(it->second);
}

std::string AnswerWords(const std::string& question_id, const std::string& code) {
  if (question_id == "onset_age" || question_id == "diagnosis_age") return Lookup(AgeWords(), code);
  if (question_id == "daily_life_effect") return Tr("{n} out of 10", {{"n", code}});
  return Lookup(OtherWords(), code);
}

}  // namespace diseasemaps::experiences
