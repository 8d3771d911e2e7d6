// The A–Z index. See a_to_z_pages.h.
#include "catalog/a_to_z_pages.h"

#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "catalog/plain_words.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps::catalog {
namespace {

using nlohmann::json;
using i18n::Tr;

constexpr const char* kUnavailable = i18n::N_("The catalogue is unavailable right now. Please try again in a moment.");

// Every initial of the bar, in its order: a–z, then digits, then the rest.
std::vector<std::string> AllInitials() {
  std::vector<std::string> initials;
  for (char c = 'a'; c <= 'z'; ++c) initials.emplace_back(1, c);
  initials.emplace_back("0");
  initials.emplace_back("#");
  return initials;
}

// What the bar shows for an initial: "A", "0–9", "#".
std::string Label(const std::string& initial) {
  if (initial == "0") return "0–9";
  if (initial == "#") return "#";
  return std::string(1, static_cast<char>(initial[0] - 'a' + 'A'));
}

// An initial from its address segment: "a" -> "a", "0-9" -> "0", "other" -> "#";
// nullopt for anything else (upper case included: the caller redirects it).
std::optional<std::string> InitialFromSegment(const std::string& segment) {
  if (segment.size() == 1 && segment[0] >= 'a' && segment[0] <= 'z') return segment;
  if (segment == "0-9") return std::string("0");
  if (segment == "other") return std::string("#");
  return std::nullopt;
}

// The letter bar: every initial, linked when some condition begins with it, with the
// current one marked.
json LetterBar(const std::map<std::string, long long>& counts, const std::string& current) {
  json bar = json::array();
  for (const auto& initial : AllInitials()) {
    const auto found = counts.find(initial);
    const long long count = found == counts.end() ? 0 : found->second;
    json item = {{"label", Label(initial)},
                 {"count_text", i18n::Plural("{count} condition", "{count} conditions", count)},
                 {"current", initial == current}};
    item["href"] = count > 0 || initial == current ? TextOrNull(AToZHref(initial)) : json(nullptr);
    bar.push_back(item);
  }
  return bar;
}

Result<std::map<std::string, long long>> CountsByInitial(ConditionStore& conditions) {
  auto counts = conditions.CountActiveByInitial();
  if (!counts.ok()) return counts.status();
  return std::map<std::string, long long>(counts->begin(), counts->end());
}

// The names are Orphanet's English names (that is what they are sorted by), so a page in
// another language marks them as English.
json NamesLang() {
  return TextOrNull(i18n::InterfaceLanguage(i18n::CurrentLanguage()) == "en" ? "" : "en");
}

}  // namespace

std::string AToZHref(const std::string& initial) {
  if (initial == "0") return std::string(kAToZPath) + "/0-9";
  if (initial == "#") return std::string(kAToZPath) + "/other";
  return std::string(kAToZPath) + "/" + initial;
}

http::Response AToZIndexPage(ConditionStore& conditions, const http::Request& request) {
  auto counts = CountsByInitial(conditions);
  if (!counts.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
  json view = {{"title", Tr("Conditions from A to Z")},
               {"description", Tr("Every rare condition in the catalogue, by the first letter of its name.")},
               {"canonical", kAToZPath},
               {"heading", Tr("Conditions from A to Z")},
               {"letters", LetterBar(*counts, "")},
               {"catalogue_empty", counts->empty()},
               {"choose", true}};
  return http::Response::Html(Templates::RenderPage("a_to_z", view));
}

http::Response AToZLetterPage(ConditionStore& conditions, const http::Request& request) {
  const std::string& segment = request.Param("initial");
  if (segment.size() == 1 && segment[0] >= 'A' && segment[0] <= 'Z') {
    return http::Response::Redirect(AToZHref(std::string(1, static_cast<char>(segment[0] - 'A' + 'a'))));
  }
  const auto initial = InitialFromSegment(segment);
  if (!initial) {
    return pages::ErrorPage(&request, 404,
                            Tr("The A–Z index has no page “{initial}”. Its pages are the letters a to z, "
                               "0-9 for names that begin with a digit, and “other” for the rest.",
                               {{"initial", segment.substr(0, 40)}}));
  }
  auto counts = CountsByInitial(conditions);
  if (!counts.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
  auto items = conditions.ListActiveByInitial(*initial);
  if (!items.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));

  json list = json::array();
  for (const auto& item : *items) {
    list.push_back({{"name", item.name},
                    {"href", "/conditions/" + item.slug},
                    {"orphacode", item.orphacode},
                    {"entry_type", EntryTypeWords(item.entry_type)}});
  }
  const std::string label = Label(*initial);
  json view = {{"title", Tr("Conditions: {initial}", {{"initial", label}})},
               {"description", Tr("Rare conditions whose names begin with {initial}.", {{"initial", label}})},
               {"canonical", AToZHref(*initial)},
               {"heading", Tr("Conditions: {initial}", {{"initial", label}})},
               {"count_text", i18n::Plural("{count} condition", "{count} conditions",
                                           static_cast<long long>(list.size()))},
               {"letters", LetterBar(*counts, *initial)},
               {"conditions", list},
               {"names_lang", NamesLang()},
               {"has_conditions", !list.empty()},
               {"none", list.empty()}};
  return http::Response::Html(Templates::RenderPage("a_to_z", view));
}

}  // namespace diseasemaps::catalog
