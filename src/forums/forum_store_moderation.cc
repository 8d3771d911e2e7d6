// ForumStore, third part: flags of posts and their handling by moderators in the one
// reports queue (see forum_store.h).
#include "accounts/user_store.h"
#include "app/limits.h"
#include "forums/forum_rules.h"
#include "forums/forum_store.h"
#include "forums/forum_store_internal.h"
#include "platform/content_generation.h"
#include "platform/db/row_text.h"

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
    sql << "SELECT g.status, p.author_id, u.display_name, u.email, g.post_id, u.language FROM forum_post_flags g"
           " JOIN forum_posts p ON p.id = g.post_id JOIN users u ON u.id = p.author_id WHERE g.id = :g",
        soci::use(flag_id, "g"), soci::into(row);
    if (!sql.got_data()) return Status::NotFound("no such flag");
    if (RowText(row, 0) != "open") return Status::Conflict("This flag was handled already.");
    FlagSubject subject{RowInteger(row, 1), RowText(row, 2), RowText(row, 3), {}, RowText(row, 5)};
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
      if (shown.get_affected_rows() > 0) BumpContentGeneration(sql);
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

}  // namespace diseasemaps::forums
