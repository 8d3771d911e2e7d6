#include "search/post_search_store.h"

#include <chrono>
#include <map>

#include "platform/change_notice.h"
#include "platform/db/row_text.h"

namespace diseasemaps::search {
namespace {

long long Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A post that stands: what the index may hold.
constexpr const char* kStanding = " p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.moderator_hidden = 0";

constexpr const char* kRecordColumns =
    "SELECT p.id, p.topic_id, t.forum_id, f.readers, t.title, p.number, p.body"
    " FROM forum_posts p JOIN forum_topics t ON t.id = p.topic_id JOIN forums f ON f.id = t.forum_id WHERE";

guard::ForumReaders ReadersOf(const std::string& stored) {
  return guard::ParseForumReaders(stored).value_or(guard::ForumReaders::kMembers);
}

std::vector<PostRecord> ReadRecords(soci::rowset<soci::row>& rows) {
  std::vector<PostRecord> out;
  for (const soci::row& row : rows) {
    PostRecord r;
    r.post_id = RowInteger(row, 0);
    r.topic_id = RowInteger(row, 1);
    r.forum_id = RowInteger(row, 2);
    r.readers = ReadersOf(RowText(row, 3));
    r.number = RowInteger(row, 5);
    if (r.number == 1) r.title = RowText(row, 4);
    r.body = RowText(row, 6);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

void NoteTopicChanged(soci::session& sql, long long topic_id) {
  const long long now = Now();
  sql << "INSERT INTO forum_search_changes (topic_id, created_at) VALUES (:t, :now)", soci::use(topic_id, "t"),
      soci::use(now, "now");
  NotifyChange(sql, SearchNotice());
}

void NotePostChanged(soci::session& sql, long long post_id) {
  const long long now = Now();
  sql << "INSERT INTO forum_search_changes (topic_id, created_at) SELECT topic_id, :now FROM forum_posts"
         " WHERE id = :p",
      soci::use(now, "now"), soci::use(post_id, "p");
  NotifyChange(sql, SearchNotice());
}

void NoteForumChanged(soci::session& sql, long long forum_id) {
  const long long now = Now();
  sql << "INSERT INTO forum_search_changes (topic_id, created_at) SELECT id, :now FROM forum_topics"
         " WHERE forum_id = :f",
      soci::use(now, "now"), soci::use(forum_id, "f");
  NotifyChange(sql, SearchNotice());
}

Result<std::vector<PostRecord>> PostSearchStore::TopicPosts(long long topic_id) {
  return db_.Run([&](soci::session& sql) {
    soci::rowset<soci::row> rows = (sql.prepare << std::string(kRecordColumns) + " p.topic_id = :t AND" + kStanding +
                                                       " ORDER BY p.number",
                                    soci::use(topic_id, "t"));
    return ReadRecords(rows);
  });
}

Result<std::vector<PostRecord>> PostSearchStore::PostsAfter(long long after, int limit) {
  return db_.Run([&](soci::session& sql) {
    soci::rowset<soci::row> rows = (sql.prepare << std::string(kRecordColumns) + " p.id > :a AND" + kStanding +
                                                       " ORDER BY p.id LIMIT :n",
                                    soci::use(after, "a"), soci::use(limit, "n"));
    return ReadRecords(rows);
  });
}

Result<long long> PostSearchStore::LatestChange() {
  return db_.Run([](soci::session& sql) {
    long long latest = 0;
    soci::indicator null = soci::i_ok;
    sql << "SELECT MAX(id) FROM forum_search_changes", soci::into(latest, null);
    return null == soci::i_ok ? latest : 0LL;
  });
}

Result<std::vector<TopicChange>> PostSearchStore::ChangesAfter(long long after, int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<TopicChange> changes;
    long long id = 0, topic_id = 0;
    soci::indicator null = soci::i_ok;
    soci::statement st = (sql.prepare << "SELECT id, topic_id FROM forum_search_changes WHERE id > :after"
                                         " ORDER BY id LIMIT :limit",
                          soci::use(after), soci::use(limit), soci::into(id), soci::into(topic_id, null));
    st.execute();
    while (st.fetch()) changes.push_back({id, null == soci::i_ok ? std::optional<long long>(topic_id) : std::nullopt});
    return changes;
  });
}

Status PostSearchStore::RequestRebuild() {
  return db_.InTransaction([](soci::session& sql) {
    const long long now = Now();
    sql << "INSERT INTO forum_search_changes (topic_id, created_at) VALUES (NULL, :now)", soci::use(now, "now");
    NotifyChange(sql, SearchNotice());
    return Status::Ok();
  });
}

Result<std::vector<PostHitRow>> PostSearchStore::Hits(const std::vector<long long>& post_ids) {
  return db_.Run([&](soci::session& sql) {
    std::vector<PostHitRow> out;
    if (post_ids.empty()) return out;
    std::string in;  // integers only: safe to write into the statement
    for (long long id : post_ids) {
      if (!in.empty()) in += ',';
      in += std::to_string(id);
    }
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT p.id, p.topic_id, p.number, t.title, p.body, p.created_at,"
                                    " COALESCE(f.slug, c.slug), f.orphacode, COALESCE(c.name, f.title), f.readers"
                                    " FROM forum_posts p JOIN forum_topics t ON t.id = p.topic_id"
                                    " JOIN forums f ON f.id = t.forum_id"
                                    " LEFT JOIN conditions c ON c.orphacode = f.orphacode"
                                    " WHERE p.id IN (") +
                             in + ") AND" + kStanding + " AND (f.orphacode IS NULL OR c.status = 'active')");
    std::map<long long, PostHitRow> found;
    for (const soci::row& row : rows) {
      PostHitRow h;
      h.post_id = RowInteger(row, 0);
      h.topic_id = RowInteger(row, 1);
      h.number = RowInteger(row, 2);
      h.topic_title = RowText(row, 3);
      h.body = RowText(row, 4);
      h.created_at = RowInteger(row, 5);
      h.forum_slug = RowText(row, 6);
      if (row.get_indicator(7) != soci::i_null) h.forum_orphacode = static_cast<int>(RowInteger(row, 7));
      h.forum_title = RowText(row, 8);
      h.readers = ReadersOf(RowText(row, 9));
      found.emplace(h.post_id, std::move(h));
    }
    for (long long id : post_ids) {
      if (auto it = found.find(id); it != found.end()) out.push_back(std::move(it->second));
    }
    return out;
  });
}

}  // namespace diseasemaps::search
