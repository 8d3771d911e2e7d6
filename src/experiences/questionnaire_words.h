// The words a member and a reader see for the questionnaire's codes: each step's
// title, each question's label and hint, and each answer option, in the current
// interface language through the message catalogue.
//
// The questionnaire file (questionnaire.h) names everything by stable codes; this is
// the one place that turns them into words, shared by the questionnaire's pages and the
// public charts, so a question reads the same where it is asked and where it is counted.
// A code with no words here reads as itself (a newer questionnaire shipped before its
// words): visible, never empty.
#pragma once

#include <string>

namespace diseasemaps::experiences {

// "First signs", "The road to a diagnosis", …
std::string StepTitle(const std::string& step_id);
// What the question asks, as a form label.
std::string QuestionLabel(const std::string& question_id);
// One sentence of help under the label, or "" when none is needed.
std::string QuestionHint(const std::string& question_id);
// The words of one answer code of a question: "In the first 4 weeks", "Helped a lot".
std::string AnswerWords(const std::string& question_id, const std::string& code);

}  // namespace diseasemaps::experiences
