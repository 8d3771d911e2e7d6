// A moderator's decision on one item of the one reports queue (/admin/reports), shared
// by reported messages (messages/), flagged forum posts (forums/) and reported stories
// (experiences/): reading the decision from the form, what it does to the reported
// author inside the store's transaction, and the page's answer when the store did not
// commit. Each kind brings its own words and its own effect on the reported content.
//
// What it guarantees: the guard decides (nobody handles a report on what they wrote;
// only an administrator suspends a moderator or an administrator); a warning is an
// e-mail queued in the same transaction as the decision; a suspension is the accounts'
// own, with the moderator's reason; the author is never told who reported them.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <soci/soci.h>

#include "guard/guard.h"
#include "http/request.h"
#include "mail/outbox_store.h"
#include "messages/message_rules.h"
#include "messages/reported_author.h"
#include "platform/status.h"

namespace diseasemaps::messages {

// The decision as the moderator's form sent it, checked.
struct Decision {
  ReportAction action = ReportAction::kDismiss;
  std::string note;  // the moderator's note, checked (CheckModeratorNote); required to suspend
};

// The form read: a decision, or the status and the words to answer with (400 for no
// action, 422 for a note that is too long or missing when suspending). `typed_note` is
// what was typed, to show it again next to the error.
struct DecisionForm {
  std::optional<Decision> decision;
  unsigned status = 0;
  std::string error;
  std::string typed_note;
};
// `choose_words`: the kind's "choose to dismiss the report, …" (translated).
DecisionForm ReadDecision(const http::Request& request, const std::string& choose_words);

// What a decision does to the author of one kind of content.
struct AuthorEffects {
  std::string own_content_refusal;  // translated: "Nobody handles a report on their own …"
  // The warning e-mail to `author` (called only to warn, and only with an address).
  std::function<mail::Mail(const ReportedAuthor& author)> warning;
  std::string suspension_reason;  // kept with the account: "Reported message: <note>"
};

// Inside the store's transaction: refuses with FailedPrecondition (the guard's words)
// when `moderator` may not handle this author's content or suspend them; queues the
// warning; suspends. Sets `suspended` to the author once their suspension is written
// (an already suspended author is not an error).
Status ApplyToAuthor(soci::session& sql, const guard::Viewer& moderator, const Decision& decision,
                     const ReportedAuthor& author, const AuthorEffects& effects, long long now,
                     std::optional<long long>& suspended);

// The page's answer when the store's transaction did not commit: 404 with `not_found`,
// 409 with `handled_already`, 403 with the guard's words, 503 otherwise.
http::Response DecisionRefused(const http::Request& request, const Status& status, const std::string& not_found,
                               const std::string& handled_already, const std::string& unavailable);

}  // namespace diseasemaps::messages
