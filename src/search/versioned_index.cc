// A versioned Xapian index (see versioned_index.h).
#include "search/versioned_index.h"

#include <system_error>

namespace diseasemaps::search {

Result<OpenedIndex> OpenVersionedIndex(const std::filesystem::path& path, int schema_version, const std::string& what,
                                       std::string* why_rebuilt) {
  why_rebuilt->clear();
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path().empty() ? "." : path.parent_path(), ec);
  auto open = [&]() { return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN); };
  try {
    OpenedIndex opened;
    try {
      // Inside: an index too damaged even to open is rebuilt like an unreadable one.
      opened.db = open();
      const std::string version = opened.db.get_metadata("schema_version");
      if ((opened.db.get_doccount() > 0 || !version.empty()) && version != std::to_string(schema_version)) {
        *why_rebuilt = "it has schema version " + (version.empty() ? "none" : version) + ", this binary writes " +
                       std::to_string(schema_version);
      }
      if (why_rebuilt->empty()) {
        const std::string applied = opened.db.get_metadata("applied_change");
        opened.applied_change = applied.empty() ? 0 : std::stoll(applied);
      }
    } catch (const Xapian::DatabaseLockError&) {
      throw;
    } catch (const Xapian::Error& e) {
      *why_rebuilt = "it cannot be read (" + e.get_description() + ")";
    } catch (const std::exception& e) {
      *why_rebuilt = std::string("its metadata is unreadable (") + e.what() + ")";
    }
    if (!why_rebuilt->empty()) {
      opened.db.close();
      std::filesystem::remove_all(path, ec);
      if (ec) return Status::Internal("cannot remove the " + what + " at " + path.string() + ": " + ec.message());
      opened = OpenedIndex{open(), 0};
    }
    return opened;
  } catch (const Xapian::DatabaseLockError&) {
    return Status::Conflict("the " + what + " at " + path.string() + " is in use by another process");
  } catch (const Xapian::Error& e) {
    return Status::Internal("cannot open the " + what + " at " + path.string() + ": " + e.get_description());
  }
}

Status CommitVersionedIndex(Xapian::WritableDatabase& db, int schema_version, long long applied_change,
                            const std::string& what) {
  try {
    db.set_metadata("schema_version", std::to_string(schema_version));
    db.set_metadata("applied_change", std::to_string(applied_change));
    db.commit();
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::Internal(what + ": cannot commit: " + e.get_description());
  }
}

}  // namespace diseasemaps::search
