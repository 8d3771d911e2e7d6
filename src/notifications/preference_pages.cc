// The e-mail preferences page (see preference_pages.h).
#include "notifications/preference_pages.h"

#include <nlohmann/json.hpp>

#include "pages/access.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::notifications {
namespace {

using nlohmann::json;

constexpr const char* kSignIn = i18n::N_("Sign in to choose which e-mails you get.");

struct FrequencyWords {
  DigestFrequency frequency;
  const char* label;
};
constexpr FrequencyWords kFrequencies[] = {
    {DigestFrequency::kDaily, i18n::N_("Daily")},
    {DigestFrequency::kWeekly, i18n::N_("Weekly")},
    {DigestFrequency::kNever, i18n::N_("Never")},
};

http::Response Unavailable(const http::Request& request) {
  return pages::ErrorPage(&request, 503, i18n::Tr("Your e-mail choices are unavailable right now. Please try again in a moment."));
}

}  // namespace

http::Response PreferencePages::Show(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::CanReadNotifications(request.viewer), kSignIn)) {
    return *refused;
  }
  const long long me = *request.viewer.user_id;
  auto frequency = digests_.Frequency(me);
  auto replies = notifications_.EmailReplies(me);
  if (!frequency.ok() || !replies.ok()) return Unavailable(request);
  json choices = json::array();
  for (const FrequencyWords& words : kFrequencies) {
    const std::string name = DigestFrequencyName(words.frequency);
    choices.push_back({{"value", name}, {"label", i18n::Tr(words.label)}, {"checked", words.frequency == *frequency}});
  }
  json view = {{"title", i18n::Tr("E-mail about the forums")},
               {"noindex", true},
               {"csrf", request.csrf_token},
               {"digest_choices", choices},
               {"email_replies", *replies},
               {"saved", request.Query("done").value_or("") == "saved"}};
  return http::Response::Html(Templates::RenderPage("notification_preferences", view)).NoStore();
}

http::Response PreferencePages::Save(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::CanReadNotifications(request.viewer), kSignIn)) {
    return *refused;
  }
  const auto frequency = ParseDigestFrequency(std::string(TrimWhitespace(request.FormField("digest"))));
  if (!frequency) {
    return pages::ErrorPage(&request, 400,
                            i18n::Tr("Choose how often to get the digest: daily, weekly or never. Nothing was "
                                     "changed."));
  }
  const std::string replies = std::string(TrimWhitespace(request.FormField("email_replies")));
  if (!replies.empty() && replies != "on") {
    return pages::ErrorPage(&request, 400,
                            i18n::Tr("The choice about e-mails on replies, quotes and mentions was not understood. "
                                     "Nothing was changed."));
  }
  const long long me = *request.viewer.user_id;
  const long long now = pages::NowSeconds();
  if (!digests_.SetFrequency(me, *frequency, now).ok() || !notifications_.SetEmailReplies(me, !replies.empty(), now).ok()) {
    return Unavailable(request);
  }
  return http::Response::Redirect("/account/notifications?done=saved", 303);
}

}  // namespace diseasemaps::notifications
