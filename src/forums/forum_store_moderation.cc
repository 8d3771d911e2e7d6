// ForumStore, third part: flags of posts and their handling by moderators in the one
// reports queue (see forum_store.h); and ForumModerationStore: moderators' actions and
// the forums' public moderation log (see forum_moderation_store.h).
#include "accounts/user_store.h"
#include "app/limits.h"
#include "forums/forum_moderation_store.h"
#include "forums/forum_rules.h"
#include "forums/forum_store.h"
#include "forums/forum_store_internal.h"
#include "platform/content_generation.h"
#include "platform/db/row_text.h"
#include "search/post_search_store.h"

namespace diseasemaps::forums {
namespace {

constexpr const char* kFlagQuery =
    "SELECT g.id, g.post_id, p.number, p.topic_id, t.title, COALESCE(f.slug, c.slug), g.reason, g.note,"
    " g.created_at, rep.display_name, p.author_id, au.display_name, au.status, au.deleted_at, p.body,"
    " p.deleted_at, p.created_at, g.status, hb.display_name, g.handled_at, g.moderator_note, p.hidden_at"
    " FROM forum_post_flags g JOIN forum_posts p ON p.id = g.post_id"
    " JOIN forum_topics t ON t.id = p.topic_id JOIN forums f ON f.id = t.forum_id"
    " LEFT JOIN conditions c ON c.orphacode = f.orphacode JOIN users au ON au.id = p.author_id"
    " LEFT JOIN users rep ON rep.id = g.reporter_id LEFT JOIN users hb ON hb.id = g.handled_by";

Flag ReadFlag(const soci::row& row) {
  Flag g;
  g.id = RowInteger(row, 0);
  g.post_id = RowInteger(row, 1);
  g.number = RowInteger(row, 2);
  g.topic_id = RowInteger(row, 3);
  g.topic_title = RowText(row, 4);
  g.forum_slug = RowText(row, 5);
  g.reason = RowText(row, 6);
  g.note = RowText(row, 7);
  g.flagged_at = RowInteger(row, 8);
  g.reporter_name = RowText(row, 9);
  g.author_id = RowInteger(row, 10);
  g.author_name = RowText(row, 11);
  g.author_deleted = row.get_indicator(13) != soci::i_null;
  g.author_suspended = !g.author_deleted && RowText(row, 12) != "active";
  g.body = RowText(row, 14);
  g.post_deleted = row.get_indicator(15) != soci::i_null;
  g.written_at = RowInteger(row, 16);
  g.status = RowText(row, 17);
  g.handled_by_name = RowText(row, 18);
  g.handled_at = RowInteger(row, 19);
  g.moderator_note = RowText(row, 20);
  g.post_hidden = row.get_indicator(21) != soci::i_null;
  return g;
}

}  // namespace

Result<Written> ForumStore::AddFlag(const WriteContext& ctx, const Forum& forum, long long topic_id, long long number,
                                    const std::string& reason, const std::string& note, const MayWrite& may_write) {
  if (forum.id == 0) return Status::NotFound("no such post");
  return db_.InTransaction([&](soci::session& sql) -> Result<Written> {
    auto post = detail::LoadPost(sql, forum.id, topic_id, number);
    if (!post) return Status::NotFound("no such post");
    Written w;
    w.topic_id = topic_id;
    w.number = number;
    w.title = post->topic_title;
    if (!may_write(post->facts)) {
      w.outcome = Written::Outcome::kRefused;
      return w;
    }
    long long waiting = 0;
    sql << "SELECT COUNT(*) FROM forum_post_flags WHERE post_id = :p AND reporter_id = :u AND status = 'open'",
        soci::use(post->id, "p"), soci::use(ctx.user_id, "u"), soci::into(waiting);
    if (waiting > 0) return w;
    sql << "INSERT INTO forum_post_flags (post_id, reporter_id, reason, note, created_at)"
           " VALUES (:p, :u, :r, :n, :t)",
        soci::use(post->id, "p"), soci::use(ctx.user_id, "u"), soci::use(reason, "r"), soci::use(note, "n"),
        soci::use(ctx.now, "t");
    // Established members (forum_rules.h IsNewForumMember says no) whose flags wait.
    const long long confirmed_before = ctx.now - limits::kNewAccountSeconds;
    const long long posts = limits::kForumNewMemberPosts;
    long long established = 0;
    sql << "SELECT COUNT(DISTINCT g.reporter_id) FROM forum_post_flags g JOIN users u ON u.id = g.reporter_id"
           " WHERE g.post_id = :p AND g.status = 'open' AND u.email_confirmed_at IS NOT NULL"
           " AND u.email_confirmed_at <= :before"
           " AND (SELECT COUNT(*) FROM forum_posts x WHERE x.author_id = u.id) >= :posts",
        soci::use(post->id, "p"), soci::use(confirmed_before, "before"), soci::use(posts, "posts"),
        soci::into(established);
    if (established >= kFlagsToHide) {
      soci::statement hide = (sql.prepare << "UPDATE forum_posts SET hidden_at = :t WHERE id = :p AND hidden_at IS NULL",
                              soci::use(ctx.now, "t"), soci::use(post->id, "p"));
      hide.execute(true);
      if (hide.get_affected_rows() > 0) {
        w.hidden = true;
        search::NotePostChanged(sql, post->id);
        BumpContentGeneration(sql);
      }
    }
    return w;
  });
}

Result<std::vector<Flag>> ForumStore::OpenFlags(int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<Flag> list;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kFlagQuery) + " WHERE g.status = 'open' ORDER BY g.id LIMIT :limit",
         soci::use(limit, "limit"));
    for (const soci::row& row : rows) list.push_back(ReadFlag(row));
    return list;
  });
}

Result<std::vector<Flag>> ForumStore::HandledFlags(int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<Flag> list;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kFlagQuery) +
                            " WHERE g.status <> 'open' ORDER BY g.handled_at DESC, g.id DESC LIMIT :limit",
         soci::use(limit, "limit"));
    for (const soci::row& row : rows) list.push_back(ReadFlag(row));
    return list;
  });
}

Status ForumStore::HandleFlag(long long flag_id, messages::ReportAction action, long long moderator_id,
                              const std::string& note, long long now,
                              const std::function<Status(soci::session&, const FlagSubject&)>& effect) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    soci::row row;
    sql << "SELECT g.status, p.author_id, u.display_name, u.email, g.post_id, u.language, COALESCE(f.slug, c.slug),"
           " p.topic_id, t.title, p.number FROM forum_post_flags g"
           " JOIN forum_posts p ON p.id = g.post_id JOIN users u ON u.id = p.author_id"
           " JOIN forum_topics t ON t.id = p.topic_id JOIN forums f ON f.id = t.forum_id"
           " LEFT JOIN conditions c ON c.orphacode = f.orphacode WHERE g.id = :g",
        soci::use(flag_id, "g"), soci::into(row);
    if (!sql.got_data()) return Status::NotFound("no such flag");
    if (RowText(row, 0) != "open") return Status::Conflict("This flag was handled already.");
    FlagSubject subject{RowInteger(row, 1), RowText(row, 2), RowText(row, 3), {}, RowText(row, 5),
                        PostHref(TopicPath(RowText(row, 6), RowInteger(row, 7), RowText(row, 8)), RowInteger(row, 9))};
    subject.author_roles = accounts::RolesIn(sql, subject.author_id);
    const long long post_id = RowInteger(row, 4);
    const std::string status = messages::ReportStatusAfter(action);
    // Still open when written: on PostgreSQL a second moderator waits for the first's row
    // lock, then finds nothing left to handle.
    soci::statement handled =
        (sql.prepare << "UPDATE forum_post_flags SET status = :s, handled_by = :by, handled_at = :t,"
                        " moderator_note = :n WHERE id = :g AND status = 'open'",
         soci::use(status, "s"), soci::use(moderator_id, "by"), soci::use(now, "t"), soci::use(note, "n"),
         soci::use(flag_id, "g"));
    handled.execute(true);
    if (handled.get_affected_rows() == 0) return Status::Conflict("This flag was handled already.");
    // The post's other waiting flags are answered by the same decision.
    sql << "UPDATE forum_post_flags SET status = :s, handled_by = :by, handled_at = :t, moderator_note = :n"
           " WHERE post_id = :p AND status = 'open'",
        soci::use(status, "s"), soci::use(moderator_id, "by"), soci::use(now, "t"), soci::use(note, "n"),
        soci::use(post_id, "p");
    if (action == messages::ReportAction::kDismiss) {
      // Nothing wrong with it: a post the flags hid is shown again.
      soci::statement shown = (sql.prepare << "UPDATE forum_posts SET hidden_at = NULL WHERE id = :p"
                                              " AND hidden_at IS NOT NULL",
                               soci::use(post_id, "p"));
      shown.execute(true);
      if (shown.get_affected_rows() > 0) {
        search::NotePostChanged(sql, post_id);
        BumpContentGeneration(sql);
      }
    }
    if (effect) {
      if (Status s = effect(sql, subject); !s.ok()) return s;
    }
    accounts::AppendAudit(sql, moderator_id, "forum_flag." + status, "user:" + std::to_string(subject.author_id),
                          "flag " + std::to_string(flag_id) + " on forum post " + std::to_string(post_id) +
                              (note.empty() ? "" : ": " + note));
    return Status::Ok();
  });
}

namespace {

// The topic a moderator acts on, read in the action's transaction.
struct TopicRow {
  std::string title;
  long long author_id = 0;
  bool closed = false;
  bool pinned = false;
  long long post_count = 0;
  long long last_post_at = 0;
  guard::ForumReaders readers = guard::ForumReaders::kMembers;
};

std::optional<TopicRow> LoadTopic(soci::session& sql, long long forum_id, long long topic_id) {
  soci::row row;
  sql << "SELECT t.title, t.author_id, t.closed, t.pinned_at, t.post_count, t.last_post_at, f.readers"
         " FROM forum_topics t JOIN forums f ON f.id = t.forum_id WHERE t.id = :t AND t.forum_id = :f",
      soci::use(topic_id, "t"), soci::use(forum_id, "f"), soci::into(row);
  if (!sql.got_data()) return std::nullopt;
  TopicRow t;
  t.title = RowText(row, 0);
  t.author_id = RowInteger(row, 1);
  t.closed = RowInteger(row, 2) != 0;
  t.pinned = row.get_indicator(3) != soci::i_null;
  t.post_count = RowInteger(row, 4);
  t.last_post_at = RowInteger(row, 5);
  t.readers = detail::ReadersOf(RowText(row, 6));
  return t;
}

// The post a moderator acts on.
struct ModeratedPost {
  long long id = 0;
  long long author_id = 0;
  std::string body;
  long long written_at = 0;  // of its current text
  bool deleted = false;
  bool hidden = false;
  bool moderator_hidden = false;
};

std::optional<ModeratedPost> LoadModeratedPost(soci::session& sql, long long topic_id, long long number) {
  soci::row row;
  sql << "SELECT id, author_id, body, COALESCE(edited_at, created_at), deleted_at, hidden_at, moderator_hidden"
         " FROM forum_posts WHERE topic_id = :t AND number = :n",
      soci::use(topic_id, "t"), soci::use(number, "n"), soci::into(row);
  if (!sql.got_data()) return std::nullopt;
  ModeratedPost p;
  p.id = RowInteger(row, 0);
  p.author_id = RowInteger(row, 1);
  p.body = RowText(row, 2);
  p.written_at = RowInteger(row, 3);
  p.deleted = row.get_indicator(4) != soci::i_null;
  p.hidden = row.get_indicator(5) != soci::i_null;
  p.moderator_hidden = RowInteger(row, 6) != 0;
  return p;
}

// The destination of a move: its id and readers; a condition's forum gets its row here
// when it has none (members-only, the schema's default). nullopt when it has gone.
std::optional<std::pair<long long, guard::ForumReaders>> Destination(soci::session& sql, const Forum& to) {
  long long id = 0;
  std::string readers;
  if (to.orphacode) {
    const int code = *to.orphacode;
    sql << "INSERT INTO forums (orphacode) VALUES (:o) ON CONFLICT (orphacode) DO NOTHING", soci::use(code, "o");
    sql << "SELECT id, readers FROM forums WHERE orphacode = :o", soci::use(code, "o"), soci::into(id),
        soci::into(readers);
  } else {
    sql << "SELECT id, readers FROM forums WHERE id = :f", soci::use(to.id, "f"), soci::into(id),
        soci::into(readers);
  }
  if (!sql.got_data()) return std::nullopt;
  return std::make_pair(id, detail::ReadersOf(readers));
}

// A forum's counters once topic (with post_count posts) left it.
void TopicLeft(soci::session& sql, long long forum_id, long long post_count) {
  sql << "UPDATE forums SET topic_count = topic_count - 1, post_count = post_count - :n,"
         " last_post_at = COALESCE((SELECT MAX(t.last_post_at) FROM forum_topics t WHERE t.forum_id = :f), 0)"
         " WHERE id = :f",
      soci::use(post_count, "n"), soci::use(forum_id, "f");
}

bool Changed(soci::statement& statement) {
  statement.execute(true);
  return statement.get_affected_rows() > 0;
}

}  // namespace

Result<Moderated> ForumModerationStore::Moderate(const Forum& forum, const ModerationRequest& request,
                                                 const MayModerate& may, const TellAuthor& tell_author) {
  const bool on_post = OnPost(request.action);
  if (forum.id == 0) return Status::NotFound(on_post ? "no such post" : "no such topic");
  return db_.InTransaction([&](soci::session& sql) -> Result<Moderated> {
    const long long topic_id = request.topic_id;
    auto topic = LoadTopic(sql, forum.id, topic_id);
    if (!topic) return Status::NotFound(on_post ? "no such post" : "no such topic");
    Moderated done;
    done.topic_title = topic->title;
    done.facts.readers = topic->readers;
    done.facts.topic_closed = topic->closed;
    std::optional<ModeratedPost> post;
    if (on_post) {
      post = LoadModeratedPost(sql, topic_id, request.number);
      if (!post) return Status::NotFound("no such post");
      done.facts.post = guard::ForumPostFacts{post->author_id, post->deleted, topic->closed};
    }
    std::optional<std::pair<long long, guard::ForumReaders>> to;
    if (request.action == ModerationAction::kMove) {
      if (!request.to) return Status::NotFound("no such forum");
      to = Destination(sql, *request.to);
      if (!to) return Status::NotFound("no such forum");
      done.facts.to_readers = to->second;
    }
    if (!may(done.facts)) {
      done.outcome = Moderated::Outcome::kRefused;
      return done;
    }
    const long long now = request.now;
    const long long mod = request.moderator_id;
    bool changed = false;
    switch (request.action) {
      case ModerationAction::kHide: {
        soci::statement s = (sql.prepare << "UPDATE forum_posts SET hidden_at = COALESCE(hidden_at, :now),"
                                            " moderator_hidden = 1 WHERE id = :p AND moderator_hidden = 0",
                             soci::use(now, "now"), soci::use(post->id, "p"));
        changed = Changed(s);
        break;
      }
      case ModerationAction::kRestore: {
        soci::statement s = (sql.prepare << "UPDATE forum_posts SET hidden_at = NULL, moderator_hidden = 0"
                                            " WHERE id = :p AND hidden_at IS NOT NULL",
                             soci::use(post->id, "p"));
        changed = Changed(s);
        if (changed) {
          // Showing it again answers the flags that waited on it: nothing to act on.
          sql << "UPDATE forum_post_flags SET status = 'dismissed', handled_by = :by, handled_at = :now,"
                 " moderator_note = :n WHERE post_id = :p AND status = 'open'",
              soci::use(mod, "by"), soci::use(now, "now"), soci::use(request.reason, "n"), soci::use(post->id, "p");
        }
        break;
      }
      case ModerationAction::kEdit: {
        if (request.body == post->body) break;
        // A moderator's edit always keeps what it replaced, with the reason, in the
        // post's visible history.
        sql << "INSERT INTO forum_post_revisions (post_id, body, title, written_at, replaced_at, moderator_reason)"
               " VALUES (:p, :b, NULL, :written, :now, :reason)",
            soci::use(post->id, "p"), soci::use(post->body, "b"), soci::use(post->written_at, "written"),
            soci::use(now, "now"), soci::use(request.reason, "reason");
        sql << "UPDATE forum_posts SET body = :b, edited_at = :now WHERE id = :p", soci::use(request.body, "b"),
            soci::use(now, "now"), soci::use(post->id, "p");
        changed = true;
        break;
      }
      case ModerationAction::kClose:
      case ModerationAction::kReopen: {
        const int closed = request.action == ModerationAction::kClose ? 1 : 0;
        soci::statement s = (sql.prepare << "UPDATE forum_topics SET closed = :c WHERE id = :t AND closed <> :c",
                             soci::use(closed, "c"), soci::use(topic_id, "t"));
        changed = Changed(s);
        break;
      }
      case ModerationAction::kPin: {
        soci::statement s = (sql.prepare << "UPDATE forum_topics SET pinned_at = :now WHERE id = :t"
                                            " AND pinned_at IS NULL",
                             soci::use(now, "now"), soci::use(topic_id, "t"));
        changed = Changed(s);
        break;
      }
      case ModerationAction::kUnpin: {
        soci::statement s = (sql.prepare << "UPDATE forum_topics SET pinned_at = NULL WHERE id = :t"
                                            " AND pinned_at IS NOT NULL",
                             soci::use(topic_id, "t"));
        changed = Changed(s);
        break;
      }
      case ModerationAction::kMove: {
        if (to->first == forum.id) break;
        // Pinning is a forum's own choice: a moved topic arrives unpinned.
        sql << "UPDATE forum_topics SET forum_id = :to, pinned_at = NULL WHERE id = :t", soci::use(to->first, "to"),
            soci::use(topic_id, "t");
        TopicLeft(sql, forum.id, topic->post_count);
        sql << "UPDATE forums SET topic_count = topic_count + 1, post_count = post_count + :n,"
               " last_post_at = CASE WHEN last_post_at < :last THEN :last ELSE last_post_at END WHERE id = :to",
            soci::use(topic->post_count, "n"), soci::use(topic->last_post_at, "last"), soci::use(to->first, "to");
        changed = true;
        break;
      }
      case ModerationAction::kDelete: {
        // What hangs on its posts goes first, explicitly: both databases, whatever
        // their foreign-key settings.
        const std::string posts = "(SELECT id FROM forum_posts WHERE topic_id = :t)";
        sql << "DELETE FROM forum_post_revisions WHERE post_id IN " + posts, soci::use(topic_id, "t");
        sql << "DELETE FROM forum_post_helped WHERE post_id IN " + posts, soci::use(topic_id, "t");
        sql << "DELETE FROM forum_post_flags WHERE post_id IN " + posts, soci::use(topic_id, "t");
        sql << "DELETE FROM forum_topic_reads WHERE topic_id = :t", soci::use(topic_id, "t");
        sql << "DELETE FROM forum_posts WHERE topic_id = :t", soci::use(topic_id, "t");
        sql << "DELETE FROM forum_topics WHERE id = :t", soci::use(topic_id, "t");
        TopicLeft(sql, forum.id, topic->post_count);
        changed = true;
        break;
      }
    }
    if (!changed) {
      done.outcome = Moderated::Outcome::kUnchanged;
      return done;
    }
    const std::string name = ModerationActionName(request.action);
    const long long author = post ? post->author_id : topic->author_id;
    // The public log: no moderator, no flagger.
    long long number = request.number;
    soci::indicator number_ind = on_post ? soci::i_ok : soci::i_null;
    long long other = to ? to->first : 0;
    soci::indicator other_ind = to ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO forum_moderation_log (forum_id, topic_id, topic_title, post_number, action, reason,"
           " other_forum_id, created_at) VALUES (:f, :t, :title, :n, :a, :r, :o, :now)",
        soci::use(forum.id, "f"), soci::use(topic_id, "t"), soci::use(topic->title, "title"),
        soci::use(number, number_ind, "n"), soci::use(name, "a"), soci::use(request.reason, "r"),
        soci::use(other, other_ind, "o"), soci::use(now, "now");
    accounts::AppendAudit(sql, mod, "forum." + name, "user:" + std::to_string(author),
                          "topic " + std::to_string(topic_id) + (on_post ? " post " + std::to_string(number) : "") +
                              " in forum " + forum.slug + (to ? " to forum " + request.to->slug : "") +
                              (request.reason.empty() ? "" : ": " + request.reason));
    search::NoteTopicChanged(sql, topic_id);  // hidden, restored, edited, moved or gone: the posts index re-reads it
    BumpContentGeneration(sql);
    if (tell_author) {
      ModerationSubject subject;
      subject.author_id = author;
      subject.topic_title = topic->title;
      soci::row row;
      sql << "SELECT u.email, u.language, u.deleted_at,"
             " (SELECT COUNT(*) FROM synthetic_members s WHERE s.user_id = u.id) FROM users u WHERE u.id = :u",
          soci::use(author, "u"), soci::into(row);
      if (sql.got_data()) {
        subject.email = RowText(row, 0);
        subject.language = RowText(row, 1);
        subject.reachable = row.get_indicator(2) == soci::i_null && RowInteger(row, 3) == 0 && author != mod &&
                            !subject.email.empty();
      }
      if (Status s = tell_author(sql, subject); !s.ok()) return s;
    }
    return done;
  });
}

Result<ModerationLog> ForumModerationStore::Log(const Forum& forum, long long offset, int limit) {
  ModerationLog log;
  if (forum.id == 0) return log;  // nothing was ever written in it
  return db_.Run([&](soci::session& sql) -> Result<ModerationLog> {
    sql << "SELECT COUNT(*) FROM forum_moderation_log WHERE forum_id = :f", soci::use(forum.id, "f"),
        soci::into(log.total);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT l.id, l.action, l.topic_id, l.topic_title, l.post_number, l.reason, l.created_at,"
                        " COALESCE(tf.slug, tc.slug), t.title, o.id, COALESCE(o.slug, oc.slug), o.orphacode,"
                        " COALESCE(oc.name, o.title)"
                        " FROM forum_moderation_log l"
                        " LEFT JOIN forum_topics t ON t.id = l.topic_id"
                        " LEFT JOIN forums tf ON tf.id = t.forum_id"
                        " LEFT JOIN conditions tc ON tc.orphacode = tf.orphacode"
                        " LEFT JOIN forums o ON o.id = l.other_forum_id"
                        " LEFT JOIN conditions oc ON oc.orphacode = o.orphacode"
                        " WHERE l.forum_id = :f ORDER BY l.id DESC LIMIT :limit OFFSET :offset",
         soci::use(forum.id, "f"), soci::use(limit, "limit"), soci::use(offset, "offset"));
    for (const soci::row& row : rows) {
      ModerationLogLine line;
      line.id = RowInteger(row, 0);
      line.action = RowText(row, 1);
      line.topic_id = RowInteger(row, 2);
      line.topic_title = RowText(row, 3);
      if (row.get_indicator(4) != soci::i_null) line.number = RowInteger(row, 4);
      line.reason = RowText(row, 5);
      line.created_at = RowInteger(row, 6);
      line.topic_forum_slug = RowText(row, 7);
      line.current_title = RowText(row, 8);
      if (row.get_indicator(9) != soci::i_null) {
        Forum other;
        other.id = RowInteger(row, 9);
        other.slug = RowText(row, 10);
        if (row.get_indicator(11) != soci::i_null) other.orphacode = static_cast<int>(RowInteger(row, 11));
        other.title = RowText(row, 12);
        line.other_forum = other;
      }
      log.lines.push_back(std::move(line));
    }
    return log;
  });
}

}  // namespace diseasemaps::forums
