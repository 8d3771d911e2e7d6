// Which phenotypes a condition page lists as signs, as medical terms, or apart as
// tumours that can come with it.
#include <gtest/gtest.h>

#include "catalog/signs.h"

namespace diseasemaps::catalog {
namespace {

TEST(Signs, TumoursThatComeWithAConditionAreListedApart) {
  Condition oms;
  oms.name = "Opsoclonus-myoclonus syndrome";
  for (const char* term : {"Neuroblastoma", "Breast carcinoma", "Melanoma", "Ovarian teratoma", "Lung neoplasm"}) {
    EXPECT_EQ(KindOfSign({"HP:x", term, "", "Occasional (29-5%)"}, oms, false), SignKind::kAccompanyingCondition)
        << term;
  }
  EXPECT_EQ(KindOfSign({"HP:x", "Ataxia", "Poor coordination", ""}, oms, false), SignKind::kPlain);
  EXPECT_EQ(KindOfSign({"HP:x", "Epilepsia partialis continua", "", ""}, oms, false), SignKind::kMedicalTerm);
  EXPECT_EQ(KindOfSign({"HP:x", "Epilepsia partialis continua", "", ""}, oms, true), SignKind::kPlain)
      << "a label in the page's language is shown";
  EXPECT_EQ(KindOfSign({"HP:x", "Glaucoma", "", ""}, oms, false), SignKind::kMedicalTerm) << "not every -oma";
}

TEST(Signs, InATumourEntryTheTumourIsTheConditionItself) {
  Condition neuroblastoma;
  neuroblastoma.name = "Neuroblastoma";
  EXPECT_NE(KindOfSign({"HP:x", "Neuroblastoma", "", ""}, neuroblastoma, false), SignKind::kAccompanyingCondition);
}

}  // namespace
}  // namespace diseasemaps::catalog
