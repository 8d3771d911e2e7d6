// ConditionStore: the catalogue's SQL, in one place. Every method blocks (run it on the
// worker pool) and returns database failures as a Status.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "catalog/condition.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::catalog {

struct ConditionListItem {
  int orphacode = 0;
  std::string slug;
  std::string name;
  std::string entry_type;
};

class ConditionStore {
 public:
  explicit ConditionStore(Database& db) : db_(db) {}

  // How many conditions are active (not obsolete).
  Result<long long> CountActive();

  // Active conditions ordered by name, `limit` from `offset`.
  Result<std::vector<ConditionListItem>> ListActive(long long offset, int limit);

  // The A–Z index: how many active conditions begin with each initial of their sort
  // name, as {initial, count}, initials ascending. An initial is a letter "a"–"z", "0"
  // for any digit, or "#" for anything else (punctuation, accented letters).
  Result<std::vector<std::pair<std::string, long long>>> CountActiveByInitial();

  // Active conditions whose sort name begins with `initial` (as above), ordered by sort
  // name. REQUIRES: `initial` is one of the initials CountActiveByInitial() names.
  Result<std::vector<ConditionListItem>> ListActiveByInitial(const std::string& initial);

  // Every condition (active or obsolete) by ORPHAcode, with all its detail. NotFound
  // when there is none.
  Result<Condition> FindByOrphacode(int orphacode);
  // The same, by the canonical slug.
  Result<Condition> FindBySlug(const std::string& slug);
  // The canonical slug of the condition with this ORPHAcode, or of the condition one
  // of whose synonyms has this slug. NotFound when neither exists.
  Result<std::string> CanonicalSlugForOrphacode(int orphacode);
  Result<std::string> CanonicalSlugForSynonym(const std::string& synonym_slug);

  // Canonical slugs and last-update times of all conditions, ordered by ORPHAcode,
  // `limit` from `offset` (for the sitemap).
  Result<std::vector<std::pair<std::string, long long>>> ListSlugs(long long offset, int limit);
  Result<long long> CountAll();

  // The prevalence records of each active child of the entry with that ORPHAcode, by the
  // child's ORPHAcode (a group's subtypes, each with its own rarity). One query.
  Result<std::map<int, std::vector<Prevalence>>> ChildPrevalences(int orphacode);

  // How many people have shared (and not withdrawn) an experience of this condition.
  Result<long long> CountPeopleWhoShared(long long condition_id);

  // The data version of the latest Orphanet import, or "" when none happened.
  Result<std::string> LatestDataVersion();

 private:
  Database& db_;
};

}  // namespace diseasemaps::catalog
