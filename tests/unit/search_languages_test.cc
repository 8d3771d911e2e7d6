// Search in nine languages: the normalisation and the stemming chosen per language, the
// `lang` parameter's check, and the in-memory side (suggestions, symptom labels, typo
// vocabulary) on hand-made records with translated names and HPO labels.
#include <gtest/gtest.h>

#include <algorithm>

#include "search/languages.h"
#include "search/normalize.h"
#include "search/snapshot.h"
#include "search/stemming.h"

namespace diseasemaps::search {
namespace {

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

Lang L(std::string_view code) { return *LanguageOf(code); }

TEST(SearchLanguages, NineCodesAndAClearRefusalForOthers) {
  EXPECT_EQ(LanguageCode(L("es")), "es");
  EXPECT_EQ(L("en"), kEnglish);
  EXPECT_FALSE(LanguageOf("EN"));
  EXPECT_FALSE(LanguageOf("sv"));
  EXPECT_EQ(*RequestedLanguage(std::nullopt), kEnglish);
  EXPECT_EQ(*RequestedLanguage(""), kEnglish);
  EXPECT_EQ(*RequestedLanguage("pt"), L("pt"));
  const auto bad = RequestedLanguage("klingon");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "lang must be one of cs, de, en, es, fr, it, nl, pl, pt (it was \"klingon\")");
}

TEST(SearchLanguages, EachLanguageHasItsStemmerAndCzechAndPolishNone) {
  EXPECT_EQ(StemmerName(L("es")), "spanish");
  EXPECT_EQ(StemmerName(L("fr")), "french");
  EXPECT_EQ(StemmerName(L("de")), "german");
  EXPECT_EQ(StemmerName(L("it")), "italian");
  EXPECT_EQ(StemmerName(L("pt")), "portuguese");
  EXPECT_EQ(StemmerName(L("nl")), "dutch");
  EXPECT_EQ(StemmerName(L("en")), "english");
  EXPECT_EQ(StemmerName(L("cs")), "");
  EXPECT_EQ(StemmerName(L("pl")), "");
}

TEST(SearchLanguages, PluralsMeetTheirSingularInTheirLanguage) {
  EXPECT_EQ(StemIn("enfermedades", L("es")), StemIn("enfermedad", L("es")));
  EXPECT_EQ(StemIn("musculares", L("es")), StemIn("muscular", L("es")));
  EXPECT_EQ(StemIn("maladies", L("fr")), StemIn("maladie", L("fr")));
  EXPECT_EQ(StemIn("krankheiten", L("de")), StemIn("krankheit", L("de")));
  EXPECT_EQ(StemIn("malattie", L("it")), StemIn("malattia", L("it")));
  EXPECT_EQ(StemIn("doencas", L("pt")), StemIn("doenca", L("pt")));
  EXPECT_EQ(StemIn("ziekten", L("nl")), StemIn("ziekte", L("nl")));
  EXPECT_EQ(StemIn("movements", kEnglish), Stem("movements"));
  // No stemmer: the folded word as it is.
  EXPECT_EQ(StemIn("nemoci", L("cs")), "nemoci");
  EXPECT_EQ(StemIn("choroby", L("pl")), "choroby");
  EXPECT_EQ(StemIn("1183", L("es")), "1183");
}

TEST(SearchLanguages, AccentsCaseAndPunctuationDoNotMatter) {
  EXPECT_EQ(Normalize("SÍNDROME de Opsoclono-Mioclono"), "sindrome de opsoclono mioclono");
  EXPECT_EQ(Normalize("Zespół Guillaina-Barrégo"), "zespol guillaina barrego");
  EXPECT_EQ(Normalize("Syndrom des ‚tanzenden Augen‘"), "syndrom des tanzenden augen");
  // Elided articles separate; other apostrophes join.
  EXPECT_EQ(Normalize("Maladie d'Alzheimer"), "maladie d alzheimer");
  EXPECT_EQ(Normalize("sindrome dell’X fragile"), "sindrome dell x fragile");
  EXPECT_EQ(Normalize("Huntington's disease"), "huntingtons disease");
  const std::vector<WordForm> forms = WordForms("Inflamación CRÓNICA");
  ASSERT_EQ(forms.size(), 2u);
  EXPECT_EQ(forms[0].folded, "inflamacion");
  EXPECT_EQ(forms[0].lower, "inflamación");
  EXPECT_EQ(forms[1].lower, "crónica");
  for (const char* stop : {"de", "des", "und", "di", "the"}) EXPECT_TRUE(IsStopword(stop)) << stop;
  EXPECT_FALSE(IsStopword("ojos"));
}

TEST(SearchLanguages, AnAccentedWordIsIndexedSoThatBothSpellingsFindIt) {
  std::vector<std::string> stems;
  AddIndexStems(WordForms("inflamación")[0], L("es"), stems);
  EXPECT_TRUE(Contains(stems, "inflamacion"));
  EXPECT_TRUE(Contains(stems, "inflam"));
  // Typed without the accent, or in the plural: one of its stems meets the label.
  const std::vector<std::string> bare = QueryStems(WordForms("inflamacion")[0]);
  const std::vector<std::string> plural = QueryStems(WordForms("inflamaciones")[0]);
  EXPECT_TRUE(Contains(bare, "inflamacion"));
  EXPECT_TRUE(Contains(plural, "inflam"));
  // A query word is stemmed in every language, English first, each stem once.
  const std::vector<std::string> q = QueryStems(WordForms("maladies")[0]);
  EXPECT_EQ(q.front(), Stem("maladies"));
  EXPECT_TRUE(Contains(q, StemIn("maladies", L("fr"))));
  EXPECT_TRUE(Contains(q, "maladies"));  // as written, for Czech and Polish
  EXPECT_EQ(std::set<std::string>(q.begin(), q.end()).size(), q.size());
}

SearchRecord OmsInLanguages() {
  SearchRecord r;
  r.id = 1;
  r.orphacode = 1183;
  r.slug = "opsoclonus-myoclonus-syndrome";
  r.name = "Opsoclonus-myoclonus syndrome";
  r.synonyms = {"Kinsbourne syndrome"};
  r.codes = {"ORPHA:1183"};
  r.features = {{"HP:0010543", "Opsoclonus", "", "Very frequent (99-80%)", {}},
                {"HP:0001336", "Myoclonus", "", "Very frequent (99-80%)", {}}};
  r.translations = {{L("es"), "Síndrome de opsoclono-mioclono", true},
                    {L("fr"), "Syndrome opsoclonus-myoclonus", true},
                    {L("fr"), "Syndrome de Kinsbourne", false}};
  return r;
}

std::shared_ptr<const Snapshot> Languages() {
  RecordMap records;
  records.emplace(1, std::make_shared<const SearchRecord>(OmsInLanguages()));
  SearchRecord other;
  other.id = 2;
  other.orphacode = 2000;
  other.slug = "myoclonus-dystonia";
  other.name = "Myoclonus-dystonia syndrome";
  records.emplace(2, std::make_shared<const SearchRecord>(other));
  return BuildSnapshot(records, {{"HP:0010543", L("es"), "Opsoclonía"},
                                 {"HP:0001336", L("es"), "Sacudidas musculares"},
                                 {"HP:0001336", L("fr"), "Secousses involontaires"},
                                 {"HP:9999999", L("es"), "Nadie la tiene"}});
}

TEST(SearchLanguages, SuggestFindsEveryLanguageAndNamesInTheRequestedOne) {
  const auto s = Languages();
  auto es = s->suggest.Suggest("sindrome de opso", SuggestIndex::kLimit, L("es"));
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].orphacode, 1183);
  EXPECT_EQ(es[0].label, "Síndrome de opsoclono-mioclono");
  EXPECT_EQ(es[0].name, "Síndrome de opsoclono-mioclono");
  EXPECT_EQ(es[0].name_lang, L("es"));
  // A French synonym, shown with the Dutch name, which does not exist: English then.
  auto nl = s->suggest.Suggest("syndrome de kins", SuggestIndex::kLimit, L("nl"));
  ASSERT_EQ(nl.size(), 1u);
  EXPECT_EQ(nl[0].label, "Syndrome de Kinsbourne");
  EXPECT_EQ(nl[0].name, "Opsoclonus-myoclonus syndrome");
  EXPECT_EQ(nl[0].name_lang, kEnglish);
  // The record says which name is the one in a language.
  EXPECT_EQ(s->Find(1)->NameIn(L("fr")), "Syndrome opsoclonus-myoclonus");
  EXPECT_EQ(s->Find(1)->NameIn(L("pl")), "Opsoclonus-myoclonus syndrome");
}

TEST(SearchLanguages, TranslatedPhenotypeLabelsMatchSymptomsInTheirLanguage) {
  const auto s = Languages();
  std::vector<std::string> stems;
  for (const WordForm& w : WordForms("sacudidas musculares")) {
    for (const std::string& v : QueryStems(w)) stems.push_back(v);
  }
  const FeatureMatch match = s->features.Match(stems);
  ASSERT_EQ(match.hpo_ids.size(), 1u);
  EXPECT_EQ(match.hpo_ids[0], "HP:0001336");
  EXPECT_EQ(match.labels[0], "Sacudidas musculares");
  const std::vector<FeatureHit> ranked = s->features.Rank(match);
  ASSERT_FALSE(ranked.empty());
  EXPECT_EQ(ranked[0].condition_id, 1);
}

TEST(SearchLanguages, TyposAreCorrectedInEveryLanguage) {
  const auto s = Languages();
  EXPECT_EQ(s->vocabulary.Correct("opsoclomo"), "opsoclono");
  EXPECT_EQ(s->vocabulary.Correct("secousess"), "secousses");
  EXPECT_EQ(s->vocabulary.Correct("sindorme"), "sindrome");
  // Per language, the generic words of names are left out of label coverage.
  const auto& labels = s->label_stems.at(1);
  EXPECT_TRUE(std::any_of(labels.begin(), labels.end(), [](const LabelStems& l) { return l.lang == L("es"); }));
}

}  // namespace
}  // namespace diseasemaps::search
