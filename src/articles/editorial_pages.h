// The editorial screens: where editors write answers and medical reviewers approve or
// return them, driving the workflow of answer_rules.h through AnswerStore.
//
//   GET  /editorial                                    my drafts, waiting for review, overdue
//   GET  /editorial/conditions?condition=NAME          303 to the new-answer form of the
//        (or ?orphacode=N, which the type-ahead sets)  condition of that name, synonym or
//                                                      ORPHAcode; several: the choice
//   GET  /editorial/conditions/{orphacode}/answers/new the new-answer form (?from=summary:
//                                                      filled with the compiled summary)
//   POST /editorial/conditions/{orphacode}/answers/new preview, or create a draft
//   GET  /editorial/answers/{id}                       the answer's workspace
//   POST /editorial/answers/{id}                       preview, save, submit, approve, return
//   GET  /editorial/answers/{id}/diff?from=N&to=M      what changed between two versions
//   GET  /editorial/answers/{id}/translations/new?lang=es   the new-translation form
//   POST /editorial/answers/{id}/translations/new      preview, or create a draft translation
//   GET  /editorial/answers/{id}/translations/{lang}   the translation's workspace, and
//   POST, GET …/diff                                   its steps and diff, as for English
//
// A translation's workspace is the answer's workspace on the translation's versions,
// with the English text beside it and a flag when the translation follows an older
// English version; its steps and the guard's questions are the same as for English.
//
// Who may do what is the guard's answer (guard/guard.h): a visitor who is not signed
// in is sent to /login?next=…; a signed-in person without the role gets 403. Every POST
// reaching a handler carries a valid CSRF token (the session gate refuses the others)
// and every form here sends one back. A form with mistakes comes back with what was
// typed and a message beside each field (422); a step the workflow refuses at that
// moment (AnswerStore's Conflict: the version moved on, it is under review …) comes
// back 409 with the typed text kept and what to do next. After a step: 303 to the
// workspace, which says what happened (?done=…).
//
// Thread-safe (holds the store and the clock); every handler blocks on the database,
// so it runs on the worker pool. Pages are never cached (they are per person).
#pragma once

#include "articles/answer_store.h"
#include "articles/editorial_view.h"
#include "http/request.h"
#include "platform/db/database.h"
#include "platform/page_cache.h"

namespace diseasemaps::articles {

class EditorialPages {
 public:
  // `page_cache` (may be null) is cleared after each step, so this process shows the
  // change to anonymous visitors at once; other processes follow the content generation.
  EditorialPages(Database& db, PageCache* page_cache, AnswerStore::Clock clock = &AnswerStore::SystemNow);

  http::Response Dashboard(const http::Request& request);
  http::Response GoToCondition(const http::Request& request);
  http::Response NewAnswerForm(const http::Request& request);
  http::Response CreateAnswer(const http::Request& request);
  http::Response Workspace(const http::Request& request);
  http::Response WorkspaceStep(const http::Request& request);
  http::Response Diff(const http::Request& request);
  http::Response NewTranslationForm(const http::Request& request);
  http::Response CreateTranslation(const http::Request& request);

 private:
  http::Response DashboardPage(const http::Request& request, const std::string& find_value,
                               const std::string& find_error, unsigned status,
                               const std::vector<ConditionRef>& choices = {});
  http::Response Review(const http::Request& request, const AnswerWorkspace& workspace,
                        const AnswerForm& form);
  http::Response Write(const http::Request& request, const AnswerWorkspace& workspace,
                       const AnswerForm& form);
  void Changed();

  Database& db_;  // for the catalogue's stores (the compiled summary)
  PageCache* page_cache_;
  AnswerStore::Clock clock_;
  AnswerStore store_;
};

}  // namespace diseasemaps::articles
