// DemoForumStore (see demo_forum_store.h): the demo data's SQL for both databases.
#include "forums/demo_forum_store.h"

#include <algorithm>
#include <map>

#include "platform/content_generation.h"
#include "platform/db/bulk_insert.h"
#include "platform/db/row_text.h"

namespace diseasemaps::forums {
namespace {

constexpr const char* kSyntheticTopics =
    "(SELECT id FROM forum_topics WHERE author_id IN (SELECT user_id FROM synthetic_members))";

long long MaxId(soci::session& sql, const std::string& table) {
  long long id = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT MAX(id) FROM " + table, soci::into(id, ind);
  return ind == soci::i_null ? 0 : id;
}

// The forum row a topic goes to: a site-wide forum's, or a condition's (made on its first).
long long ForumIdOf(soci::session& sql, const DemoTopic& topic) {
  long long id = 0;
  if (topic.orphacode) {
    const int code = *topic.orphacode;
    sql << "INSERT INTO forums (orphacode) VALUES (:o) ON CONFLICT (orphacode) DO NOTHING", soci::use(code, "o");
    sql << "SELECT id FROM forums WHERE orphacode = :o", soci::use(code, "o"), soci::into(id);
  } else {
    sql << "SELECT id FROM forums WHERE slug = :s", soci::use(topic.slug, "s"), soci::into(id);
  }
  return sql.got_data() ? id : 0;
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

Result<DemoForumCounts> DemoForumStore::Remove() {
  return db_.InTransaction([&](soci::session& sql) -> Result<DemoForumCounts> {
    DemoForumCounts removed;
    sql << std::string("SELECT COUNT(*) FROM forum_topics WHERE id IN ") + kSyntheticTopics, soci::into(removed.topics);
    if (removed.topics == 0) return removed;
    sql << std::string("SELECT COUNT(*) FROM forum_posts WHERE topic_id IN ") + kSyntheticTopics,
        soci::into(removed.posts);
    // What hangs on the posts goes first, explicitly, as a moderator's deletion of a topic
    // does (forum_store_moderation.cc); notifications and watches follow their topic.
    const std::string posts = std::string("(SELECT id FROM forum_posts WHERE topic_id IN ") + kSyntheticTopics + ")";
    sql << "DELETE FROM forum_post_revisions WHERE post_id IN " + posts;
    sql << "DELETE FROM forum_post_helped WHERE post_id IN " + posts;
    sql << "DELETE FROM forum_post_flags WHERE post_id IN " + posts;
    sql << std::string("DELETE FROM forum_topic_reads WHERE topic_id IN ") + kSyntheticTopics;
    sql << std::string("DELETE FROM forum_posts WHERE topic_id IN ") + kSyntheticTopics;
    sql << std::string("DELETE FROM forum_topics WHERE id IN ") + kSyntheticTopics;
    sql << "UPDATE forums SET"
           " topic_count = (SELECT COUNT(*) FROM forum_topics t WHERE t.forum_id = forums.id),"
           " post_count = (SELECT COALESCE(SUM(t.post_count), 0) FROM forum_topics t WHERE t.forum_id = forums.id),"
           " last_post_at = (SELECT COALESCE(MAX(t.last_post_at), 0) FROM forum_topics t WHERE t.forum_id = forums.id)";
    BumpContentGeneration(sql);
    return removed;
  });
}

}  // namespace diseasemaps::forums
