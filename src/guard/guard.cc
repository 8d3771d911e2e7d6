#include "guard/guard.h"

namespace diseasemaps::guard {

std::optional<Role> ParseRole(const std::string& name) {
  if (name == "member") return Role::kMember;
  if (name == "editor") return Role::kEditor;
  if (name == "reviewer") return Role::kReviewer;
  if (name == "moderator") return Role::kModerator;
  if (name == "admin") return Role::kAdmin;
  return std::nullopt;
}

std::string RoleName(Role role) {
  switch (role) {
    case Role::kMember: return "member";
    case Role::kEditor: return "editor";
    case Role::kReviewer: return "reviewer";
    case Role::kModerator: return "moderator";
    case Role::kAdmin: return "admin";
  }
  return "member";
}

bool Can(const Viewer& viewer, Action action) {
  if (!viewer.signed_in() || viewer.suspended) return false;
  switch (action) {
    case Action::kWriteAnswers:
      return viewer.Has(Role::kEditor) || viewer.Has(Role::kReviewer) || viewer.Has(Role::kAdmin);
    case Action::kReviewAnswers:
      return viewer.Has(Role::kReviewer);
    case Action::kSeeEditorialQueues:
      return viewer.Has(Role::kEditor) || viewer.Has(Role::kReviewer) || viewer.Has(Role::kAdmin);
    case Action::kManageRoles:
    case Action::kSuspendAccounts:
    case Action::kReadAuditLog:
    case Action::kReadOutbox:
    case Action::kVerifyMembers:
    case Action::kSeeSystemStatus:
    case Action::kManageForums:
      return viewer.Has(Role::kAdmin);
    case Action::kModerateReports:
      return viewer.Has(Role::kModerator) || viewer.Has(Role::kAdmin);
    case Action::kManageOwnAccount:
    case Action::kJoinCommunities:
    case Action::kUseMessages:
    case Action::kShareExperiences:
      return true;
  }
  return false;
}

bool CanReviewVersionBy(const Viewer& viewer, std::optional<long long> author_user_id) {
  if (!Can(viewer, Action::kReviewAnswers)) return false;
  return !author_user_id || *author_user_id != *viewer.user_id;
}

std::optional<Visibility> ParseVisibility(const std::string& name) {
  if (name == "public") return Visibility::kPublic;
  if (name == "members") return Visibility::kMembers;
  if (name == "hidden") return Visibility::kHidden;
  return std::nullopt;
}

std::string VisibilityName(Visibility visibility) {
  switch (visibility) {
    case Visibility::kPublic: return "public";
    case Visibility::kMembers: return "members";
    case Visibility::kHidden: return "hidden";
  }
  return "members";
}

bool ActiveMember(const Viewer& viewer) { return viewer.signed_in() && !viewer.suspended; }

bool CanSeeProfile(const Viewer& viewer, const MemberFacts& owner) {
  if (viewer.user_id == owner.user_id) return true;
  if (!owner.active) return ActiveMember(viewer) && viewer.Has(Role::kAdmin);
  switch (owner.visibility) {
    case Visibility::kPublic: return true;
    case Visibility::kMembers: return ActiveMember(viewer);
    case Visibility::kHidden: return ActiveMember(viewer) && viewer.Has(Role::kAdmin);
  }
  return false;
}

bool CanListMember(const Viewer& viewer, Visibility visibility) {
  switch (visibility) {
    case Visibility::kPublic: return true;
    case Visibility::kMembers: return ActiveMember(viewer);
    case Visibility::kHidden: return false;
  }
  return false;
}

bool NeverContactable(const MemberFacts& owner) { return owner.synthetic; }

bool CanContact(const Viewer& viewer, const MemberFacts& owner) {
  return !NeverContactable(owner) && ActiveMember(viewer) && viewer.user_id != owner.user_id && owner.active && owner.accepts_contact &&
         CanSeeProfile(viewer, owner);
}

bool CanStartConversation(const Viewer& viewer, const MessageTarget& target) {
  return CanContact(viewer, target) && !target.blocked;
}

bool CanReply(const Viewer& viewer, bool participant, bool anyone_left, const MessageTarget& other) {
  return ActiveMember(viewer) && participant && !anyone_left && viewer.user_id != other.user_id &&
         other.active && !other.blocked;
}

bool CanHandleReportOn(const Viewer& viewer, long long author_user_id) {
  return Can(viewer, Action::kModerateReports) && viewer.user_id != author_user_id;
}

bool CanSuspendReportedAuthor(const Viewer& viewer, const std::set<Role>& author_roles) {
  if (!Can(viewer, Action::kModerateReports)) return false;
  const bool author_moderates = author_roles.count(Role::kModerator) > 0 || author_roles.count(Role::kAdmin) > 0;
  return !author_moderates || viewer.Has(Role::kAdmin);
}

bool CanStartExperience(const Viewer& viewer, CommunityStanding standing) {
  return Can(viewer, Action::kShareExperiences) && standing == CommunityStanding::kAffectedOrFamily;
}

bool CanTakeBackExperience(const Viewer& viewer, long long owner_user_id) {
  return viewer.signed_in() && *viewer.user_id == owner_user_id;
}

bool CanReportStory(const Viewer& viewer) { return Can(viewer, Action::kUseMessages) && viewer.email_confirmed; }

std::optional<ForumReaders> ParseForumReaders(const std::string& name) {
  if (name == "everyone") return ForumReaders::kEveryone;
  if (name == "members") return ForumReaders::kMembers;
  return std::nullopt;
}

std::string ForumReadersName(ForumReaders readers) {
  return readers == ForumReaders::kEveryone ? "everyone" : "members";
}

bool CanReadForum(const Viewer& viewer, ForumReaders readers) {
  switch (readers) {
    case ForumReaders::kEveryone: return true;
    case ForumReaders::kMembers: return ActiveMember(viewer);
  }
  return false;
}

namespace {

// An active member with a confirmed address who may read the forum: who may write there.
bool ForumWriter(const Viewer& viewer, ForumReaders readers) {
  return ActiveMember(viewer) && viewer.email_confirmed && CanReadForum(viewer, readers);
}

}  // namespace

bool CanStartTopic(const Viewer& viewer, ForumReaders readers) { return ForumWriter(viewer, readers); }

bool CanReplyInTopic(const Viewer& viewer, ForumReaders readers, bool topic_closed) {
  return ForumWriter(viewer, readers) && !topic_closed;
}

bool CanEditForumPost(const Viewer& viewer, ForumReaders readers, const ForumPostFacts& post) {
  return CanReplyInTopic(viewer, readers, post.topic_closed) && viewer.user_id == post.author_id && !post.deleted;
}

bool CanDeleteForumPost(const Viewer& viewer, ForumReaders readers, const ForumPostFacts& post) {
  return ActiveMember(viewer) && CanReadForum(viewer, readers) && viewer.user_id == post.author_id && !post.deleted;
}

bool CanMarkPostHelpful(const Viewer& viewer, ForumReaders readers, const ForumPostFacts& post) {
  return CanReplyInTopic(viewer, readers, post.topic_closed) && viewer.user_id != post.author_id && !post.deleted;
}

bool CanFlagForumPost(const Viewer& viewer, ForumReaders readers, const ForumPostFacts& post) {
  return ForumWriter(viewer, readers) && viewer.user_id != post.author_id && !post.deleted;
}

bool CanWatchForum(const Viewer& viewer, ForumReaders readers) {
  return ActiveMember(viewer) && CanReadForum(viewer, readers);
}

bool CanReadNotifications(const Viewer& viewer) { return ActiveMember(viewer); }

bool CanModerateForum(const Viewer& viewer, ForumReaders readers) {
  return Can(viewer, Action::kModerateReports) && CanReadForum(viewer, readers);
}

bool CanModerateForumPost(const Viewer& viewer, ForumReaders readers, const ForumPostFacts& post) {
  return CanModerateForum(viewer, readers) && !post.deleted && viewer.user_id != post.author_id;
}

bool CanManageForums(const Viewer& viewer) { return Can(viewer, Action::kManageForums); }

bool CanMoveForumTopic(const Viewer& viewer, ForumReaders from, ForumReaders to) {
  return CanModerateForum(viewer, from) && CanModerateForum(viewer, to);
}

}  // namespace diseasemaps::guard
