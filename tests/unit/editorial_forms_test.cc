// The editorial forms: parsing what a browser sends and checking each field.
#include "articles/editorial_forms.h"

#include <gtest/gtest.h>

#include "articles/answer_rules.h"
#include "platform/markdown.h"

namespace diseasemaps::articles {
namespace {

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(AnswerFormTest, ParsesTrimsAndKeepsLineBreaksAsNewlines) {
  const AnswerForm form = ParseAnswerForm(
      "csrf=t&question=+What+causes+it%3F+&slug=causes&short_answer=An+immune%0D%0Areaction.&"
      "body_markdown=%23%23+Why%0D%0A%0D%0ABecause.%0D%0A&comment=&action=save&version=12&base=abc123");
  EXPECT_EQ(form.question, "What causes it?");
  EXPECT_EQ(form.slug, "causes");
  EXPECT_EQ(form.short_answer, "An immune\nreaction.");
  EXPECT_EQ(form.body_markdown, "## Why\n\nBecause.\n");
  EXPECT_EQ(form.action, "save");
  EXPECT_EQ(form.version_id, 12);
  EXPECT_EQ(form.base, "abc123");
  const AnswerForm odd = ParseAnswerForm("version=12abc&body_markdown=a%0Db");
  EXPECT_EQ(odd.version_id, 0);
  EXPECT_EQ(odd.base, "");
  const AnswerContent content{"Q?", "S.", "B"};
  EXPECT_EQ(ContentDigest(content).size(), 64u);
  EXPECT_EQ(ContentDigest(content), ContentDigest(AnswerContent{"Q?", "S.", "B"}));
  EXPECT_NE(ContentDigest(content), ContentDigest(AnswerContent{"Q?", "S", ".B"}));
  EXPECT_EQ(odd.body_markdown, "a\nb");
  EXPECT_TRUE(ParseAnswerForm("").question.empty());
}

TEST(AnswerFormTest, EachMistakeIsNamedBesideItsField) {
  AnswerForm form;
  FieldErrors errors = ValidateAnswerForm(form, true);
  EXPECT_TRUE(Has(errors["question"], "Write the question"));
  EXPECT_TRUE(Has(errors["short_answer"], "Write the short answer"));
  EXPECT_EQ(errors.count("body_markdown"), 0u);  // the body may be empty
  EXPECT_EQ(errors.count("slug"), 0u);           // nothing to make a slug from yet: the question says so

  form = {"What causes it?", "Bad Slug!", "Because.", "", "", "save", 0, ""};
  errors = ValidateAnswerForm(form, true);
  EXPECT_EQ(errors.size(), 1u);
  EXPECT_TRUE(Has(errors["slug"], "lower-case letters"));
  EXPECT_TRUE(ValidateAnswerForm(form, false).empty());  // the workspace has no slug field

  form.slug = "";
  form.question = "???";
  EXPECT_TRUE(Has(ValidateAnswerForm(form, true)["slug"], "Give the answer an address"));

  form = {std::string(kMaxQuestionBytes + 1, 'q'), "causes", std::string(kMaxShortAnswerBytes + 1, 's'),
          std::string(kMaxMarkdownBytes + 1, 'b'), std::string(kMaxCommentBytes + 1, 'c'), "save", 0, ""};
  errors = ValidateAnswerForm(form, true);
  EXPECT_TRUE(Has(errors["question"], "too long: 301 bytes of text, and the limit is 300"));
  EXPECT_TRUE(Has(errors["short_answer"], "the limit is 2000"));
  EXPECT_TRUE(Has(errors["body_markdown"], "the limit is 65536"));
  EXPECT_TRUE(Has(errors["comment"], "the limit is 4000"));

  form = {"What\xff causes it?", "", "Short\0x", "Body", "", "save", 0, ""};
  form.short_answer = std::string("Short\0x", 7);
  errors = ValidateAnswerForm(form, false);
  EXPECT_TRUE(Has(errors["question"], "not valid text"));
  EXPECT_TRUE(Has(errors["short_answer"], "not valid text"));

  form = {"What causes it?", "", "Because.", std::string(kMaxMarkdownBytes, 'b'), "", "save", 0, ""};
  EXPECT_TRUE(ValidateAnswerForm(form, true).empty());  // exactly at the limits is fine
}

TEST(AnswerFormTest, SuggestedSlugsAreValid) {
  EXPECT_EQ(SuggestSlug("What causes Opsoclonus-myoclonus syndrome?"), "what-causes-opsoclonus-myoclonus-syndrome");
  EXPECT_EQ(SuggestSlug("Is Behçet's disease inherited?"), "is-behcets-disease-inherited");
  EXPECT_EQ(SuggestSlug("???"), "");
  std::string long_question;
  for (int i = 0; i < 40; ++i) long_question += "word" + std::to_string(i) + " ";
  const std::string slug = SuggestSlug(long_question);
  EXPECT_LE(slug.size(), kMaxSlugBytes);
  EXPECT_TRUE(IsValidAnswerSlug(slug)) << slug;
  EXPECT_EQ(slug.rfind("word0-word1-", 0), 0u);
}

}  // namespace
}  // namespace diseasemaps::articles
