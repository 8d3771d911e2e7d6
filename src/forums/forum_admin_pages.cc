// The forums' admin screen (see forum_admin_pages.h).
#include "forums/forum_admin_pages.h"

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "forums/forum_admin_rules.h"
#include "forums/forum_view.h"
#include "pages/access.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::forums {
namespace {

using nlohmann::json;

constexpr const char* kAdminsOnly = i18n::N_("Only administrators can manage the forums. Nothing was changed.");
constexpr const char* kUnavailable = i18n::N_("The forums are unavailable right now. Please try again in a moment.");
constexpr const char* kNoForum = i18n::N_(
    "There is no forum at this address: no site-wide forum and no condition has it. Nothing was changed.");

// A forum's form as typed, with a message beside each field that is wrong.
struct FieldsForm {
  bool site_wide = true;
  std::string slug, slug_error;
  std::string name, name_error;
  std::string description, description_error;
  std::string readers = "everyone", readers_error;
  std::string position, position_error;
  bool ok() const {
    return slug_error.empty() && name_error.empty() && description_error.empty() && readers_error.empty() &&
           position_error.empty();
  }
};

FieldsForm FormOf(const Forum& forum) {
  FieldsForm form;
  form.site_wide = !forum.orphacode;
  form.slug = forum.slug;
  form.name = forum.title;
  form.description = forum.description;
  form.readers = guard::ForumReadersName(forum.readers);
  form.position = std::to_string(forum.position);
  return form;
}

// Reads and checks the posted fields (a condition's forum: its readers only); `fields`
// holds what to store when the form is ok().
FieldsForm ReadForm(const http::Request& request, bool site_wide, ForumFields& fields) {
  FieldsForm form;
  form.site_wide = site_wide;
  form.readers = request.FormField("readers");
  if (auto readers = guard::ParseForumReaders(form.readers)) {
    fields.readers = *readers;
  } else {
    form.readers_error = i18n::Tr("Choose who may read the forum: everyone, or signed-in members only.");
  }
  if (!site_wide) return form;
  form.name = request.FormField("name");
  form.description = request.FormField("description");
  form.position = std::string(TrimWhitespace(request.FormField("position")));
  const TextCheck name = CheckForumName(form.name);
  const TextCheck description = CheckForumDescription(form.description);
  form.name_error = name.error;
  form.description_error = description.error;
  fields.title = name.text;
  fields.description = description.text;
  if (auto position = ParseForumPosition(form.position)) {
    fields.position = *position;
  } else {
    form.position_error = i18n::Tr("The position is a whole number from 0 to {max}.",
                                   {{"max", std::to_string(kMaxForumPosition)}});
  }
  return form;
}

std::string FieldsHtml(const FieldsForm& form) {
  return Templates::Render("admin_forum_fields", {{"site_wide", form.site_wide},
                                                  {"name", form.name},
                                                  {"name_error", TextOrNull(form.name_error)},
                                                  {"name_max", kMaxForumNameCharacters},
                                                  {"description", form.description},
                                                  {"description_error", TextOrNull(form.description_error)},
                                                  {"description_max", kMaxForumDescriptionCharacters},
                                                  {"position", form.position},
                                                  {"position_error", TextOrNull(form.position_error)},
                                                  {"everyone", form.readers == "everyone"},
                                                  {"members", form.readers == "members"},
                                                  {"readers_error", TextOrNull(form.readers_error)}});
}

std::string ReadersLabel(guard::ForumReaders readers) {
  return readers == guard::ForumReaders::kEveryone ? i18n::Tr("Everyone") : i18n::Tr("Signed-in members");
}

std::string TopicsLabel(long long topics) {
  return i18n::Plural("{count} topic", "{count} topics", topics);
}

std::string Notice(const http::Request& request) {
  const std::string done = request.Query("done").value_or("");
  if (done == "created") return i18n::Tr("The forum was created.");
  if (done == "saved") return i18n::Tr("The settings were saved.");
  if (done == "unchanged") return i18n::Tr("The settings were already as sent: nothing was changed.");
  return "";
}

// "/forums/general/t/3" or "general" -> "general".
std::string SlugTyped(const std::string& typed) {
  std::string text(TrimWhitespace(typed));
  if (auto at = text.find("/forums/"); at != std::string::npos) text = text.substr(at + 8);
  return text.substr(0, text.find_first_of("/?#"));
}

// The answer when a forum could not be found or changed: 404 for none, else 503.
http::Response Failed(const http::Request& request, const Status& status) {
  return status.code() == Status::Code::kNotFound ? pages::ErrorPage(&request, 404, i18n::Tr(kNoForum))
                                                  : pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
}

// The list page with the creation form as typed and the finder's message; `status` 200
// for a plain visit.
http::Response ListPage(const http::Request& request, ForumStore& store, FieldsForm form, const std::string& find,
                        const std::string& find_error, unsigned status) {
  auto forums = store.SiteWideForums();
  if (!forums.ok()) return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
  json rows = json::array();
  int last = 0;
  for (const Forum& forum : *forums) {
    last = std::max(last, forum.position);
    rows.push_back({{"name", ForumTitle(forum)},
                    {"href", "/forums/" + forum.slug},
                    {"slug", forum.slug},
                    {"readers", ReadersLabel(forum.readers)},
                    {"topics", TopicsLabel(forum.topic_count)},
                    {"position", std::to_string(forum.position)},
                    {"edit_href", "/admin/forums/" + forum.slug}});
  }
  if (status == 200) form.position = std::to_string(std::min(last + 1, kMaxForumPosition));
  const std::string notice = Notice(request);
  json view = {{"title", i18n::Tr("Forums")},
               {"noindex", true},
               {"notice", TextOrNull(notice)},
               {"forums", rows},
               {"find", find},
               {"find_error", TextOrNull(find_error)},
               {"form_csrf", request.csrf_token},
               {"form", {{"slug", form.slug}, {"slug_error", TextOrNull(form.slug_error)}}},
               {"slug_max", kMaxForumSlugCharacters},
               {"fields_html", FieldsHtml(form)}};
  return http::Response::Html(Templates::RenderPage("admin_forums", view), status).NoStore();
}

http::Response SettingsPage(const http::Request& request, const Forum& forum, const FieldsForm& form,
                            unsigned status) {
  const std::string notice = status == 200 ? Notice(request) : "";
  json view = {{"title", i18n::Tr("Settings of {forum_title}", {{"forum_title", ForumTitle(forum)}})},
               {"noindex", true},
               {"forum_title", ForumTitle(forum)},
               {"forum_href", "/forums/" + forum.slug},
               {"topics", TopicsLabel(forum.topic_count)},
               {"site_wide", !forum.orphacode},
               {"notice", TextOrNull(notice)},
               {"action", "/admin/forums/" + forum.slug},
               {"form_csrf", request.csrf_token},
               {"fields_html", FieldsHtml(form)}};
  return http::Response::Html(Templates::RenderPage("admin_forum_edit", view), status).NoStore();
}

}  // namespace

http::Response ForumAdminPages::List(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::CanManageForums(request.viewer), kAdminsOnly)) {
    return *refused;
  }
  if (auto typed = request.Query("forum")) {
    // "Any forum": its settings, by its address.
    const std::string slug = SlugTyped(*typed);
    auto found = slug.empty() ? Result<Forum>(Status::NotFound("empty")) : store_.FindForum(slug, std::nullopt);
    if (found.ok()) return http::Response::Redirect("/admin/forums/" + found->slug, 303);
    if (found.status().code() != Status::Code::kNotFound) return Failed(request, found.status());
    return ListPage(request, store_, {}, *typed, i18n::Tr(kNoForum), 404);
  }
  return ListPage(request, store_, {}, "", "", 200);
}

http::Response ForumAdminPages::Create(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::CanManageForums(request.viewer), kAdminsOnly)) {
    return *refused;
  }
  ForumFields fields;
  FieldsForm form = ReadForm(request, true, fields);
  form.slug = request.FormField("slug");
  const TextCheck slug = CheckForumSlug(form.slug);
  form.slug_error = slug.error;
  if (!form.ok()) return ListPage(request, store_, form, "", "", 422);
  Status created = store_.CreateSiteForum(*request.viewer.user_id, slug.text, fields);
  if (created.code() == Status::Code::kConflict) {
    form.slug_error = i18n::Tr("The address “{slug}” is taken by another forum or a condition. Please choose "
                               "another.",
                               {{"slug", slug.text}});
    return ListPage(request, store_, form, "", "", 409);
  }
  if (!created.ok()) return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
  if (page_cache_ != nullptr) page_cache_->Invalidate();
  return http::Response::Redirect("/admin/forums?done=created", 303);
}

http::Response ForumAdminPages::Settings(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::CanManageForums(request.viewer), kAdminsOnly)) {
    return *refused;
  }
  auto forum = store_.FindForum(request.Param("slug"), std::nullopt);
  if (!forum.ok()) return Failed(request, forum.status());
  return SettingsPage(request, *forum, FormOf(*forum), 200);
}

http::Response ForumAdminPages::Save(const http::Request& request) {
  if (auto refused = pages::RequireAllowed(request, guard::CanManageForums(request.viewer), kAdminsOnly)) {
    return *refused;
  }
  auto forum = store_.FindForum(request.Param("slug"), std::nullopt);
  if (!forum.ok()) return Failed(request, forum.status());
  ForumFields fields;
  const FieldsForm form = ReadForm(request, !forum->orphacode, fields);
  if (!form.ok()) return SettingsPage(request, *forum, form, 422);
  auto changed = store_.UpdateForum(*request.viewer.user_id, *forum, fields);
  if (!changed.ok()) return Failed(request, changed.status());
  if (*changed && page_cache_ != nullptr) page_cache_->Invalidate();
  return http::Response::Redirect("/admin/forums/" + forum->slug + (*changed ? "?done=saved" : "?done=unchanged"),
                                  303);
}

}  // namespace diseasemaps::forums
