// ForumStore, administration: creating a site-wide forum and changing a forum's fields
// and readers (see forum_store.h for what it guarantees; the screen is
// forum_admin_pages.cc).
#include <string>

#include "accounts/user_store.h"
#include "forums/forum_store.h"
#include "forums/forum_store_internal.h"
#include "platform/content_generation.h"
#include "search/post_search_store.h"

namespace diseasemaps::forums {
namespace {

std::string Subject(const std::string& slug) { return "forum:" + slug; }

// "title: Old → New; position: 2 → 5" for the fields that differ; "" when none does.
std::string Differences(const Forum& before, const ForumFields& after) {
  std::string out;
  auto add = [&](const std::string& name, const std::string& from, const std::string& to) {
    if (from == to) return;
    out += (out.empty() ? "" : "; ") + name + ": " + from + " → " + to;
  };
  add("title", before.title, after.title);
  add("description", before.description, after.description);
  add("position", std::to_string(before.position), std::to_string(after.position));
  return out;
}

}  // namespace

Status ForumStore::CreateSiteForum(long long admin_id, const std::string& slug, const ForumFields& fields) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    long long taken = 0;
    sql << "SELECT (SELECT COUNT(*) FROM forums WHERE slug = :s) + (SELECT COUNT(*) FROM conditions WHERE slug = :s)",
        soci::use(slug, "s"), soci::into(taken);
    if (taken > 0) return Status::Conflict("slug taken");
    const std::string readers = guard::ForumReadersName(fields.readers);
    sql << "INSERT INTO forums (slug, title, description, readers, position) VALUES (:s, :t, :d, :r, :p)",
        soci::use(slug, "s"), soci::use(fields.title, "t"), soci::use(fields.description, "d"),
        soci::use(readers, "r"), soci::use(fields.position, "p");
    accounts::AppendAudit(sql, admin_id, "forum.create", Subject(slug), "readers: " + readers);
    BumpContentGeneration(sql);
    return Status::Ok();
  });
}

Result<bool> ForumStore::UpdateForum(long long admin_id, const Forum& forum, const ForumFields& fields) {
  return db_.InTransaction([&](soci::session& sql) -> Result<bool> {
    auto row = detail::ForumRow(sql, forum);
    if (!row) return Status::NotFound("no such forum");
    const auto [id, readers] = *row;
    bool changed = false;
    if (!forum.orphacode) {
      // The stored fields as they are now, not as the form saw them.
      Forum stored;
      sql << "SELECT title, description, position FROM forums WHERE id = :f", soci::use(id, "f"),
          soci::into(stored.title), soci::into(stored.description), soci::into(stored.position);
      const std::string differences = Differences(stored, fields);
      if (!differences.empty()) {
        sql << "UPDATE forums SET title = :t, description = :d, position = :p WHERE id = :f",
            soci::use(fields.title, "t"), soci::use(fields.description, "d"), soci::use(fields.position, "p"),
            soci::use(id, "f");
        accounts::AppendAudit(sql, admin_id, "forum.update", Subject(forum.slug), differences);
        changed = true;
      }
    }
    if (fields.readers != readers) {
      const std::string name = guard::ForumReadersName(fields.readers);
      sql << "UPDATE forums SET readers = :r WHERE id = :f", soci::use(name, "r"), soci::use(id, "f");
      // Every post of the forum now carries other readers in the posts index.
      search::NoteForumChanged(sql, id);
      accounts::AppendAudit(sql, admin_id, "forum.readers", Subject(forum.slug),
                            guard::ForumReadersName(readers) + " → " + name);
      changed = true;
    }
    if (changed) BumpContentGeneration(sql);
    return changed;
  });
}

}  // namespace diseasemaps::forums
