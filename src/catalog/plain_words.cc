#include "catalog/plain_words.h"

#include <map>
#include <regex>

namespace diseasemaps::catalog {
namespace {

std::string Lookup(const std::map<std::string, std::string>& table, const std::string& key,
                   const std::string& fallback) {
  auto it = table.find(key);
  return it == table.end() ? fallback : it->second;
}

std::string LowerFirst(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

}  // namespace

std::string PlainPrevalenceClass(const std::string& prevalence_class) {
  static const std::map<std::string, std::string> kClasses = {
      {">1 / 1000", "more than 1 in 1,000 people"},
      {"6-9 / 10 000", "6 to 9 in 10,000 people"},
      {"1-5 / 10 000", "1 to 5 in 10,000 people"},
      {"1-9 / 100 000", "1 to 9 in 100,000 people"},
      {"1-9 / 1 000 000", "1 to 9 in 1,000,000 people"},
      {"<1 / 1 000 000", "fewer than 1 in 1,000,000 people"},
      {"Unknown", ""},
      {"Not yet documented", ""},
      {"no data", ""},
  };
  return Lookup(kClasses, prevalence_class, prevalence_class);
}

std::string PlainPrevalence(const Prevalence& p) {
  const std::string where =
      p.geography.empty() || p.geography == "Worldwide" ? "worldwide" : "in " + p.geography;
  if (p.type == "Cases/families") {
    if (p.mean_value.empty() || p.mean_value == "no data") return "";
    const bool families = p.qualification.rfind("Famil", 0) == 0;
    return p.mean_value + (families ? " families" : " cases") + " have been reported " + where + ".";
  }
  const std::string amount = PlainPrevalenceClass(p.prevalence_class);
  if (amount.empty()) return "";
  if (p.type == "Point prevalence") {
    return "About " + amount + " " + where + " live with it at any one time.";
  }
  if (p.type == "Annual incidence") {
    return "Each year, about " + amount + " " + where + " develop it.";
  }
  if (p.type == "Prevalence at birth") {
    std::string babies = amount;
    const std::size_t people = babies.rfind("people");
    if (people != std::string::npos) babies.replace(people, 6, "babies");
    return "About " + babies + " born " + where + " have it.";
  }
  if (p.type == "Lifetime Prevalence") {
    return "About " + amount + " " + where + " have it at some point in life.";
  }
  return "About " + amount + " " + where + " (" + LowerFirst(p.type) + ").";
}

std::string PlainOnset(const std::string& onset) {
  static const std::map<std::string, std::string> kOnsets = {
      {"Antenatal", "before birth"},
      {"Neonatal", "in the first four weeks after birth"},
      {"Infancy", "in infancy (the first two years)"},
      {"Childhood", "in childhood"},
      {"Adolescent", "in adolescence"},
      {"Adult", "in adulthood"},
      {"Elderly", "in later life"},
      {"All ages", "at any age"},
      {"No data available", ""},
  };
  return Lookup(kOnsets, onset, LowerFirst(onset));
}

std::string PlainInheritance(const std::string& inheritance) {
  static const std::map<std::string, std::string> kInheritance = {
      {"Autosomal recessive",
       "Autosomal recessive: a child is affected when they inherit a changed copy of the gene "
       "from both parents. Parents who each carry one copy are usually healthy."},
      {"Autosomal dominant",
       "Autosomal dominant: one changed copy of the gene, from either parent or arising new, "
       "is enough. Each child of an affected parent has a 1 in 2 chance of inheriting it."},
      {"X-linked recessive",
       "X-linked recessive: the gene is on the X chromosome. Boys are mostly affected; women who "
       "carry it usually have mild signs or none."},
      {"X-linked dominant",
       "X-linked dominant: the gene is on the X chromosome, and one changed copy is enough, so "
       "both girls and boys can be affected."},
      {"Mitochondrial inheritance",
       "Mitochondrial: the change is in the mitochondria's own DNA, which children inherit from "
       "their mother."},
      {"Multigenic/multifactorial",
       "Multifactorial: several genes together with other factors play a part; it does not "
       "follow a simple pattern in families."},
      {"Semi-dominant", "Semi-dominant: one changed copy causes signs; two copies cause more severe ones."},
      {"Y-linked", "Y-linked: the gene is on the Y chromosome, so it passes from father to son."},
      {"Oligogenic", "Oligogenic: changes in a few genes together are needed."},
      {"Not applicable", "It is not inherited."},
      {"Unknown", "How it is inherited is not known."},
      {"No data available", ""},
      {"Not yet documented", ""},
  };
  return Lookup(kInheritance, inheritance, inheritance);
}

FrequencyClass PlainFrequency(const std::string& f) {
  if (f.rfind("Obligate", 0) == 0) return {0, "Always (in every person with it)"};
  if (f.rfind("Very frequent", 0) == 0) return {1, "Almost always (80 to 99 in 100 people)"};
  if (f.rfind("Frequent", 0) == 0) return {2, "Often (30 to 79 in 100 people)"};
  if (f.rfind("Occasional", 0) == 0) return {3, "Sometimes (5 to 29 in 100 people)"};
  if (f.rfind("Very rare", 0) == 0) return {4, "Rarely (1 to 4 in 100 people)"};
  if (f.rfind("Excluded", 0) == 0) return {5, "Never (its absence helps tell this condition apart)"};
  return {6, f.empty() ? "How often is not known" : f};
}

std::vector<SourceLink> PlainSources(const std::string& source) {
  static const std::regex kPmid(R"((\d+)\[PMID\])");
  std::vector<SourceLink> links;
  if (source.empty()) return links;
  for (auto it = std::sregex_iterator(source.begin(), source.end(), kPmid);
       it != std::sregex_iterator(); ++it) {
    const std::string id = (*it)[1];
    links.push_back({"PMID " + id, "https://pubmed.ncbi.nlm.nih.gov/" + id + "/"});
  }
  if (source.find("ORPHANET") != std::string::npos) links.push_back({"Orphanet", ""});
  if (source.find("[EXPERT]") != std::string::npos) links.push_back({"Expert opinion", ""});
  if (links.empty()) links.push_back({source, ""});
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
