// ForumStore, first part: forums, topic lists and reading a topic (see forum_store.h).
// The writes are in forum_store_writes.cc.
#include "forums/forum_store.h"

#include <algorithm>
#include <map>

#include "forums/forum_store_internal.h"
#include "platform/db/prepared.h"
#include "platform/db/row_text.h"

namespace diseasemaps::forums {
namespace {

// The columns of forums that make a Forum, from f.
constexpr const char* kForumColumns =
    "f.id, f.slug, f.orphacode, f.title, f.description, f.readers, f.topic_count, f.post_count, f.last_post_at,"
    " f.position";

Forum ReadForum(const soci::row& row, std::size_t first) {
  Forum forum;
  forum.id = RowInteger(row, first);
  forum.slug = RowText(row, first + 1);
  if (row.get_indicator(first + 2) != soci::i_null) forum.orphacode = static_cast<int>(RowInteger(row, first + 2));
  forum.title = RowText(row, first + 3);
  forum.description = RowText(row, first + 4);
  forum.readers = detail::ReadersOf(RowText(row, first + 5));
  forum.topic_count = RowInteger(row, first + 6);
  forum.post_count = RowInteger(row, first + 7);
  forum.last_post_at = RowInteger(row, first + 8);
  forum.position = static_cast<int>(RowInteger(row, first + 9));
  return forum;
}

// A forum that has a row, by its address (every forum page and topic page opens with it).
struct ForumBySlugQuery : PreparedQuery {
  std::string slug;
  soci::row row;
  soci::statement statement;
  explicit ForumBySlugQuery(soci::session& sql)
      : statement((sql.prepare << std::string("SELECT ") + kForumColumns + " FROM forums f WHERE f.slug = :s",
                   soci::use(slug, "s"), soci::into(row))) {}
};

// A topic's head and the viewer's last-read position in it (none for a visitor, viewer 0).
struct TopicHeadQuery : PreparedQuery {
  long long viewer = 0, topic = 0, forum = 0;
  soci::row row;
  soci::statement statement;
  explicit TopicHeadQuery(soci::session& sql)
      : statement((sql.prepare << "SELECT t.id, t.title, t.author_id, t.created_at, t.closed, t.post_count,"
                                  " t.pinned_at, r.last_read_number FROM forum_topics t"
                                  " LEFT JOIN forum_topic_reads r ON r.topic_id = t.id AND r.user_id = :viewer"
                                  " WHERE t.id = :t AND t.forum_id = :f",
                   soci::use(viewer, "viewer"), soci::use(topic, "t"), soci::use(forum, "f"), soci::into(row))) {}
};

// A page of a topic's posts, numbers first..last, with what the page shows of each.
struct TopicPostsQuery : PreparedQuery {
  long long viewer = 0, topic = 0, first = 0, last = 0;
  soci::row row;
  soci::statement statement;
  explicit TopicPostsQuery(soci::session& sql)
      : statement((sql.prepare << "SELECT p.id, p.number, p.author_id, u.display_name, u.deleted_at, p.body,"
                                  " p.reply_to_number, ru.display_name, ru.deleted_at, p.created_at, p.edited_at,"
                                  " p.deleted_at, p.helped_count, p.hidden_at,"
                                  " (SELECT COUNT(*) FROM forum_post_helped h WHERE h.post_id = p.id"
                                  " AND h.user_id = :viewer),"
                                  " p.moderator_hidden, s.user_id FROM forum_posts p JOIN users u ON u.id = p.author_id"
                                  " LEFT JOIN synthetic_members s ON s.user_id = p.author_id"
                                  " LEFT JOIN forum_posts rp ON rp.topic_id = p.topic_id"
                                  " AND rp.number = p.reply_to_number"
                                  " LEFT JOIN users ru ON ru.id = rp.author_id"
                                  " WHERE p.topic_id = :t AND p.number BETWEEN :first AND :last ORDER BY p.number",
                   soci::use(viewer, "viewer"), soci::use(topic, "t"), soci::use(first, "first"),
                   soci::use(last, "last"), soci::into(row))) {}
};

// The columns of a TopicSummary, from t, u (its author) and r (the viewer's read row).
constexpr const char* kTopicColumns =
    "t.id, t.title, t.author_id, u.display_name, u.deleted_at, t.created_at, t.last_post_at, t.post_count,"
    " t.reply_count, t.closed, r.last_read_number, t.pinned_at";
constexpr const char* kTopicJoins =
    " FROM forum_topics t JOIN users u ON u.id = t.author_id"
    " LEFT JOIN forum_topic_reads r ON r.topic_id = t.id AND r.user_id = :viewer";

TopicSummary ReadTopic(const soci::row& row) {
  TopicSummary t;
  t.id = RowInteger(row, 0);
  t.title = RowText(row, 1);
  t.author_id = RowInteger(row, 2);
  t.author_name = RowText(row, 3);
  t.author_deleted = row.get_indicator(4) != soci::i_null;
  t.created_at = RowInteger(row, 5);
  t.last_post_at = RowInteger(row, 6);
  t.post_count = RowInteger(row, 7);
  t.reply_count = RowInteger(row, 8);
  t.closed = RowInteger(row, 9) != 0;
  t.opened = row.get_indicator(10) != soci::i_null;
  t.last_read_number = t.opened ? RowInteger(row, 10) : 0;
  t.pinned = row.get_indicator(11) != soci::i_null;
  return t;
}

// A row of a topic list: the summary and its "helped" score (column 12).
TopicSummary ListedTopic(const soci::row& row) {
  TopicSummary t = ReadTopic(row);
  t.helped = RowInteger(row, 12);
  return t;
}

// The latest list, the commonest page of a forum: its pinned topics, then a page of the
// others by last post. Both kept prepared.
struct PinnedTopicsQuery : PreparedQuery {
  long long forum = 0, viewer = 0;
  soci::row row;
  soci::statement statement;
  explicit PinnedTopicsQuery(soci::session& sql)
      : statement((sql.prepare << std::string("SELECT ") + kTopicColumns + ", 0" + kTopicJoins +
                                      " WHERE t.forum_id = :f AND t.pinned_at IS NOT NULL"
                                      " ORDER BY t.pinned_at DESC, t.id DESC",
                   soci::use(forum, "f"), soci::use(viewer, "viewer"), soci::into(row))) {}
};

struct LatestTopicsQuery : PreparedQuery {
  long long forum = 0, viewer = 0, offset = 0;
  int limit = 0;
  soci::row row;
  soci::statement statement;
  explicit LatestTopicsQuery(soci::session& sql)
      : statement((sql.prepare << std::string("SELECT ") + kTopicColumns + ", 0" + kTopicJoins +
                                      " WHERE t.forum_id = :f AND t.pinned_at IS NULL"
                                      " ORDER BY t.last_post_at DESC, t.id DESC LIMIT :limit OFFSET :offset",
                   soci::use(forum, "f"), soci::use(viewer, "viewer"), soci::use(limit, "limit"),
                   soci::use(offset, "offset"), soci::into(row))) {}
};

}  // namespace

namespace detail {

guard::ForumReaders ReadersOf(const std::string& stored) {
  // The schema allows only the two; anything else reads as the safer one.
  return guard::ParseForumReaders(stored).value_or(guard::ForumReaders::kMembers);
}

}  // namespace detail

Result<std::vector<Forum>> ForumStore::ListForums(std::optional<long long> viewer_id) {
  return db_.Run([&](soci::session& sql) -> Result<std::vector<Forum>> {
    std::vector<Forum> site_wide;
    std::vector<Forum> conditions;
    std::map<int, std::size_t> by_code;  // orphacode -> index in conditions
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string("SELECT ") + kForumColumns +
                            ", c.slug, c.name FROM forums f LEFT JOIN conditions c ON c.orphacode = f.orphacode"
                            " WHERE f.orphacode IS NULL OR (c.status = 'active' AND f.topic_count > 0)"
                            " ORDER BY f.position, f.id");
    for (const soci::row& row : rows) {
      Forum forum = ReadForum(row, 0);
      if (forum.orphacode) {
        forum.slug = RowText(row, 10);
        forum.title = RowText(row, 11);
        by_code[*forum.orphacode] = conditions.size();
        conditions.push_back(std::move(forum));
      } else {
        site_wide.push_back(std::move(forum));
      }
    }
    if (viewer_id) {
      // The communities the member joined have a forum even before anyone wrote there.
      soci::rowset<soci::row> mine =
          (sql.prepare << "SELECT c.orphacode, c.slug, c.name FROM memberships m"
                          " JOIN conditions c ON c.orphacode = m.orphacode"
                          " WHERE m.user_id = :u AND c.status = 'active'",
           soci::use(*viewer_id, "u"));
      for (const soci::row& row : mine) {
        const int code = static_cast<int>(RowInteger(row, 0));
        auto found = by_code.find(code);
        if (found == by_code.end()) {
          Forum forum;
          forum.orphacode = code;
          forum.slug = RowText(row, 1);
          forum.title = RowText(row, 2);
          by_code[code] = conditions.size();
          conditions.push_back(std::move(forum));
          conditions.back().my_community = true;
        } else {
          conditions[found->second].my_community = true;
        }
      }
      std::map<long long, long long> unread;
      soci::rowset<soci::row> counts =
          (sql.prepare << "SELECT t.forum_id, COUNT(*) FROM forum_topics t"
                          " LEFT JOIN forum_topic_reads r ON r.topic_id = t.id AND r.user_id = :u"
                          " WHERE t.last_post_at >= (SELECT created_at FROM users WHERE id = :u)"
                          " AND t.post_count > COALESCE(r.last_read_number, 0) GROUP BY t.forum_id",
           soci::use(*viewer_id, "u"));
      for (const soci::row& row : counts) unread[RowInteger(row, 0)] = RowInteger(row, 1);
      for (auto* list : {&site_wide, &conditions}) {
        for (Forum& forum : *list) {
          if (auto it = unread.find(forum.id); forum.id != 0 && it != unread.end()) forum.unread_topics = it->second;
        }
      }
    }
    std::stable_sort(conditions.begin(), conditions.end(), [](const Forum& a, const Forum& b) {
      if (a.my_community != b.my_community) return a.my_community;
      return a.title < b.title;
    });
    site_wide.insert(site_wide.end(), std::make_move_iterator(conditions.begin()),
                     std::make_move_iterator(conditions.end()));
    return site_wide;
  });
}

Result<Forum> ForumStore::FindForum(const std::string& slug, std::optional<long long> viewer_id) {
  return db_.Run([&](soci::session& sql) -> Result<Forum> {
    {
      auto query = Prepared<ForumBySlugQuery>(sql);
      query->slug = slug;
      if (query.Execute()) return ReadForum(query->row, 0);
    }
    soci::row condition;
    sql << "SELECT c.orphacode, c.slug, c.name, f.id, f.readers, f.topic_count, f.post_count, f.last_post_at"
           " FROM conditions c LEFT JOIN forums f ON f.orphacode = c.orphacode"
           " WHERE c.slug = :s AND c.status = 'active'",
        soci::use(slug, "s"), soci::into(condition);
    if (!sql.got_data()) return Status::NotFound("no such forum");
    Forum forum;
    forum.orphacode = static_cast<int>(RowInteger(condition, 0));
    forum.slug = RowText(condition, 1);
    forum.title = RowText(condition, 2);
    if (condition.get_indicator(3) != soci::i_null) {
      forum.id = RowInteger(condition, 3);
      forum.readers = detail::ReadersOf(RowText(condition, 4));
      forum.topic_count = RowInteger(condition, 5);
      forum.post_count = RowInteger(condition, 6);
      forum.last_post_at = RowInteger(condition, 7);
    }
    if (viewer_id) {
      long long joined = 0;
      sql << "SELECT COUNT(*) FROM memberships WHERE user_id = :u AND orphacode = :o", soci::use(*viewer_id, "u"),
          soci::use(*forum.orphacode, "o"), soci::into(joined);
      forum.my_community = joined > 0;
    }
    return forum;
  });
}

Result<std::vector<Forum>> ForumStore::SiteWideForums() {
  return db_.Run([&](soci::session& sql) -> Result<std::vector<Forum>> {
    std::vector<Forum> forums;
    soci::rowset<soci::row> rows = (sql.prepare << std::string("SELECT ") + kForumColumns +
                                                       " FROM forums f WHERE f.orphacode IS NULL ORDER BY f.position, f.id");
    for (const soci::row& row : rows) forums.push_back(ReadForum(row, 0));
    return forums;
  });
}

Result<std::optional<ForumStore::TopicHome>> ForumStore::FindMovedTopic(long long topic_id, long long from_forum_id) {
  return db_.Run([&](soci::session& sql) -> Result<std::optional<TopicHome>> {
    soci::row row;
    sql << "SELECT f.id, COALESCE(f.slug, c.slug), f.readers, t.title FROM forum_topics t"
           " JOIN forums f ON f.id = t.forum_id LEFT JOIN conditions c ON c.orphacode = f.orphacode"
           " WHERE t.id = :t AND t.forum_id <> :from AND EXISTS (SELECT 1 FROM forum_moderation_log l"
           " WHERE l.forum_id = :from AND l.topic_id = :t AND l.action = 'move')",
        soci::use(topic_id, "t"), soci::use(from_forum_id, "from"), soci::into(row);
    if (!sql.got_data()) return std::optional<TopicHome>();
    return std::optional<TopicHome>(
        TopicHome{RowInteger(row, 0), RowText(row, 1), detail::ReadersOf(RowText(row, 2)), RowText(row, 3)});
  });
}

Result<TopicList> ForumStore::Topics(const Forum& forum, TopicOrder order, long long since, long long offset,
                                     int limit, std::optional<long long> viewer_id) {
  TopicList list;
  if (forum.id == 0) return list;  // nothing was ever written in it
  return db_.Run([&](soci::session& sql) -> Result<TopicList> {
    const long long viewer = viewer_id.value_or(0);  // no account has id 0
    std::string query;
    switch (order) {
      case TopicOrder::kLatest: {
        list.total = forum.topic_count;
        // Pinned topics first (a few: all read), the most recently pinned first; then
        // the others by last post, paged after them.
        std::vector<TopicSummary> pinned;
        {
          auto query = Prepared<PinnedTopicsQuery>(sql);
          query->forum = forum.id;
          query->viewer = viewer;
          for (bool more = query.Execute(); more; more = query.Fetch()) pinned.push_back(ReadTopic(query->row));
        }
        const auto count = static_cast<long long>(pinned.size());
        for (long long i = offset; i < count && i < offset + limit; ++i) {
          list.topics.push_back(pinned[static_cast<std::size_t>(i)]);
        }
        auto latest = Prepared<LatestTopicsQuery>(sql);
        latest->forum = forum.id;
        latest->viewer = viewer;
        latest->limit = limit - static_cast<int>(list.topics.size());
        latest->offset = std::max(0LL, offset - count);
        for (bool more = latest->limit > 0 && latest.Execute(); more; more = latest.Fetch()) {
          list.topics.push_back(ListedTopic(latest->row));
        }
        return list;
      }
      case TopicOrder::kUnanswered:
        sql << "SELECT COUNT(*) FROM forum_topics WHERE forum_id = :f AND reply_count = 0", soci::use(forum.id, "f"),
            soci::into(list.total);
        query = std::string("SELECT ") + kTopicColumns + ", 0" + kTopicJoins +
                " WHERE t.forum_id = :f AND t.reply_count = 0 ORDER BY t.created_at DESC, t.id DESC"
                " LIMIT :limit OFFSET :offset";
        break;
      case TopicOrder::kTop: {
        // Topics with "helped" given or posts written in the period.
        const std::string scored =
            std::string("SELECT ") + kTopicColumns +
            ", (SELECT COUNT(*) FROM forum_post_helped h JOIN forum_posts p ON p.id = h.post_id"
            " WHERE p.topic_id = t.id AND h.created_at >= :since) AS helped,"
            " (SELECT COUNT(*) FROM forum_posts p WHERE p.topic_id = t.id AND p.created_at >= :since"
            " AND p.deleted_at IS NULL) AS recent" +
            kTopicJoins + " WHERE t.forum_id = :f";
        sql << "SELECT COUNT(*) FROM (" + scored + ") x WHERE x.helped > 0 OR x.recent > 0",
            soci::use(forum.id, "f"), soci::use(since, "since"), soci::use(viewer, "viewer"), soci::into(list.total);
        query = "SELECT * FROM (" + scored +
                ") x WHERE x.helped > 0 OR x.recent > 0"
                " ORDER BY x.helped DESC, x.recent DESC, x.last_post_at DESC, x.id DESC LIMIT :limit OFFSET :offset";
        break;
      }
    }
    auto read = [&](soci::rowset<soci::row>& rows) {
      for (const soci::row& row : rows) list.topics.push_back(ListedTopic(row));
    };
    if (order == TopicOrder::kTop) {
      soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(forum.id, "f"), soci::use(since, "since"),
                                      soci::use(viewer, "viewer"), soci::use(limit, "limit"),
                                      soci::use(offset, "offset"));
      read(rows);
    } else {
      soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(forum.id, "f"), soci::use(viewer, "viewer"),
                                      soci::use(limit, "limit"), soci::use(offset, "offset"));
      read(rows);
    }
    return list;
  });
}

Result<TopicPage> ForumStore::OpenTopic(const Forum& forum, long long topic_id, long long first, int count,
                                        std::optional<long long> viewer_id) {
  if (forum.id == 0) return Status::NotFound("no such topic");
  return db_.Run([&](soci::session& sql) -> Result<TopicPage> {
    TopicPage page;
    page.forum = forum;
    auto head = Prepared<TopicHeadQuery>(sql);
    head->viewer = viewer_id.value_or(0);
    head->topic = topic_id;
    head->forum = forum.id;
    if (!head.Execute()) return Status::NotFound("no such topic");
    const soci::row& row = head->row;
    page.topic.id = RowInteger(row, 0);
    page.topic.title = RowText(row, 1);
    page.topic.author_id = RowInteger(row, 2);
    page.topic.created_at = RowInteger(row, 3);
    page.topic.closed = RowInteger(row, 4) != 0;
    page.topic.post_count = RowInteger(row, 5);
    page.topic.pinned = row.get_indicator(6) != soci::i_null;
    page.last_read_number = viewer_id && row.get_indicator(7) != soci::i_null ? RowInteger(row, 7) : 0;
    auto posts = Prepared<TopicPostsQuery>(sql);
    posts->viewer = head->viewer;
    posts->topic = topic_id;
    posts->first = first;
    posts->last = first + count - 1;
    std::map<long long, std::size_t> by_id;
    bool any_edited = false;
    for (bool more = count > 0 && posts.Execute(); more; more = posts.Fetch()) {
      const soci::row& r = posts->row;
      Post p;
      p.id = RowInteger(r, 0);
      p.number = RowInteger(r, 1);
      p.author_id = RowInteger(r, 2);
      p.author_name = RowText(r, 3);
      p.author_deleted = r.get_indicator(4) != soci::i_null;
      p.body = RowText(r, 5);
      if (r.get_indicator(6) != soci::i_null) p.reply_to_number = RowInteger(r, 6);
      p.reply_to_author = RowText(r, 7);
      p.reply_to_author_deleted = r.get_indicator(8) != soci::i_null;
      p.created_at = RowInteger(r, 9);
      if (r.get_indicator(10) != soci::i_null) p.edited_at = RowInteger(r, 10);
      p.deleted = r.get_indicator(11) != soci::i_null;
      p.helped_count = RowInteger(r, 12);
      p.hidden = r.get_indicator(13) != soci::i_null;
      p.helped_by_me = RowInteger(r, 14) > 0;
      p.hidden_by_moderator = p.hidden && RowInteger(r, 15) != 0;
      p.author_synthetic = r.get_indicator(16) != soci::i_null;
      any_edited = any_edited || p.edited_at.has_value();
      by_id[p.id] = page.posts.size();
      page.posts.push_back(std::move(p));
    }
    // Every revision is written with its post's edited_at (forum_store_writes.cc,
    // forum_store_moderation.cc): a page of posts never edited has none to look for.
    if (!any_edited) return page;
    soci::rowset<soci::row> revisions =
        (sql.prepare << "SELECT r.post_id, r.body, r.title, r.written_at, r.replaced_at, r.moderator_reason"
                        " FROM forum_post_revisions r"
                        " JOIN forum_posts p ON p.id = r.post_id"
                        " WHERE p.topic_id = :t AND p.number BETWEEN :first AND :last ORDER BY r.post_id, r.id",
         soci::use(topic_id, "t"), soci::use(first, "first"), soci::use(posts->last, "last"));
    for (const soci::row& r : revisions) {
      auto at = by_id.find(RowInteger(r, 0));
      if (at == by_id.end()) continue;
      Revision revision;
      revision.body = RowText(r, 1);
      if (r.get_indicator(2) != soci::i_null) revision.title = RowText(r, 2);
      revision.written_at = RowInteger(r, 3);
      revision.replaced_at = RowInteger(r, 4);
      if (r.get_indicator(5) != soci::i_null) revision.moderator_reason = RowText(r, 5);
      page.posts[at->second].history.push_back(std::move(revision));
    }
    return page;
  });
}

Status ForumStore::MarkRead(long long user_id, long long topic_id, long long number, long long now) {
  return db_.InTransaction([&](soci::session& sql) {
    detail::MarkRead(sql, user_id, topic_id, number, now);
    return Status::Ok();
  });
}

}  // namespace diseasemaps::forums
