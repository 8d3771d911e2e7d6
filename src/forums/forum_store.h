// ForumStore: all the SQL of the forums, written once for SQLite and PostgreSQL: the
// forums (site-wide ones seeded by migration 0017, a condition's made on its first
// topic), topics and their lists, numbered posts with their edit history, "this helped
// me", each member's read position per topic and the unread counts, and a member's
// export and deletion.
//
// What it guarantees: every write is one transaction that also keeps the counters
// (a forum's topics and posts, a topic's posts and replies, a post's "helped" count),
// bumps the content generation (public forums are cached for visitors) and leaves
// nothing behind when refused. Permission is the guard's: each write takes the decision
// as a callback run inside the transaction on the facts read there (the forum's
// readers, the topic closed, the post's author and state), so a change made a moment
// earlier is honoured. A post's author who deleted their account is named by the pages
// ("deleted member"); the store says `author_deleted`.
// Thread-safe: every method leases its own connection (blocking: run on the worker pool).
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include "guard/guard.h"
#include "messages/message_rules.h"
#include "messages/reported_author.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::forums {

struct Forum {
  long long id = 0;                // 0: a condition's forum in which nothing was written yet
  std::string slug;                // its address: a site-wide slug, or the condition's slug
  std::optional<int> orphacode;    // set for a condition's forum
  std::string title;               // site-wide: the stored English title; a condition's: its name
  std::string description;         // site-wide only
  guard::ForumReaders readers = guard::ForumReaders::kMembers;
  int position = 0;                // site-wide: its place in the list of forums
  long long topic_count = 0;
  long long post_count = 0;
  long long last_post_at = 0;      // 0: never
  long long unread_topics = 0;     // for the member who asked; 0 for visitors
  bool my_community = false;       // the member who asked joined this condition's community
};

// What an administrator sets on a forum (/admin/forums, forum_admin_pages.h). A
// condition's forum takes `readers` only: its name and description are the catalogue's.
struct ForumFields {
  std::string title;
  std::string description;
  guard::ForumReaders readers = guard::ForumReaders::kEveryone;
  int position = 0;
};

// Which topics a forum's page lists.
enum class TopicOrder {
  kLatest,      // last post first
  kTop,         // most "this helped me" given in the period, then most posts in it
  kUnanswered,  // no reply (deleted ones do not count), newest first
};

struct TopicSummary {
  long long id = 0;
  std::string title;
  long long author_id = 0;
  std::string author_name;
  bool author_deleted = false;
  long long created_at = 0;
  long long last_post_at = 0;
  long long post_count = 0;   // posts ever written: also the last post's number
  long long reply_count = 0;  // replies not deleted
  bool closed = false;
  bool pinned = false;        // a moderator pinned it: kLatest lists it first
  long long helped = 0;       // kTop: "helped" given in the period
  // For a member: the number of the last post they read (0: never opened it).
  long long last_read_number = 0;
  bool opened = false;
};

struct TopicList {
  std::vector<TopicSummary> topics;
  long long total = 0;  // in the whole list, for paging
};

struct Revision {
  std::string body;                  // what the post said before the edit
  std::optional<std::string> title;  // the topic's title before the edit, when it changed
  long long written_at = 0;
  long long replaced_at = 0;
  std::optional<std::string> moderator_reason;  // set when a moderator made the edit, with why
};

struct Post {
  long long id = 0;
  long long number = 0;
  long long author_id = 0;
  std::string author_name;
  bool author_deleted = false;
  bool author_synthetic = false;  // a demo member wrote it (forums/demo_forums.h)
  std::string body;  // "" once deleted
  std::optional<long long> reply_to_number;
  std::string reply_to_author;  // the replied-to post's author's name
  bool reply_to_author_deleted = false;
  long long created_at = 0;
  std::optional<long long> edited_at;
  bool deleted = false;
  bool hidden = false;  // flagged by kFlagsToHide established members; a moderator decides
  bool hidden_by_moderator = false;  // hidden by a moderator (forum_moderation_store.h)
  long long helped_count = 0;
  bool helped_by_me = false;
  std::vector<Revision> history;  // oldest first
};

struct Topic {
  long long id = 0;
  std::string title;
  long long author_id = 0;
  long long created_at = 0;
  bool closed = false;
  bool pinned = false;
  long long post_count = 0;
};

struct TopicPage {
  Forum forum;
  Topic topic;
  std::vector<Post> posts;  // the page's, by number
  // The member's read position before this visit (0: never opened; visitors: 0).
  long long last_read_number = 0;
};

// Who writes, and when; for a post, what the new members' limits count in its text.
struct WriteContext {
  long long user_id = 0;
  long long now = 0;
  std::size_t links = 0;     // distinct links the post's Markdown shows
  std::size_t mentions = 0;  // distinct @mentions (forum_rules.h CountMentions)
};

// The facts a write's permission depends on, read inside its transaction.
struct WriteFacts {
  guard::ForumReaders readers = guard::ForumReaders::kMembers;
  bool topic_closed = false;
  std::optional<guard::ForumPostFacts> post;  // set for a write to one post
};
using MayWrite = std::function<bool(const WriteFacts&)>;

struct Written {
  enum class Outcome {
    kDone,
    kRefused,         // the guard said no: nothing written
    kNoSuchReplyTo,   // the post replied to is not in the topic (or is the new one)
    kTooManyPosts,    // over limits::kForumPostsPerHour: retry_after
    // A new member's limits (app/limits.h, forum_rules.h IsNewForumMember):
    kTooManyTopicsToday,  // kForumNewMemberTopicsPerDay in 24 hours: retry_after
    kTooManyPostsToday,   // kForumNewMemberPostsPerDay in 24 hours: retry_after
    kTooManyLinks,        // more than kForumNewMemberLinks in the post
    kTooManyMentions,     // more than kForumNewMemberMentions in the post
  };
  Outcome outcome = Outcome::kDone;
  long long topic_id = 0;
  long long number = 0;        // the post written or changed
  long long retry_after = 0;   // seconds
  std::string title;           // the topic's title after the write
  bool hidden = false;         // AddFlag: this flag hid the post
};

// A post flagged to moderators, as the reports queue shows it. The flagger's name is
// for moderators only.
struct Flag {
  long long id = 0;
  long long post_id = 0;
  long long number = 0;
  long long topic_id = 0;
  std::string topic_title;
  std::string forum_slug;
  std::string reason;  // forum_rules.h FlagReasonName
  std::string note;
  long long flagged_at = 0;
  std::string reporter_name;  // "" once the flagger deleted their account
  long long author_id = 0;
  std::string author_name;
  bool author_suspended = false;
  bool author_deleted = false;
  std::string body;  // "" when the author deleted the post
  bool post_deleted = false;
  bool post_hidden = false;
  long long written_at = 0;
  std::string status;  // open, dismissed, warned, suspended
  std::string handled_by_name;
  long long handled_at = 0;
  std::string moderator_note;
};

// The author of a flagged post, for the moderator's action.
using FlagSubject = messages::ReportedAuthor;

// A post just written (a topic's first post or a reply), as the store tells others inside
// the post's transaction (notifications/ writes its notifications there).
struct PostEvent {
  long long forum_id = 0;
  guard::ForumReaders readers = guard::ForumReaders::kMembers;
  long long topic_id = 0;
  long long number = 0;
  long long author_id = 0;
  std::string body;
  std::optional<long long> reply_to;
  long long now = 0;
};
// Runs in the writing transaction: throwing rolls the post back.
using PostHook = std::function<void(soci::session&, const PostEvent&)>;
// An author's edit that changed a post's text, told inside the edit's transaction: the
// post as it is now (`reply_to` unset) and its text before (notifications/ tells members
// newly mentioned). Throwing rolls the edit back.
using EditHook = std::function<void(soci::session&, const PostEvent&, const std::string& before)>;

class ForumStore {
 public:
  explicit ForumStore(Database& db) : db_(db) {}

  // Called for every post written from now on. REQUIRES: before serving starts.
  void SetPostHook(PostHook hook) { post_hook_ = std::move(hook); }
  // Called for every edit that changes a post's text. REQUIRES: before serving starts.
  void SetEditHook(EditHook hook) { edit_hook_ = std::move(hook); }

  // Every site-wide forum (by position), then the condition forums in which something
  // was written or whose community `viewer_id` joined (by name). With a viewer, each
  // says how many of its topics have posts they have not read: topics with a post since
  // they joined the site, past their read position.
  Result<std::vector<Forum>> ListForums(std::optional<long long> viewer_id);

  // The forum at /forums/{slug}: a site-wide forum's slug, else an active condition's
  // slug. NotFound when neither.
  Result<Forum> FindForum(const std::string& slug, std::optional<long long> viewer_id);

  // Where topic_id lives now when a moderator moved it out of forum `from_forum_id` (the
  // public moderation log says so) into another: that forum's address and readers, and
  // the topic's title; nullopt when the topic is in `from_forum_id`, does not exist, or
  // was never moved out of it.
  struct TopicHome {
    long long forum_id = 0;
    std::string forum_slug;
    guard::ForumReaders readers = guard::ForumReaders::kMembers;
    std::string title;
  };
  Result<std::optional<TopicHome>> FindMovedTopic(long long topic_id, long long from_forum_id);

  // A page of the forum's topics in `order`; `since` bounds kTop's period (0: all time).
  // With a viewer, each topic says how far they read it.
  Result<TopicList> Topics(const Forum& forum, TopicOrder order, long long since, long long offset, int limit,
                           std::optional<long long> viewer_id);

  // A topic of `forum` and its posts numbered first..first+count-1, with their history
  // and, for a viewer, whether they found each helpful and how far they had read it.
  // NotFound when the topic is not in that forum.
  Result<TopicPage> OpenTopic(const Forum& forum, long long topic_id, long long first, int count,
                              std::optional<long long> viewer_id);
  // The member has now read topic_id up to post `number`: their position moves there,
  // never back.
  Status MarkRead(long long user_id, long long topic_id, long long number, long long now);

  // A new topic in `forum` with its first post (the forum's row is made when it is a
  // condition's first). may_write sees the forum's readers. The author has read it.
  // Topics, replies and edits are held to the new members' limits when the author is
  // one: the outcome says which limit, and nothing is written.
  Result<Written> CreateTopic(const WriteContext& ctx, const Forum& forum, const std::string& title,
                              const std::string& body, const MayWrite& may_write);

  // A reply in topic_id of forum, optionally to post reply_to. NotFound when the topic
  // is not in the forum. may_write sees the readers and whether the topic is closed.
  Result<Written> Reply(const WriteContext& ctx, const Forum& forum, long long topic_id, const std::string& body,
                        std::optional<long long> reply_to, const MayWrite& may_write);

  // Replaces post `number`'s text (and, for the first post, the topic's title when
  // `title` is given). Past limits's grace the replaced text is kept as history; an edit
  // that changes nothing writes nothing. NotFound when no such post in that topic.
  Result<Written> EditPost(const WriteContext& ctx, const Forum& forum, long long topic_id, long long number,
                           const std::string& body, const std::optional<std::string>& title,
                           const MayWrite& may_write);

  // Deletes post `number` as its author: it keeps its place and reads "deleted by its
  // author"; its text, history and reactions go. NotFound as above.
  Result<Written> DeletePost(const WriteContext& ctx, const Forum& forum, long long topic_id, long long number,
                             const MayWrite& may_write);

  // Says (helped) or unsays "this helped me" about post `number`; saying it twice counts
  // once. NotFound as above.
  Result<Written> SetHelped(const WriteContext& ctx, const Forum& forum, long long topic_id, long long number,
                            bool helped, const MayWrite& may_write);

  // Flags post `number` to moderators, for `reason` ("spam", …) with `note`. may_write
  // sees the post's facts (guard::CanFlagForumPost). The same member flagging the same
  // post again while their flag waits adds nothing. When kFlagsToHide established
  // members' flags wait on the post, it is hidden (in the same transaction). NotFound
  // as above.
  Result<Written> AddFlag(const WriteContext& ctx, const Forum& forum, long long topic_id, long long number,
                          const std::string& reason, const std::string& note, const MayWrite& may_write);
  // Open flags oldest first; the latest handled ones.
  Result<std::vector<Flag>> OpenFlags(int limit);
  Result<std::vector<Flag>> HandledFlags(int limit);
  // Handles an open flag in one transaction: its status and the moderator's note (and
  // those of every other open flag of the same post), an audit entry, and `effect` (the
  // warning e-mail, the suspension) run on the same session with the post's author.
  // Dismissing shows a hidden post again; a warning or a suspension leaves it hidden.
  // NotFound for no such flag; Conflict when it was handled already; effect's failure
  // rolls everything back.
  Status HandleFlag(long long flag_id, messages::ReportAction action, long long moderator_id, const std::string& note,
                    long long now, const std::function<Status(soci::session&, const FlagSubject&)>& effect);

  // Administration (forum_store_admin.cc). Each write is one transaction with its audit
  // entry (accounts::AppendAudit, subject "forum:{slug}") and the content generation.
  //
  // The site-wide forums by position, with their counts.
  Result<std::vector<Forum>> SiteWideForums();
  // A new site-wide forum at `slug` (checked by forum_admin_rules.h), audited
  // "forum.create". Conflict when a forum or a condition (of any status) has that slug.
  Status CreateSiteForum(long long admin_id, const std::string& slug, const ForumFields& fields);
  // Sets `forum`'s fields (a condition's: its readers only; its row is made when it has
  // none). True when something changed; false when everything was as asked, and then
  // nothing is written. New readers take effect everywhere in the same transaction:
  // every topic of the forum is noted for the posts index (search::NoteForumChanged) and
  // the content generation moves, so cached pages go on every node; audited
  // "forum.readers" for the readers and "forum.update" for the rest. NotFound when the
  // forum has gone.
  Result<bool> UpdateForum(long long admin_id, const Forum& forum, const ForumFields& fields);

  // Data rights: the member's topics, posts (with their history), "helped" and read
  // positions; and, inside the account deletion's transaction, the end of what is
  // personal: their reactions and read positions go (the counts follow), their name
  // leaves their flags; their posts stay, signed "deleted member" by the pages.
  Result<nlohmann::json> Export(long long user_id);
  static void DeleteMemberData(soci::session& sql, long long user_id);

 private:
  Database& db_;
  PostHook post_hook_;
  EditHook edit_hook_;
};

}  // namespace diseasemaps::forums
