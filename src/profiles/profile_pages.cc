#include "profiles/profile_pages.h"

#include "catalog/condition_page.h"
#include "platform/i18n.h"
#include "http/url.h"
#include "pages/error_pages.h"
#include "platform/json_text.h"
#include "platform/templates.h"
#include "platform/text.h"
#include "profiles/profile_view.h"

namespace diseasemaps::profiles {
namespace {

using nlohmann::json;

constexpr const char* kUnavailable = i18n::N_("Profiles are unavailable right now. Please try again in a moment.");
constexpr const char* kNoProfile =
    "We have no member profile at this address that you can see. Some members show their profile to "
    "signed-in members only.";

std::optional<http::Response> RefuseUnlessSignedIn(const http::Request& request, const std::string& back) {
  if (!request.viewer.signed_in()) return http::Response::Redirect("/login?next=" + http::PercentEncode(back), 303);
  if (!guard::Can(request.viewer, guard::Action::kJoinCommunities)) {
    return pages::ErrorPage(&request, 403, i18n::Tr("This account is suspended, so it cannot change profiles or communities."));
  }
  return std::nullopt;
}

http::QueryParams FormOf(const http::Request& request) {
  return http::ParseQuery(request.raw ? request.raw->body() : "");
}

std::string Value(const http::QueryParams& form, std::string_view name) {
  return http::QueryValue(form, name).value_or("");
}

}  // namespace

ProfilePages::ProfilePages(Database& db, catalog::ConditionStore& conditions, PageCache* page_cache,
                           const Gazetteer& gazetteer, accounts::MemberChangedFn member_changed)
    : db_(db), conditions_(conditions), page_cache_(page_cache), gazetteer_(gazetteer), store_(db),
      member_changed_(std::move(member_changed)) {}

void ProfilePages::Invalidate() {
  if (page_cache_ != nullptr) page_cache_->Invalidate();
}

http::Response ProfilePages::Form(const http::Request& request, const ProfileForm& form,
                                  const std::map<std::string, std::string>& errors,
                                  const std::vector<CityChoice>& choices, unsigned status) {
  json view = ProfileFormView(form, errors, choices, gazetteer_);
  view["title"] = i18n::Tr("Your profile");
  view["noindex"] = true;
  view["form_csrf"] = request.csrf_token;
  view["saved"] = request.Query("done").value_or("") == "saved" && errors.empty();
  view["member_href"] = "/members/" + std::to_string(*request.viewer.user_id);
  view["scripts"] = json::array({"/static/js/place-combobox.js"});
  return http::Response::Html(Templates::RenderPage("profile_edit", view), status).NoStore();
}

http::Response ProfilePages::EditForm(const http::Request& request) {
  if (auto refused = RefuseUnlessSignedIn(request, "/account/profile")) return *refused;
  auto profile = store_.Find(*request.viewer.user_id);
  if (!profile.ok()) return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
  return Form(request, FormFromProfile(*profile, gazetteer_), {}, {}, 200);
}

http::Response ProfilePages::SaveProfile(const http::Request& request) {
  if (auto refused = RefuseUnlessSignedIn(request, "/account/profile")) return *refused;
  const http::QueryParams fields = FormOf(request);
  ProfileForm form;
  form.display_name = Value(fields, "display_name");
  form.bio = Value(fields, "bio");
  form.languages = Value(fields, "languages");
  form.city = Value(fields, "city");
  // A choice among same-named places (the form without JavaScript) wins over the id
  // the type-ahead left.
  form.city_id = Value(fields, "city_choice");
  if (form.city_id.empty()) form.city_id = Value(fields, "city_id");
  form.country = Value(fields, "country");
  form.visibility = Value(fields, "visibility");
  form.accepts_contact = Value(fields, "accepts_contact") == "1";
  ProfileCheck check = CheckProfile(form, gazetteer_);
  if (!check.change) return Form(request, form, check.errors, check.city_choices, 422);
  if (Status s = store_.Save(*request.viewer.user_id, *check.change); !s.ok()) {
    return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
  }
  Invalidate();
  accounts::Notify(member_changed_, *request.viewer.user_id);
  return http::Response::Redirect("/account/profile?done=saved", 303);
}

Location ProfilePages::ShownTo(const guard::Viewer& viewer, const Location& location,
                               const std::vector<int>& orphacodes) const {
  if (location.kind != Location::Kind::kCity) return location;
  const bool nameable = city_nameable_ ? city_nameable_(viewer, location.city_id, orphacodes)
                                       : guard::ActiveMember(viewer);
  return nameable ? location : CountryOnly(location);
}

http::Response ProfilePages::MemberPage(const http::Request& request) {
  const auto id = ParsePositiveInteger(request.Param("id"));
  if (!id) return pages::ErrorPage(&request, 404, kNoProfile);
  auto profile = store_.Find(*id);
  if (!profile.ok()) {
    return profile.status().code() == Status::Code::kNotFound ? pages::ErrorPage(&request, 404, kNoProfile)
                                                              : pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
  }
  if (!guard::CanSeeProfile(request.viewer, profile->Facts())) {
    return pages::ErrorPage(&request, 404, kNoProfile);
  }
  std::vector<int> conditions;
  for (const auto& m : profile->memberships) conditions.push_back(m.orphacode);
  profile->location = ShownTo(request.viewer, profile->location, conditions);
  json view = ProfilePageView(*profile, request.viewer, gazetteer_);
  view["title"] = profile->display_name;
  view["noindex"] = profile->visibility != guard::Visibility::kPublic;
  if (member_page_extras_) member_page_extras_(request, *id, view);
  return http::Response::Html(Templates::RenderPage("member_profile", view)).NoStore();
}

Result<json> ProfilePages::CommunityBox(const catalog::Condition& condition, const http::Request& request,
                                        const std::string& error, const std::string& chosen_role) {
  std::vector<guard::Visibility> listable;
  for (auto v : {guard::Visibility::kPublic, guard::Visibility::kMembers, guard::Visibility::kHidden}) {
    if (guard::CanListMember(request.viewer, v)) listable.push_back(v);
  }
  CommunityBoxInput input;
  input.condition_name = condition.name;
  input.condition_slug = condition.slug;
  input.error = error;
  input.chosen_role = chosen_role;
  auto community = store_.CommunityOf(condition.orphacode, listable, kCommunityListLimit);
  if (!community.ok()) return community.status();
  input.community = std::move(*community);
  for (auto* list : {&input.community.listed, &input.community.verified}) {
    for (CommunityMember& m : *list) m.location = ShownTo(request.viewer, m.location, {condition.orphacode});
  }
  if (request.viewer.signed_in()) {
    auto role = store_.RoleIn(*request.viewer.user_id, condition.orphacode);
    if (!role.ok()) return role.status();
    input.my_role = *role;
  }
  json box = CommunityBoxView(input, request.viewer, gazetteer_);
  box["csrf_token"] = request.csrf_token;
  const std::string done = request.viewer.signed_in() ? request.Query("community").value_or("") : "";
  if (done == "joined") box["notice"] = i18n::Tr("You joined this community.");
  if (done == "left") box["notice"] = i18n::Tr("You left this community.");
  return box;
}

http::Response ProfilePages::Membership(const http::Request& request) {
  const std::string slug = catalog::NormaliseSlug(request.Param("slug"));
  const std::string page = "/conditions/" + slug;
  if (auto refused = RefuseUnlessSignedIn(request, page)) return *refused;
  auto condition = slug.empty() ? Result<catalog::Condition>(Status::NotFound("")) : conditions_.FindBySlug(slug);
  if (!condition.ok()) {
    return condition.status().code() == Status::Code::kNotFound
               ? pages::ErrorPage(&request, 404, i18n::Tr("We have no condition at this address."))
               : pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
  }
  const http::QueryParams fields = FormOf(request);
  const std::string action = Value(fields, "action");
  const long long me = *request.viewer.user_id;
  if (action == "leave") {
    Status s = store_.Leave(me, condition->orphacode);
    if (s.code() == Status::Code::kNotFound) {
      return pages::ErrorPage(&request, 409, i18n::Tr("You are not a member of this community, so there is nothing to leave."));
    }
    if (!s.ok()) return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
    Invalidate();
    accounts::Notify(member_changed_, me);
    return http::Response::Redirect(page + "?community=left#community-title", 303);
  }
  if (action != "join") return pages::ErrorPage(&request, 400, i18n::Tr("Choose to join or to leave the community."));
  const std::string role_name = Value(fields, "role");
  const auto role = ParseMemberRole(role_name);
  if (!role) {
    const std::string message = role_name.empty() ? i18n::Tr("Please choose your role in this community.")
                                                  : i18n::Tr("Please choose one of the roles in the list.");
    const std::string kept = role_name.size() <= 40 ? role_name : "";
    const catalog::CommunityBoxFn box = [&](const catalog::Condition& c) {
      return CommunityBox(c, request, message, kept);
    };
    if (condition_page_) return condition_page_(request, box, 422);
    return catalog::ConditionPage(conditions_, db_, request, box, 422);
  }
  if (Status s = store_.Join(me, condition->orphacode, *role); !s.ok()) {
    return s.code() == Status::Code::kNotFound
               ? pages::ErrorPage(&request, 404, i18n::Tr("This condition is obsolete: its community is closed."))
               : pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
  }
  Invalidate();
  accounts::Notify(member_changed_, me);
  return http::Response::Redirect(page + "?community=joined#community-title", 303);
}

http::Response ProfilePages::Places(const http::Request& request) {
  const std::string query(TrimWhitespace(request.Query("q").value_or("")));
  if (query.empty()) return pages::ErrorPage(&request, 400, i18n::Tr("Type the first letters of a city in q."));
  if (query.size() > kMaxPlaceQuery || !CountCharacters(query)) {
    return pages::ErrorPage(&request, 400, i18n::Tr("q is too long or unreadable: type the first letters of a city."));
  }
  json places = json::array();
  for (const City* city : gazetteer_.Search(query, kPlaceResults)) {
    places.push_back({{"id", std::to_string(city->id)},
                      {"name", city->name},
                      {"admin_area", city->admin_area},
                      {"country_code", city->country_code},
                      {"country", gazetteer_.CountryName(city->country_code)},
                      {"label", gazetteer_.Label(*city)},
                      {"latitude", city->latitude},
                      {"longitude", city->longitude}});
  }
  json body = {{"query", query}, {"count", places.size()}, {"places", places},
               {"attribution", "GeoNames (CC BY 4.0)"}};
  return http::Response::Json(JsonText(body));
}

http::Response ProfilePages::Countries(const http::Request&) {
  json countries = json::array();
  for (const Country& c : gazetteer_.countries()) {
    countries.push_back({{"code", c.code}, {"name", c.name}, {"latitude", c.latitude}, {"longitude", c.longitude}});
  }
  json body = {{"count", countries.size()}, {"countries", countries},
               {"attribution", "GeoNames (CC BY 4.0); names: ISO 3166-1 via Debian iso-codes"}};
  return http::Response::Json(JsonText(body));
}

}  // namespace diseasemaps::profiles
