// The guard: the one place that answers "may this viewer do that?" for the whole
// application. Handlers ask it; they never test roles themselves.
//
// A Viewer is whoever makes the request: an anonymous visitor is a Viewer with no user
// (a null object, so every check works without a login). Pure functions, thread-safe.
// Its tests are a table of role × action × expected answer (tests/unit/guard_test.cc).
#pragma once

#include <optional>
#include <set>
#include <string>

namespace diseasemaps::guard {

enum class Role { kMember, kEditor, kReviewer, kModerator, kAdmin };

// "member", "editor", "reviewer", "moderator", "admin"; nullopt for anything else.
std::optional<Role> ParseRole(const std::string& name);
std::string RoleName(Role role);

struct Viewer {
  std::optional<long long> user_id;  // empty: anonymous
  std::string display_name;
  std::string credentials;  // a reviewer's, as pages name them: "MD, neurologist"
  std::set<Role> roles;
  bool suspended = false;
  // The account's address is confirmed. Signing in already requires it (login refuses an
  // unconfirmed account), so every session's viewer has it; the forums ask it anyway,
  // because posting in public is where an unconfirmed account would do harm.
  bool email_confirmed = false;

  bool signed_in() const { return user_id.has_value(); }
  bool Has(Role role) const { return roles.count(role) > 0; }
};

enum class Action {
  kWriteAnswers,        // create drafts, edit, submit for review
  kReviewAnswers,       // approve or return a submitted version
  kSeeEditorialQueues,  // my drafts, waiting for review
  kManageRoles,         // give or take site roles
  kSuspendAccounts,     // suspend or reinstate someone's account
  kReadAuditLog,        // read what was done to accounts
  kReadOutbox,          // read the e-mails the site sent or holds
  kManageOwnAccount,    // sign out everywhere, download my data, delete my account
  kVerifyMembers,       // mark a healthcare professional or organisation as verified
  kJoinCommunities,     // join or leave a condition's community, edit one's own profile
  kUseMessages,         // read my conversations, block and unblock members, report a message
  kModerateReports,     // the queue of reported messages: dismiss, warn, suspend
  kShareExperiences,    // write and edit one's own shared experiences (experiences/)
  kSeeSystemStatus,     // the admin home: every admin screen and the system's state (admin/)
  kManageForums,        // the site-wide forums and every forum's readers (/admin/forums, forums/)
};

// True when viewer may do action at all.
bool Can(const Viewer& viewer, Action action);

// True when viewer may approve or return a version written by author_user_id: a
// reviewer never approves their own draft; an editor never approves at all.
bool CanReviewVersionBy(const Viewer& viewer, std::optional<long long> author_user_id);

// Who may see a member (profiles/). The owner always sees their own profile.
enum class Visibility {
  kPublic,   // everyone, signed in or not
  kMembers,  // signed-in members (the default)
  kHidden,   // nobody but the owner and admins; never in lists or on the map
};
std::optional<Visibility> ParseVisibility(const std::string& name);  // "public", "members", "hidden"
std::string VisibilityName(Visibility visibility);

// Signed in and not suspended: a suspended account reads the site as a visitor does.
// What members-only content asks of a viewer (the map's viewer classes follow it).
bool ActiveMember(const Viewer& viewer);

// A member as the guard judges them on behalf of others: who they are, who they let see
// them, whether they accept first messages, and whether their account is active.
struct MemberFacts {
  long long user_id = 0;
  Visibility visibility = Visibility::kMembers;
  bool accepts_contact = false;
  bool active = true;  // false when the account is suspended or deleted
  bool synthetic = false;  // a demo member made by `diseasemaps demo-data`: nobody reads its mail
};

// True when nobody may ever be offered a way to write to `owner`, whoever asks: a
// synthetic (demo) member has no person behind it and an address that receives nothing.
// CanContact asks it first; pages ask it to say why ("a demo member") instead of the
// usual refusal.
bool NeverContactable(const MemberFacts& owner);

// True when viewer may open the profile page of `owner`: the owner always; then by the
// owner's visibility: public for everyone, members for signed-in active members, hidden
// for admins only. A suspended or deleted account's profile is seen by admins only (the
// map and every list already leave such accounts out). A suspended viewer sees what an
// anonymous visitor sees.
bool CanSeeProfile(const Viewer& viewer, const MemberFacts& owner);

// True when the member may appear in lists shown to viewer (a community's members, the
// map): as CanSeeProfile, except that a hidden member is never listed, even to admins.
bool CanListMember(const Viewer& viewer, Visibility visibility);

// True when viewer may handle (dismiss, warn, suspend) a report on a message written by
// author_user_id: moderators and admins, never on a message of their own.
bool CanHandleReportOn(const Viewer& viewer, long long author_user_id);

// True when viewer, handling a report, may suspend the reported author, whose site roles
// are author_roles: moderators and admins may suspend members; only an admin may suspend
// a moderator or an admin.
bool CanSuspendReportedAuthor(const Viewer& viewer, const std::set<Role>& author_roles);

// True when viewer may start a conversation with `owner`: the owner is not a demo member
// (NeverContactable), viewer signed in and active, not the owner, the owner's account
// active, the owner accepts contact, and viewer may
// see the owner's profile (so an admin may write to a hidden member who accepts contact).
bool CanContact(const Viewer& viewer, const MemberFacts& owner);

// What a new message depends on besides the viewer (messages/): the recipient, and
// whether either of the two blocked the other.
struct MessageTarget : MemberFacts {
  bool blocked = false;
};

// True when viewer may START a conversation with target: CanContact, the target's
// account is active, and neither blocked the other. Pages refuse every "no" with the
// same words, so a member never learns that they were blocked.
bool CanStartConversation(const Viewer& viewer, const MessageTarget& target);

// True when viewer may reply in a conversation: an active participant who has not left,
// the other participant has not left either, their account is active, and neither
// blocked the other. Contact preferences do not apply to replies: whoever accepted a
// first message has already answered the question.
bool CanReply(const Viewer& viewer, bool participant, bool anyone_left, const MessageTarget& other);

// How a member stands in a condition's community, as the experiences feature asks it.
enum class CommunityStanding {
  kOutside,           // not a member of the community
  kAffectedOrFamily,  // joined as affected, or as family & friends
  kOtherRole,         // joined as adviser, researcher, professional or organisation
};

// True when viewer may start a new shared experience of a condition: an active member
// who joined its community as affected or as family & friends. Editing what one has
// already shared asks Can(kShareExperiences) alone (leaving a community keeps one's
// experiences yours).
bool CanStartExperience(const Viewer& viewer, CommunityStanding standing);

// True when viewer may withdraw consents from, or delete, an experience owned by
// owner_user_id: the owner, even when suspended (taking one's data back is never
// refused), and nobody else.
bool CanTakeBackExperience(const Viewer& viewer, long long owner_user_id);

// True when viewer may report a story shown on an experiences page to moderators: a
// signed-in, active member whose e-mail address is confirmed (as for forum flags).
bool CanReportStory(const Viewer& viewer);

// Forums (forums/). Who may read is a setting of each forum.
enum class ForumReaders {
  kEveryone,  // anyone, signed in or not (the site-wide forums' default)
  kMembers,   // signed-in active members (condition forums' default: people write about their health)
};
// "everyone", "members"; nullopt for anything else.
std::optional<ForumReaders> ParseForumReaders(const std::string& name);
std::string ForumReadersName(ForumReaders readers);

// A forum post as the guard judges it.
struct ForumPostFacts {
  long long author_id = 0;
  bool deleted = false;       // deleted by its author: nothing more is done to it
  bool topic_closed = false;  // its topic takes no more replies, edits or reactions
};

// True when viewer may read a forum (its list of topics, its topics' posts): everyone
// for kEveryone; signed-in active members for kMembers. A suspended viewer reads what a
// visitor reads. Pages answer a forum nobody may read as if it did not exist.
bool CanReadForum(const Viewer& viewer, ForumReaders readers);

// True when viewer may start a topic in a forum: a signed-in, active member with a
// confirmed address who may read it.
bool CanStartTopic(const Viewer& viewer, ForumReaders readers);

// True when viewer may reply in a topic: as CanStartTopic, and the topic is not closed.
bool CanReplyInTopic(const Viewer& viewer, ForumReaders readers, bool topic_closed);

// True when viewer may edit `post`: its author, as CanReplyInTopic (a closed topic
// keeps its words), while the post is not deleted.
bool CanEditForumPost(const Viewer& viewer, ForumReaders readers, const ForumPostFacts& post);

// True when viewer may delete `post`: its author, an active member who may read the
// forum, while the post is not deleted (a closed topic included: taking one's words
// back is always possible).
bool CanDeleteForumPost(const Viewer& viewer, ForumReaders readers, const ForumPostFacts& post);

// True when viewer may say "this helped me" about `post` (or take it back): an active,
// confirmed member who may read the forum, not its author, the post not deleted and
// its topic open.
bool CanMarkPostHelpful(const Viewer& viewer, ForumReaders readers, const ForumPostFacts& post);

// True when viewer may flag `post` to moderators: an active, confirmed member who may
// read the forum, not its author, the post not deleted.
bool CanFlagForumPost(const Viewer& viewer, ForumReaders readers, const ForumPostFacts& post);

// True when viewer may set how closely they follow a forum or one of its topics
// (watching, tracking, normal, muted), and so be notified of it: an active member who
// may read the forum.
bool CanWatchForum(const Viewer& viewer, ForumReaders readers);

// True when viewer has notifications to read (/notifications): an active member.
bool CanReadNotifications(const Viewer& viewer);

// True when viewer may moderate a forum: hide and restore its posts, edit them with a
// reason, close, reopen, pin, unpin and delete its topics, and see the moderator
// controls: an active site moderator or administrator who may read the forum.
bool CanModerateForum(const Viewer& viewer, ForumReaders readers);

// True when viewer may hide, restore or edit `post` as a moderator: CanModerateForum,
// the post not deleted by its author (nothing is left to moderate), and not their own
// (nobody moderates their own words: they edit or delete them as any author does).
// A closed topic does not stop a moderator.
bool CanModerateForumPost(const Viewer& viewer, ForumReaders readers, const ForumPostFacts& post);

// True when viewer may manage the forums: create and edit the site-wide forums, and
// set who may read any forum (a condition's included): an active site administrator.
// Moderators moderate what is written; they do not decide who reads it.
bool CanManageForums(const Viewer& viewer);

// True when viewer may move a topic from a forum read by `from` to one read by `to`:
// CanModerateForum of both.
bool CanMoveForumTopic(const Viewer& viewer, ForumReaders from, ForumReaders to);

}  // namespace diseasemaps::guard
