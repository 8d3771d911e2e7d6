// The rules of digests as pure functions (no database, no clock), unit-tested in
// tests/unit/digest_rules_test.cc: the frequencies a member chooses from, when a digest
// is due, and what one pass of the digest job does for a member.
//
// What they guarantee: a member who chose "never" is never due; a digest covers the
// topics created from `from` (inclusive) to the pass's `now` (exclusive), so consecutive
// digests neither repeat nor skip a topic; a member who opened a page of the site since
// `from` gets no e-mail, and their next digest starts at that visit. Thread-safe: no state.
#pragma once

#include <optional>
#include <string>

namespace diseasemaps::notifications {

enum class DigestFrequency { kDaily, kWeekly, kNever };
// The default for a member who never chose.
inline constexpr DigestFrequency kDefaultDigest = DigestFrequency::kWeekly;
std::optional<DigestFrequency> ParseDigestFrequency(const std::string& name);
std::string DigestFrequencyName(DigestFrequency frequency);
// Seconds between two digests; 0 for never.
long long DigestIntervalSeconds(DigestFrequency frequency);

// A member as the digest job sees them.
struct DigestState {
  DigestFrequency frequency = kDefaultDigest;
  long long from = 0;                    // digest_from, or the account's creation
  std::optional<long long> visited_at;   // their last page, if any was recorded
};

// True when a digest is due at `now`: not "never", and a whole interval since `from`.
bool DigestDue(const DigestState& state, long long now);

// What a due pass does: the new `from`, and whether to look for topics to send.
struct DigestStep {
  long long next_from = 0;
  bool send = false;  // false: the member visited since `from`; no e-mail
};
// REQUIRES: DigestDue(state, now).
DigestStep NextDigestStep(const DigestState& state, long long now);

}  // namespace diseasemaps::notifications
