// ForumStore, second part: every write (topics, replies, edits, deletions, "this
// helped me", read positions) and the data rights (see forum_store.h for what it
// guarantees).
#include <algorithm>
#include <optional>

#include "app/limits.h"
#include "forums/forum_rules.h"
#include "forums/forum_store.h"
#include "forums/forum_store_internal.h"
#include "platform/content_generation.h"
#include "platform/db/row_text.h"
#include "platform/db/rows_json.h"
#include "search/post_search_store.h"

namespace diseasemaps::forums {
namespace {

// Takes the writer's row for this transaction, so one member's posts are written one
// after the other on PostgreSQL too (two at once would both pass the hourly count);
// SQLite's BEGIN IMMEDIATE serialises them already.
void LockUser(soci::session& sql, long long user_id) {
  sql << "UPDATE users SET id = id WHERE id = :u", soci::use(user_id, "u");
}

// Seconds to wait when the member wrote limits::kForumPostsPerHour posts in the last
// hour; nullopt when they may write.
std::optional<long long> HourlyWait(soci::session& sql, long long user_id, long long now) {
  long long count = 0;
  long long oldest = 0;
  soci::indicator oldest_ind = soci::i_ok;
  const long long since = now - limits::kHourSeconds;
  sql << "SELECT COUNT(*), MIN(created_at) FROM forum_posts WHERE author_id = :u AND created_at > :since",
      soci::use(user_id, "u"), soci::use(since, "since"), soci::into(count), soci::into(oldest, oldest_ind);
  if (count < limits::kForumPostsPerHour) return std::nullopt;
  if (oldest_ind == soci::i_null) return limits::kHourSeconds;
  return std::max(1LL, oldest + limits::kHourSeconds - now);
}

// What a new member's write is held to.
enum class Limits { kTopic, kReply, kEdit };

// The outcome when ctx's author is a new member (forum_rules.h IsNewForumMember) over one
// of the new members' limits (app/limits.h) for this write; nullopt when within them or
// not new. Daily limits count the last 24 hours; an edit is held only to links and
// mentions.
std::optional<Written> NewMemberLimit(soci::session& sql, const WriteContext& ctx, Limits write) {
  long long confirmed = 0;
  soci::indicator confirmed_ind = soci::i_ok;
  sql << "SELECT email_confirmed_at FROM users WHERE id = :u", soci::use(ctx.user_id, "u"),
      soci::into(confirmed, confirmed_ind);
  long long written = 0;
  sql << "SELECT COUNT(*) FROM forum_posts WHERE author_id = :u", soci::use(ctx.user_id, "u"), soci::into(written);
  const std::optional<long long> confirmed_at =
      confirmed_ind == soci::i_null ? std::nullopt : std::optional<long long>(confirmed);
  if (!IsNewForumMember(confirmed_at, written, ctx.now)) return std::nullopt;
  Written w;
  if (ctx.links > static_cast<std::size_t>(limits::kForumNewMemberLinks)) {
    w.outcome = Written::Outcome::kTooManyLinks;
    return w;
  }
  if (ctx.mentions > static_cast<std::size_t>(limits::kForumNewMemberMentions)) {
    w.outcome = Written::Outcome::kTooManyMentions;
    return w;
  }
  if (write == Limits::kEdit) return std::nullopt;
  const long long since = ctx.now - limits::kDaySeconds;
  auto over = [&](const std::string& query, int limit) -> std::optional<long long> {
    long long count = 0;
    long long oldest = 0;
    soci::indicator oldest_ind = soci::i_ok;
    sql << query, soci::use(ctx.user_id, "u"), soci::use(since, "since"), soci::into(count),
        soci::into(oldest, oldest_ind);
    if (count < limit) return std::nullopt;
    if (oldest_ind == soci::i_null) return limits::kDaySeconds;
    return std::max(1LL, oldest + limits::kDaySeconds - ctx.now);
  };
  if (write == Limits::kTopic) {
    if (auto wait = over("SELECT COUNT(*), MIN(created_at) FROM forum_topics WHERE author_id = :u"
                         " AND created_at > :since",
                         limits::kForumNewMemberTopicsPerDay)) {
      w.outcome = Written::Outcome::kTooManyTopicsToday;
      w.retry_after = *wait;
      return w;
    }
  }
  if (auto wait = over("SELECT COUNT(*), MIN(created_at) FROM forum_posts WHERE author_id = :u"
                       " AND created_at > :since",
                       limits::kForumNewMemberPostsPerDay)) {
    w.outcome = Written::Outcome::kTooManyPostsToday;
    w.retry_after = *wait;
    return w;
  }
  return std::nullopt;
}

Written Refused() {
  Written w;
  w.outcome = Written::Outcome::kRefused;
  return w;
}

Written TooMany(long long wait) {
  Written w;
  w.outcome = Written::Outcome::kTooManyPosts;
  w.retry_after = wait;
  return w;
}

long long Affected(soci::statement& statement) {
  statement.execute(true);
  return statement.get_affected_rows();
}

}  // namespace

namespace detail {

std::optional<std::pair<long long, guard::ForumReaders>> ForumRow(soci::session& sql, const Forum& forum) {
  if (forum.orphacode) {
    const int code = *forum.orphacode;
    sql << "INSERT INTO forums (orphacode) VALUES (:o) ON CONFLICT (orphacode) DO NOTHING", soci::use(code, "o");
  }
  long long id = 0;
  std::string readers;
  if (forum.orphacode) {
    const int code = *forum.orphacode;
    sql << "SELECT id, readers FROM forums WHERE orphacode = :o", soci::use(code, "o"), soci::into(id),
        soci::into(readers);
  } else {
    sql << "SELECT id, readers FROM forums WHERE id = :f", soci::use(forum.id, "f"), soci::into(id),
        soci::into(readers);
  }
  if (!sql.got_data()) return std::nullopt;
  return std::make_pair(id, detail::ReadersOf(readers));
}

std::optional<PostRow> LoadPost(soci::session& sql, long long forum_id, long long topic_id, long long number) {
  soci::row row;
  sql << "SELECT p.id, p.author_id, p.body, p.created_at, p.edited_at, p.deleted_at, p.helped_count, t.title,"
         " t.closed, f.readers FROM forum_posts p JOIN forum_topics t ON t.id = p.topic_id"
         " JOIN forums f ON f.id = t.forum_id WHERE p.topic_id = :t AND p.number = :n AND t.forum_id = :f",
      soci::use(topic_id, "t"), soci::use(number, "n"), soci::use(forum_id, "f"), soci::into(row);
  if (!sql.got_data()) return std::nullopt;
  PostRow p;
  p.id = RowInteger(row, 0);
  p.author_id = RowInteger(row, 1);
  p.body = RowText(row, 2);
  p.created_at = RowInteger(row, 3);
  if (row.get_indicator(4) != soci::i_null) p.edited_at = RowInteger(row, 4);
  p.deleted = row.get_indicator(5) != soci::i_null;
  p.helped_count = RowInteger(row, 6);
  p.topic_title = RowText(row, 7);
  p.facts.topic_closed = RowInteger(row, 8) != 0;
  p.facts.readers = detail::ReadersOf(RowText(row, 9));
  p.facts.post = guard::ForumPostFacts{p.author_id, p.deleted, p.facts.topic_closed};
  return p;
}

void MarkRead(soci::session& sql, long long user_id, long long topic_id, long long number, long long now) {
  sql << "INSERT INTO forum_topic_reads (user_id, topic_id, last_read_number, read_at) VALUES (:u, :t, :n, :now)"
         " ON CONFLICT (user_id, topic_id) DO UPDATE SET read_at = excluded.read_at,"
         " last_read_number = CASE WHEN excluded.last_read_number > forum_topic_reads.last_read_number"
         " THEN excluded.last_read_number ELSE forum_topic_reads.last_read_number END",
      soci::use(user_id, "u"), soci::use(topic_id, "t"), soci::use(number, "n"), soci::use(now, "now");
}

}  // namespace detail

Result<Written> ForumStore::CreateTopic(const WriteContext& ctx, const Forum& forum, const std::string& title,
                                        const std::string& body, const MayWrite& may_write) {
  return db_.InTransaction([&](soci::session& sql) -> Result<Written> {
    LockUser(sql, ctx.user_id);
    auto row = detail::ForumRow(sql, forum);
    if (!row) return Status::NotFound("no such forum");
    WriteFacts facts;
    facts.readers = row->second;
    if (!may_write(facts)) return Refused();
    if (auto limited = NewMemberLimit(sql, ctx, Limits::kTopic)) return *limited;
    if (auto wait = HourlyWait(sql, ctx.user_id, ctx.now)) return TooMany(*wait);
    const long long forum_id = row->first;
    Written w;
    sql << "INSERT INTO forum_topics (forum_id, author_id, title, created_at, post_count, reply_count, last_post_at)"
           " VALUES (:f, :a, :title, :now, 1, 0, :now) RETURNING id",
        soci::use(forum_id, "f"), soci::use(ctx.user_id, "a"), soci::use(title, "title"), soci::use(ctx.now, "now"),
        soci::into(w.topic_id);
    sql << "INSERT INTO forum_posts (topic_id, number, author_id, body, created_at) VALUES (:t, 1, :a, :b, :now)",
        soci::use(w.topic_id, "t"), soci::use(ctx.user_id, "a"), soci::use(body, "b"), soci::use(ctx.now, "now");
    sql << "UPDATE forums SET topic_count = topic_count + 1, post_count = post_count + 1, last_post_at = :now"
           " WHERE id = :f",
        soci::use(ctx.now, "now"), soci::use(forum_id, "f");
    detail::MarkRead(sql, ctx.user_id, w.topic_id, 1, ctx.now);
    if (post_hook_) post_hook_(sql, {forum_id, row->second, w.topic_id, 1, ctx.user_id, body, std::nullopt, ctx.now});
    search::NoteTopicChanged(sql, w.topic_id);
    BumpContentGeneration(sql);
    w.number = 1;
    w.title = title;
    return w;
  });
}

Result<Written> ForumStore::Reply(const WriteContext& ctx, const Forum& forum, long long topic_id,
                                  const std::string& body, std::optional<long long> reply_to,
                                  const MayWrite& may_write) {
  if (forum.id == 0) return Status::NotFound("no such topic");
  return db_.InTransaction([&](soci::session& sql) -> Result<Written> {
    LockUser(sql, ctx.user_id);
    soci::row row;
    sql << "SELECT t.closed, f.readers, t.title FROM forum_topics t JOIN forums f ON f.id = t.forum_id"
           " WHERE t.id = :t AND t.forum_id = :f",
        soci::use(topic_id, "t"), soci::use(forum.id, "f"), soci::into(row);
    if (!sql.got_data()) return Status::NotFound("no such topic");
    WriteFacts facts;
    facts.topic_closed = RowInteger(row, 0) != 0;
    facts.readers = detail::ReadersOf(RowText(row, 1));
    if (!may_write(facts)) return Refused();
    if (auto limited = NewMemberLimit(sql, ctx, Limits::kReply)) return *limited;
    if (auto wait = HourlyWait(sql, ctx.user_id, ctx.now)) return TooMany(*wait);
    Written w;
    w.topic_id = topic_id;
    w.title = RowText(row, 2);
    if (reply_to) {
      long long exists = 0;
      sql << "SELECT COUNT(*) FROM forum_posts WHERE topic_id = :t AND number = :n", soci::use(topic_id, "t"),
          soci::use(*reply_to, "n"), soci::into(exists);
      if (exists == 0) {
        w.outcome = Written::Outcome::kNoSuchReplyTo;
        return w;
      }
    }
    // The topic's row is the post counter: taking the next number locks it, so two
    // replies at once get two numbers.
    sql << "UPDATE forum_topics SET post_count = post_count + 1, reply_count = reply_count + 1,"
           " last_post_at = :now WHERE id = :t RETURNING post_count",
        soci::use(ctx.now, "now"), soci::use(topic_id, "t"), soci::into(w.number);
    long long to = reply_to.value_or(0);
    soci::indicator to_ind = reply_to ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO forum_posts (topic_id, number, author_id, body, reply_to_number, created_at)"
           " VALUES (:t, :n, :a, :b, :r, :now)",
        soci::use(topic_id, "t"), soci::use(w.number, "n"), soci::use(ctx.user_id, "a"), soci::use(body, "b"),
        soci::use(to, to_ind, "r"), soci::use(ctx.now, "now");
    sql << "UPDATE forums SET post_count = post_count + 1, last_post_at = :now WHERE id = :f",
        soci::use(ctx.now, "now"), soci::use(forum.id, "f");
    detail::MarkRead(sql, ctx.user_id, topic_id, w.number, ctx.now);
    if (post_hook_) post_hook_(sql, {forum.id, facts.readers, topic_id, w.number, ctx.user_id, body, reply_to, ctx.now});
    search::NoteTopicChanged(sql, topic_id);
    BumpContentGeneration(sql);
    return w;
  });
}

Result<Written> ForumStore::EditPost(const WriteContext& ctx, const Forum& forum, long long topic_id,
                                     long long number, const std::string& body,
                                     const std::optional<std::string>& title, const MayWrite& may_write) {
  if (forum.id == 0) return Status::NotFound("no such post");
  return db_.InTransaction([&](soci::session& sql) -> Result<Written> {
    auto post = detail::LoadPost(sql, forum.id, topic_id, number);
    if (!post) return Status::NotFound("no such post");
    if (!may_write(post->facts)) return Refused();
    Written w;
    w.topic_id = topic_id;
    w.number = number;
    w.title = post->topic_title;
    const bool title_changes = number == 1 && title && *title != post->topic_title;
    if (body == post->body && !title_changes) return w;  // nothing to change
    if (auto limited = NewMemberLimit(sql, ctx, Limits::kEdit)) return *limited;
    if (EditKeepsHistory(post->created_at, ctx.now)) {
      const long long written_at = post->edited_at.value_or(post->created_at);
      std::string old_title = title_changes ? post->topic_title : "";
      soci::indicator title_ind = title_changes ? soci::i_ok : soci::i_null;
      sql << "INSERT INTO forum_post_revisions (post_id, body, title, written_at, replaced_at)"
             " VALUES (:p, :b, :title, :written, :now)",
          soci::use(post->id, "p"), soci::use(post->body, "b"), soci::use(old_title, title_ind, "title"),
          soci::use(written_at, "written"), soci::use(ctx.now, "now");
      sql << "UPDATE forum_posts SET body = :b, edited_at = :now WHERE id = :p", soci::use(body, "b"),
          soci::use(ctx.now, "now"), soci::use(post->id, "p");
    } else {
      sql << "UPDATE forum_posts SET body = :b WHERE id = :p", soci::use(body, "b"), soci::use(post->id, "p");
    }
    if (title_changes) {
      sql << "UPDATE forum_topics SET title = :title WHERE id = :t", soci::use(*title, "title"),
          soci::use(topic_id, "t");
      w.title = *title;
    }
    if (edit_hook_ && body != post->body) {
      edit_hook_(sql, {forum.id, post->facts.readers, topic_id, number, ctx.user_id, body, std::nullopt, ctx.now},
                 post->body);
    }
    search::NoteTopicChanged(sql, topic_id);
    BumpContentGeneration(sql);
    return w;
  });
}

Result<Written> ForumStore::DeletePost(const WriteContext& ctx, const Forum& forum, long long topic_id,
                                       long long number, const MayWrite& may_write) {
  if (forum.id == 0) return Status::NotFound("no such post");
  return db_.InTransaction([&](soci::session& sql) -> Result<Written> {
    auto post = detail::LoadPost(sql, forum.id, topic_id, number);
    if (!post) return Status::NotFound("no such post");
    if (!may_write(post->facts)) return Refused();
    sql << "UPDATE forum_posts SET deleted_at = :now, body = '', helped_count = 0 WHERE id = :p",
        soci::use(ctx.now, "now"), soci::use(post->id, "p");
    sql << "DELETE FROM forum_post_revisions WHERE post_id = :p", soci::use(post->id, "p");
    sql << "DELETE FROM forum_post_helped WHERE post_id = :p", soci::use(post->id, "p");
    if (number > 1) {
      sql << "UPDATE forum_topics SET reply_count = reply_count - 1 WHERE id = :t", soci::use(topic_id, "t");
    }
    search::NoteTopicChanged(sql, topic_id);
    BumpContentGeneration(sql);
    Written w;
    w.topic_id = topic_id;
    w.number = number;
    w.title = post->topic_title;
    return w;
  });
}

Result<Written> ForumStore::SetHelped(const WriteContext& ctx, const Forum& forum, long long topic_id,
                                      long long number, bool helped, const MayWrite& may_write) {
  if (forum.id == 0) return Status::NotFound("no such post");
  return db_.InTransaction([&](soci::session& sql) -> Result<Written> {
    auto post = detail::LoadPost(sql, forum.id, topic_id, number);
    if (!post) return Status::NotFound("no such post");
    if (!may_write(post->facts)) return Refused();
    long long change = 0;
    if (helped) {
      soci::statement insert = (sql.prepare << "INSERT INTO forum_post_helped (post_id, user_id, created_at)"
                                               " VALUES (:p, :u, :now) ON CONFLICT (post_id, user_id) DO NOTHING",
                                soci::use(post->id, "p"), soci::use(ctx.user_id, "u"), soci::use(ctx.now, "now"));
      change = Affected(insert);
    } else {
      soci::statement remove = (sql.prepare << "DELETE FROM forum_post_helped WHERE post_id = :p AND user_id = :u",
                                soci::use(post->id, "p"), soci::use(ctx.user_id, "u"));
      change = -Affected(remove);
    }
    if (change != 0) {
      sql << "UPDATE forum_posts SET helped_count = helped_count + :d WHERE id = :p", soci::use(change, "d"),
          soci::use(post->id, "p");
      BumpContentGeneration(sql);
    }
    Written w;
    w.topic_id = topic_id;
    w.number = number;
    w.title = post->topic_title;
    return w;
  });
}

Result<nlohmann::json> ForumStore::Export(long long user_id) {
  return db_.Run([&](soci::session& sql) -> Result<nlohmann::json> {
    nlohmann::json data = nlohmann::json::object();
    data["topics_you_started"] = RowsAsJson(sql,
                                            "SELECT t.id, t.title, t.created_at, COALESCE(f.slug, c.slug) AS forum"
                                            " FROM forum_topics t JOIN forums f ON f.id = t.forum_id"
                                            " LEFT JOIN conditions c ON c.orphacode = f.orphacode"
                                            " WHERE t.author_id = :id ORDER BY t.id",
                                            user_id);
    data["posts_you_wrote"] = RowsAsJson(sql,
                                         "SELECT topic_id, number, body, reply_to_number, created_at, edited_at,"
                                         " deleted_at, helped_count FROM forum_posts WHERE author_id = :id ORDER BY id",
                                         user_id);
    data["earlier_versions_of_your_posts"] =
        RowsAsJson(sql,
                   "SELECT p.topic_id, p.number, r.body, r.title, r.written_at, r.replaced_at"
                   " FROM forum_post_revisions r JOIN forum_posts p ON p.id = r.post_id"
                   " WHERE p.author_id = :id ORDER BY r.id",
                   user_id);
    data["posts_that_helped_you"] = RowsAsJson(sql,
                                               "SELECT p.topic_id, p.number, h.created_at FROM forum_post_helped h"
                                               " JOIN forum_posts p ON p.id = h.post_id WHERE h.user_id = :id"
                                               " ORDER BY h.created_at",
                                               user_id);
    data["topics_you_read"] = RowsAsJson(sql,
                                         "SELECT topic_id, last_read_number, read_at FROM forum_topic_reads"
                                         " WHERE user_id = :id ORDER BY topic_id",
                                         user_id);
    data["posts_you_flagged"] = RowsAsJson(sql,
                                           "SELECT p.topic_id, p.number, g.reason, g.note, g.created_at, g.status"
                                           " FROM forum_post_flags g JOIN forum_posts p ON p.id = g.post_id"
                                           " WHERE g.reporter_id = :id ORDER BY g.id",
                                           user_id);
    return data;
  });
}

void ForumStore::DeleteMemberData(soci::session& sql, long long user_id) {
  // Posts stay where they were written (others replied to them), signed "deleted member".
  sql << "UPDATE forum_posts SET helped_count = helped_count - 1"
         " WHERE id IN (SELECT post_id FROM forum_post_helped WHERE user_id = :u)",
      soci::use(user_id, "u");
  sql << "DELETE FROM forum_post_helped WHERE user_id = :u", soci::use(user_id, "u");
  sql << "DELETE FROM forum_topic_reads WHERE user_id = :u", soci::use(user_id, "u");
  sql << "UPDATE forum_post_flags SET reporter_id = NULL WHERE reporter_id = :u", soci::use(user_id, "u");
  // Public topics show the author's name: cached pages must change.
  BumpContentGeneration(sql);
}

}  // namespace diseasemaps::forums
