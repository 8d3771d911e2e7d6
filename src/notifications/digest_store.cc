// DigestStore (see digest_store.h for what it guarantees).
#include "notifications/digest_store.h"

#include "forums/forum_rules.h"
#include "forums/forum_view.h"
#include "guard/guard.h"
#include "mail/outbox_store.h"
#include "notifications/digest_mail.h"
#include "notifications/unsubscribe_token.h"
#include "platform/db/row_text.h"
#include "platform/i18n.h"

namespace diseasemaps::notifications {
namespace {

constexpr const char* kWatchedLevels = "('watching', 'tracking')";

// Makes the member's row when they have none (their digests start now), keeping one.
void EnsureRow(soci::session& sql, long long user_id, long long now) {
  sql << "INSERT INTO member_digests (user_id, frequency, digest_from, updated_at)"
         " VALUES (:u, 'weekly', :now, :now) ON CONFLICT (user_id) DO NOTHING",
      soci::use(user_id, "u"), soci::use(now, "now");
}

// Moves the member's digest_from from `from` to `next`: true when this call did it (the
// claim); false when another pass did first.
bool Claim(soci::session& sql, const DigestCandidate& member, long long next, long long now) {
  const std::string frequency = DigestFrequencyName(member.state.frequency);
  if (member.has_row) {
    soci::statement claim = (sql.prepare << "UPDATE member_digests SET digest_from = :next"
                                            " WHERE user_id = :u AND digest_from = :from AND frequency = :f",
                             soci::use(next, "next"), soci::use(member.user_id, "u"),
                             soci::use(member.state.from, "from"), soci::use(frequency, "f"));
    claim.execute(true);
    return claim.get_affected_rows() == 1;
  }
  soci::statement claim = (sql.prepare << "INSERT INTO member_digests (user_id, frequency, digest_from, updated_at)"
                                          " VALUES (:u, :f, :next, :now) ON CONFLICT (user_id) DO NOTHING",
                           soci::use(member.user_id, "u"), soci::use(frequency, "f"), soci::use(next, "next"),
                           soci::use(now, "now"));
  claim.execute(true);
  return claim.get_affected_rows() == 1;
}

// The new topics of the member's digest period that they may read, oldest first.
std::vector<DigestTopic> NewTopics(soci::session& sql, const DigestCandidate& member, long long now, long long& more) {
  guard::Viewer viewer;
  viewer.user_id = member.user_id;
  const std::string query =
      std::string("SELECT t.id, t.title, f.slug, f.title, f.readers, f.orphacode, c.slug, c.name"
                  " FROM forum_topics t JOIN forums f ON f.id = t.forum_id"
                  " LEFT JOIN conditions c ON c.orphacode = f.orphacode"
                  " JOIN forum_watches w ON w.forum_id = f.id AND w.user_id = :u AND w.level IN ") +
      kWatchedLevels +
      " JOIN forum_posts p ON p.topic_id = t.id AND p.number = 1"
      " WHERE t.created_at >= :from AND t.created_at < :now AND t.author_id <> :u"
      " AND p.deleted_at IS NULL AND p.hidden_at IS NULL"
      " AND NOT EXISTS (SELECT 1 FROM topic_watches m WHERE m.user_id = :u AND m.topic_id = t.id"
      " AND m.level = 'muted')"
      " AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = :u AND b.blocked_id = t.author_id)"
      " ORDER BY t.created_at, t.id LIMIT :limit";
  const int limit = kDigestTopicsRead;
  soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(member.user_id, "u"),
                                  soci::use(member.state.from, "from"), soci::use(now, "now"),
                                  soci::use(limit, "limit"));
  std::vector<DigestTopic> topics;
  more = 0;
  i18n::ScopedLanguage in(member.language);
  for (const soci::row& row : rows) {
    if (!guard::CanReadForum(viewer, guard::ParseForumReaders(RowText(row, 4)).value_or(guard::ForumReaders::kMembers))) continue;
    if (static_cast<int>(topics.size()) >= kDigestTopicsListed) {
      ++more;
      continue;
    }
    forums::Forum forum;
    const bool condition = row.get_indicator(5) != soci::i_null;
    forum.slug = condition ? RowText(row, 6) : RowText(row, 2);
    if (condition) forum.orphacode = static_cast<int>(RowInteger(row, 5));
    forum.title = condition ? RowText(row, 7) : RowText(row, 3);
    const std::string title = RowText(row, 1);
    topics.push_back({title, forums::ForumTitle(forum), forums::TopicPath(forum.slug, RowInteger(row, 0), title)});
  }
  return topics;
}

}  // namespace

Result<DigestFrequency> DigestStore::Frequency(long long user_id) {
  return db_.Run([&](soci::session& sql) -> Result<DigestFrequency> {
    std::string frequency;
    sql << "SELECT frequency FROM member_digests WHERE user_id = :u", soci::use(user_id, "u"), soci::into(frequency);
    if (!sql.got_data()) return kDefaultDigest;
    return ParseDigestFrequency(frequency).value_or(kDefaultDigest);
  });
}

Status DigestStore::SetFrequency(long long user_id, DigestFrequency frequency, long long now) {
  const std::string name = DigestFrequencyName(frequency);
  return db_.InTransaction([&](soci::session& sql) -> Status {
    EnsureRow(sql, user_id, now);
    sql << "UPDATE member_digests SET frequency = :f, resubscribe_to = NULL, updated_at = :now WHERE user_id = :u",
        soci::use(name, "f"), soci::use(now, "now"), soci::use(user_id, "u");
    return Status::Ok();
  });
}

Status DigestStore::Unsubscribe(long long user_id, long long now) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    EnsureRow(sql, user_id, now);
    // Unsubscribing twice keeps the choice made before the first.
    sql << "UPDATE member_digests SET resubscribe_to = CASE WHEN frequency = 'never' THEN resubscribe_to"
           " ELSE frequency END, frequency = 'never', updated_at = :now WHERE user_id = :u",
        soci::use(now, "now"), soci::use(user_id, "u");
    return Status::Ok();
  });
}

Result<DigestFrequency> DigestStore::Resubscribe(long long user_id, long long now) {
  return db_.InTransaction([&](soci::session& sql) -> Result<DigestFrequency> {
    EnsureRow(sql, user_id, now);
    std::string frequency;
    std::string before;
    soci::indicator before_ind = soci::i_ok;
    sql << "SELECT frequency, resubscribe_to FROM member_digests WHERE user_id = :u", soci::use(user_id, "u"),
        soci::into(frequency), soci::into(before, before_ind);
    if (frequency != "never") return ParseDigestFrequency(frequency).value_or(kDefaultDigest);
    const DigestFrequency restored =
        before_ind == soci::i_null ? kDefaultDigest : ParseDigestFrequency(before).value_or(kDefaultDigest);
    const std::string name = DigestFrequencyName(restored);
    // The digests start again from now, not from before the unsubscribe.
    sql << "UPDATE member_digests SET frequency = :f, resubscribe_to = NULL, digest_from = :now, updated_at = :now"
           " WHERE user_id = :u",
        soci::use(name, "f"), soci::use(now, "now"), soci::use(user_id, "u");
    return restored;
  });
}

Status DigestStore::RecordVisit(long long user_id, long long now) {
  return db_.RunOnPrimary([&](soci::session& sql) -> Status {
    sql << "INSERT INTO member_visits (user_id, visited_at) VALUES (:u, :now)"
           " ON CONFLICT (user_id) DO UPDATE SET visited_at = excluded.visited_at",
        soci::use(user_id, "u"), soci::use(now, "now");
    return Status::Ok();
  });
}

Result<std::vector<DigestCandidate>> DigestStore::DueMembers(long long now, long long after_id, int limit) {
  const long long daily_before = now - DigestIntervalSeconds(DigestFrequency::kDaily);
  const long long weekly_before = now - DigestIntervalSeconds(DigestFrequency::kWeekly);
  return db_.Run([&](soci::session& sql) -> Result<std::vector<DigestCandidate>> {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT u.id, u.email, u.language, d.frequency, d.digest_from, u.created_at,"
                                    " v.visited_at FROM users u"
                                    " LEFT JOIN member_digests d ON d.user_id = u.id"
                                    " LEFT JOIN member_visits v ON v.user_id = u.id"
                                    " WHERE u.id > :after AND u.deleted_at IS NULL AND u.status = 'active'"
                                    // demo-data's members have made-up addresses
                                    " AND NOT EXISTS (SELECT 1 FROM synthetic_members s WHERE s.user_id = u.id)"
                                    " AND EXISTS (SELECT 1 FROM forum_watches w WHERE w.user_id = u.id"
                                    " AND w.level IN ") +
                            kWatchedLevels +
                            ") AND ((d.user_id IS NULL AND u.created_at <= :weekly)"
                            " OR (d.frequency = 'weekly' AND d.digest_from <= :weekly)"
                            " OR (d.frequency = 'daily' AND d.digest_from <= :daily))"
                            " ORDER BY u.id LIMIT :limit",
         soci::use(after_id, "after"), soci::use(weekly_before, "weekly"), soci::use(daily_before, "daily"),
         soci::use(limit, "limit"));
    std::vector<DigestCandidate> due;
    for (const soci::row& row : rows) {
      DigestCandidate member;
      member.user_id = RowInteger(row, 0);
      member.email = RowText(row, 1);
      member.language = RowText(row, 2);
      member.has_row = row.get_indicator(3) != soci::i_null;
      member.state.frequency =
          member.has_row ? ParseDigestFrequency(RowText(row, 3)).value_or(kDefaultDigest) : kDefaultDigest;
      member.state.from = member.has_row ? RowInteger(row, 4) : RowInteger(row, 5);
      if (row.get_indicator(6) != soci::i_null) member.state.visited_at = RowInteger(row, 6);
      if (DigestDue(member.state, now)) due.push_back(std::move(member));
    }
    return due;
  });
}

Result<bool> DigestStore::SendDigest(const DigestCandidate& member, long long now, const std::string& public_url) {
  const DigestStep step = NextDigestStep(member.state, now);
  return db_.InTransaction([&](soci::session& sql) -> Result<bool> {
    if (!Claim(sql, member, step.next_from, now) || !step.send) return false;
    long long more = 0;
    DigestFacts facts;
    facts.topics = NewTopics(sql, member, now, more);
    if (facts.topics.empty()) return false;  // nothing new: the period is covered all the same
    facts.to = member.email;
    facts.user_id = member.user_id;
    facts.language = member.language;
    facts.weekly = member.state.frequency == DigestFrequency::kWeekly;
    facts.more = more;
    facts.public_url = public_url;
    facts.token = SignUnsubscribeToken(sql, {member.user_id, MailStream::kDigest}, now);
    return mail::EnqueueIn(sql, DigestMail(facts), now, UnsubscribeHeaders(public_url, facts.token));
  });
}

nlohmann::json DigestStore::ExportIn(soci::session& sql, long long user_id) {
  nlohmann::json out = {{"digest", DigestFrequencyName(kDefaultDigest)}, {"last_visit_at", nullptr}};
  std::string frequency;
  sql << "SELECT frequency FROM member_digests WHERE user_id = :u", soci::use(user_id, "u"), soci::into(frequency);
  if (sql.got_data()) out["digest"] = frequency;
  long long visited = 0;
  sql << "SELECT visited_at FROM member_visits WHERE user_id = :u", soci::use(user_id, "u"), soci::into(visited);
  if (sql.got_data()) out["last_visit_at"] = visited;
  return out;
}

void DigestStore::DeleteMemberData(soci::session& sql, long long user_id) {
  sql << "DELETE FROM member_digests WHERE user_id = :u", soci::use(user_id, "u");
  sql << "DELETE FROM member_visits WHERE user_id = :u", soci::use(user_id, "u");
}

}  // namespace diseasemaps::notifications
