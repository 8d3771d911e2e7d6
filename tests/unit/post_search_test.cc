// The pure parts of forum search: the `type` parameter, the excerpt's source, and what
// a post's document holds and a query asks for, reading rights included.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <xapian.h>

#include "search/post_index.h"
#include "search/post_search_service.h"
#include "search/result_type.h"

namespace diseasemaps::search {
namespace {

bool HasTerm(const Xapian::Document& doc, const std::string& term) {
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    if (*it == term) return true;
  }
  return false;
}

TEST(ResultType, AbsentOrEmptyIsConditionsAndOnlyTheTwoNamesAreAccepted) {
  EXPECT_EQ(*ParseResultType(std::nullopt), ResultType::kConditions);
  EXPECT_EQ(*ParseResultType(std::string()), ResultType::kConditions);
  EXPECT_EQ(*ParseResultType(std::string("conditions")), ResultType::kConditions);
  EXPECT_EQ(*ParseResultType(std::string("discussions")), ResultType::kDiscussions);
  for (const char* bad : {"Discussions", "posts", "discussions ", "0"}) {
    auto parsed = ParseResultType(std::string(bad));
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.status().code(), Status::Code::kInvalidArgument);
  }
  EXPECT_EQ(ResultTypeName(ResultType::kDiscussions), "discussions");
  EXPECT_EQ(ResultTypeName(ResultType::kConditions), "conditions");
}

TEST(ExcerptSource, MarkdownMarksBecomeSpacesAndWordsStay) {
  EXPECT_EQ(ExcerptSource("**bold** # title > quote `code`"), "  bold     title   quote  code ");
  EXPECT_EQ(ExcerptSource("plain_words stay"), "plain_words stay");
}

TEST(PostDocument, HoldsStemmedWordsPerFieldAndItsTopicForumAndReaders) {
  PostRecord post;
  post.post_id = 7;
  post.topic_id = 3;
  post.forum_id = 2;
  post.readers = guard::ForumReaders::kEveryone;
  post.title = "Sleeping problems";
  post.number = 1;
  post.body = "We tried the melatonin";
  const Xapian::Document doc = MakePostDocument(post);
  EXPECT_TRUE(HasTerm(doc, "Tsleep"));
  EXPECT_TRUE(HasTerm(doc, "Tproblem"));
  EXPECT_TRUE(HasTerm(doc, "Bmelatonin"));
  EXPECT_TRUE(HasTerm(doc, "XT3"));
  EXPECT_TRUE(HasTerm(doc, "XF2"));
  EXPECT_TRUE(HasTerm(doc, "XReveryone"));
  EXPECT_FALSE(HasTerm(doc, "XRmembers"));
  EXPECT_FALSE(HasTerm(doc, "Bthe"));  // a stopword
}

TEST(PostQuery, FiltersByWhatTheViewerMayReadAndIsEmptyWithoutWordsOrRights) {
  const std::string visitor =
      MakePostQuery("melatonin", {guard::ForumReaders::kEveryone}).get_description();
  EXPECT_NE(visitor.find("XReveryone"), std::string::npos) << visitor;
  EXPECT_EQ(visitor.find("XRmembers"), std::string::npos) << visitor;
  const std::string member =
      MakePostQuery("melatonin", {guard::ForumReaders::kEveryone, guard::ForumReaders::kMembers}).get_description();
  EXPECT_NE(member.find("XRmembers"), std::string::npos) << member;
  EXPECT_NE(member.find("Bmelatonin"), std::string::npos) << member;
  EXPECT_NE(member.find("Tmelatonin"), std::string::npos) << member;
  EXPECT_TRUE(MakePostQuery("the and of", {guard::ForumReaders::kEveryone}).empty());
  EXPECT_TRUE(MakePostQuery("", {guard::ForumReaders::kEveryone}).empty());
  EXPECT_TRUE(MakePostQuery("melatonin", {}).empty());
}

TEST(PostIndexPath, SitsBesideTheConditionsIndex) {
  EXPECT_EQ(PostIndexPath("var/diseasemaps.db.search").string(), "var/diseasemaps.db.search-posts");
}

}  // namespace
}  // namespace diseasemaps::search
