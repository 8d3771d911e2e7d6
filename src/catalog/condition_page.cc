#include "catalog/condition_page.h"

#include <algorithm>
#include <map>
#include <set>

#include "articles/answer_store.h"
#include "articles/answers_view.h"
#include "catalog/browse_pages.h"
#include "catalog/condition_first_screen.h"
#include "catalog/plain_words.h"
#include "catalog/signs.h"
#include "http/url.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/json_text.h"
#include "platform/templates.h"
#include "platform/text.h"

namespace diseasemaps::catalog {
namespace {

using nlohmann::json;
using i18n::Tr;

constexpr const char* kUnavailable = i18n::N_("The catalogue is unavailable right now.");

std::string Href(const std::string& slug) { return slug.empty() ? "" : "/conditions/" + slug; }

std::string MetaDescription(const Condition& c, const std::string& name) {
  std::string text = c.definition.empty() || name != c.name
                         ? Tr("{name}: what it is, how it shows, how it is inherited, in plain words.", {{"name", name}})
                         : c.definition;
  if (text.size() <= 155) return text;
  const std::size_t cut = text.rfind(' ', 150);
  return cut == std::string::npos ? FirstCharacters(text, 100) : text.substr(0, cut) + "…";
}

// {"label": …, "url": …}, without "url" when there is none: mustache treats an empty
// string as true, which would make an empty link.
json LinkJson(const std::string& label, const std::string& url) {
  json link = {{"label", label}};
  if (!url.empty()) link["url"] = url;
  return link;
}

json SourcesJson(const std::string& source) {
  json out = json::array();
  for (const auto& link : PlainSources(source)) out.push_back(LinkJson(link.label, link.url));
  return out;
}

json FactsView(const Condition& c) {
  json facts = json::array();
  json rarity = json::array();
  for (const auto& p : c.prevalences) {
    const std::string sentence = PlainPrevalence(p);
    if (!sentence.empty()) rarity.push_back({{"text", sentence}, {"sources", SourcesJson(p.source)}});
  }
  if (rarity.empty() && !c.prevalences.empty()) {
    rarity.push_back({{"text", Tr("How many people have it is not known.")},
                      {"sources", SourcesJson("ORPHANET")}});
  }
  if (!rarity.empty()) facts.push_back({{"label", Tr("How rare it is")}, {"lines", rarity}});
  if (const std::string onset = PlainOnsets(c.onsets); !onset.empty()) {
    facts.push_back({{"label", Tr("When it starts")},
                     {"lines", json::array({{{"text", onset}, {"sources", SourcesJson("ORPHANET")}}})}});
  }
  json inheritance = json::array();
  for (const auto& i : c.inheritance) {
    const std::string words = PlainInheritance(i);
    if (!words.empty()) inheritance.push_back({{"text", words}, {"sources", SourcesJson("ORPHANET")}});
  }
  if (!inheritance.empty()) facts.push_back({{"label", Tr("Is it inherited?")}, {"lines", inheritance}});
  return facts;
}

// The value of a lang attribute for text in `text_language` on a page in `page`: none
// when the text is in the page's own (interface) language
// (null, which mustache treats as false; an empty string would be true).
json LangAttribute(const std::string& text_language, const std::string& page) {
  return TextOrNull(text_language == i18n::InterfaceLanguage(page) ? "" : text_language);
}

// The signs by frequency band: those in plain words first, then, behind "medical
// terms", those HPO names only clinically (signs.h); tumours that can come with the
// condition are left to AccompanyingConditions.
json SymptomGroups(const Condition& c, const LocalizedCondition& shown) {
  struct Band {
    std::string label;
    json plain = json::array();
    json terms = json::array();
  };
  std::map<int, Band> bands;
  for (const auto& p : c.phenotypes) {
    auto translated = shown.symptoms.find(p.hpo_id);
    const bool has_translation = translated != shown.symptoms.end();
    const FrequencyClass f = PlainFrequency(p.frequency);
    SignKind kind = KindOfSign(p, c, has_translation);
    if (kind == SignKind::kAccompanyingCondition) {
      if (f.rank != 5) continue;  // listed apart; an excluded one helps tell it apart, with the signs
      kind = has_translation || !p.lay_label.empty() ? SignKind::kPlain : SignKind::kMedicalTerm;
    }
    Band& band = bands[f.rank];
    band.label = f.label;
    if (has_translation) {
      // HPO's translation of the clinical term: no plain-language label to set beside it.
      band.plain.push_back({{"plain", translated->second.text},
                            {"lang", LangAttribute(translated->second.language, shown.language)},
                            {"unreviewed", translated->second.unreviewed},
                            {"show_term", false},
                            {"hpo_id", p.hpo_id}});
      continue;
    }
    json item = {{"plain", p.lay_label.empty() ? p.term : p.lay_label},
                 {"lang", LangAttribute(std::string(i18n::kDefaultLanguage), shown.language)},
                 {"unreviewed", false},
                 {"term", p.term},
                 {"show_term", !p.lay_label.empty() && p.lay_label != p.term},
                 {"hpo_id", p.hpo_id}};
    (kind == SignKind::kMedicalTerm ? band.terms : band.plain).push_back(std::move(item));
  }
  auto by_text = [](const json& a, const json& b) { return a["plain"] < b["plain"]; };
  json out = json::array();
  for (auto& [rank, band] : bands) {
    std::sort(band.plain.begin(), band.plain.end(), by_text);
    std::sort(band.terms.begin(), band.terms.end(), by_text);
    json group = {{"label", band.label}, {"items", band.plain}, {"has_items", !band.plain.empty()},
                  {"excluded", rank == 5}};
    if (!band.terms.empty()) {
      group["terms"] = band.terms;
      group["terms_label"] = i18n::Plural("{count} sign in medical terms only", "{count} signs in medical terms only",
                                          static_cast<long long>(band.terms.size()));
    }
    out.push_back(std::move(group));
  }
  return out;
}

// Tumours Orphanet lists with the condition (signs.h), most frequent first, named as
// the page names its signs.
json AccompanyingConditions(const Condition& c, const LocalizedCondition& shown) {
  std::vector<std::pair<int, json>> found;
  for (const auto& p : c.phenotypes) {
    auto translated = shown.symptoms.find(p.hpo_id);
    const bool has_translation = translated != shown.symptoms.end();
    if (KindOfSign(p, c, has_translation) != SignKind::kAccompanyingCondition) continue;
    const FrequencyClass f = PlainFrequency(p.frequency);
    if (f.rank == 5) continue;  // "never": a sign that tells it apart, listed with the signs' band
    json item = {{"name", has_translation ? translated->second.text : p.term},
                 {"lang", has_translation ? LangAttribute(translated->second.language, shown.language)
                                          : LangAttribute(std::string(i18n::kDefaultLanguage), shown.language)},
                 {"how_often", f.label}};
    found.emplace_back(f.rank, std::move(item));
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  json out = json::array();
  for (auto& [rank, item] : found) out.push_back(std::move(item));
  return out;
}

// The first synonyms, shown at once, and the rest, behind "and N other names" (so the
// summary stays on a phone's first screen).
constexpr std::size_t kSynonymsShown = 3;

// On a page in another language: which symptom labels are still English, and which
// translations HPO has not reviewed. Empty when all is in the page's language.
std::string SymptomsNote(const Condition& c, const LocalizedCondition& shown) {
  if (shown.language == i18n::kDefaultLanguage || c.phenotypes.empty()) return "";
  std::size_t english = 0;
  bool unreviewed = false;
  for (const auto& p : c.phenotypes) {
    auto it = shown.symptoms.find(p.hpo_id);
    if (it == shown.symptoms.end()) ++english;
    else unreviewed = unreviewed || it->second.unreviewed;
  }
  std::string note;
  if (english == c.phenotypes.size()) {
    note = Tr("The Human Phenotype Ontology has no translation of these signs yet, so they are shown in English.");
  } else if (english > 0) {
    note = Tr("Signs the Human Phenotype Ontology has not translated yet are shown in English.");
  }
  if (unreviewed) {
    note += (note.empty() ? "" : " ") +
            Tr("Signs marked “translation not reviewed” use a translation its authors have not checked yet.");
  }
  return note;
}

// A related entry's name in the page's language where Orphanet gives one.
ShownText RelatedName(const RelatedCondition& r, const LocalizedCondition& shown) {
  auto it = shown.related.find(r.orphacode);
  if (it == shown.related.end()) return {r.name, std::string(i18n::kDefaultLanguage)};
  return it->second;
}

json RelatedView(const std::vector<RelatedCondition>& related, const LocalizedCondition& shown) {
  json out = json::array();
  for (const auto& r : related) {
    const ShownText name = RelatedName(r, shown);
    out.push_back({{"name", name.text},
                   {"lang", LangAttribute(name.language, shown.language)},
                   {"href", TextOrNull(Href(r.slug))},
                   {"orphacode", r.orphacode}});
  }
  return out;
}

// The page's name fields: the name first (in the page's language where Orphanet has
// it), the English name beneath, and a line when Orphanet has not named it in the
// page's language.
json NameFields(const LocalizedCondition& shown) {
  const std::string& page = shown.language;
  json fields = {{"name", shown.name.text},
                 {"name_lang", LangAttribute(shown.name.language, page)},
                 {"english_name", TextOrNull(shown.english_name)},
                 {"synonyms", shown.synonyms},
                 {"synonyms_lang", LangAttribute(shown.synonyms_language, page)},
                 {"has_synonyms", !shown.synonyms.empty()}};
  if (page != i18n::kDefaultLanguage && shown.name.language != page) {
    fields["untranslated_name_note"] =
        Tr("Orphanet has not named this condition in this language yet, so its English name is shown.");
  }
  if (shown.definition_in_english && i18n::InterfaceLanguage(page) != i18n::kDefaultLanguage) {
    fields["definition_lang"] = "en";
    fields["definition_note"] = Tr("Orphanet has not translated this description, so it is shown in English.");
  }
  return fields;
}

json CodesView(const Condition& c) {
  json codes = json::array();
  codes.push_back({{"system", "Orphanet"},
                   {"code", "ORPHA:" + std::to_string(c.orphacode)},
                   {"url", OrphanetUrl(c.orphacode)},
                   {"note", nullptr}});
  std::map<std::pair<std::string, std::string>, std::set<std::string>> merged;
  for (const auto& x : c.xrefs) {
    merged[{x.system, x.code}].insert(x.origin == "mondo" ? Tr("via MONDO") : Tr("via Orphanet"));
  }
  for (const auto& [key, origins] : merged) {
    std::string note;
    for (const auto& o : origins) note += (note.empty() ? "" : ", ") + o;
    json code = {{"system", key.first}, {"code", key.second}, {"note", note}};
    const std::string url = XrefUrl({key.first, key.second, "", ""});
    if (!url.empty()) code["url"] = url;
    codes.push_back(std::move(code));
  }
  return codes;
}

json ReferencesView(const Condition& c) {
  json refs = json::array();
  refs.push_back(LinkJson("Orphanet: " + c.name + " (ORPHA:" + std::to_string(c.orphacode) + ")",
                          OrphanetUrl(c.orphacode)));
  std::set<std::string> seen;
  for (const auto& p : c.prevalences) {
    for (const auto& link : PlainSources(p.source)) {
      if (link.url.empty() || !seen.insert(link.url).second) continue;
      refs.push_back(LinkJson(link.label, link.url));
    }
  }
  return refs;
}

// The community's part of "What you can do next": the map, joining, and the verified
// healthcare professionals and organisations (from the community box, profiles/).
json NextStepsView(const json& community) {
  return {{"map_href", community.contains("map_href") ? community["map_href"] : json(nullptr)},
          {"offer_join", !community.value("is_member", false)},
          {"verified", community.value("verified", json::array())},
          {"has_verified", community.value("has_verified", false)}};
}

http::Response NotFound(const http::Request& request) {
  return pages::ErrorPage(&request, 404,
                          Tr("We have no condition at this address. Try searching for it by name, "
                             "by a symptom or by a code such as ORPHA:1183."));
}

}  // namespace

std::string NormaliseSlug(const std::string& slug) {
  if (slug.empty() || slug.size() > 200) return "";
  std::string out;
  for (char c : slug) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return "";
    out.push_back(c);
  }
  return out;
}

json ConditionJson(const Condition& c) {
  json j = {{"orphacode", c.orphacode},
            {"name", c.name},
            {"slug", c.slug},
            {"url", "/conditions/" + c.slug},
            {"type", c.entry_type},
            {"status", c.status},
            {"definition", TextOrNull(c.definition)},
            {"synonyms", c.synonyms},
            {"onsets", c.onsets},
            {"inheritance", c.inheritance},
            {"data_version", c.data_version},
            {"source", c.source == "orphanet" ? "Orphanet (CC BY 4.0)" : "DiseaseMaps starter catalogue"}};
  if (c.replacement) j["replaced_by"] = {{"orphacode", c.replacement->orphacode}, {"name", c.replacement->name}};
  auto related = [](const std::vector<RelatedCondition>& list) {
    json out = json::array();
    for (const auto& r : list) out.push_back({{"orphacode", r.orphacode}, {"name", r.name}});
    return out;
  };
  j["parents"] = related(c.parents);
  j["children"] = related(c.children);
  j["phenotypes"] = json::array();
  for (const auto& p : c.phenotypes) {
    j["phenotypes"].push_back({{"hpo_id", p.hpo_id}, {"term", p.term}, {"lay_label", p.lay_label},
                               {"lay_label_source", p.lay_label.empty() ? json(nullptr) : json(p.lay_label_ours ? "DiseaseMaps" : "HPO")},
                               {"frequency", p.frequency}});
  }
  j["prevalences"] = json::array();
  for (const auto& p : c.prevalences) {
    j["prevalences"].push_back({{"type", p.type}, {"qualification", p.qualification},
                                {"class", p.prevalence_class}, {"mean_value", p.mean_value},
                                {"geography", p.geography}, {"source", p.source}});
  }
  j["genes"] = json::array();
  for (const auto& g : c.genes) {
    j["genes"].push_back({{"symbol", g.symbol}, {"name", g.name}, {"association", g.association},
                          {"hgnc", g.hgnc}, {"omim", g.omim}});
  }
  j["cross_references"] = json::array();
  for (const auto& x : c.xrefs) {
    j["cross_references"].push_back({{"system", x.system}, {"code", x.code}, {"origin", x.origin},
                                     {"relation", x.relation}});
  }
  return j;
}

std::string ConditionJsonLd(const Condition& c, const std::string& canonical_url, const LocalizedCondition* names) {
  const bool translated = names != nullptr && names->name.text != c.name;
  json ld = {{"@context", "https://schema.org"},
             {"@type", "MedicalCondition"},
             {"name", translated ? names->name.text : c.name},
             {"url", canonical_url}};
  std::vector<std::string> alternate = names != nullptr ? names->synonyms : c.synonyms;
  if (translated) alternate.insert(alternate.begin(), c.name);
  if (!alternate.empty()) ld["alternateName"] = alternate;
  if (!c.definition.empty()) ld["description"] = c.definition;
  json codes = json::array({{{"@type", "MedicalCode"}, {"codeValue", std::to_string(c.orphacode)},
                             {"codingSystem", "ORPHA"}}});
  for (const auto& x : c.xrefs) {
    if (x.system == "OMIM" || x.system == "ICD-10" || x.system == "ICD-11" || x.system == "MeSH") {
      codes.push_back({{"@type", "MedicalCode"}, {"codeValue", x.code}, {"codingSystem", x.system}});
    }
  }
  ld["code"] = codes;
  std::string text = JsonText(ld);
  // Inside <script>, "</" could end the block early; JSON allows "<\/" for it.
  for (std::size_t at = text.find("</"); at != std::string::npos; at = text.find("</", at + 2)) {
    text.replace(at, 2, "<\\/");
  }
  return text;
}

http::Response ConditionByOrphacode(ConditionStore& store, const http::Request& request) {
  const std::string& raw = request.Param("code");
  if (raw.empty() || raw.size() > 9 || raw.find_first_not_of("0123456789") != std::string::npos) {
    return NotFound(request);
  }
  auto slug = store.CanonicalSlugForOrphacode(std::stoi(raw));
  if (!slug.ok()) {
    return slug.status().code() == Status::Code::kNotFound
               ? NotFound(request)
               : pages::ErrorPage(&request, 503, Tr(kUnavailable));
  }
  return http::Response::Redirect("/conditions/" + *slug, 301);
}

std::variant<Condition, http::Response> ResolveConditionAddress(
    ConditionStore& store, const http::Request& request, const std::string& suffix,
    const std::function<http::Response(const http::Request&)>& not_found) {
  const std::string& requested = request.Param("slug");
  const std::string slug = NormaliseSlug(requested);
  if (slug.empty()) return not_found(request);
  auto found = store.FindBySlug(slug);
  if (!found.ok()) {
    if (found.status().code() != Status::Code::kNotFound) {
      return pages::ErrorPage(&request, 503, Tr(kUnavailable));
    }
    auto canonical = store.CanonicalSlugForSynonym(slug);
    if (canonical.ok()) return http::Response::Redirect("/conditions/" + *canonical + suffix, 301);
    return not_found(request);
  }
  if (slug != requested) return http::Response::Redirect("/conditions/" + slug + suffix, 301);
  return std::move(*found);
}

// The line under the answers: how many people shared an experience counted in the charts
// (consent (a)); 1 to 4 read "fewer than 5", as the experiences feature shows them.
static std::string ExperiencesLine(long long shared, const std::string& name) {
  if (shared <= 0) {
    return Tr("No one with {name} in the DiseaseMaps community has shared their experiences yet.", {{"name", name}});
  }
  if (shared < 5) {
    return Tr("Within the DiseaseMaps community, fewer than 5 people with {name} have shared their experiences.",
              {{"name", name}});
  }
  return i18n::Plural("Within the DiseaseMaps community, {count} person with {name} has shared their experiences.",
                      "Within the DiseaseMaps community, {count} people with {name} have shared their experiences.",
                      shared, {{"name", name}});
}

http::Response ConditionPage(ConditionStore& store, Database& db, const http::Request& request,
                             const CommunityBoxFn& community, unsigned status,
                             const ConditionPageSettings& settings) {
  auto resolved = ResolveConditionAddress(store, request, "", NotFound);
  if (auto* answer = std::get_if<http::Response>(&resolved)) return std::move(*answer);
  const Condition& c = std::get<Condition>(resolved);
  const std::string canonical = "/conditions/" + c.slug;
  const json facts = FactsView(c);
  LocalizedNamesStore names(db);
  auto shown = Localize(c, names, i18n::CurrentLanguage(), settings.unreviewed_labels);
  auto specialties = names.SpecialtiesOf(c.orphacode, std::string(i18n::InterfaceLanguage(i18n::CurrentLanguage())));
  auto answers = articles::LoadConditionAnswers(db, c.id, canonical, articles::AnswerStore::SystemNow(),
                                               i18n::CurrentLanguage());
  auto shared = store.CountPeopleWhoShared(c.id);
  if (!shown.ok() || !specialties.ok() || !answers.ok() || !shared.ok()) {
    return pages::ErrorPage(&request, 503, Tr(kUnavailable));
  }
  const std::string& name = shown->name.text;
  json page = {
      {"title", name},
      {"description", MetaDescription(c, name)},
      {"canonical", canonical},
      {"jsonld", ConditionJsonLd(c, canonical, &*shown)},
      {"faq_jsonld", TextOrNull(answers->faq_jsonld)},
      {"answers", answers->view["answers"]},
      {"has_answers", answers->view["has_answers"]},
      {"experiences_line", ExperiencesLine(*shared, name)},
      {"experiences_href", canonical + "/experiences"},
      {"has_drafts", answers->view["has_drafts"]},
      {"orphacode", c.orphacode},
      {"entry_type", EntryTypeWords(c.entry_type)},
      {"obsolete", c.obsolete()},
      {"definition", TextOrNull(c.definition)},
      {"facts", facts},
      {"has_facts", !facts.empty()},
      {"symptom_groups", SymptomGroups(c, *shown)},
      {"accompanying", AccompanyingConditions(c, *shown)},
      {"has_symptoms", !c.phenotypes.empty()},
      {"has_accompanying", std::any_of(c.phenotypes.begin(), c.phenotypes.end(), [&](const Phenotype& p) {
         return KindOfSign(p, c, false) == SignKind::kAccompanyingCondition && PlainFrequency(p.frequency).rank != 5;
       })},
      {"symptoms_note", SymptomsNote(c, *shown)},
      {"genes", [&] {
         json genes = json::array();
         for (const auto& g : c.genes) {
           genes.push_back({{"symbol", g.symbol}, {"name", g.name}, {"association", TextOrNull(PlainGeneRole(g.association))}});
         }
         return genes;
       }()},
      {"has_genes", !c.genes.empty()},
      {"parents", RelatedView(c.parents, *shown)},
      {"children", RelatedView(c.children, *shown)},
      {"has_classification", !c.parents.empty() || !c.children.empty()},
      {"has_parents", !c.parents.empty()},
      {"has_children", !c.children.empty()},
      {"codes", CodesView(c)},
      {"references", ReferencesView(c)},
      {"from_orphanet", c.source == "orphanet"},
      {"data_version", c.data_version},
      {"search_href", "/search?q=" + http::PercentEncode(name)},
  };
  page.update(NameFields(*shown));
  page["reviewed_summary"] = TakeReviewedSummary(page["answers"]);
  page["has_answers"] = !page["answers"].empty();
  page["summary"] = CompiledSummaryParagraph(c, *shown, *specialties);
  page["questions"] = QuestionsForADoctor(c, name);
  page["orphanet_url"] = OrphanetUrl(c.orphacode);
  page["next_steps"] = NextStepsView(json::object());
  // Its place in the specialties, named in the page's language (the summary's copy is
  // read in the interface language, which is the same unless the page is names-only).
  auto places = i18n::InterfaceLanguage(i18n::CurrentLanguage()) == i18n::CurrentLanguage()
                    ? specialties
                    : names.SpecialtiesOf(c.orphacode, i18n::CurrentLanguage());
  if (!places.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
  page["places"] = PlacesView(*places, i18n::CurrentLanguage());
  page["has_places"] = !page["places"].empty();
  if (page["has_places"].get<bool>()) page["has_classification"] = true;
  if (!c.children.empty()) {
    auto rarities = store.ChildPrevalences(c.orphacode);
    if (!rarities.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
    AddRarity(page["children"], *rarities);
    // A group lists its subtypes first, on the first screen, not again further down.
    if (IsGroup(c)) {
      page["subtypes_first"] = true;
      page["has_children"] = false;
      page["has_classification"] = !c.parents.empty() || !page["places"].empty();
    }
  }
  if (shown->synonyms.size() > kSynonymsShown + 1) {
    const std::vector<std::string> first(shown->synonyms.begin(), shown->synonyms.begin() + kSynonymsShown);
    const std::vector<std::string> rest(shown->synonyms.begin() + kSynonymsShown, shown->synonyms.end());
    page["synonyms"] = first;
    page["more_synonyms"] = rest;
    page["more_synonyms_label"] = i18n::Plural("and {count} other name", "and {count} other names",
                                               static_cast<long long>(rest.size()));
  }
  if (c.replacement) {
    const ShownText replacement = RelatedName(*c.replacement, *shown);
    page["replacement"] = {{"name", replacement.text}, {"href", Href(c.replacement->slug)}};
  }
  if (community) {
    auto box = community(c);
    if (!box.ok()) return pages::ErrorPage(&request, 503, Tr(kUnavailable));
    page["community"] = *box;
    page["next_steps"] = NextStepsView(*box);
  }
  http::Response response = http::Response::Html(Templates::RenderPage("condition", page), status);
  if (request.viewer.signed_in()) response.NoStore();  // holds a form's token
  return response;
}

}  // namespace diseasemaps::catalog
