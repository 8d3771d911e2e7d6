#include "articles/answer_content.h"

#include <gtest/gtest.h>

namespace diseasemaps::articles {
namespace {

constexpr std::string_view kName = "content/answers/oms/causes.md";

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

Status ParseError(std::string_view text) {
  auto parsed = ParseAnswerFile(kName, text);
  EXPECT_FALSE(parsed.ok()) << text;
  return parsed.ok() ? Status::Ok() : parsed.status();
}

TEST(AnswerContent, ParsesFrontMatterAndBody) {
  auto parsed = ParseAnswerFile(kName,
                                "---\n"
                                "orphacode: 1183\n"
                                "question: What causes Opsoclonus-myoclonus syndrome?\n"
                                "slug: what-causes-it\n"
                                "short_answer: An immune reaction,\n"
                                "  often to a tumour or an infection.\n"
                                "---\n"
                                "\n"
                                "## Causes\n"
                                "\n"
                                "Text.\n\n\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->orphacode, 1183);
  EXPECT_EQ(parsed->slug, "what-causes-it");
  EXPECT_EQ(parsed->position, 0);
  EXPECT_EQ(parsed->content.question, "What causes Opsoclonus-myoclonus syndrome?");
  EXPECT_EQ(parsed->content.short_answer, "An immune reaction, often to a tumour or an infection.");
  EXPECT_EQ(parsed->content.body_markdown, "## Causes\n\nText.\n");
}

TEST(AnswerContent, ReadsQuotedAndBlockValues) {
  auto parsed = ParseAnswerFile(kName,
                                "\xEF\xBB\xBF---\r\n"
                                "# a comment\r\n"
                                "orphacode: ORPHA:1183\r\n"
                                "question: \"Is it \\\"inherited\\\"? # not a comment\"\r\n"
                                "slug: 'is-it-inherited'\r\n"
                                "short_answer: >\r\n"
                                "  No: it is not passed\r\n"
                                "  from parent to child.\r\n"
                                "\r\n"
                                "  Second paragraph.\r\n"
                                "position: 4\r\n"
                                "reviewed_by: ignored, unknown keys are\r\n"
                                "---\r\n"
                                "Body\r\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->orphacode, 1183);
  EXPECT_EQ(parsed->content.question, "Is it \"inherited\"? # not a comment");
  EXPECT_EQ(parsed->slug, "is-it-inherited");
  EXPECT_EQ(parsed->content.short_answer, "No: it is not passed from parent to child.\nSecond paragraph.");
  EXPECT_EQ(parsed->position, 4);
  EXPECT_EQ(parsed->content.body_markdown, "Body\n");

  auto literal = ParseAnswerFile(kName, "---\norphacode: 1\nslug: a\nquestion: 'It''s?'\nshort_answer: |\n  one\n  two\n---\n");
  ASSERT_TRUE(literal.ok()) << literal.status().message();
  EXPECT_EQ(literal->content.question, "It's?");
  EXPECT_EQ(literal->content.short_answer, "one\ntwo");
  EXPECT_EQ(literal->content.body_markdown, "");
}

TEST(AnswerContent, MalformedFilesNameTheFileAndTheLine) {
  struct Case {
    std::string text;
    std::string expected;  // part of the message
  };
  const Case cases[] = {
      {"no front matter", "causes.md line 1: expected front matter"},
      {"---\norphacode: 1183\n", "line 1: the front matter opened here is never closed"},
      {"---\norphacode: 1183\nquestion Why\n---\n", "line 3: expected `key: value`"},
      {"---\n  orphacode: 1183\n---\n", "line 2: an indented line"},
      {"---\norphacode: abc\nslug: a\nquestion: q\nshort_answer: s\n---\n", "line 2: 'abc' is not an ORPHAcode"},
      {"---\norphacode: 1183\nslug: Not A Slug\nquestion: q\nshort_answer: s\n---\n", "line 3: 'Not A Slug' is not a valid slug"},
      {"---\norphacode: 1183\nslug: a\nquestion: q\n---\nbody\n", "line 5: the front matter has no `short_answer`"},
      {"---\norphacode: 1183\nslug: a\nslug: b\nquestion: q\nshort_answer: s\n---\n", "line 4: `slug` appears twice (first on line 3)"},
      {"---\norphacode: 1183\nslug: a\nquestion: \"open\nshort_answer: s\n---\n", "line 4: the quoted value of `question` is not closed"},
      {"---\norphacode: 1183\nslug: a\nquestion: q\nshort_answer: s\nposition: first\n---\n", "line 6: the position must be"},
      {"---\norphacode: 1183\nslug: a\nquestion: " + std::string(400, 'q') + "\nshort_answer: s\n---\n",
       "line 4: the question is 400 bytes long; the limit is 300"},
      {"---\norphacode: 1183\nslug: a\nquestion: q\nshort_answer: s\n---\n\n" + std::string(70000, 'b'),
       "line 8: the answer's text is 70001 bytes long"},
  };
  for (const Case& c : cases) {
    const Status s = ParseError(c.text);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << c.text;
    EXPECT_TRUE(Has(s.message(), std::string(kName))) << s.message();
    EXPECT_TRUE(Has(s.message(), c.expected)) << "wanted: " << c.expected << "\ngot: " << s.message();
  }
}

TEST(AnswerContent, PositionsFollowFileNamesAndDuplicatesAreRefused) {
  const std::string a = "---\norphacode: 1183\nslug: first\nquestion: q1\nshort_answer: s\n---\n";
  const std::string b = "---\norphacode: 1183\nslug: second\nquestion: q2\nshort_answer: s\n---\n";
  const std::string c = "---\norphacode: 558\nslug: first\nquestion: q3\nshort_answer: s\n---\n";
  auto parsed = ParseAnswerFiles({{"content/answers/oms/20-second.md", b},
                                  {"content/answers/oms/10-first.md", a},
                                  {"content/answers/marfan/10-first.md", c}});
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_EQ(parsed->size(), 3u);
  EXPECT_EQ((*parsed)[0].orphacode, 558);
  EXPECT_EQ((*parsed)[0].position, 1);
  EXPECT_EQ((*parsed)[1].slug, "first");
  EXPECT_EQ((*parsed)[1].position, 1);
  EXPECT_EQ((*parsed)[2].slug, "second");
  EXPECT_EQ((*parsed)[2].position, 2);

  auto twice = ParseAnswerFiles({{"content/answers/oms/a.md", a}, {"content/answers/oms/b.md", a}});
  ASSERT_FALSE(twice.ok());
  EXPECT_TRUE(Has(twice.status().message(), "content/answers/oms/b.md: ORPHA:1183 already has an answer with the "
                                            "slug 'first' (in content/answers/oms/a.md)"))
      << twice.status().message();
}

// The answers compiled into this binary parse, and none claims a review.
TEST(AnswerContent, EmbeddedAnswersParse) {
  auto answers = EmbeddedAnswers();
  ASSERT_TRUE(answers.ok()) << answers.status().message();
  for (const ContentAnswer& a : *answers) {
    EXPECT_GT(a.orphacode, 0);
    EXPECT_GT(a.position, 0);
    EXPECT_FALSE(a.content.question.empty());
    EXPECT_FALSE(a.content.short_answer.empty());
  }
}

}  // namespace
}  // namespace diseasemaps::articles
