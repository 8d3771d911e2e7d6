// The experiences feature's model: an experience a member shares about a condition
// (about themselves or someone they care for), its answers per questionnaire step, and
// the consents recorded for it. Plain values, no behaviour.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace diseasemaps::experiences {

// Whom the experience is about. A cared-for person is named only by the member's
// private label ("my son"), which nobody else ever sees.
enum class Subject { kSelf, kCaredFor };
std::string_view SubjectName(Subject subject);  // "self", "cared_for"
std::optional<Subject> ParseSubject(std::string_view name);

// The three consents of the review step, each given or withdrawn on its own:
// (a) count the answers in this condition's public charts; (b) show the story as the
// member chose; (c) offer the answers, de-identified, to approved research.
enum class ConsentKind { kCharts, kStory, kResearch };
std::string_view ConsentKindName(ConsentKind kind);  // "charts", "story", "research"
std::optional<ConsentKind> ParseConsentKind(std::string_view name);
inline constexpr ConsentKind kAllConsents[] = {ConsentKind::kCharts, ConsentKind::kStory,
                                               ConsentKind::kResearch};

struct Consents {
  bool charts = false;
  bool story = false;
  bool research = false;

  bool Get(ConsentKind kind) const;
  void Set(ConsentKind kind, bool given);
};

struct Experience {
  long long id = 0;
  long long user_id = 0;
  int orphacode = 0;
  Subject subject = Subject::kSelf;
  std::string label;                 // the member's private label; "" for themselves
  int questionnaire_version = 0;
  nlohmann::json answers = nlohmann::json::object();  // {step id: {question id: value}}
  std::optional<long long> submitted_at;  // empty while a draft
  Consents consents;
  long long created_at = 0;
  long long updated_at = 0;
  // Set when a moderator hid its story after a report (story_report_store.h), with
  // their note: the story is no longer shown; the answers still count.
  std::optional<long long> story_hidden_at;
  std::string story_hidden_note;

  // True when its answers count in the condition's public charts and page line:
  // submitted, with consent (a) in force.
  bool Counted() const { return submitted_at.has_value() && consents.charts; }
};

}  // namespace diseasemaps::experiences
