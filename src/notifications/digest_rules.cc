// The rules of digests (see digest_rules.h).
#include "notifications/digest_rules.h"

namespace diseasemaps::notifications {

std::optional<DigestFrequency> ParseDigestFrequency(const std::string& name) {
  if (name == "daily") return DigestFrequency::kDaily;
  if (name == "weekly") return DigestFrequency::kWeekly;
  if (name == "never") return DigestFrequency::kNever;
  return std::nullopt;
}

std::string DigestFrequencyName(DigestFrequency frequency) {
  switch (frequency) {
    case DigestFrequency::kDaily: return "daily";
    case DigestFrequency::kWeekly: return "weekly";
    case DigestFrequency::kNever: return "never";
  }
  return "weekly";
}

long long DigestIntervalSeconds(DigestFrequency frequency) {
  constexpr long long kDay = 24 * 60 * 60;
  switch (frequency) {
    case DigestFrequency::kDaily: return kDay;
    case DigestFrequency::kWeekly: return 7 * kDay;
    case DigestFrequency::kNever: return 0;
  }
  return 0;
}

bool DigestDue(const DigestState& state, long long now) {
  const long long interval = DigestIntervalSeconds(state.frequency);
  return interval > 0 && now - state.from >= interval;
}

DigestStep NextDigestStep(const DigestState& state, long long now) {
  if (state.visited_at && *state.visited_at > state.from && *state.visited_at <= now) {
    return {*state.visited_at, false};
  }
  return {now, true};
}

}  // namespace diseasemaps::notifications
