// The Orphanet import: packets parsed on a second thread, written in batches here.
// See importer.h for what it guarantees.
#include "catalog/import/importer.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "catalog/import/catalogue_writer.h"
#include "catalog/import/import_support.h"
#include "catalog/import/orphapacket_parser.h"
#include "catalog/import/slug.h"

namespace diseasemaps::catalog {
namespace {

using Clock = ImportClock;

struct PacketFile {
  std::filesystem::path path;
  int code_from_name = 0;  // the <code> of ORPHApacket_<code>.json; 0 if not a number
};

struct ParsedFile {
  std::string name;
  int code_from_name = 0;
  Result<OrphaPacket> packet;
};

// The ORPHApacket_*.json files of a directory, by ORPHAcode (then name).
Result<std::vector<PacketFile>> ListPackets(const std::filesystem::path& directory) {
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    return Status::InvalidArgument(directory.string() + " is not a directory");
  }
  std::vector<PacketFile> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("ORPHApacket_") || !name.ends_with(".json") || name.size() < 17) continue;
    const std::string code = name.substr(12, name.size() - 17);
    const bool numeric = !code.empty() && code.size() < 10 &&
                         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
    files.push_back({entry.path(), numeric ? std::stoi(code) : 0});
  }
  if (ec) return Status::InvalidArgument("cannot list " + directory.string() + ": " + ec.message());
  if (files.empty()) {
    return Status::InvalidArgument("no ORPHApackets (ORPHApacket_<code>.json files) in " +
                                   directory.string());
  }
  std::sort(files.begin(), files.end(), [](const PacketFile& a, const PacketFile& b) {
    return std::tie(a.code_from_name, a.path) < std::tie(b.code_from_name, b.path);
  });
  return files;
}

// Batches of parsed files from the parsing thread to the writing one; at most
// `capacity` wait, so parsing never runs far ahead of writing.
class BatchQueue {
 public:
  explicit BatchQueue(std::size_t capacity) : capacity_(capacity) {}
  // False when the consumer gave up (the batch is dropped).
  bool Push(std::vector<ParsedFile> batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return cancelled_ || batches_.size() < capacity_; });
    if (cancelled_) return false;
    batches_.push_back(std::move(batch));
    changed_.notify_all();
    return true;
  }
  // The next batch, or nothing once the producer closed the queue and it is empty.
  std::optional<std::vector<ParsedFile>> Pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || !batches_.empty(); });
    if (batches_.empty()) return std::nullopt;
    std::vector<ParsedFile> batch = std::move(batches_.front());
    batches_.pop_front();
    changed_.notify_all();
    return batch;
  }
  void Close() { Set(closed_); }
  void Cancel() { Set(cancelled_); }

 private:
  void Set(bool& flag) {
    std::lock_guard lock(mutex_);
    flag = true;
    changed_.notify_all();
  }
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<ParsedFile>> batches_;
  bool closed_ = false, cancelled_ = false;
};

// Chooses each condition's slug: stable across imports, unique across the catalogue.
class SlugAllocator {
 public:
  explicit SlugAllocator(const std::vector<ExistingCondition>& existing) {
    for (const ExistingCondition& c : existing) taken_.insert(c.slug);
  }
  // Every slug already in the database stays reserved for this run, so no UPDATE ever
  // meets a slug another row still holds.
  std::string Choose(const OrphaPacket& packet, const ExistingCondition* existing) {
    std::string base = Slugify(packet.label);
    if (base.empty()) base = "orpha";
    const std::string with_code = SlugWithOrphacode(base, packet.orphacode);
    if (existing != nullptr && (existing->slug == base || existing->slug == with_code)) {
      return existing->slug;
    }
    std::string slug = taken_.count(base) ? with_code : base;
    for (int n = 2; taken_.count(slug); ++n) slug = with_code + "-" + std::to_string(n);
    taken_.insert(slug);
    return slug;
  }

 private:
  std::unordered_set<std::string> taken_;
};

// The writing side of the import: everything the batches change, and what it counted.
struct WriteState {
  std::unordered_map<int, const ExistingCondition*> existing;
  std::unordered_map<int, std::string> imported;  // ORPHAcode -> file it came from
  std::set<int> codes_of_skipped_files;           // never obsoleted for being unreadable
  std::map<std::pair<int, int>, std::string> links;  // (child, parent) -> parent label
  std::map<std::string, int> versions;
  ImportSummary summary;
  double write_seconds = 0;
};

Status WriteBatch(CatalogueWriter& writer, SlugAllocator& slugs, std::vector<ParsedFile>& files,
                  WriteState& state, long long now) {
  std::vector<ConditionWrite> batch;
  for (ParsedFile& file : files) {
    if (!file.packet.ok()) {
      std::string why = file.packet.status().message();
      if (why.rfind(file.name + ": ", 0) == 0) why.erase(0, file.name.size() + 2);
      state.summary.skipped_inputs.push_back({file.name, why});
      if (file.code_from_name != 0) state.codes_of_skipped_files.insert(file.code_from_name);
      continue;
    }
    const OrphaPacket& p = *file.packet;
    if (auto [it, fresh] = state.imported.emplace(p.orphacode, file.name); !fresh) {
      state.summary.skipped_inputs.push_back(
          {file.name, "ORPHAcode " + std::to_string(p.orphacode) + " is also in " + it->second});
      continue;
    }
    const auto found = state.existing.find(p.orphacode);
    const ExistingCondition* existing = found == state.existing.end() ? nullptr : found->second;
    batch.push_back({&p, slugs.Choose(p, existing), existing ? existing->id : 0});
    (existing ? state.summary.updated : state.summary.added)++;
    state.versions[p.data_version]++;
    for (const OrphaLink& parent : p.parents) {
      state.links.emplace(std::make_pair(p.orphacode, parent.orphacode), parent.label);
    }
    for (const OrphaChild& child : p.children) {
      state.links.emplace(std::make_pair(child.orphacode, p.orphacode), p.label);
    }
  }
  if (batch.empty()) return Status::Ok();
  const auto start = Clock::now();
  auto written = writer.WriteOrphanetBatch(batch, now);
  state.write_seconds += SecondsSince(start);
  return written.status();
}

}  // namespace

Result<ImportSummary> ImportOrphanet(Database& db, const OrphanetImportOptions& options,
                                     ImportOutput& output) {
  const auto start = Clock::now();
  const long long started_at = UnixNow();
  auto files = ListPackets(options.directory);
  if (!files.ok()) return files.status();
  CatalogueWriter writer(db);
  auto existing = writer.LoadConditions();
  if (!existing.ok()) return existing.status();

  WriteState state;
  state.summary.kind = "orphanet";
  for (const ExistingCondition& c : *existing) state.existing[c.orphacode] = &c;
  SlugAllocator slugs(*existing);

  // Parsing runs on its own thread, a few batches ahead of the writes.
  const std::size_t batch_size = std::max<std::size_t>(1, options.batch_size);
  BatchQueue queue(3);
  double parse_seconds = 0;
  std::thread parser([&] {
    const auto& all = *files;
    for (std::size_t first = 0; first < all.size(); first += batch_size) {
      const auto batch_start = Clock::now();
      std::vector<ParsedFile> batch;
      for (std::size_t i = first; i < std::min(all.size(), first + batch_size); ++i) {
        batch.push_back({all[i].path.filename().string(), all[i].code_from_name,
                         ReadOrphaPacket(all[i].path)});
      }
      parse_seconds += SecondsSince(batch_start);
      if (!queue.Push(std::move(batch))) break;
    }
    queue.Close();
  });

  ProgressReporter progress(output, "orphanet", files->size());
  std::size_t done = 0;
  Status failure;
  while (auto batch = queue.Pop()) {
    failure = WriteBatch(writer, slugs, *batch, state, started_at);
    if (!failure.ok()) break;
    done += batch->size();
    progress.Update(done);
  }
  queue.Cancel();
  parser.join();
  progress.Finish();
  if (!failure.ok()) return failure;

  const auto links_start = Clock::now();
  std::vector<int> imported_codes;
  for (const auto& [code, file] : state.imported) imported_codes.push_back(code);
  std::vector<ParentLink> links;
  for (const auto& [pair, label] : state.links) links.push_back({pair.first, pair.second, label});
  if (Status s = writer.ReplaceParentLinks(imported_codes, links); !s.ok()) return s;
  const double links_seconds = SecondsSince(links_start);

  const auto obsolete_start = Clock::now();
  std::vector<long long> obsolete;
  for (const ExistingCondition& c : *existing) {
    if (c.source == "orphanet" && c.status != "obsolete" && !state.imported.count(c.orphacode) &&
        !state.codes_of_skipped_files.count(c.orphacode)) {
      obsolete.push_back(c.id);
    }
  }
  if (Status s = writer.MarkObsolete(obsolete, started_at); !s.ok()) return s;
  const double obsolete_seconds = SecondsSince(obsolete_start);

  ImportSummary& summary = state.summary;
  summary.obsolete = static_cast<int>(obsolete.size());
  summary.skipped = static_cast<int>(summary.skipped_inputs.size());
  for (const auto& [version, count] : state.versions) {
    if (summary.data_version.empty() || count > state.versions[summary.data_version]) {
      summary.data_version = version;
    }
  }
  if (state.versions.size() > 1) {
    summary.notes.push_back("the packets come from " + std::to_string(state.versions.size()) +
                            " data versions; the most common is recorded");
  }
  summary.notes.push_back(std::to_string(files->size()) + " packets in " +
                          options.directory.string() + ", " + std::to_string(links.size()) +
                          " parent links");
  summary.total_seconds = SecondsSince(start);
  summary.timings = {{"read+parse (second thread)", parse_seconds},
                     {"write", state.write_seconds},
                     {"parent links", links_seconds},
                     {"obsolete marking", obsolete_seconds}};
  return Recorded(db, std::move(summary), started_at);
}

}  // namespace diseasemaps::catalog
