// ExperienceStore: all of the experiences feature's SQL: experiences owned by a member
// for a condition, saved one questionnaire step at a time, the consents recorded for
// each, and the kept aggregates the public charts and the condition page's line read.
//
// Every method blocks (worker pool) and returns database failures as a Status. Each
// write is one transaction that also updates the condition's aggregates by exactly
// what the change made them differ (experience_aggregates.h) and moves the content
// generation, so a page view never scans the experiences and cached anonymous pages
// show the change. An experience that is not the member's answers NotFound, exactly like
// a missing one.
//
// The store trusts the answers to be checked (a CheckedStep comes only from
// experience_rules.h) and the caller to have asked the guard.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "experiences/experience.h"
#include "experiences/experience_aggregates.h"
#include "experiences/experience_rules.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::experiences {

struct ConsentRecord {
  ConsentKind kind = ConsentKind::kCharts;
  bool given = false;
  int questionnaire_version = 0;
  long long at = 0;
};

// A story a member chose to show (consent (b)), as the public experiences page lists it.
struct SharedStory {
  long long experience_id = 0;  // what a report of it names
  std::string text;        // the member's words, shown as text, never as markup
  std::string visibility;  // "everyone" or "members"
  long long submitted_at = 0;
};

// An HPO term as a member picks it: its id and the words shown for it.
struct NamedSign {
  std::string hpo_id;
  std::string name;
};

class ExperienceStore {
 public:
  explicit ExperienceStore(Database& db) : db_(db) {}

  // Starts a draft for the member about the condition with that ORPHAcode, written
  // against questionnaire `version`; returns its id. NotFound when no active condition
  // has that code. REQUIRES: the label passed CheckLabel and the version exists.
  Result<long long> Create(long long user_id, int orphacode, Subject subject, const std::string& label,
                           int version);

  // Replaces the answers of one step (a draft's or a submitted experience's). Conflict
  // when the experience is written against another questionnaire version than the step.
  Status SaveStep(long long user_id, long long experience_id, const CheckedStep& step);

  // The review step: marks the experience submitted and records each consent as the
  // member chose it (nothing is assumed given). Conflict when already submitted.
  Status Submit(long long user_id, long long experience_id, const Consents& consents);

  // Gives or withdraws one consent of a submitted experience, with a record.
  // FailedPrecondition on a draft (consents are asked on the review step). Giving what
  // is already given, or withdrawing what is not, changes nothing and records nothing.
  Status SetConsent(long long user_id, long long experience_id, ConsentKind kind, bool given);

  // Withdraws every consent in force, in one call, each with a record.
  Status Withdraw(long long user_id, long long experience_id);

  // Deletes the experience, its answers and its consent records.
  Status Delete(long long user_id, long long experience_id);

  Result<Experience> Find(long long user_id, long long experience_id);
  // The member's experiences, oldest first.
  Result<std::vector<Experience>> Mine(long long user_id);
  // The consent records of the member's experience, oldest first.
  Result<std::vector<ConsentRecord>> ConsentHistory(long long user_id, long long experience_id);

  // The HPO ids of the condition's phenotypes: what "signs" answers may name. NotFound
  // when no active condition has that code.
  Result<std::set<std::string>> PhenotypesOf(int orphacode);

  // Signs beyond a condition's own (experience_store_signs.cc), over every HPO term the
  // catalogue knows (its conditions' phenotypes) with HPO's lay labels:
  // up to `limit` whose lay label or term contains `typed`, those that begin with it
  // first; each named by its lay label, else its term.
  Result<std::vector<NamedSign>> SuggestSigns(const std::string& typed, int limit);
  // The sign a member typed: an HPO id the catalogue knows, or a lay label or term
  // equal to `typed` ignoring case. nullopt when none matches.
  Result<std::optional<NamedSign>> ResolveSign(const std::string& typed);
  // The names of those HPO ids the catalogue knows (lay label, else term).
  Result<std::map<std::string, std::string>> SignNames(const std::vector<std::string>& hpo_ids);
  // Treatment names members of the condition's community entered, as the charts count
  // them (folded), each entered by at least `min_people` counted experiences, so a
  // suggestion never reveals what one person tried. Most entered first, at most `limit`.
  Result<std::vector<std::string>> TreatmentSuggestions(int orphacode, int min_people, int limit);

  // Demo data (experience_store_demo.cc; demo_experiences.h makes the answers).
  // Synthetic members (map/demo_data.h) who joined a community as affected or family,
  // with that condition's ORPHAcode; only that condition's when orphacode is set.
  Result<std::vector<std::pair<long long, int>>> SyntheticSharers(std::optional<int> orphacode);
  // The condition's phenotypes with Orphanet's frequency ("Very frequent (99-80%)").
  Result<std::vector<std::pair<std::string, std::string>>> PhenotypeFrequencies(int orphacode);
  // Inserts submitted experiences of synthetic members in one transaction, each with its
  // consent records, and adds them to their conditions' aggregates. REQUIRES: each
  // experience's answers passed the rules and its user is a synthetic member.
  Status InsertSynthetic(const std::vector<Experience>& batch);
  // Deletes every experience of a synthetic member and recounts the aggregates of the
  // conditions they were about, in one transaction; returns how many were deleted.
  Result<long long> RemoveSynthetic();

  // The kept aggregates of the condition with that ORPHAcode (empty when nobody counts).
  // NotFound when no active condition has that code.
  Result<Tally> Aggregates(int orphacode);
  // The same numbers computed from every experience of that condition: what the kept
  // ones must always equal. For tests and repair; it reads every experience.
  Result<Tally> Recount(int orphacode);

  // The stories shown on the condition's experiences page: submitted experiences of
  // active (not suspended) accounts with
  // consent (b) in force, a non-empty story and a visibility of "everyone" or "members",
  // not hidden by a moderator (story_report_store.h), newest first, at most `limit`. The page asks the guard who may read each.
  Result<std::vector<SharedStory>> SharedStories(int orphacode, int limit);

  // For "download my data": every experience of the member with its answers and consent
  // records.
  Result<nlohmann::json> Export(long long user_id);
  // For "delete my account": removes the member's experiences and their consent records
  // and takes them out of the aggregates, in the caller's transaction.
  // REQUIRES: called inside a transaction on `sql`.
  static void DeleteMemberData(soci::session& sql, long long user_id);

 private:
  Database& db_;
};

}  // namespace diseasemaps::experiences
