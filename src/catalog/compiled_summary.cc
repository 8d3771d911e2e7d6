// The compiled summary of a condition. See compiled_summary.h.
#include "catalog/compiled_summary.h"

#include <algorithm>
#include <map>

#include "catalog/plain_words.h"
#include "catalog/signs.h"
#include "platform/i18n.h"
#include "platform/text.h"

namespace diseasemaps::catalog {
namespace {

using i18n::N_;
using i18n::Tr;

// What kind of entry it is, as a sentence naming it.
std::string KindSentence(const Condition& c, const std::string& given_name) {
  const std::string name = CollapseWhitespace(given_name);
  static const std::map<std::string, const char*> kKinds = {
      {"Disease", N_("{name} is a rare disease.")},
      {"Malformation syndrome",
       N_("{name} is a rare malformation syndrome: a set of differences in how the body formed, present from birth.")},
      {"Clinical syndrome", N_("{name} is a rare clinical syndrome: a set of signs that occur together.")},
      {"Morphological anomaly", N_("{name} is a rare difference in the shape or structure of part of the body.")},
      {"Biological anomaly", N_("{name} is a rare difference found in laboratory tests.")},
      {"Particular clinical situation in a disease or syndrome",
       N_("{name} is a particular situation that can arise in a rare disease or syndrome.")},
      {"Clinical group", N_("{name} is a group of related rare conditions.")},
      {"Category", N_("{name} is a category of rare conditions.")},
      {"Etiological subtype", N_("{name} is a form of a rare condition, set apart by its cause.")},
      {"Clinical subtype", N_("{name} is a form of a rare condition, set apart by how it shows.")},
      {"Histopathological subtype", N_("{name} is a form of a rare condition, set apart by how its tissue looks under a microscope.")},
  };
  auto kind = kKinds.find(c.entry_type);
  if (kind == kKinds.end()) return Tr("{name} is a rare condition.", {{"name", name}});
  std::string sentence = Tr(kind->second, {{"name", name}});
  const bool subtype = c.entry_type.find("subtype") != std::string::npos;
  if (subtype && !c.parents.empty()) {
    sentence = Tr("{name} is a form of {parent}.", {{"name", name}, {"parent", CollapseWhitespace(c.parents.front().name)}});
  }
  return sentence;
}

// How rare, from the most telling record: a worldwide point prevalence first, then any
// class, then case counts.
std::string RaritySentence(const Condition& c) {
  static const std::map<std::string, const char*> kClasses = {
      {"<1 / 1 000 000", N_("It is extremely rare.")},
      {"1-9 / 1 000 000", N_("It is very rare.")},
      {"1-9 / 100 000", N_("It is rare.")},
      {"1-5 / 10 000", N_("It is rare, though less so than most rare conditions.")},
      {"6-9 / 10 000", N_("It is among the more common rare conditions.")},
      {">1 / 1000", N_("It is not rare: more than 1 in 1,000 people have it.")},
  };
  const Prevalence* best = MostTellingPrevalence(c.prevalences);
  if (best != nullptr) return Tr(kClasses.at(best->prevalence_class));
  long long reported = 0;
  bool families = false;
  for (const auto& p : c.prevalences) {
    if (p.type != "Cases/families") continue;
    try {
      const long long n = std::stoll(p.mean_value);
      if (n > reported) {
        reported = n;
        families = p.qualification.rfind("Famil", 0) == 0;
      }
    } catch (const std::exception&) {
    }
  }
  if (reported > 0) {
    return families ? i18n::Plural("It is extremely rare: {count} family has been reported.",
                                   "It is extremely rare: {count} families have been reported.", reported)
                    : i18n::Plural("It is extremely rare: {count} person has been reported.",
                                   "It is extremely rare: {count} people have been reported.", reported);
  }
  return "";
}

std::string InheritanceSentence(const Condition& c) {
  static const std::map<std::string, const char*> kShort = {
      {"Autosomal recessive", N_("It runs in families: a child has it when both parents pass on a changed gene.")},
      {"Autosomal dominant", N_("It runs in families: one changed gene, from either parent or new in the child, is enough.")},
      {"X-linked recessive", N_("It runs in families through a gene on the X chromosome, and mostly affects boys.")},
      {"X-linked dominant", N_("It runs in families through a gene on the X chromosome, and affects girls and boys.")},
      {"Mitochondrial inheritance", N_("It passes from mother to child through the mitochondria's own genes.")},
      {"Multigenic/multifactorial", N_("Several genes and other factors play a part; it does not follow a simple pattern in families.")},
      {"Semi-dominant", N_("It runs in families: one changed gene causes signs, and two cause more severe ones.")},
      {"Y-linked", N_("It passes from father to son through a gene on the Y chromosome.")},
      {"Oligogenic", N_("Changes in a few genes together cause it.")},
      {"Not applicable", N_("It is not inherited.")},
      {"Unknown", N_("Whether it is inherited is not known.")},
  };
  std::vector<const char*> said;
  for (const auto& mode : c.inheritance) {
    auto it = kShort.find(mode);
    if (it != kShort.end() && std::find(said.begin(), said.end(), it->second) == said.end()) said.push_back(it->second);
  }
  if (said.empty()) return "";
  if (said.size() > 1) return Tr("It can be inherited in more than one way, depending on the family.");
  return Tr(said.front());
}

// "a, b and c", in the current language.
std::string AndList(const std::vector<std::string>& items) {
  if (items.empty()) return "";
  std::string text = items.front();
  for (std::size_t i = 1; i < items.size(); ++i) {
    text = i + 1 == items.size() ? Tr("{earlier} and {last}", {{"earlier", text}, {"last", items[i]}})
                                 : Tr("{earlier}, {next}", {{"earlier", text}, {"next", items[i]}});
  }
  return text;
}

std::string LowerFirstAscii(std::string s) {
  // Labels start with a capital ("Ataxia"); inside a sentence they do not. Only an ASCII
  // capital followed by a lower-case letter is lowered, so abbreviations stay ("EEG").
  if (s.size() > 1 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

}  // namespace

std::vector<std::size_t> SummarySigns(const Condition& c, std::size_t limit) {
  std::vector<std::size_t> chosen;
  for (int top_rank : {1, 2}) {  // always/almost always, else often
    for (std::size_t i = 0; i < c.phenotypes.size() && chosen.size() < limit; ++i) {
      const bool a_sign = KindOfSign(c.phenotypes[i], c, true) != SignKind::kAccompanyingCondition;
      if (a_sign && PlainFrequency(c.phenotypes[i].frequency).rank <= top_rank) chosen.push_back(i);
    }
    if (!chosen.empty()) break;
  }
  return chosen;
}

std::vector<std::string> CompiledSummary(const Condition& c, const SummaryInputs& inputs) {
  std::vector<std::string> sentences;
  sentences.push_back(KindSentence(c, inputs.name));
  if (std::string s = RaritySentence(c); !s.empty()) sentences.push_back(std::move(s));
  if (std::string s = PlainOnsets(c.onsets); !s.empty()) sentences.push_back(std::move(s));
  if (std::string s = InheritanceSentence(c); !s.empty()) sentences.push_back(std::move(s));
  if (!inputs.sign_labels.empty()) {
    std::vector<std::string> signs;
    for (const auto& label : inputs.sign_labels) signs.push_back(LowerFirstAscii(label));
    sentences.push_back(i18n::Plural("Its most frequent sign is {signs}.", "Its most frequent signs are {signs}.",
                                     static_cast<long long>(signs.size()), {{"signs", AndList(signs)}}));
  }
  if (!inputs.specialties.empty()) {
    std::vector<std::string> specialties;
    for (const auto& name : inputs.specialties) specialties.push_back(LowerFirstAscii(name));
    sentences.push_back(Tr("Orphanet classes it among: {specialties}.", {{"specialties", AndList(specialties)}}));
  }
  return sentences;
}

}  // namespace diseasemaps::catalog
