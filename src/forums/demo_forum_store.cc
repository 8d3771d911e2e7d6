// DemoForumStore (see demo_forum_store.h): the demo data's SQL for both databases.
#include "forums/demo_forum_store.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "platform/content_generation.h"
#include "platform/db/bulk_insert.h"
#include "platform/db/row_text.h"

namespace diseasemaps::forums {
namespace {

constexpr const char* kSyntheticTopics =
    "(SELECT id FROM forum_topics WHERE author_id IN (SELECT user_id FROM synthetic_members))";
constexpr const char* kSyntheticMembers = "(SELECT user_id FROM synthetic_members)";
// site_state names of the condition forum rows Insert made: "synthetic_forum:<id>".
constexpr const char* kForumMarkPrefix = "synthetic_forum:";

long long MaxId(soci::session& sql, const std::string& table) {
  long long id = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT MAX(id) FROM " + table, soci::into(id, ind);
  return ind == soci::i_null ? 0 : id;
}

// The forum row a topic goes to: a site-wide forum's, or a condition's, made on its first
// and then marked as synthetic (Remove takes it away again when nothing real holds it).
long long ForumIdOf(soci::session& sql, const DemoTopic& topic) {
  long long id = 0;
  if (topic.orphacode) {
    const int code = *topic.orphacode;
    soci::statement insert = (sql.prepare << "INSERT INTO forums (orphacode) VALUES (:o)"
                                             " ON CONFLICT (orphacode) DO NOTHING",
                              soci::use(code, "o"));
    insert.execute(true);
    const bool made = insert.get_affected_rows() == 1;
    sql << "SELECT id FROM forums WHERE orphacode = :o", soci::use(code, "o"), soci::into(id);
    if (!sql.got_data()) return 0;
    if (made) {
      const std::string mark = kForumMarkPrefix + std::to_string(id);
      sql << "INSERT INTO site_state (name, value) VALUES (:n, :v)", soci::use(mark, "n"), soci::use(id, "v");
    }
    return id;
  }
  sql << "SELECT id FROM forums WHERE slug = :s", soci::use(topic.slug, "s"), soci::into(id);
  return sql.got_data() ? id : 0;
}

// Deletes the condition forum rows Insert made, once nothing real holds them: no topic
// (synthetic ones are gone by now), no moderation log line, no real member's watch, and
// the readers they were made with (an admin who chose others made them real). Every mark
// goes: a row kept now stays whatever later demo data does. Returns how many rows went.
long long RemoveSyntheticForums(soci::session& sql) {
  std::vector<std::pair<std::string, long long>> marks;
  {
    const std::string pattern = std::string(kForumMarkPrefix) + "%";
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT name, value FROM site_state WHERE name LIKE :p", soci::use(pattern, "p"));
    for (const soci::row& row : rows) marks.emplace_back(RowText(row, 0), RowInteger(row, 1));
  }
  long long removed = 0;
  for (const auto& [mark, forum_id] : marks) {
    long long held = 0;
    sql << "SELECT (SELECT COUNT(*) FROM forum_topics WHERE forum_id = :f)"
           " + (SELECT COUNT(*) FROM forum_moderation_log WHERE forum_id = :f OR other_forum_id = :f)"
           " + (SELECT COUNT(*) FROM forum_watches WHERE forum_id = :f AND user_id NOT IN " +
               std::string(kSyntheticMembers) +
               ")"
               " + (SELECT COUNT(*) FROM forums WHERE id = :f AND (orphacode IS NULL OR readers <> 'members'))",
        soci::use(forum_id, "f"), soci::into(held);
    if (held == 0) {
      sql << "DELETE FROM forum_watches WHERE forum_id = :f", soci::use(forum_id, "f");
      soci::statement gone = (sql.prepare << "DELETE FROM forums WHERE id = :f", soci::use(forum_id, "f"));
      gone.execute(true);
      removed += gone.get_affected_rows();
    }
    sql << "DELETE FROM site_state WHERE name = :n", soci::use(mark, "n");
  }
  return removed;
}

// The rows of a batch, column by column, as InsertRows takes them.
struct Columns {
  std::vector<long long> topic_id, topic_forum, topic_author, topic_created, topic_posts, topic_replies, topic_last;
  std::vector<std::string> topic_title;
  // Posts with a reply_to_number and those without, apart (InsertRows has no nullable integer).
  struct Posts {
    std::vector<long long> id, topic, number, author, created, helped, reply_to;
    std::vector<std::string> body;
  } replies, others;
  std::vector<long long> helped_post, helped_user, helped_at;
  std::vector<long long> read_user, read_topic, read_number, read_at;
  std::vector<long long> watch_user, watch_topic, watch_at;
  std::vector<std::string> watch_level;
};

}  // namespace

Result<std::vector<DemoAuthor>> DemoForumStore::SyntheticAuthors() {
  return db_.Run([&](soci::session& sql) {
    std::vector<DemoAuthor> authors;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT s.user_id, c.orphacode FROM synthetic_members s"
                        " LEFT JOIN memberships m ON m.user_id = s.user_id"
                        " LEFT JOIN conditions c ON c.orphacode = m.orphacode AND c.status = 'active'"
                        " ORDER BY s.user_id, c.orphacode");
    for (const soci::row& row : rows) {
      const long long id = RowInteger(row, 0);
      if (authors.empty() || authors.back().user_id != id) authors.push_back(DemoAuthor{id, {}});
      if (row.get_indicator(1) != soci::i_null) authors.back().orphacodes.push_back(static_cast<int>(RowInteger(row, 1)));
    }
    return authors;
  });
}

Result<std::vector<DemoCondition>> DemoForumStore::Conditions(const std::set<int>& orphacodes) {
  return db_.Run([&](soci::session& sql) {
    std::map<int, DemoCondition> by_code;
    soci::rowset<soci::row> names =
        (sql.prepare << "SELECT orphacode, name FROM conditions WHERE status = 'active' ORDER BY orphacode");
    for (const soci::row& row : names) {
      const int code = static_cast<int>(RowInteger(row, 0));
      if (orphacodes.count(code) != 0) by_code[code] = DemoCondition{code, RowText(row, 1), {}};
    }
    soci::rowset<soci::row> signs =
        (sql.prepare << "SELECT c.orphacode, COALESCE(l.label, p.hpo_term) FROM condition_phenotypes p"
                        " JOIN conditions c ON c.id = p.condition_id AND c.status = 'active'"
                        " LEFT JOIN hpo_lay_labels l ON l.hpo_id = p.hpo_id ORDER BY c.orphacode, p.hpo_id");
    for (const soci::row& row : signs) {
      auto found = by_code.find(static_cast<int>(RowInteger(row, 0)));
      if (found != by_code.end()) found->second.signs.push_back(RowText(row, 1));
    }
    std::vector<DemoCondition> out;
    for (auto& [code, condition] : by_code) out.push_back(std::move(condition));
    return out;
  });
}

Result<std::vector<std::string>> DemoForumStore::SiteWideSlugs() {
  return db_.Run([&](soci::session& sql) {
    std::vector<std::string> slugs;
    soci::rowset<std::string> rows = (sql.prepare << "SELECT slug FROM forums WHERE slug IS NOT NULL ORDER BY position, id");
    for (const std::string& slug : rows) slugs.push_back(slug);
    return slugs;
  });
}

Status DemoForumStore::Insert(const std::vector<DemoTopic>& batch) {
  const bool postgres = db_.backend() == Backend::kPostgresql;
  return db_.InTransaction([&](soci::session& sql) -> Status {
    // Ids are given here, so nobody may take one meanwhile (SQLite: BEGIN IMMEDIATE did).
    if (postgres) sql << "LOCK TABLE forum_topics, forum_posts IN EXCLUSIVE MODE";
    long long topic_id = MaxId(sql, "forum_topics");
    long long post_id = MaxId(sql, "forum_posts");
    std::map<std::pair<std::optional<int>, std::string>, long long> forum_ids;
    struct Counts {
      long long topics = 0, posts = 0, last = 0;
    };
    std::map<long long, Counts> forums;
    Columns c;
    for (const DemoTopic& topic : batch) {
      if (topic.posts.empty()) return Status::InvalidArgument("a topic without posts");
      auto known = forum_ids.find({topic.orphacode, topic.slug});
      if (known == forum_ids.end()) known = forum_ids.emplace(std::make_pair(topic.orphacode, topic.slug), ForumIdOf(sql, topic)).first;
      if (known->second == 0) return Status::NotFound("no forum for a synthetic topic");
      const long long posts = static_cast<long long>(topic.posts.size());
      const long long last = topic.posts.back().created_at;
      ++topic_id;
      c.topic_id.push_back(topic_id);
      c.topic_forum.push_back(known->second);
      c.topic_author.push_back(topic.posts.front().author_id);
      c.topic_title.push_back(topic.title);
      c.topic_created.push_back(topic.posts.front().created_at);
      c.topic_posts.push_back(posts);
      c.topic_replies.push_back(posts - 1);
      c.topic_last.push_back(last);
      Counts& counts = forums[known->second];
      ++counts.topics;
      counts.posts += posts;
      counts.last = std::max(counts.last, last);
      for (const DemoRead& read : topic.reads) {
        c.read_user.push_back(read.user_id);
        c.read_topic.push_back(topic_id);
        c.read_number.push_back(read.number);
        c.read_at.push_back(read.read_at);
      }
      for (const DemoWatch& watch : topic.watches) {
        c.watch_user.push_back(watch.user_id);
        c.watch_topic.push_back(topic_id);
        c.watch_level.push_back(watch.level);
        c.watch_at.push_back(watch.updated_at);
      }
      long long number = 0;
      for (const DemoPost& post : topic.posts) {
        ++post_id;
        ++number;
        Columns::Posts& to = post.reply_to ? c.replies : c.others;
        to.id.push_back(post_id);
        to.topic.push_back(topic_id);
        to.number.push_back(number);
        to.author.push_back(post.author_id);
        to.body.push_back(post.body);
        to.created.push_back(post.created_at);
        to.helped.push_back(static_cast<long long>(post.helped_by.size()));
        if (post.reply_to) to.reply_to.push_back(*post.reply_to);
        for (long long helper : post.helped_by) {
          c.helped_post.push_back(post_id);
          c.helped_user.push_back(helper);
          c.helped_at.push_back(post.created_at + 3600);
        }
      }
    }
    InsertRows(sql, "forum_topics (id, forum_id, author_id, title, created_at, post_count, reply_count, last_post_at)",
               {&c.topic_id, &c.topic_forum, &c.topic_author, &c.topic_title, &c.topic_created, &c.topic_posts,
                &c.topic_replies, &c.topic_last},
               c.topic_id.size());
    Columns::Posts& o = c.others;
    InsertRows(sql, "forum_posts (id, topic_id, number, author_id, body, created_at, helped_count)",
               {&o.id, &o.topic, &o.number, &o.author, &o.body, &o.created, &o.helped}, o.id.size());
    Columns::Posts& r = c.replies;
    InsertRows(sql, "forum_posts (id, topic_id, number, author_id, body, created_at, helped_count, reply_to_number)",
               {&r.id, &r.topic, &r.number, &r.author, &r.body, &r.created, &r.helped, &r.reply_to}, r.id.size());
    InsertRows(sql, "forum_post_helped (post_id, user_id, created_at)", {&c.helped_post, &c.helped_user, &c.helped_at},
               c.helped_post.size());
    InsertRows(sql, "forum_topic_reads (user_id, topic_id, last_read_number, read_at)",
               {&c.read_user, &c.read_topic, &c.read_number, &c.read_at}, c.read_user.size());
    InsertRows(sql, "topic_watches (user_id, topic_id, level, updated_at)",
               {&c.watch_user, &c.watch_topic, &c.watch_level, &c.watch_at}, c.watch_user.size());
    for (const auto& [forum_id, counts] : forums) {
      sql << "UPDATE forums SET topic_count = topic_count + :t, post_count = post_count + :p,"
             " last_post_at = CASE WHEN last_post_at < :last THEN :last ELSE last_post_at END WHERE id = :f",
          soci::use(counts.topics, "t"), soci::use(counts.posts, "p"), soci::use(counts.last, "last"),
          soci::use(forum_id, "f");
    }
    if (postgres) {
      sql << "SELECT setval(pg_get_serial_sequence('forum_topics', 'id'), :t)", soci::use(topic_id, "t");
      sql << "SELECT setval(pg_get_serial_sequence('forum_posts', 'id'), :p)", soci::use(post_id, "p");
    }
    BumpContentGeneration(sql);
    return Status::Ok();
  });
}

Result<long long> DemoForumStore::WatchForums(const std::vector<DemoForumWatch>& watches) {
  return db_.InTransaction([&](soci::session& sql) -> Result<long long> {
    std::map<int, long long> by_code;
    std::map<std::string, long long> by_slug;
    {
      soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, orphacode, slug FROM forums");
      for (const soci::row& row : rows) {
        if (row.get_indicator(1) != soci::i_null) by_code[static_cast<int>(RowInteger(row, 1))] = RowInteger(row, 0);
        if (row.get_indicator(2) != soci::i_null) by_slug[RowText(row, 2)] = RowInteger(row, 0);
      }
    }
    std::set<std::pair<long long, long long>> taken;  // (member, forum)
    {
      soci::rowset<soci::row> rows = (sql.prepare << std::string("SELECT user_id, forum_id FROM forum_watches"
                                                                 " WHERE user_id IN ") +
                                                         kSyntheticMembers);
      for (const soci::row& row : rows) taken.emplace(RowInteger(row, 0), RowInteger(row, 1));
    }
    std::vector<long long> users, forums, at;
    std::vector<std::string> levels;
    for (const DemoForumWatch& w : watches) {
      const auto code = w.orphacode ? by_code.find(*w.orphacode) : by_code.end();
      const auto slug = w.orphacode ? by_slug.end() : by_slug.find(w.slug);
      const long long forum_id = code != by_code.end() ? code->second : slug != by_slug.end() ? slug->second : 0;
      if (forum_id == 0 || !taken.emplace(w.watch.user_id, forum_id).second) continue;
      users.push_back(w.watch.user_id);
      forums.push_back(forum_id);
      levels.push_back(w.watch.level);
      at.push_back(w.watch.updated_at);
    }
    InsertRows(sql, "forum_watches (user_id, forum_id, level, updated_at)", {&users, &forums, &levels, &at},
               users.size());
    return static_cast<long long>(users.size());
  });
}

Status DemoForumStore::QuietSyntheticMembers(long long now) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    sql << std::string("INSERT INTO member_digests (user_id, frequency, digest_from, updated_at)"
                       " SELECT user_id, 'never', :now, :now FROM synthetic_members s WHERE NOT EXISTS"
                       " (SELECT 1 FROM member_digests d WHERE d.user_id = s.user_id)"),
        soci::use(now, "now");
    sql << std::string("INSERT INTO notification_settings (user_id, email_replies, updated_at)"
                       " SELECT user_id, 0, :now FROM synthetic_members s WHERE NOT EXISTS"
                       " (SELECT 1 FROM notification_settings n WHERE n.user_id = s.user_id)"),
        soci::use(now, "now");
    return Status::Ok();
  });
}

Result<DemoForumCounts> DemoForumStore::Remove() {
  return db_.InTransaction([&](soci::session& sql) -> Result<DemoForumCounts> {
    DemoForumCounts removed;
    sql << std::string("SELECT COUNT(*) FROM forum_topics WHERE id IN ") + kSyntheticTopics, soci::into(removed.topics);
    sql << std::string("SELECT COUNT(*) FROM forum_posts WHERE topic_id IN ") + kSyntheticTopics,
        soci::into(removed.posts);
    // What hangs on the posts goes first, explicitly, as a moderator's deletion of a topic
    // does (forum_store_moderation.cc); notifications and watches follow their topic.
    const std::string posts = std::string("(SELECT id FROM forum_posts WHERE topic_id IN ") + kSyntheticTopics + ")";
    if (removed.topics > 0) {
      sql << "DELETE FROM forum_post_revisions WHERE post_id IN " + posts;
      sql << "DELETE FROM forum_post_helped WHERE post_id IN " + posts;
      sql << "DELETE FROM forum_post_flags WHERE post_id IN " + posts;
      sql << std::string("DELETE FROM forum_topic_reads WHERE topic_id IN ") + kSyntheticTopics;
      sql << std::string("DELETE FROM topic_watches WHERE topic_id IN ") + kSyntheticTopics;
      sql << std::string("DELETE FROM forum_posts WHERE topic_id IN ") + kSyntheticTopics;
      sql << std::string("DELETE FROM forum_topics WHERE id IN ") + kSyntheticTopics;
    }
    sql << std::string("DELETE FROM forum_watches WHERE user_id IN ") + kSyntheticMembers;
    const long long forums_removed = RemoveSyntheticForums(sql);
    if (removed.topics == 0 && forums_removed == 0) return removed;
    sql << "UPDATE forums SET"
           " topic_count = (SELECT COUNT(*) FROM forum_topics t WHERE t.forum_id = forums.id),"
           " post_count = (SELECT COALESCE(SUM(t.post_count), 0) FROM forum_topics t WHERE t.forum_id = forums.id),"
           " last_post_at = (SELECT COALESCE(MAX(t.last_post_at), 0) FROM forum_topics t WHERE t.forum_id = forums.id)";
    BumpContentGeneration(sql);
    return removed;
  });
}

}  // namespace diseasemaps::forums
