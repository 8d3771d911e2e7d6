// NotificationStore (see notification_store.h for what it guarantees).
#include "notifications/notification_store.h"

#include <chrono>
#include <map>

#include "app/limits.h"
#include "forums/forum_rules.h"
#include "mail/outbox_store.h"
#include "notifications/digest_store.h"
#include "notifications/notification_mail.h"
#include "notifications/unsubscribe_token.h"

#include "guard/guard.h"
#include "platform/db/prepared.h"
#include "platform/db/row_text.h"
#include "platform/db/rows_json.h"

namespace diseasemaps::notifications {
namespace {

// The author of post `number` of the topic, unless it was deleted.
std::optional<long long> AuthorOf(soci::session& sql, long long topic_id, long long number) {
  long long author = 0;
  sql << "SELECT author_id FROM forum_posts WHERE topic_id = :t AND number = :n AND deleted_at IS NULL",
      soci::use(topic_id, "t"), soci::use(number, "n"), soci::into(author);
  if (!sql.got_data()) return std::nullopt;
  return author;
}

constexpr char kTopicLevel[] = "SELECT level FROM topic_watches WHERE user_id = :u AND topic_id = :id";
constexpr char kForumLevel[] = "SELECT level FROM forum_watches WHERE user_id = :u AND forum_id = :id";

// A member's stored watch level of one topic or forum (kSql): every topic page shows it,
// and every post asks it of each watcher, so it is kept prepared.
template <const char* kSql>
struct StoredLevelQuery : PreparedQuery {
  long long user = 0, id = 0;
  std::string level;
  soci::statement statement;
  explicit StoredLevelQuery(soci::session& sql)
      : statement((sql.prepare << kSql, soci::use(user, "u"), soci::use(id, "id"), soci::into(level))) {}
};

template <const char* kSql>
std::optional<WatchLevel> StoredLevel(soci::session& sql, long long user_id, long long id) {
  auto query = Prepared<StoredLevelQuery<kSql>>(sql);
  query->user = user_id;
  query->id = id;
  if (!query.Execute()) return std::nullopt;
  return ParseWatchLevel(query->level);
}

// True when the member may be told about a post by `author` in a forum read by `readers`:
// their account as it is now may read the forum, and they have not blocked the author.
bool MayBeTold(soci::session& sql, long long user_id, long long author_id, guard::ForumReaders readers) {
  std::string status;
  long long deleted_at = 0;
  soci::indicator deleted_ind = soci::i_ok;
  sql << "SELECT status, deleted_at FROM users WHERE id = :u", soci::use(user_id, "u"), soci::into(status),
      soci::into(deleted_at, deleted_ind);
  // A suspended or deleted account is told nothing, even of a public forum.
  if (!sql.got_data() || deleted_ind != soci::i_null || status != "active") return false;
  guard::Viewer viewer;
  viewer.user_id = user_id;
  viewer.suspended = status != "active";
  if (!guard::CanReadForum(viewer, readers)) return false;
  long long blocked = 0;
  sql << "SELECT COUNT(*) FROM blocks WHERE blocker_id = :r AND blocked_id = :a", soci::use(user_id, "r"),
      soci::use(author_id, "a"), soci::into(blocked);
  return blocked == 0;
}

constexpr const char* kColumns =
    "SELECT n.id, n.kind, u.display_name, u.deleted_at, n.topic_id, t.title, COALESCE(f.slug, c.slug),"
    " n.post_number, n.created_at, n.read_at FROM notifications n"
    " JOIN forum_topics t ON t.id = n.topic_id JOIN forums f ON f.id = t.forum_id"
    " LEFT JOIN conditions c ON c.orphacode = f.orphacode LEFT JOIN users u ON u.id = n.actor_id";

Notification ReadNotification(const soci::row& row) {
  Notification n;
  n.id = RowInteger(row, 0);
  n.kind = ParseKind(RowText(row, 1)).value_or(Kind::kWatched);
  n.actor_name = RowText(row, 2);
  n.actor_deleted = row.get_indicator(3) != soci::i_null || row.get_indicator(2) == soci::i_null;
  n.topic_id = RowInteger(row, 4);
  n.topic_title = RowText(row, 5);
  n.forum_slug = RowText(row, 6);
  n.post_number = RowInteger(row, 7);
  n.created_at = RowInteger(row, 8);
  n.read = row.get_indicator(9) != soci::i_null;
  return n;
}

// Mails `recipient` about a reply, quote or mention in the topic (see NotifyIn).
void MailIn(soci::session& sql, const forums::PostEvent& post, const MailSettings& settings, long long recipient,
            Kind kind) {
  std::string email;
  std::string language;
  long long on = 1;
  // demo-data's members have made-up addresses: they are told in the site, never mailed.
  sql << "SELECT u.email, u.language, COALESCE(s.email_replies, 1) FROM users u"
         " LEFT JOIN notification_settings s ON s.user_id = u.id WHERE u.id = :u"
         " AND NOT EXISTS (SELECT 1 FROM synthetic_members m WHERE m.user_id = u.id)",
      soci::use(recipient, "u"), soci::into(email), soci::into(language), soci::into(on);
  if (!sql.got_data() || on == 0) return;
  long long last = 0;
  sql << "SELECT sent_at FROM notification_mail_log WHERE recipient_id = :u AND topic_id = :t",
      soci::use(recipient, "u"), soci::use(post.topic_id, "t"), soci::into(last);
  if (sql.got_data() && post.now - last < limits::kForumMailIntervalSeconds) return;
  sql << "INSERT INTO notification_mail_log (recipient_id, topic_id, sent_at) VALUES (:u, :t, :now)"
         " ON CONFLICT (recipient_id, topic_id) DO UPDATE SET sent_at = excluded.sent_at",
      soci::use(recipient, "u"), soci::use(post.topic_id, "t"), soci::use(post.now, "now");
  soci::row row;
  sql << "SELECT t.title, COALESCE(f.slug, c.slug), a.display_name FROM forum_topics t"
         " JOIN forums f ON f.id = t.forum_id LEFT JOIN conditions c ON c.orphacode = f.orphacode"
         " JOIN users a ON a.id = :a WHERE t.id = :t",
      soci::use(post.author_id, "a"), soci::use(post.topic_id, "t"), soci::into(row);
  if (!sql.got_data()) return;
  MailFacts facts;
  facts.to = email;
  facts.user_id = recipient;
  facts.language = language;
  facts.kind = kind;
  facts.topic_title = RowText(row, 0);
  facts.actor = RowText(row, 2);
  facts.post_path = forums::PostHref(forums::TopicPath(RowText(row, 1), post.topic_id, facts.topic_title), post.number);
  facts.public_url = settings.public_url;
  facts.token = SignUnsubscribeToken(sql, {recipient, MailStream::kReplies}, post.now);
  mail::EnqueueIn(sql, NotificationMail(facts), post.now, UnsubscribeHeaders(settings.public_url, facts.token));
}

// The members among `mentions` whose handle is right (their current name and number).
void AddMentioned(soci::session& sql, const std::vector<Mention>& mentions, std::map<long long, Relation>& related) {
  for (const Mention& mention : mentions) {
    std::string name;
    sql << "SELECT display_name FROM users WHERE id = :u", soci::use(mention.user_id, "u"), soci::into(name);
    if (sql.got_data() && MemberHandle(name, mention.user_id) == mention.handle) related[mention.user_id].mentioned = true;
  }
}

// Writes the one notification (and e-mail) each related member gets for `post`.
void TellIn(soci::session& sql, const forums::PostEvent& post, const std::map<long long, Relation>& related,
            const MailSettings& mail) {
  for (const auto& [user_id, relation] : related) {
    if (user_id == post.author_id) continue;
    if (!MayBeTold(sql, user_id, post.author_id, post.readers)) continue;
    const WatchLevel level =
        EffectiveLevel(StoredLevel<kTopicLevel>(sql, user_id, post.topic_id), StoredLevel<kForumLevel>(sql, user_id, post.forum_id));
    const auto kind = KindFor(relation, level);
    if (!kind) continue;
    const std::string kind_name = KindName(*kind);
    soci::statement insert =
        (sql.prepare << "INSERT INTO notifications (recipient_id, kind, actor_id, topic_id, post_number, created_at)"
                        " VALUES (:r, :k, :a, :t, :n, :now) ON CONFLICT (recipient_id, topic_id, post_number) DO NOTHING",
         soci::use(user_id, "r"), soci::use(kind_name, "k"), soci::use(post.author_id, "a"),
         soci::use(post.topic_id, "t"), soci::use(post.number, "n"), soci::use(post.now, "now"));
    insert.execute(true);
    // Told of this post already (a reply to them, a mention before an edit): nothing more.
    if (insert.get_affected_rows() == 0) continue;
    if (*kind != Kind::kWatched) MailIn(sql, post, mail, user_id, *kind);
  }
}

}  // namespace

void NotificationStore::NotifyIn(soci::session& sql, const forums::PostEvent& post, const MailSettings& mail) {
  std::map<long long, Relation> related;
  if (post.reply_to) {
    if (auto author = AuthorOf(sql, post.topic_id, *post.reply_to)) related[*author].replied_to = true;
  }
  for (long long number : QuotedNumbers(post.body)) {
    if (number >= post.number) continue;
    if (auto author = AuthorOf(sql, post.topic_id, number)) related[*author].quoted = true;
  }
  AddMentioned(sql, ParseMentions(post.body), related);
  {
    soci::rowset<soci::row> watchers =
        (sql.prepare << "SELECT user_id FROM topic_watches WHERE topic_id = :t AND level = 'watching'"
                        " UNION SELECT user_id FROM forum_watches WHERE forum_id = :f AND level = 'watching'",
         soci::use(post.topic_id, "t"), soci::use(post.forum_id, "f"));
    std::vector<long long> ids;
    for (const soci::row& row : watchers) ids.push_back(RowInteger(row, 0));
    for (long long id : ids) related[id];
  }
  TellIn(sql, post, related, mail);
  sql << "INSERT INTO topic_watches (user_id, topic_id, level, updated_at) VALUES (:u, :t, 'tracking', :now)"
         " ON CONFLICT (user_id, topic_id) DO NOTHING",
      soci::use(post.author_id, "u"), soci::use(post.topic_id, "t"), soci::use(post.now, "now");
}

void NotificationStore::NotifyEditIn(soci::session& sql, const forums::PostEvent& post, const std::string& before,
                                     const MailSettings& mail) {
  std::set<long long> already;
  for (const Mention& mention : ParseMentions(before)) already.insert(mention.user_id);
  std::vector<Mention> added;
  for (const Mention& mention : ParseMentions(post.body)) {
    if (!already.contains(mention.user_id)) added.push_back(mention);
  }
  if (added.empty()) return;
  std::map<long long, Relation> related;
  AddMentioned(sql, added, related);
  TellIn(sql, post, related, mail);
}

Result<std::map<long long, std::string>> NotificationStore::ReadersAmong(const std::set<long long>& ids,
                                                                        guard::ForumReaders readers) {
  return db_.Run([&](soci::session& sql) -> Result<std::map<long long, std::string>> {
    std::map<long long, std::string> names;
    for (long long id : ids) {
      std::string name;
      std::string status;
      long long deleted_at = 0;
      soci::indicator deleted_ind = soci::i_ok;
      sql << "SELECT display_name, status, deleted_at FROM users WHERE id = :u", soci::use(id, "u"), soci::into(name),
          soci::into(status), soci::into(deleted_at, deleted_ind);
      // A suspended or deleted account is neither linked nor told.
      if (!sql.got_data() || deleted_ind != soci::i_null || status != "active") continue;
      guard::Viewer viewer;
      viewer.user_id = id;
      viewer.suspended = status != "active";
      if (guard::CanReadForum(viewer, readers)) names[id] = name;
    }
    return names;
  });
}

Result<std::optional<UnsubscribeTarget>> NotificationStore::UnsubscribeTokenTarget(const std::string& token) {
  return db_.Run([&](soci::session& sql) -> Result<std::optional<UnsubscribeTarget>> {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
    auto target = VerifyUnsubscribeToken(sql, token, now);
    if (!target) return target;
    long long found = 0;
    sql << "SELECT COUNT(*) FROM users WHERE id = :u AND deleted_at IS NULL", soci::use(target->user_id, "u"),
        soci::into(found);
    return found > 0 ? target : std::optional<UnsubscribeTarget>();
  });
}

Status NotificationStore::SetEmailReplies(long long user_id, bool on, long long now) {
  const int value = on ? 1 : 0;
  return db_.InTransaction([&](soci::session& sql) -> Status {
    sql << "INSERT INTO notification_settings (user_id, email_replies, updated_at) VALUES (:u, :on, :now)"
           " ON CONFLICT (user_id) DO UPDATE SET email_replies = excluded.email_replies,"
           " updated_at = excluded.updated_at",
        soci::use(user_id, "u"), soci::use(value, "on"), soci::use(now, "now");
    return Status::Ok();
  });
}

Result<bool> NotificationStore::EmailReplies(long long user_id) {
  return db_.Run([&](soci::session& sql) -> Result<bool> {
    long long on = 1;
    sql << "SELECT email_replies FROM notification_settings WHERE user_id = :u", soci::use(user_id, "u"),
        soci::into(on);
    return !sql.got_data() || on != 0;
  });
}

// Every signed-in page shows it in the header: kept prepared.
constexpr char kUnreadNotificationsSql[] =
    "SELECT COUNT(*) FROM notifications WHERE recipient_id = :id AND read_at IS NULL";

Result<long long> NotificationStore::UnreadCount(long long user_id) {
  return db_.Run([&](soci::session& sql) -> Result<long long> {
    return PreparedNumberOf<kUnreadNotificationsSql>(sql, user_id);
  });
}

Result<NotificationList> NotificationStore::List(long long user_id, long long offset, int limit) {
  return db_.Run([&](soci::session& sql) -> Result<NotificationList> {
    NotificationList list;
    sql << "SELECT COUNT(*) FROM notifications WHERE recipient_id = :u", soci::use(user_id, "u"),
        soci::into(list.total);
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kColumns) +
                            " WHERE n.recipient_id = :u ORDER BY n.id DESC LIMIT :limit OFFSET :offset",
         soci::use(user_id, "u"), soci::use(limit, "limit"), soci::use(offset, "offset"));
    for (const soci::row& row : rows) list.items.push_back(ReadNotification(row));
    return list;
  });
}

Result<Notification> NotificationStore::Open(long long user_id, long long id, long long now) {
  return db_.InTransaction([&](soci::session& sql) -> Result<Notification> {
    soci::row row;
    sql << std::string(kColumns) + " WHERE n.id = :id AND n.recipient_id = :u", soci::use(id, "id"),
        soci::use(user_id, "u"), soci::into(row);
    if (!sql.got_data()) return Status::NotFound("no such notification");
    Notification n = ReadNotification(row);
    if (!n.read) {
      sql << "UPDATE notifications SET read_at = :now WHERE id = :id", soci::use(now, "now"), soci::use(id, "id");
      n.read = true;
    }
    return n;
  });
}

Status NotificationStore::MarkAllRead(long long user_id, long long now) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    sql << "UPDATE notifications SET read_at = :now WHERE recipient_id = :u AND read_at IS NULL",
        soci::use(now, "now"), soci::use(user_id, "u");
    return Status::Ok();
  });
}

Result<std::optional<WatchLevel>> NotificationStore::TopicLevel(long long user_id, long long topic_id) {
  return db_.Run([&](soci::session& sql) { return StoredLevel<kTopicLevel>(sql, user_id, topic_id); });
}

Result<std::optional<WatchLevel>> NotificationStore::ForumLevel(long long user_id, long long forum_id) {
  return db_.Run([&](soci::session& sql) { return StoredLevel<kForumLevel>(sql, user_id, forum_id); });
}

Status NotificationStore::SetTopicLevel(long long user_id, long long topic_id, WatchLevel level, long long now) {
  const std::string name = WatchLevelName(level);
  return db_.InTransaction([&](soci::session& sql) -> Status {
    sql << "INSERT INTO topic_watches (user_id, topic_id, level, updated_at) VALUES (:u, :t, :l, :now)"
           " ON CONFLICT (user_id, topic_id) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at",
        soci::use(user_id, "u"), soci::use(topic_id, "t"), soci::use(name, "l"), soci::use(now, "now");
    return Status::Ok();
  });
}

Status NotificationStore::SetForumLevel(long long user_id, long long forum_id, WatchLevel level, long long now) {
  const std::string name = WatchLevelName(level);
  return db_.InTransaction([&](soci::session& sql) -> Status {
    sql << "INSERT INTO forum_watches (user_id, forum_id, level, updated_at) VALUES (:u, :f, :l, :now)"
           " ON CONFLICT (user_id, forum_id) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at",
        soci::use(user_id, "u"), soci::use(forum_id, "f"), soci::use(name, "l"), soci::use(now, "now");
    return Status::Ok();
  });
}

Result<nlohmann::json> NotificationStore::Export(long long user_id) {
  return db_.Run([&](soci::session& sql) -> Result<nlohmann::json> {
    nlohmann::json out;
    out["topic_watches"] = RowsAsJson(sql,
                                      "SELECT w.topic_id, t.title, w.level, w.updated_at FROM topic_watches w"
                                      " JOIN forum_topics t ON t.id = w.topic_id WHERE w.user_id = :id ORDER BY w.topic_id",
                                      user_id);
    out["forum_watches"] = RowsAsJson(sql,
                                      "SELECT w.forum_id, COALESCE(f.slug, c.slug) AS forum, w.level, w.updated_at"
                                      " FROM forum_watches w JOIN forums f ON f.id = w.forum_id"
                                      " LEFT JOIN conditions c ON c.orphacode = f.orphacode"
                                      " WHERE w.user_id = :id ORDER BY w.forum_id",
                                      user_id);
    out["email_replies"] = RowsAsJson(sql, "SELECT email_replies, updated_at FROM notification_settings WHERE user_id = :id",
                                      user_id);
    const nlohmann::json digest = DigestStore::ExportIn(sql, user_id);
    out["digest"] = digest["digest"];
    out["last_visit_at"] = digest["last_visit_at"];
    return out;
  });
}

void NotificationStore::DeleteMemberData(soci::session& sql, long long user_id) {
  sql << "DELETE FROM notifications WHERE recipient_id = :u", soci::use(user_id, "u");
  sql << "UPDATE notifications SET actor_id = NULL WHERE actor_id = :u", soci::use(user_id, "u");
  sql << "DELETE FROM topic_watches WHERE user_id = :u", soci::use(user_id, "u");
  sql << "DELETE FROM forum_watches WHERE user_id = :u", soci::use(user_id, "u");
  sql << "DELETE FROM notification_mail_log WHERE recipient_id = :u", soci::use(user_id, "u");
  sql << "DELETE FROM notification_settings WHERE user_id = :u", soci::use(user_id, "u");
  DigestStore::DeleteMemberData(sql, user_id);
}

}  // namespace diseasemaps::notifications
