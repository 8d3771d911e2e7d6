#include "catalog/plain_words.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <regex>
#include <set>
#include <string_view>

#include "platform/i18n.h"

namespace diseasemaps::catalog {
namespace {

using i18n::N_;
using i18n::Tr;

std::string Lookup(const std::map<std::string, std::string>& table, const std::string& key,
                   const std::string& fallback) {
  auto it = table.find(key);
  return it == table.end() ? fallback : it->second;
}

std::string LowerFirst(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

// Orphanet's place of a prevalence in the page's language. Regions are our messages;
// countries are ISO 3166-1 names, which Debian's iso-codes translates (compiled into
// our catalogues, scripts/build-catalogues.mjs). Orphanet writes a few countries by older
// or differently cased names: those are mapped to ISO's first. Unknown places stay as
// Orphanet writes them.
std::string PlaceName(const std::string& geography) {
  static const std::map<std::string, std::string> kRegions = {
      {"Europe", N_("Europe")},
      {"Africa", N_("Africa")},
      {"North America", N_("North America")},
      {"Latin America", N_("Latin America")},
      {"Oceania", N_("Oceania")},
      {"South East Asia", N_("South-East Asia")},
      {"Western Asia", N_("Western Asia")},
      {"Eastern Mediterranean Asia", N_("the Eastern Mediterranean")},
      {"Specific population", N_("a specific population")},
  };
  static const std::map<std::string, std::string> kIsoNames = {
      {"Czech Republic", "Czechia"},
      {"Reunion", "Réunion"},
      {"Turkey", "Türkiye"},
      {"Libyan Arab Jamahiriya", "Libya"},
      {"Palestinian Territory, occupied", "Palestine, State of"},
      {"Costa rica", "Costa Rica"},
      {"Puerto rico", "Puerto Rico"},
      {"Sierra leone", "Sierra Leone"},
  };
  auto region = kRegions.find(geography);
  if (region != kRegions.end()) return Tr(region->second);
  return Tr(Lookup(kIsoNames, geography, geography));
}

}  // namespace

std::string PlainPrevalenceClass(const std::string& prevalence_class) {
  static const std::map<std::string, std::string> kClasses = {
      {">1 / 1000", N_("more than 1 in 1,000 people")},
      {"6-9 / 10 000", N_("about 6 to 9 in 10,000 people")},
      {"1-5 / 10 000", N_("about 1 to 5 in 10,000 people")},
      {"1-9 / 100 000", N_("about 1 to 9 in 100,000 people")},
      {"1-9 / 1 000 000", N_("about 1 to 9 in 1,000,000 people")},
      {"<1 / 1 000 000", N_("fewer than 1 in 1,000,000 people")},
      {"Unknown", ""},
      {"Not yet documented", ""},
      {"no data", ""},
  };
  return Tr(Lookup(kClasses, prevalence_class, prevalence_class));
}

namespace {

// The same classes for births: "babies" where the others say "people".
std::string PlainBirthClass(const std::string& prevalence_class) {
  static const std::map<std::string, std::string> kClasses = {
      {">1 / 1000", N_("more than 1 in 1,000 babies")},
      {"6-9 / 10 000", N_("about 6 to 9 in 10,000 babies")},
      {"1-5 / 10 000", N_("about 1 to 5 in 10,000 babies")},
      {"1-9 / 100 000", N_("about 1 to 9 in 100,000 babies")},
      {"1-9 / 1 000 000", N_("about 1 to 9 in 1,000,000 babies")},
      {"<1 / 1 000 000", N_("fewer than 1 in 1,000,000 babies")},
  };
  auto it = kClasses.find(prevalence_class);
  return it == kClasses.end() ? PlainPrevalenceClass(prevalence_class) : Tr(it->second);
}

}  // namespace

const Prevalence* MostTellingPrevalence(const std::vector<Prevalence>& prevalences) {
  static const std::set<std::string> kClasses = {">1 / 1000",     "6-9 / 10 000",    "1-5 / 10 000",
                                                 "1-9 / 100 000", "1-9 / 1 000 000", "<1 / 1 000 000"};
  const Prevalence* best = nullptr;
  int best_score = -1;
  for (const auto& p : prevalences) {
    if (!kClasses.count(p.prevalence_class)) continue;
    const int score = (p.type == "Point prevalence" ? 4 : p.type == "Prevalence at birth" ? 2 : 1) +
                      (p.geography.empty() || p.geography == "Worldwide" ? 2 : 0);
    if (score > best_score) {
      best = &p;
      best_score = score;
    }
  }
  return best;
}

std::string PlainRarityPhrase(const std::vector<Prevalence>& prevalences) {
  if (const Prevalence* best = MostTellingPrevalence(prevalences)) {
    return best->type == "Prevalence at birth" ? PlainBirthClass(best->prevalence_class)
                                               : PlainPrevalenceClass(best->prevalence_class);
  }
  long long reported = 0;
  bool families = false;
  for (const auto& p : prevalences) {
    if (p.type != "Cases/families") continue;
    long long n = 0;
    const char* end = p.mean_value.data() + p.mean_value.size();
    auto [ptr, ec] = std::from_chars(p.mean_value.data(), end, n);
    if (ec != std::errc() || ptr != end || n <= reported) continue;
    reported = n;
    families = p.qualification.rfind("Famil", 0) == 0;
  }
  if (reported == 0) return "";
  return families ? i18n::Plural("{count} family reported", "{count} families reported", reported)
                  : i18n::Plural("{count} person reported", "{count} people reported", reported);
}

std::string PlainPrevalence(const Prevalence& p) {
  // Each sentence whole, worldwide or in a named place, so translators see all of it.
  const bool worldwide = p.geography.empty() || p.geography == "Worldwide";
  const auto say = [&](const char* everywhere, const char* somewhere, const std::string& amount) {
    return worldwide ? Tr(everywhere, {{"amount", amount}})
                     : Tr(somewhere, {{"amount", amount}, {"place", PlaceName(p.geography)}});
  };
  if (p.type == "Cases/families") {
    long long n = 0;
    const char* end = p.mean_value.data() + p.mean_value.size();
    auto [ptr, ec] = std::from_chars(p.mean_value.data(), end, n);
    if (ec != std::errc() || ptr != end || n < 0) return "";  // "no data", or not a count
    const bool families = p.qualification.rfind("Famil", 0) == 0;
    if (families) {
      return worldwide ? i18n::Plural("{count} family has been reported worldwide.",
                                      "{count} families have been reported worldwide.", n)
                       : i18n::Plural("{count} family has been reported in {place}.",
                                      "{count} families have been reported in {place}.", n, {{"place", PlaceName(p.geography)}});
    }
    return worldwide ? i18n::Plural("{count} case has been reported worldwide.",
                                    "{count} cases have been reported worldwide.", n)
                     : i18n::Plural("{count} case has been reported in {place}.",
                                    "{count} cases have been reported in {place}.", n, {{"place", PlaceName(p.geography)}});
  }
  const std::string amount = p.type == "Prevalence at birth" ? PlainBirthClass(p.prevalence_class)
                                                             : PlainPrevalenceClass(p.prevalence_class);
  if (amount.empty()) return "";
  // The amount says whether it is approximate ("about 1 to 9 in …", "fewer than 1 in
  // …"), so no sentence starts with it or adds "about" of its own.
  // TRANSLATORS: {amount} is a phrase such as "about 1 to 9 in 100,000 people" or
  // "fewer than 1 in 1,000,000 people"; {place} a region or a country.
  if (p.type == "Point prevalence") {
    return say(N_("At any one time, {amount} worldwide live with it."),
               N_("At any one time, {amount} in {place} live with it."), amount);
  }
  if (p.type == "Annual incidence") {
    return say(N_("Each year, {amount} worldwide develop it."), N_("Each year, {amount} in {place} develop it."),
               amount);
  }
  if (p.type == "Prevalence at birth") {
    return say(N_("At birth, {amount} worldwide have it."), N_("At birth, {amount} in {place} have it."), amount);
  }
  if (p.type == "Lifetime Prevalence") {
    return say(N_("Over a lifetime, {amount} worldwide have it."),
               N_("Over a lifetime, {amount} in {place} have it."), amount);
  }
  return worldwide ? Tr("{kind}: {amount} worldwide.", {{"amount", amount}, {"kind", p.type}})
                   : Tr("{kind}: {amount} in {place}.",
                        {{"amount", amount}, {"place", PlaceName(p.geography)}, {"kind", p.type}});
}

std::string PlainOnsets(const std::vector<std::string>& onsets) {
  // Orphanet's ages of onset, youngest first: the sentence lists them in this order.
  static const std::vector<std::pair<std::string, const char*>> kAges = {
      {"Antenatal", N_("before birth")},
      {"Neonatal", N_("in the first four weeks after birth")},
      {"Infancy", N_("in infancy (the first two years)")},
      {"Childhood", N_("in childhood")},
      {"Adolescent", N_("in adolescence")},
      {"Adult", N_("in adulthood")},
      {"Elderly", N_("in later life")},
  };
  std::vector<std::string> phrases;
  bool any_age = false;
  for (const auto& [onset, phrase] : kAges) {
    if (std::find(onsets.begin(), onsets.end(), onset) != onsets.end()) phrases.push_back(Tr(phrase));
  }
  for (const auto& onset : onsets) {
    if (onset == "All ages") any_age = true;
    const bool known = onset == "All ages" || onset == "No data available" || onset.empty() ||
                       std::any_of(kAges.begin(), kAges.end(), [&](const auto& age) { return age.first == onset; });
    if (!known) phrases.push_back(LowerFirst(onset));  // a class we do not know: as Orphanet writes it
  }
  // "All ages" with ages beside it says the same as all of them; alone it is the sentence.
  if (any_age && phrases.size() != 1) return Tr("It can start at any age.");
  if (phrases.empty()) return "";
  std::string when = phrases.front();
  for (std::size_t i = 1; i < phrases.size(); ++i) {
    when = i + 1 == phrases.size() ? Tr("{earlier} or {last}", {{"earlier", when}, {"last", phrases[i]}})
                                   : Tr("{earlier}, {next}", {{"earlier", when}, {"next", phrases[i]}});
  }
  // TRANSLATORS: {when} is one or more ages joined: "in childhood or in adolescence".
  return Tr("It usually starts {when}.", {{"when", when}});
}

std::string PlainGeneRole(const std::string& association) {
  static const std::map<std::string, std::string> kRoles = {
      {"Disease-causing germline mutation(s) in", N_("changes in this gene cause it")},
      {"Disease-causing germline mutation(s) (loss of function) in",
       N_("changes that stop this gene working cause it")},
      {"Disease-causing germline mutation(s) (gain of function) in",
       N_("changes that make this gene overactive cause it")},
      {"Disease-causing somatic mutation(s) in", N_("changes in this gene, arising in some of the body's cells, cause it")},
      {"Role in the phenotype of", N_("this gene plays a part in its signs")},
      {"Major susceptibility factor in", N_("changes in this gene make it much more likely")},
      {"Modifying germline mutation in", N_("changes in this gene alter how it shows")},
      {"Part of a fusion gene in", N_("this gene is part of a fused gene found in it")},
      {"Candidate gene tested in", N_("this gene is being studied as a possible cause")},
      {"Biomarker tested in", N_("this gene is tested as a marker of it")},
  };
  auto it = kRoles.find(association);
  if (it != kRoles.end()) return Tr(it->second);
  // An association we do not know: Orphanet's words without their dangling preposition.
  std::string words = association;
  for (const char* tail : {" in", " of"}) {
    const std::string t = tail;
    if (words.size() > t.size() && words.compare(words.size() - t.size(), t.size(), t) == 0) {
      words.resize(words.size() - t.size());
    }
  }
  return words;
}

std::string PlainInheritance(const std::string& inheritance) {
  static const std::map<std::string, std::string> kInheritance = {
      {"Autosomal recessive",
       N_("Autosomal recessive: a child is affected when they inherit a changed copy of the gene "
          "from both parents. Parents who each carry one copy are usually healthy.")},
      {"Autosomal dominant",
       N_("Autosomal dominant: one changed copy of the gene, from either parent or arising new, "
          "is enough. Each child of an affected parent has a 1 in 2 chance of inheriting it.")},
      {"X-linked recessive",
       N_("X-linked recessive: the gene is on the X chromosome. Boys are mostly affected; women who "
          "carry it usually have mild signs or none.")},
      {"X-linked dominant",
       N_("X-linked dominant: the gene is on the X chromosome, and one changed copy is enough, so "
          "both girls and boys can be affected.")},
      {"Mitochondrial inheritance",
       N_("Mitochondrial: the change is in the mitochondria's own DNA, which children inherit from "
          "their mother.")},
      {"Multigenic/multifactorial",
       N_("Multifactorial: several genes together with other factors play a part; it does not "
          "follow a simple pattern in families.")},
      {"Semi-dominant", N_("Semi-dominant: one changed copy causes signs; two copies cause more severe ones.")},
      {"Y-linked", N_("Y-linked: the gene is on the Y chromosome, so it passes from father to son.")},
      {"Oligogenic", N_("Oligogenic: changes in a few genes together are needed.")},
      {"Not applicable", N_("It is not inherited.")},
      {"Unknown", N_("How it is inherited is not known.")},
      {"No data available", ""},
      {"Not yet documented", ""},
  };
  return Tr(Lookup(kInheritance, inheritance, inheritance));
}

FrequencyClass PlainFrequency(const std::string& f) {
  if (f.rfind("Obligate", 0) == 0) return {0, Tr("Always (in every person with it)")};
  if (f.rfind("Very frequent", 0) == 0) return {1, Tr("Almost always (80 to 99 in 100 people)")};
  if (f.rfind("Frequent", 0) == 0) return {2, Tr("Often (30 to 79 in 100 people)")};
  if (f.rfind("Occasional", 0) == 0) return {3, Tr("Sometimes (5 to 29 in 100 people)")};
  if (f.rfind("Very rare", 0) == 0) return {4, Tr("Rarely (1 to 4 in 100 people)")};
  if (f.rfind("Excluded", 0) == 0) return {5, Tr("Never (its absence helps tell this condition apart)")};
  return {6, f.empty() ? Tr("How often is not known") : f};
}

std::string EntryTypeWords(const std::string& entry_type) {
  // Orphanet's entry types (its nomenclature's fixed list).
  static const std::map<std::string, std::string> kTypes = {
      {"Disease", N_("Disease")},
      {"Malformation syndrome", N_("Malformation syndrome")},
      {"Clinical syndrome", N_("Clinical syndrome")},
      {"Morphological anomaly", N_("Morphological anomaly")},
      {"Biological anomaly", N_("Biological anomaly")},
      {"Particular clinical situation in a disease or syndrome", N_("Particular clinical situation in a disease or syndrome")},
      {"Clinical group", N_("Clinical group")},
      {"Etiological subtype", N_("Etiological subtype")},
      {"Clinical subtype", N_("Clinical subtype")},
      {"Histopathological subtype", N_("Histopathological subtype")},
      {"Category", N_("Category")},
  };
  auto it = kTypes.find(entry_type);
  return it == kTypes.end() ? entry_type : Tr(it->second);
}

std::vector<SourceLink> PlainSources(const std::string& source) {
  // Orphanet joins sources with "_"; each is "12345[PMID]", "ORPHANET", "[EXPERT]" or a
  // name with its kind in brackets ("RARECARE … in Europe[REG]"); a few are written by
  // hand ("PMID: 8595484 ; 29847346", an address).
  static const std::regex kTagged(R"(^(.*?)\s*\[([A-Z]+)\]$)");
  static const std::regex kPmids(R"(\d{5,9})");
  std::vector<SourceLink> links;
  auto pubmed = [&](const std::string& id) {
    links.push_back({"PMID " + id, "https://pubmed.ncbi.nlm.nih.gov/" + id + "/"});
  };
  std::size_t start = 0;
  while (start <= source.size()) {
    std::size_t end = source.find('_', start);
    if (end == std::string::npos) end = source.size();
    std::string part = source.substr(start, end - start);
    start = end + 1;
    // Stray characters around a source ("32668217[PMID]`") are typos in the data.
    while (!part.empty() && std::string_view(" `'.,;").find(part.back()) != std::string_view::npos) part.pop_back();
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    // A closing bracket too many ("28453180[PMID]]") is a typo in the data.
    while (!part.empty() && part.back() == ']' &&
           std::count(part.begin(), part.end(), ']') > std::count(part.begin(), part.end(), '[')) {
      part.pop_back();
    }
    if (part.empty()) continue;
    std::smatch tagged;
    std::string text = part, tag;
    if (std::regex_match(part, tagged, kTagged)) {
      text = tagged[1];
      tag = tagged[2];
    }
    if (tag == "PMID" || tag == "MPID" || text.rfind("PMID", 0) == 0 || part.find("[PMID]") != std::string::npos) {
      for (auto it = std::sregex_iterator(part.begin(), part.end(), kPmids); it != std::sregex_iterator(); ++it) {
        pubmed(it->str());
      }
    } else if (text == "ORPHANET") {
      links.push_back({"Orphanet", ""});
    } else if (tag == "EXPERT" || text == "EXPERT") {
      links.push_back({Tr("Expert opinion"), ""});
    } else if (text.rfind("https://", 0) == 0) {
      links.push_back({text, text});
    } else if (!text.empty()) {
      links.push_back({text, ""});  // a registry, an institution, a classification: its name
    } else if (tag == "REG") {
      links.push_back({Tr("A registry"), ""});
    } else if (tag == "INST") {
      links.push_back({Tr("An institution"), ""});
    } else if (tag == "AUTHOR") {
      links.push_back({Tr("The authors"), ""});
    } else {
      links.push_back({Tr("Another source"), ""});
    }
  }
  return links;
}

std::string XrefUrl(const CrossReference& x) {
  if (x.system == "OMIM") return "https://omim.org/entry/" + x.code;
  if (x.system == "MeSH") return "https://meshb.nlm.nih.gov/record/ui?ui=" + x.code;
  if (x.system == "ICD-10") return "https://icd.who.int/browse10/2019/en#/" + x.code;
  if (x.system == "ICD-11") {
    return x.code.rfind("http", 0) == 0 ? x.code : "https://icd.who.int/browse/2024-01/foundation/en#" + x.code;
  }
  if (x.system == "GARD") return "https://rarediseases.info.nih.gov/diseases/" + x.code + "/index";
  if (x.system == "MONDO") return "https://monarchinitiative.org/" + x.code;
  return "";  // UMLS, NORD, ICD-10-CM: no stable public page per code
}

}  // namespace diseasemaps::catalog
