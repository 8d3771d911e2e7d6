// ExperienceStore's lookups of signs and treatment names: what the questionnaire's
// type-aheads offer and how a typed sign is resolved. Reads only.
#include <algorithm>

#include "experiences/experience_store.h"
#include "platform/db/like_pattern.h"
#include "platform/db/row_text.h"
#include "platform/text.h"

namespace diseasemaps::experiences {
namespace {

// Every HPO term the catalogue knows, with its name: the lay label when HPO has one,
// else the clinical term (one row per term).
constexpr const char* kKnownSigns =
    "SELECT p.hpo_id, COALESCE(l.label, MIN(p.hpo_term)) AS name, MIN(p.hpo_term) AS term"
    " FROM condition_phenotypes p LEFT JOIN hpo_lay_labels l ON l.hpo_id = p.hpo_id"
    " GROUP BY p.hpo_id, l.label";

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

Result<std::vector<NamedSign>> ExperienceStore::SuggestSigns(const std::string& typed, int limit) {
  return db_.Run([&](soci::session& sql) -> Result<std::vector<NamedSign>> {
    const std::string pattern = ContainsPattern(typed);
    const std::string query = std::string("SELECT hpo_id, name FROM (") + kKnownSigns +
                              ") known WHERE LOWER(name) LIKE :p ESCAPE '\\' OR LOWER(term) LIKE :p2 ESCAPE '\\'"
                              " ORDER BY name LIMIT 400";
    soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(pattern, "p"), soci::use(pattern, "p2"));
    std::vector<NamedSign> found;
    for (const soci::row& row : rows) found.push_back({RowText(row, 0), RowText(row, 1)});
    // Those whose name begins with what was typed come first, then the shorter names.
    const std::string start = Lower(typed);
    std::stable_sort(found.begin(), found.end(), [&](const NamedSign& a, const NamedSign& b) {
      const bool a_starts = Lower(a.name).rfind(start, 0) == 0, b_starts = Lower(b.name).rfind(start, 0) == 0;
      if (a_starts != b_starts) return a_starts;
      return a.name.size() < b.name.size();
    });
    if (found.size() > static_cast<std::size_t>(limit)) found.resize(static_cast<std::size_t>(limit));
    return found;
  });
}

Result<std::optional<NamedSign>> ExperienceStore::ResolveSign(const std::string& typed) {
  const std::string wanted(TrimWhitespace(typed));
  if (wanted.empty()) return std::optional<NamedSign>();
  return db_.Run([&](soci::session& sql) -> Result<std::optional<NamedSign>> {
    const std::string lower = Lower(wanted);
    const std::string query = std::string("SELECT hpo_id, name FROM (") + kKnownSigns +
                              ") known WHERE hpo_id = :id OR LOWER(name) = :n OR LOWER(term) = :t"
                              " ORDER BY hpo_id LIMIT 1";
    soci::rowset<soci::row> rows =
        (sql.prepare << query, soci::use(wanted, "id"), soci::use(lower, "n"), soci::use(lower, "t"));
    for (const soci::row& row : rows) return std::optional<NamedSign>(NamedSign{RowText(row, 0), RowText(row, 1)});
    return std::optional<NamedSign>();
  });
}

Result<std::map<std::string, std::string>> ExperienceStore::SignNames(const std::vector<std::string>& hpo_ids) {
  return db_.Run([&](soci::session& sql) -> Result<std::map<std::string, std::string>> {
    std::map<std::string, std::string> names;
    for (const std::string& id : hpo_ids) {
      const std::string query = std::string("SELECT hpo_id, name FROM (") + kKnownSigns + ") known WHERE hpo_id = :id";
      soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(id, "id"));
      for (const soci::row& row : rows) names[RowText(row, 0)] = RowText(row, 1);
    }
    return names;
  });
}

Result<std::vector<std::string>> ExperienceStore::TreatmentSuggestions(int orphacode, int min_people, int limit) {
  return db_.Run([&](soci::session& sql) -> Result<std::vector<std::string>> {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT a.bucket FROM experience_aggregates a JOIN conditions c ON c.id = a.condition_id"
                        " WHERE c.orphacode = :o AND a.question = 'treatments' AND a.bucket LIKE '%|*'"
                        " AND a.people >= :k ORDER BY a.people DESC, a.bucket LIMIT :limit",
         soci::use(orphacode, "o"), soci::use(min_people, "k"), soci::use(limit, "limit"));
    std::vector<std::string> names;
    for (const soci::row& row : rows) {
      const std::string bucket = RowText(row, 0);
      names.push_back(bucket.substr(0, bucket.size() - 2));
    }
    return names;
  });
}

}  // namespace diseasemaps::experiences
