#include "search/post_search_service.h"

#include "forums/forum_rules.h"
#include "forums/forum_store.h"
#include "forums/forum_view.h"
#include "search/highlight.h"
#include "search/post_index.h"
#include "search/search_service.h"

namespace diseasemaps::search {
namespace {

constexpr std::size_t kExcerptWords = 40;

}  // namespace

std::string ExcerptSource(std::string_view markdown) {
  std::string out(markdown);
  for (char& c : out) {
    if (c == '*' || c == '#' || c == '>' || c == '`') c = ' ';
  }
  return out;
}

Result<DiscussionPage> PostSearchService::Search(std::string_view query, const guard::Viewer& viewer, int page) {
  DiscussionPage out;
  out.query = std::string(CutUtf8(query, kMaxQueryBytes));
  out.page = page;
  std::vector<guard::ForumReaders> readable;
  for (guard::ForumReaders r : {guard::ForumReaders::kEveryone, guard::ForumReaders::kMembers}) {
    if (guard::CanReadForum(viewer, r)) readable.push_back(r);
  }
  const Xapian::Query q = MakePostQuery(out.query, readable);
  if (q.empty()) return out;
  auto found = readers_.Search(q, static_cast<std::size_t>(page - 1) * kPageSize, kPageSize);
  if (!found.ok()) return found.status();
  out.total = found->estimated_total;
  std::vector<long long> ids;
  for (const IndexHit& h : found->hits) ids.push_back(h.condition_id);  // the document id: the post's id
  auto rows = store_.Hits(ids);
  if (!rows.ok()) return rows.status();
  const std::set<std::string> stems = PostQueryStems(out.query);
  for (const PostHitRow& row : *rows) {
    if (!guard::CanReadForum(viewer, row.readers)) continue;
    forums::Forum forum;
    forum.slug = row.forum_slug;
    forum.orphacode = row.forum_orphacode;
    forum.title = row.forum_title;
    DiscussionHit hit;
    hit.topic_id = row.topic_id;
    hit.number = row.number;
    hit.topic_title = row.topic_title;
    hit.forum_title = forums::ForumTitle(forum);
    hit.forum_href = "/forums/" + row.forum_slug;
    hit.href = forums::PostHref(forums::TopicPath(row.forum_slug, row.topic_id, row.topic_title), row.number);
    hit.excerpt_html = Highlight(ExcerptSource(row.body), stems, kExcerptWords);
    hit.created_at = row.created_at;
    out.hits.push_back(std::move(hit));
  }
  return out;
}

}  // namespace diseasemaps::search
