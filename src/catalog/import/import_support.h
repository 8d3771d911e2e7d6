// Small helpers the import modules share: timing, reading a file whole, and turning
// per-table changes into an import summary's counts. Internal to catalog/import.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "catalog/import/catalogue_writer.h"
#include "catalog/import/import_report.h"
#include "catalog/import/names_writer.h"
#include "platform/db/database.h"
#include "platform/status.h"
#include "platform/text.h"

namespace diseasemaps::catalog {

using ImportClock = std::chrono::steady_clock;

inline double SecondsSince(ImportClock::time_point start) {
  return std::chrono::duration<double>(ImportClock::now() - start).count();
}

inline long long UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch()).count();
}

inline Result<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// parse(i) for every i in [0, n), on this thread and one more (parsing is CPU work;
// the machines this runs on have two cores or more). progress(done) is called from
// this thread only. parse must not throw.
template <typename T>
std::vector<T> ParseOnTwoThreads(std::size_t n, const std::function<T(std::size_t)>& parse,
                                 const std::function<void(std::size_t)>& progress) {
  std::vector<std::optional<T>> slots(n);
  std::atomic<std::size_t> next{0}, done{0};
  auto work = [&](bool report) {
    for (std::size_t i = next++; i < n; i = next++) {
      slots[i].emplace(parse(i));
      const std::size_t now_done = ++done;
      if (report) progress(now_done);
    }
  };
  std::thread helper(work, false);
  work(true);
  helper.join();
  progress(n);
  std::vector<T> parsed;
  parsed.reserve(n);
  for (std::optional<T>& slot : slots) parsed.push_back(std::move(*slot));
  return parsed;
}

// Adds rows added, changed and removed over all tables to the summary's added, updated
// and obsolete, and one note per table: "names: 80,421 (3 added, 0 changed, 0 removed)".
inline void CountChanges(ImportSummary& summary, const std::vector<TableChange>& changes) {
  for (const TableChange& change : changes) {
    const SyncCounts& c = change.counts;
    summary.added += c.added;
    summary.updated += c.changed;
    summary.obsolete += c.removed;
    summary.notes.push_back(change.what + ": " + GroupedNumber(c.added + c.changed + c.unchanged) + " (" +
                            std::to_string(c.added) + " added, " + std::to_string(c.changed) + " changed, " +
                            std::to_string(c.removed) + " removed)");
  }
}

// Records the finished import in catalogue_imports (its kind, data version and counts
// from the summary) and returns the summary; or the database's failure.
inline Result<ImportSummary> Recorded(Database& db, ImportSummary summary, long long started_at) {
  const ImportRecord record{summary.kind, summary.data_version, started_at, UnixNow(),
                            summary.added, summary.updated, summary.obsolete, summary.skipped};
  if (Status s = CatalogueWriter(db).RecordImport(record); !s.ok()) return s;
  return summary;
}

}  // namespace diseasemaps::catalog
