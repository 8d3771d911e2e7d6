// The rules of forum moderation (forums/forum_moderation.h): the actions' names, which
// need a reason, how a reason is checked, and that the log's words never name anyone.
#include "forums/forum_moderation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace diseasemaps::forums {
namespace {

const std::vector<ModerationAction> kAll = {
    ModerationAction::kHide,  ModerationAction::kRestore, ModerationAction::kEdit,
    ModerationAction::kClose, ModerationAction::kReopen,  ModerationAction::kPin,
    ModerationAction::kUnpin, ModerationAction::kMove,    ModerationAction::kDelete};

TEST(ForumModeration, EachActionHasOneNameThatReadsBack) {
  for (ModerationAction action : kAll) {
    EXPECT_EQ(ParseModerationAction(ModerationActionName(action)), action) << ModerationActionName(action);
  }
  EXPECT_EQ(ModerationActionName(ModerationAction::kEdit), "edit");
  EXPECT_EQ(ParseModerationAction("Hide"), std::nullopt);
  EXPECT_EQ(ParseModerationAction(""), std::nullopt);
  EXPECT_TRUE(OnPost(ModerationAction::kRestore));
  EXPECT_FALSE(OnPost(ModerationAction::kMove));
}

TEST(ForumModeration, HidingEditingClosingMovingAndDeletingNeedAReason) {
  //                    hide restore edit close reopen pin unpin move delete
  const std::string needs = "101100011";
  for (std::size_t i = 0; i < kAll.size(); ++i) {
    EXPECT_EQ(NeedsReason(kAll[i]), needs[i] == '1') << ModerationActionName(kAll[i]);
    const TextCheck blank = CheckModerationReason(kAll[i], "  \n ");
    EXPECT_EQ(blank.ok(), needs[i] == '0') << ModerationActionName(kAll[i]);
  }
  EXPECT_EQ(CheckModerationReason(ModerationAction::kHide, "").error,
            "Say why: the reason is shown in the forum's public moderation log and sent to the author.");
}

TEST(ForumModeration, AReasonIsReadableTrimmedAndAtMost1000Characters) {
  const TextCheck trimmed = CheckModerationReason(ModerationAction::kHide, "  Off topic\r\nhere  ");
  ASSERT_TRUE(trimmed.ok());
  EXPECT_EQ(trimmed.text, "Off topic\nhere");
  EXPECT_TRUE(CheckModerationReason(ModerationAction::kHide, std::string(1000, 'x')).ok());
  EXPECT_EQ(CheckModerationReason(ModerationAction::kHide, std::string(1001, 'x')).error,
            "Please keep the reason to 1,000 characters (it has 1,001).");
  EXPECT_FALSE(CheckModerationReason(ModerationAction::kPin, "broken \xC3").ok());
}

TEST(ForumModeration, TheLogSaysAModeratorAndTheMovesDestination) {
  for (ModerationAction action : kAll) {
    const std::string words = ModerationLogWords(action, "Caregivers");
    EXPECT_EQ(words.rfind("A moderator ", 0), 0u) << words;
    EXPECT_FALSE(ModerationMailWords(action, "Caregivers").empty());
  }
  EXPECT_EQ(ModerationLogWords(ModerationAction::kMove, "Caregivers"), "A moderator moved the topic to Caregivers.");
}

}  // namespace
}  // namespace diseasemaps::forums
