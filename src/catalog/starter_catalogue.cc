#include "catalog/starter_catalogue.h"

#include <chrono>
#include <charconv>
#include <set>

#include "catalog/import/slug.h"
#include "platform/content_generation.h"
#include "platform/embedded_files.h"
#include "platform/text.h"
#include "search/search_store.h"

namespace diseasemaps::catalog {
namespace {

constexpr std::string_view kEmbeddedPath = "content/catalog/starter.tsv";

}  // namespace

Result<std::vector<StarterEntry>> ParseStarterCatalogue(std::string_view tsv) {
  std::vector<StarterEntry> entries;
  std::set<int> codes;
  bool header_seen = false;
  int number = 0;
  for (std::string_view raw : SplitOn(tsv, "\n")) {
    ++number;
    const std::string_view line = TrimWhitespace(raw);
    if (line.empty() || line.front() == '#') continue;
    const auto fields = SplitOn(line, "\t");
    auto problem = [&](const std::string& what) {
      return Status::InvalidArgument("starter catalogue line " + std::to_string(number) + ": " + what);
    };
    if (!header_seen) {
      if (fields.size() < 3 || TrimWhitespace(fields[0]) != "orphacode" || TrimWhitespace(fields[1]) != "name") {
        return problem("expected the header row `orphacode<TAB>name<TAB>type<TAB>synonyms`");
      }
      header_seen = true;
      continue;
    }
    if (fields.size() < 3 || fields.size() > 4) return problem("expected 3 or 4 tab-separated fields");
    StarterEntry entry;
    const std::string code(TrimWhitespace(fields[0]));
    auto [ptr, ec] = std::from_chars(code.data(), code.data() + code.size(), entry.orphacode);
    if (ec != std::errc() || ptr != code.data() + code.size() || entry.orphacode < 1) {
      return problem("'" + code + "' is not an ORPHAcode");
    }
    if (!codes.insert(entry.orphacode).second) return problem("ORPHA:" + code + " appears twice");
    entry.name = TrimWhitespace(fields[1]);
    entry.type = TrimWhitespace(fields[2]);
    if (entry.name.empty() || entry.type.empty()) return problem("the name and the type are required");
    if (fields.size() == 4) {
      for (std::string_view synonym : SplitOn(fields[3], "|")) {
        std::string trimmed(TrimWhitespace(synonym));
        if (!trimmed.empty()) entry.synonyms.push_back(std::move(trimmed));
      }
    }
    entries.push_back(std::move(entry));
  }
  if (!header_seen) return Status::InvalidArgument("the starter catalogue has no header row");
  return entries;
}

Result<std::vector<StarterEntry>> EmbeddedStarterCatalogue() {
  for (const auto& file : embedded::Files()) {
    if (file.name == kEmbeddedPath) return ParseStarterCatalogue(file.content);
  }
  return Status::NotFound("no starter catalogue was compiled into this binary");
}

Result<int> LoadStarterCatalogueIfEmpty(Database& db, const std::vector<StarterEntry>& entries) {
  return db.InTransaction([&](soci::session& sql) -> Result<int> {
    long long existing = 0;
    sql << "SELECT COUNT(*) FROM conditions", soci::into(existing);
    if (existing > 0) return 0;
    const long long now = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    std::set<std::string> slugs;
    for (const StarterEntry& entry : entries) {
      std::string slug = Slugify(entry.name);
      if (slug.empty() || !slugs.insert(slug).second) {
        slug = SlugWithOrphacode(slug, entry.orphacode);
        slugs.insert(slug);
      }
      const std::string sort_name = SortName(entry.name);
      sql << "INSERT INTO conditions (orphacode, slug, name, sort_name, entry_type, status, source,"
             " created_at, updated_at) VALUES (:code, :slug, :name, :sort, :type, 'active', 'starter',"
             " :created, :updated)",
          soci::use(entry.orphacode), soci::use(slug), soci::use(entry.name), soci::use(sort_name),
          soci::use(entry.type), soci::use(now), soci::use(now);
      long long id = 0;
      sql << "SELECT id FROM conditions WHERE orphacode = :code", soci::use(entry.orphacode),
          soci::into(id);
      int position = 0;
      for (const std::string& synonym : entry.synonyms) {
        const std::string synonym_slug = Slugify(synonym);
        sql << "INSERT INTO condition_synonyms (condition_id, position, synonym, slug)"
               " VALUES (:id, :position, :synonym, :slug)",
            soci::use(id), soci::use(position), soci::use(synonym), soci::use(synonym_slug);
        ++position;
      }
    }
    search::NoteCatalogueChanged(sql);
    BumpContentGeneration(sql);
    return static_cast<int>(entries.size());
  });
}

}  // namespace diseasemaps::catalog
