#include "pages/paging.h"

#include <gtest/gtest.h>

namespace diseasemaps::pages {
namespace {

// ---- ParsePageNumber -----------------------------------------------------------------

TEST(ParsePageNumber, AbsentMeansTheFirstPage) {
  auto page = ParsePageNumber(std::nullopt);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(*page, 1);
}

TEST(ParsePageNumber, ReadsWholeNumbers) {
  for (const auto& [text, expected] :
       std::vector<std::pair<std::string, long long>>{{"1", 1}, {"2", 2}, {"1000000", 1000000}}) {
    auto page = ParsePageNumber(text);
    ASSERT_TRUE(page.ok()) << text << ": " << page.status().message();
    EXPECT_EQ(*page, expected) << text;
  }
}

TEST(ParsePageNumber, RefusesWhatIsNotAPageNumber) {
  for (const std::string text :
       {"0", "-1", "abc", "1x", "x1", " 2", "2 ", "1.5", "99999999999",
        "999999999999999999999999999999", "1000001"}) {
    auto page = ParsePageNumber(text);
    ASSERT_FALSE(page.ok()) << "'" << text << "' was accepted as " << *page;
    EXPECT_EQ(page.status().code(), Status::Code::kInvalidArgument) << text;
    EXPECT_NE(page.status().message().find("page number"), std::string::npos)
        << page.status().message();
  }
}

// ---- Paging arithmetic ---------------------------------------------------------------

TEST(Paging, OffsetCountsWholePagesBefore) {
  EXPECT_EQ(Paging(1, 20, 45).offset(), 0);
  EXPECT_EQ(Paging(2, 20, 45).offset(), 20);
  EXPECT_EQ(Paging(3, 20, 45).offset(), 40);
  EXPECT_EQ(Paging(1000000, 50, 10).offset(), 49999950);
}

TEST(Paging, PageCountRoundsUpAndIsAtLeastOne) {
  EXPECT_EQ(Paging(1, 20, 0).page_count(), 1);
  EXPECT_EQ(Paging(1, 20, 1).page_count(), 1);
  EXPECT_EQ(Paging(1, 20, 20).page_count(), 1);
  EXPECT_EQ(Paging(1, 20, 21).page_count(), 2);
  EXPECT_EQ(Paging(1, 20, 45).page_count(), 3);
  EXPECT_EQ(Paging(1, 20, 60).page_count(), 3);
}

// ---- The view ------------------------------------------------------------------------

TEST(PagingView, SinglePageShowsNoNavigation) {
  const nlohmann::json view = Paging(1, 20, 5).ToView("/conditions");
  EXPECT_EQ(view["page"], "1");  // written for the language: "1,234" in English
  EXPECT_EQ(view["page_count"], "1");
  EXPECT_EQ(view["show"], false);
  EXPECT_EQ(view["has_previous"], false);
  EXPECT_EQ(view["has_next"], false);
  EXPECT_EQ(view["first_href"], "/conditions");
}

TEST(PagingView, FirstOfSeveralLinksOnlyForward) {
  const nlohmann::json view = Paging(1, 20, 45).ToView("/conditions");
  EXPECT_EQ(view["show"], true);
  EXPECT_EQ(view["has_previous"], false);
  EXPECT_EQ(view["has_next"], true);
  EXPECT_EQ(view["next_href"], "/conditions?page=2");
}

TEST(PagingView, MiddlePageLinksBothWaysAndPageOneHasNoQuery) {
  const nlohmann::json view = Paging(2, 20, 45).ToView("/conditions");
  EXPECT_EQ(view["page"], "2");
  EXPECT_EQ(view["page_count"], "3");
  EXPECT_EQ(view["show"], true);
  EXPECT_EQ(view["has_previous"], true);
  EXPECT_EQ(view["previous_href"], "/conditions");
  EXPECT_EQ(view["has_next"], true);
  EXPECT_EQ(view["next_href"], "/conditions?page=3");
  EXPECT_EQ(view["first_href"], "/conditions");
}

TEST(PagingView, LastPageLinksOnlyBack) {
  const nlohmann::json view = Paging(3, 20, 45).ToView("/conditions");
  EXPECT_EQ(view["has_previous"], true);
  EXPECT_EQ(view["previous_href"], "/conditions?page=2");
  EXPECT_EQ(view["has_next"], false);
}

TEST(PagingView, PagePastTheEndLinksBackToTheLastPage) {
  const nlohmann::json view = Paging(9, 20, 45).ToView("/conditions");
  EXPECT_EQ(view["show"], true);
  EXPECT_EQ(view["has_previous"], true);
  EXPECT_EQ(view["previous_href"], "/conditions?page=3");
  EXPECT_EQ(view["has_next"], false);
}

TEST(PagingView, PageTwoOfAnEmptyListStillOffersAWayBack) {
  const nlohmann::json view = Paging(2, 20, 0).ToView("/conditions");
  EXPECT_EQ(view["show"], true);
  EXPECT_EQ(view["has_previous"], true);
  EXPECT_EQ(view["previous_href"], "/conditions");
}

}  // namespace
}  // namespace diseasemaps::pages
