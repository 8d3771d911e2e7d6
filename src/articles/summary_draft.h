// Starting an answer from the compiled summary (catalog/compiled_summary.h).
//
// The condition's page opens, while nothing reviewed exists, with a paragraph compiled
// by code from Orphanet's data. An editor may start a new answer from it: this module
// writes that paragraph, in English (answers are written in English first, then
// translated), into a new answer's form ("What is NAME?" with the slug "summary" while it has none, the
// paragraph as the short answer, and as the full answer with a line saying where it
// came from): once a reviewer approves it, it is the page's reviewed summary
// (catalog/condition_first_screen.h). It is only the
// text of a form: saving it makes an ordinary draft, which, like any other, is shown as
// medically reviewed only after a reviewer approves that version.
#pragma once

#include "articles/editorial_forms.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::articles {

// The form's text for the condition with this ORPHAcode. NotFound when there is none;
// Unavailable when the database could not be read.
Result<AnswerForm> SummaryDraft(Database& db, int orphacode);

}  // namespace diseasemaps::articles
