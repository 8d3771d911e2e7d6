// Every entry of Orphanet's full catalogue (../shared/data, ~10,000 ORPHApackets) through
// the plain words, in English, Spanish and French, looking for each kind of defect a
// reader met: "about fewer than", onsets said as contradicting sentences, bracketed
// source tags, gene lines ending in a dangling "in", empty or unfilled text.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "catalog/condition_first_screen.h"
#include "catalog/plain_words.h"
#include "platform/i18n.h"
#include "catalogue_packets.h"

namespace diseasemaps::catalog {
namespace {

const std::vector<OrphaPacket>& AllPackets() { return test_support::AllCataloguePackets(); }

Prevalence AsPrevalence(const OrphaPrevalence& p) {
  return {p.type, p.qualification, p.prevalence_class, p.mean_value, p.geography, p.source};
}

// Defects a sentence must never have, with what each looks like.
void ExpectCleanSentence(const std::string& text, const std::string& where) {
  static const std::vector<std::pair<std::regex, const char*>> kDefects = {
      {std::regex(R"((^|[^\w])[Aa]bout (fewer|more) than)"), "an approximate bound said as 'about fewer/more than'"},
      {std::regex(R"(\[[A-Z]+\])"), "a bracketed source tag"},
      {std::regex(R"(\{[a-z_]+\})"), "an unfilled placeholder"},
      {std::regex(R"(\(\s*\))"), "empty brackets"},
      {std::regex(R"(\s{2,}|^\s|\s$)"), "stray spaces"},
      {std::regex(R"(\s[,.])"), "a space before punctuation"},
  };
  for (const auto& [pattern, what] : kDefects) {
    EXPECT_FALSE(std::regex_search(text, pattern)) << where << ": " << what << ": \"" << text << "\"";
  }
}

class PlainWordsCatalogue : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (AllPackets().size() < 1000) GTEST_SKIP() << "the full catalogue is not in ../shared/data";
  }
  i18n::ScopedLanguage language_{GetParam()};
};

TEST_P(PlainWordsCatalogue, EveryPrevalenceIsOneCleanSentence) {
  std::size_t said = 0;
  for (const auto& packet : AllPackets()) {
    for (const auto& p : packet.prevalences) {
      const std::string sentence = PlainPrevalence(AsPrevalence(p));
      if (sentence.empty()) continue;
      ++said;
      const std::string where = "ORPHA:" + std::to_string(packet.orphacode) + " " + p.type;
      ExpectCleanSentence(sentence, where);
      EXPECT_TRUE(sentence.back() == '.') << where << ": \"" << sentence << "\"";
      if (HasFailure()) return;  // one example is enough to read
    }
  }
  EXPECT_GT(said, 10000u);
}

TEST_P(PlainWordsCatalogue, EveryConditionsOnsetsAreOneSentence) {
  std::size_t said = 0;
  for (const auto& packet : AllPackets()) {
    const std::string sentence = PlainOnsets(packet.onsets);
    if (sentence.empty()) continue;
    ++said;
    const std::string where = "ORPHA:" + std::to_string(packet.orphacode);
    ExpectCleanSentence(sentence, where);
    EXPECT_EQ(sentence.find('.'), sentence.size() - 1) << where << ": one sentence: \"" << sentence << "\"";
    if (HasFailure()) return;
  }
  EXPECT_GT(said, 3000u);
}

TEST_P(PlainWordsCatalogue, EveryGeneRoleAndSourceReadsWithoutTags) {
  for (const auto& packet : AllPackets()) {
    const std::string where = "ORPHA:" + std::to_string(packet.orphacode);
    for (const auto& gene : packet.genes) {
      const std::string role = PlainGeneRole(gene.association);
      EXPECT_FALSE(role.empty()) << where << " " << gene.symbol;
      EXPECT_FALSE(std::regex_search(role, std::regex(R"(\s(in|of)$)"))) << where << ": \"" << role << "\"";
      ExpectCleanSentence(role, where);
    }
    for (const auto& p : packet.prevalences) {
      for (const auto& link : PlainSources(p.source)) {
        EXPECT_FALSE(link.label.empty()) << where << ": " << p.source;
        ExpectCleanSentence(link.label, where + " source " + p.source);
      }
    }
    if (HasFailure()) return;
  }
}

// The first screen's pieces for every entry: each subtype's rarity phrase, and the
// questions to take to a doctor (condition_first_screen.h), clean and complete.
TEST_P(PlainWordsCatalogue, EveryRarityPhraseAndDoctorsQuestionIsClean) {
  std::size_t phrases = 0;
  for (const auto& packet : AllPackets()) {
    const std::string where = "ORPHA:" + std::to_string(packet.orphacode);
    const Condition c = test_support::AsCondition(packet);
    const std::string rarity = PlainRarityPhrase(c.prevalences);
    if (!rarity.empty()) {
      ++phrases;
      ExpectCleanSentence(rarity, where + " rarity");
      EXPECT_NE(rarity.back(), '.') << where << ": a phrase, not a sentence: \"" << rarity << "\"";
    }
    const std::vector<std::string> questions = QuestionsForADoctor(c, c.name);
    EXPECT_GE(questions.size(), 2u) << where;
    for (const std::string& q : questions) {
      ExpectCleanSentence(q, where + " question");
      EXPECT_TRUE(q.ends_with("?")) << where << ": \"" << q << "\"";
    }
    if (HasFailure()) return;
  }
  EXPECT_GT(phrases, 5000u);
}

INSTANTIATE_TEST_SUITE_P(Languages, PlainWordsCatalogue, ::testing::Values("en", "es", "fr"),
                         [](const auto& info) { return info.param; });

TEST(PlainWords, OnsetsAreOneSentenceYoungestFirst) {
  EXPECT_EQ(PlainOnsets({"Childhood", "Infancy"}), "It usually starts in infancy (the first two years) or in childhood.");
  EXPECT_EQ(PlainOnsets({"Adult", "Antenatal", "Neonatal"}),
            "It usually starts before birth, in the first four weeks after birth or in adulthood.");
  EXPECT_EQ(PlainOnsets({"All ages"}), "It can start at any age.");
  EXPECT_EQ(PlainOnsets({"All ages", "Childhood", "Adult"}), "It can start at any age.");
  EXPECT_EQ(PlainOnsets({"No data available"}), "");
  EXPECT_EQ(PlainOnsets({}), "");
}

TEST(PlainWords, BoundsAreNotApproximatedTwice) {
  const Prevalence rare{"Point prevalence", "Class only", "<1 / 1 000 000", "", "Worldwide", "ORPHANET"};
  EXPECT_EQ(PlainPrevalence(rare), "At any one time, fewer than 1 in 1,000,000 people worldwide live with it.");
  const Prevalence range{"Annual incidence", "Class only", "1-9 / 100 000", "", "Europe", "ORPHANET"};
  EXPECT_EQ(PlainPrevalence(range), "Each year, about 1 to 9 in 100,000 people in Europe develop it.");
}

TEST(PlainWords, SourcesAreNamedOrLinkedNeverTagged) {
  auto labels = [](const std::string& source) {
    std::vector<std::string> out;
    for (const auto& link : PlainSources(source)) out.push_back(link.label + (link.url.empty() ? "" : " <" + link.url + ">"));
    return out;
  };
  EXPECT_EQ(labels("22033323[PMID]_RARECARE surveillance of rare cancers in Europe[REG]"),
            (std::vector<std::string>{"PMID 22033323 <https://pubmed.ncbi.nlm.nih.gov/22033323/>",
                                      "RARECARE surveillance of rare cancers in Europe"}));
  EXPECT_EQ(labels("[EXPERT]"), (std::vector<std::string>{"Expert opinion"}));
  EXPECT_EQ(labels("PMID: 8595484 ; 29847346").size(), 2u);
  EXPECT_EQ(labels("ORPHANET_WHO Classification of Tumours"),
            (std::vector<std::string>{"Orphanet", "WHO Classification of Tumours"}));
  EXPECT_EQ(labels("[REG]"), (std::vector<std::string>{"A registry"}));
}

TEST(PlainWords, GeneRolesAreClausesWithoutADanglingPreposition) {
  EXPECT_EQ(PlainGeneRole("Disease-causing germline mutation(s) in"), "changes in this gene cause it");
  EXPECT_EQ(PlainGeneRole("Something new in"), "Something new");
}

}  // namespace
}  // namespace diseasemaps::catalog
