#include "experiences/experience.h"

namespace diseasemaps::experiences {

std::string_view SubjectName(Subject subject) {
  return subject == Subject::kSelf ? "self" : "cared_for";
}

std::optional<Subject> ParseSubject(std::string_view name) {
  if (name == "self") return Subject::kSelf;
  if (name == "cared_for") return Subject::kCaredFor;
  return std::nullopt;
}

std::string_view ConsentKindName(ConsentKind kind) {
  switch (kind) {
    case ConsentKind::kCharts: return "charts";
    case ConsentKind::kStory: return "story";
    case ConsentKind::kResearch: return "research";
  }
  return "charts";
}

std::optional<ConsentKind> ParseConsentKind(std::string_view name) {
  for (ConsentKind kind : kAllConsents) {
    if (ConsentKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

bool Consents::Get(ConsentKind kind) const {
  switch (kind) {
    case ConsentKind::kCharts: return charts;
    case ConsentKind::kStory: return story;
    case ConsentKind::kResearch: return research;
  }
  return false;
}

void Consents::Set(ConsentKind kind, bool given) {
  switch (kind) {
    case ConsentKind::kCharts: charts = given; break;
    case ConsentKind::kStory: story = given; break;
    case ConsentKind::kResearch: research = given; break;
  }
}

}  // namespace diseasemaps::experiences
