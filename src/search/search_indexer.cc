#include "search/search_indexer.h"

#include <unistd.h>

#include <set>

#include <spdlog/spdlog.h>

namespace diseasemaps::search {
namespace {

constexpr int kChangesPerPoll = 5000;
constexpr std::size_t kIncrementalLimit = 200;  // more changed conditions: rebuild

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string Sanitize(std::string s) {
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') c = '_';
  }
  return s;
}

}  // namespace

std::filesystem::path DefaultIndexPath(const std::string& url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    std::string rest = url.substr(url.find("://") + 3);
    if (const auto at = rest.find('@'); at != std::string::npos) rest = rest.substr(at + 1);  // no credentials
    if (const auto q = rest.find('?'); q != std::string::npos) rest = rest.substr(0, q);
    return std::filesystem::path("var") / "search-index" / Sanitize(rest);
  }
  std::string file = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  return std::filesystem::path(file + ".search");
}

Result<std::unique_ptr<SearchIndexer>> SearchIndexer::Open(Database& db, const std::filesystem::path& path,
                                                           bool allow_private_copy) {
  std::string why;
  auto writer = IndexWriter::Open(path, &why);
  std::filesystem::path used = path;
  bool private_copy = false;
  if (!writer.ok() && writer.status().code() == Status::Code::kConflict && allow_private_copy) {
    used = path.string() + ".pid" + std::to_string(getpid());
    spdlog::warn("search: {}; this server keeps a private index at {}", writer.status().message(), used.string());
    writer = IndexWriter::Open(used, &why);
    private_copy = true;
  }
  if (!writer.ok()) return writer.status();
  if (!why.empty()) spdlog::warn("search: the index at {} will be rebuilt: {}", used.string(), why);
  return std::unique_ptr<SearchIndexer>(new SearchIndexer(db, used, std::move(*writer), private_copy));
}

SearchIndexer::SearchIndexer(Database& db, std::filesystem::path path, std::unique_ptr<IndexWriter> writer,
                             bool private_copy)
    : store_(db), path_(std::move(path)), writer_(std::move(writer)), private_copy_(private_copy),
      service_(std::make_unique<SearchService>(path_)) {}

SearchIndexer::~SearchIndexer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  writer_.reset();
  if (private_copy_) {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
}

Result<RebuildReport> SearchIndexer::Rebuild() {
  std::lock_guard lock(write_mutex_);
  const auto start = std::chrono::steady_clock::now();
  auto latest = store_.LatestChange();  // read first: later changes are applied later
  if (!latest.ok()) return latest.status();
  auto all = store_.LoadAll();
  if (!all.ok()) return all.status();
  auto phenotype_labels = store_.LoadPhenotypeLabels();
  if (!phenotype_labels.ok()) return phenotype_labels.status();
  RecordMap records;
  std::vector<long long> ids;
  for (SearchRecord& r : *all) {
    ids.push_back(r.id);
    records.emplace(r.id, std::make_shared<const SearchRecord>(std::move(r)));
  }
  if (Status s = writer_->RemoveAllExcept(ids); !s.ok()) return s;
  for (const auto& [id, record] : records) {
    if (Status s = writer_->Replace(*record); !s.ok()) return s;
  }
  if (Status s = writer_->Commit(*latest); !s.ok()) return s;
  records_ = records;
  phenotype_labels_ = std::move(*phenotype_labels);
  service_->Publish(BuildSnapshot(std::move(records), phenotype_labels_));
  return RebuildReport{ids.size(), SecondsSince(start)};
}

Status SearchIndexer::Start() {
  const bool fresh = writer_->applied_change() == 0 || writer_->documents() == 0;
  if (fresh) {
    auto report = Rebuild();
    if (!report.ok()) return report.status();
    spdlog::info("search: built the index at {} ({} conditions, {:.1f} s)", path_.string(), report->conditions,
                 report->seconds);
    return Status::Ok();
  }
  {
    std::lock_guard lock(write_mutex_);
    auto all = store_.LoadAll();
    if (!all.ok()) return all.status();
    auto phenotype_labels = store_.LoadPhenotypeLabels();
    if (!phenotype_labels.ok()) return phenotype_labels.status();
    phenotype_labels_ = std::move(*phenotype_labels);
    for (SearchRecord& r : *all) records_.emplace(r.id, std::make_shared<const SearchRecord>(std::move(r)));
  }
  // The index on disk is older than the records just read: catch it up, then publish.
  if (Status s = CatchUp(); !s.ok()) return s;
  std::lock_guard lock(write_mutex_);
  if (!service_->ready()) service_->Publish(BuildSnapshot(records_, phenotype_labels_));  // a rebuild publishes
  spdlog::info("search: the index at {} is current ({} conditions)", path_.string(), records_.size());
  return Status::Ok();
}

Status SearchIndexer::CatchUp() {
  std::vector<long long> ids;
  long long upto = 0;
  bool everything = false;
  {
    std::lock_guard lock(write_mutex_);
    auto changes = store_.ChangesAfter(writer_->applied_change(), kChangesPerPoll);
    if (!changes.ok()) return changes.status();
    if (changes->empty()) return Status::Ok();
    std::set<long long> distinct;
    for (const SearchChange& c : *changes) {
      if (!c.condition_id) everything = true;
      else distinct.insert(*c.condition_id);
      upto = c.id;
    }
    everything = everything || distinct.size() > kIncrementalLimit ||
                 changes->size() == static_cast<std::size_t>(kChangesPerPoll);
    ids.assign(distinct.begin(), distinct.end());
    if (!everything) return Apply(ids, upto);
  }
  auto report = Rebuild();
  if (!report.ok()) return report.status();
  spdlog::info("search: rebuilt the index after a catalogue change ({} conditions, {:.1f} s)", report->conditions,
               report->seconds);
  return Status::Ok();
}

// REQUIRES: write_mutex_ held.
Status SearchIndexer::Apply(const std::vector<long long>& ids, long long upto) {
  RecordMap records = records_;
  for (long long id : ids) {
    auto record = store_.Load(id);
    if (record.ok()) {
      if (Status s = writer_->Replace(*record); !s.ok()) return s;
      records[id] = std::make_shared<const SearchRecord>(std::move(*record));
    } else if (record.status().code() == Status::Code::kNotFound) {
      if (Status s = writer_->Remove(id); !s.ok()) return s;
      records.erase(id);
    } else {
      return record.status();
    }
  }
  if (Status s = writer_->Commit(upto); !s.ok()) return s;
  records_ = records;
  if (service_->ready()) service_->Publish(BuildSnapshot(std::move(records), phenotype_labels_));
  spdlog::info("search: updated {} condition(s) in the index", ids.size());
  return Status::Ok();
}

void SearchIndexer::Watch(std::chrono::milliseconds interval) {
  thread_ = std::thread([this, interval] { Loop(interval); });
}

void SearchIndexer::Loop(std::chrono::milliseconds interval) {
  bool failing = false;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    Status s = CatchUp();
    if (!s.ok() && !failing) spdlog::warn("search: cannot update the index ({}); will retry", s.message());
    if (s.ok() && failing) spdlog::info("search: the index is updating again");
    failing = !s.ok();
    lock.lock();
    wake_.wait_for(lock, interval, [this] { return stopping_ || woken_; });
    woken_ = false;
  }
}

void SearchIndexer::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

}  // namespace diseasemaps::search
