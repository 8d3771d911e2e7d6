// The home page's SQL. See home_store.h.
#include "home/home_store.h"

#include <utility>

#include <soci/soci.h>

#include "platform/db/row_text.h"

namespace diseasemaps::home {

Result<SiteNumbers> HomeStore::Numbers() {
  return db_.Run([](soci::session& sql) {
    SiteNumbers numbers;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT"
                        " (SELECT COUNT(*) FROM conditions WHERE status = 'active'),"
                        " (SELECT COUNT(DISTINCT m.user_id) FROM memberships m"
                        "  JOIN users u ON u.id = m.user_id WHERE u.status = 'active'),"
                        " (SELECT COUNT(DISTINCT p.country_code) FROM profiles p"
                        "  JOIN users u ON u.id = p.user_id"
                        "  WHERE u.status = 'active' AND p.visibility <> 'hidden' AND p.country_code IS NOT NULL"
                        "  AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = p.user_id)),"
                        " (SELECT COUNT(*) FROM experiences WHERE status = 'shared')");
    for (const soci::row& row : rows) {
      numbers.conditions = RowInteger(row, 0);
      numbers.members = RowInteger(row, 1);
      numbers.countries = RowInteger(row, 2);
      numbers.experiences = RowInteger(row, 3);
    }
    return numbers;
  });
}

Result<std::vector<Community>> HomeStore::LargestCommunities(int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<Community> communities;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT c.orphacode, c.slug, c.name, COUNT(*) AS members FROM memberships m"
                        " JOIN users u ON u.id = m.user_id JOIN conditions c ON c.orphacode = m.orphacode"
                        " WHERE u.status = 'active' AND c.status = 'active'"
                        " GROUP BY c.orphacode, c.slug, c.name, c.sort_name"
                        " ORDER BY members DESC, c.sort_name, c.orphacode LIMIT :limit",
         soci::use(limit, "limit"));
    for (const soci::row& row : rows) {
      communities.push_back({static_cast<int>(RowInteger(row, 0)), RowText(row, 1), RowText(row, 2),
                             RowInteger(row, 3)});
    }
    return communities;
  });
}

Result<std::vector<ReviewedAnswer>> HomeStore::RecentlyReviewed(int limit) {
  return db_.Run([&](soci::session& sql) {
    std::vector<ReviewedAnswer> answers;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT v.question, a.slug, c.orphacode, c.slug, c.name, v.reviewer_name,"
                        " v.reviewer_credentials, a.last_reviewed_at FROM answers a"
                        " JOIN answer_versions v ON v.id = a.published_version_id AND v.status = 'approved'"
                        " JOIN conditions c ON c.id = a.condition_id"
                        " WHERE a.published_version_id IS NOT NULL AND c.status = 'active'"
                        " ORDER BY a.last_reviewed_at DESC, a.id DESC LIMIT :limit",
         soci::use(limit, "limit"));
    for (const soci::row& row : rows) {
      ReviewedAnswer answer;
      answer.question = RowText(row, 0);
      answer.answer_slug = RowText(row, 1);
      answer.orphacode = static_cast<int>(RowInteger(row, 2));
      answer.condition_slug = RowText(row, 3);
      answer.condition_name = RowText(row, 4);
      answer.reviewer_name = RowText(row, 5);
      answer.reviewer_credentials = RowText(row, 6);
      answer.reviewed_at = RowInteger(row, 7);
      answers.push_back(std::move(answer));
    }
    return answers;
  });
}

}  // namespace diseasemaps::home
