// The author of reported content (a message, a forum post, a story), as a store reads
// them inside a moderator's decision (see report_decision.h). Plain data.
#pragma once

#include <set>
#include <string>

#include "guard/guard.h"

namespace diseasemaps::messages {

struct ReportedAuthor {
  long long author_id = 0;
  std::string author_name;
  std::string author_email;            // only to address the warning
  std::set<guard::Role> author_roles;  // site roles, for guard::CanSuspendReportedAuthor
  std::string author_language;         // the warning is written in it
  // What was reported, as the warning names it, read by the kind's store in the same
  // transaction (a story: its condition's name; a forum post: the post's path).
  std::string subject;
};

}  // namespace diseasemaps::messages
