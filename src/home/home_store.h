// HomeStore: the home page's SQL, in one place. Four cheap queries, since the page is
// built for every anonymous visitor whose cached copy has expired: the site's numbers,
// the largest communities, the most recently reviewed answers (Specialties come from
// catalog::LocalizedNamesStore). Every method blocks (run it on the worker pool) and
// returns database failures as a Status. Counts only active accounts and active
// conditions; nothing here names a member.
#pragma once

#include <string>
#include <vector>

#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::home {

struct SiteNumbers {
  long long conditions = 0;   // active conditions in the catalogue
  long long members = 0;      // active accounts that belong to at least one community
  long long countries = 0;    // countries those members chose to show (not hidden profiles)
  long long experiences = 0;  // experiences shared and not withdrawn
};

struct Community {
  int orphacode = 0;
  std::string slug;
  std::string name;  // Orphanet's English name; the page names it in its own language
  long long members = 0;
};

struct ReviewedAnswer {
  std::string question;  // the published version's question, in English
  std::string answer_slug;
  int orphacode = 0;
  std::string condition_slug;
  std::string condition_name;  // English, as above
  std::string reviewer_name;
  std::string reviewer_credentials;  // "" when none was given
  long long reviewed_at = 0;         // Unix seconds: when the published version was approved
};

class HomeStore {
 public:
  explicit HomeStore(Database& db) : db_(db) {}

  Result<SiteNumbers> Numbers();

  // Active conditions with the most members (active accounts), most first, then by
  // name; at most `limit`. Conditions without members are left out.
  Result<std::vector<Community>> LargestCommunities(int limit);

  // Answers with a published (approved) version, most recently reviewed first; at most
  // `limit`. Drafts, submitted and returned versions never appear.
  Result<std::vector<ReviewedAnswer>> RecentlyReviewed(int limit);

 private:
  Database& db_;
};

}  // namespace diseasemaps::home
