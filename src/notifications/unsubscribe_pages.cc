// The unsubscribe and re-subscribe pages (see unsubscribe_pages.h).
#include "notifications/unsubscribe_pages.h"

#include <nlohmann/json.hpp>

#include "pages/access.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::notifications {
namespace {

using nlohmann::json;

constexpr const char* kBadUnsubscribe = i18n::N_(
    "This link to stop e-mails is not valid: it may have been cut or changed on the way. Copy the whole link from "
    "the e-mail, or use the button in your mail program. Nothing was changed.");

// What the page says for each stream of e-mails.
struct StreamWords {
  const char* title;
  const char* explain;
  const char* button;
  const char* stopped;
};
constexpr StreamWords kReplies = {
    i18n::N_("Stop e-mails about the forums"),
    i18n::N_("We e-mail you when someone replies to you, quotes or mentions you in the forums, at most once per "
             "topic per hour. Your notifications on the site stay either way."),
    i18n::N_("Stop these e-mails"),
    i18n::N_("Done: we will send you no more e-mails about replies, quotes and mentions in the forums. Your "
             "notifications on the site stay."),
};
constexpr StreamWords kDigest = {
    i18n::N_("Stop the digest of new topics"),
    i18n::N_("We e-mail you a digest of new topics in the forums you watch, when there is something new and you "
             "have not visited the site since the last one. Your notifications on the site stay either way."),
    i18n::N_("Stop the digest"),
    i18n::N_("Done: we will send you no more digests of new topics. Your notifications on the site stay."),
};

const StreamWords& WordsFor(MailStream stream) { return stream == MailStream::kDigest ? kDigest : kReplies; }

http::Response Unavailable(const http::Request& request) {
  return pages::ErrorPage(&request, 503, i18n::Tr("Please try again in a moment."));
}

json PageView(const http::Request& request, const StreamWords& words) {
  const std::string path = "/unsubscribe/" + request.Param("token");
  return {{"title", i18n::Tr(words.title)}, {"noindex", true}, {"action", path}, {"again_action", path + "/again"}};
}

}  // namespace

http::Response UnsubscribePages::Form(const http::Request& request) {
  auto target = notifications_.UnsubscribeTokenTarget(request.Param("token"));
  if (!target.ok()) return Unavailable(request);
  if (!*target) return pages::ErrorPage(&request, 400, i18n::Tr(kBadUnsubscribe));
  const StreamWords& words = WordsFor((*target)->stream);
  json view = PageView(request, words);
  view["form"] = {{"explain", i18n::Tr(words.explain)}, {"button", i18n::Tr(words.button)}};
  return http::Response::Html(Templates::RenderPage("unsubscribe", view)).NoStore();
}

http::Response UnsubscribePages::Unsubscribe(const http::Request& request) {
  auto target = notifications_.UnsubscribeTokenTarget(request.Param("token"));
  if (!target.ok()) return Unavailable(request);
  if (!*target) return pages::ErrorPage(&request, 400, i18n::Tr(kBadUnsubscribe));
  const long long now = pages::NowSeconds();
  const Status done = (*target)->stream == MailStream::kDigest
                          ? digests_.Unsubscribe((*target)->user_id, now)
                          : notifications_.SetEmailReplies((*target)->user_id, false, now);
  if (!done.ok()) return Unavailable(request);
  const StreamWords& words = WordsFor((*target)->stream);
  json view = PageView(request, words);
  view["stopped"] = i18n::Tr(words.stopped);
  return http::Response::Html(Templates::RenderPage("unsubscribe", view)).NoStore();
}

http::Response UnsubscribePages::Again(const http::Request& request) {
  auto target = notifications_.UnsubscribeTokenTarget(request.Param("token"));
  if (!target.ok()) return Unavailable(request);
  if (!*target) return pages::ErrorPage(&request, 400, i18n::Tr(kBadUnsubscribe));
  const long long now = pages::NowSeconds();
  std::string restored;
  if ((*target)->stream == MailStream::kDigest) {
    auto frequency = digests_.Resubscribe((*target)->user_id, now);
    if (!frequency.ok()) return Unavailable(request);
    restored = *frequency == DigestFrequency::kDaily
                   ? i18n::Tr("Done: you will get the daily digest of new topics again.")
                   : i18n::Tr("Done: you will get the weekly digest of new topics again.");
  } else {
    if (!notifications_.SetEmailReplies((*target)->user_id, true, now).ok()) return Unavailable(request);
    restored = i18n::Tr("Done: we will e-mail you again when someone replies to you, quotes or mentions you in the "
                        "forums.");
  }
  json view = PageView(request, WordsFor((*target)->stream));
  view["restored"] = restored;
  return http::Response::Html(Templates::RenderPage("unsubscribe", view)).NoStore();
}

}  // namespace diseasemaps::notifications
