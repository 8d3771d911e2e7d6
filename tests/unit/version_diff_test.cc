#include "articles/version_diff.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace diseasemaps::articles {
namespace {

using Kind = DiffLine::Kind;

std::string Join(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

// The text on one side of a diff: kept lines plus removed (before) or added (after).
std::vector<std::string> Side(const LineDiff& diff, Kind other) {
  std::vector<std::string> lines;
  for (const DiffLine& line : diff.lines) {
    if (line.kind == Kind::kSame || line.kind == other) lines.push_back(line.text);
  }
  return lines;
}

std::vector<std::string> Strings(const std::vector<std::string_view>& views) {
  return std::vector<std::string>(views.begin(), views.end());
}

// The length of a longest common subsequence, the slow and obvious way.
int LcsLength(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<int>> t(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
    }
  }
  return t[a.size()][b.size()];
}

std::string Kinds(const LineDiff& diff) {
  std::string out;
  for (const DiffLine& line : diff.lines) out += line.kind == Kind::kSame ? '=' : line.kind == Kind::kRemoved ? '-' : '+';
  return out;
}

TEST(SplitLines, OnLineBreaksWithoutAnEmptyLastLine) {
  EXPECT_TRUE(SplitLines("").empty());
  EXPECT_EQ(Strings(SplitLines("a")), (std::vector<std::string>{"a"}));
  EXPECT_EQ(Strings(SplitLines("a\n")), (std::vector<std::string>{"a"}));
  EXPECT_EQ(Strings(SplitLines("a\n\nb")), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(Strings(SplitLines("\n")), (std::vector<std::string>{""}));
  EXPECT_EQ(Strings(SplitLines("a\r\nb\r\n")), (std::vector<std::string>{"a", "b"}));
}

TEST(DiffLines, SameTextHasNoChange) {
  const LineDiff diff = DiffLines("one\ntwo\n", "one\r\ntwo");
  EXPECT_FALSE(diff.changed());
  EXPECT_EQ(Kinds(diff), "==");
  EXPECT_EQ(diff.lines[1].old_number, 2);
  EXPECT_EQ(diff.lines[1].new_number, 2);
  EXPECT_FALSE(DiffLines("", "").changed());
}

TEST(DiffLines, FromAndToNothing) {
  const LineDiff added = DiffLines("", "a\nb\n");
  EXPECT_EQ(Kinds(added), "++");
  EXPECT_EQ(added.added, 2);
  EXPECT_EQ(added.lines[0].old_number, 0);
  EXPECT_EQ(added.lines[1].new_number, 2);
  const LineDiff removed = DiffLines("a\nb\n", "");
  EXPECT_EQ(Kinds(removed), "--");
  EXPECT_EQ(removed.removed, 2);
  EXPECT_EQ(removed.lines[1].new_number, 0);
}

TEST(DiffLines, AChangedLineReadsRemovedThenAdded) {
  const LineDiff diff = DiffLines("intro\nold words\nend\n", "intro\nnew words\nend\n");
  EXPECT_EQ(Kinds(diff), "=-+=");
  EXPECT_EQ(diff.lines[1].text, "old words");
  EXPECT_EQ(diff.lines[1].old_number, 2);
  EXPECT_EQ(diff.lines[2].text, "new words");
  EXPECT_EQ(diff.lines[2].new_number, 2);
  EXPECT_EQ(diff.lines[3].old_number, 3);
  EXPECT_EQ(diff.lines[3].new_number, 3);
  EXPECT_EQ(diff.removed, 1);
  EXPECT_EQ(diff.added, 1);
  EXPECT_FALSE(diff.approximate);
}

TEST(DiffLines, KeepsTheLongestRunOfCommonLines) {
  // A moved paragraph: the diff keeps the longer common part in place.
  const LineDiff diff = DiffLines("a\nb\nc\nd\ne\n", "e\na\nb\nc\nd\n");
  EXPECT_EQ(Kinds(diff), "+====-");
  const LineDiff repeated = DiffLines("x\ny\nx\ny\n", "y\nx\ny\nx\n");
  EXPECT_EQ(repeated.removed, 1);
  EXPECT_EQ(repeated.added, 1);
}

TEST(DiffLines, RandomTextsGiveAShortestScriptThatRebuildsBothSides) {
  std::mt19937 random(20260407);
  const std::vector<std::string> alphabet = {"alpha", "beta", "gamma", "", "## References"};
  for (int round = 0; round < 500; ++round) {
    std::vector<std::string> a(random() % 12);
    std::vector<std::string> b(random() % 12);
    for (auto& line : a) line = alphabet[random() % alphabet.size()];
    for (auto& line : b) line = alphabet[random() % alphabet.size()];
    const LineDiff diff = DiffLines(Join(a), Join(b));
    ASSERT_EQ(Side(diff, Kind::kRemoved), a) << "round " << round;
    ASSERT_EQ(Side(diff, Kind::kAdded), b) << "round " << round;
    const int kept = static_cast<int>(diff.lines.size()) - diff.removed - diff.added;
    ASSERT_EQ(kept, LcsLength(a, b)) << "round " << round;
    ASSERT_FALSE(diff.approximate);
    // Numbers count each side's lines in order.
    int old_number = 0;
    int new_number = 0;
    for (const DiffLine& line : diff.lines) {
      if (line.kind != Kind::kAdded) {
        ASSERT_EQ(line.old_number, ++old_number);
      }
      if (line.kind != Kind::kRemoved) {
        ASSERT_EQ(line.new_number, ++new_number);
      }
    }
  }
}

TEST(DiffLines, LinesOnOneSideOnlyNeverCostTheExactComparison) {
  // 20,000 lines on each side, none in common: set aside before any comparison.
  std::vector<std::string> a(20000);
  std::vector<std::string> b(20000);
  for (std::size_t i = 0; i < a.size(); ++i) {
    a[i] = "old " + std::to_string(i);
    b[i] = "new " + std::to_string(i);
  }
  const LineDiff diff = DiffLines(Join(a), Join(b));
  EXPECT_EQ(diff.removed, 20000);
  EXPECT_EQ(diff.added, 20000);
  EXPECT_FALSE(diff.approximate);
}

TEST(DiffLines, TooLargeToLineUpIsShownWholeAndSaysSo) {
  // 2,500 shared lines in reverse order: over kMaxDiffCells pairs to compare.
  std::vector<std::string> a(2500);
  for (std::size_t i = 0; i < a.size(); ++i) a[i] = "line " + std::to_string(i);
  std::vector<std::string> b(a.rbegin(), a.rend());
  const LineDiff diff = DiffLines("same start\n" + Join(a) + "same end\n", "same start\n" + Join(b) + "same end\n");
  EXPECT_TRUE(diff.approximate);
  EXPECT_EQ(diff.removed, 2500);
  EXPECT_EQ(diff.added, 2500);
  EXPECT_EQ(diff.lines.front().kind, Kind::kSame);  // the common ends still line up
  EXPECT_EQ(diff.lines.back().kind, Kind::kSame);
  EXPECT_EQ(Side(diff, Kind::kAdded).size(), 2502u);
}

}  // namespace
}  // namespace diseasemaps::articles
