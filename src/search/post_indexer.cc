#include "search/post_indexer.h"

#include <unistd.h>

#include <set>

#include <spdlog/spdlog.h>

namespace diseasemaps::search {
namespace {

constexpr int kChangesPerPoll = 5000;
constexpr int kRebuildBatch = 10000;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Result<std::unique_ptr<PostIndexer>> PostIndexer::Open(Database& db, const std::filesystem::path& conditions_index,
                                                       bool allow_private_copy) {
  std::string why;
  std::filesystem::path used = PostIndexPath(conditions_index);
  auto writer = PostIndexWriter::Open(used, &why);
  bool private_copy = false;
  if (!writer.ok() && writer.status().code() == Status::Code::kConflict && allow_private_copy) {
    used = used.string() + ".pid" + std::to_string(getpid());
    spdlog::warn("search: {}; this server keeps a private posts index at {}", writer.status().message(),
                 used.string());
    writer = PostIndexWriter::Open(used, &why);
    private_copy = true;
  }
  if (!writer.ok()) return writer.status();
  if (!why.empty()) spdlog::warn("search: the posts index at {} will be rebuilt: {}", used.string(), why);
  return std::unique_ptr<PostIndexer>(new PostIndexer(db, used, std::move(*writer), private_copy));
}

PostIndexer::PostIndexer(Database& db, std::filesystem::path path, std::unique_ptr<PostIndexWriter> writer,
                         bool private_copy)
    : store_(db), path_(std::move(path)), writer_(std::move(writer)), private_copy_(private_copy),
      service_(db, path_) {}

PostIndexer::~PostIndexer() {
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

Result<PostRebuildReport> PostIndexer::Rebuild() {
  std::lock_guard lock(write_mutex_);
  return RebuildLocked();
}

// REQUIRES: write_mutex_ held.
Result<PostRebuildReport> PostIndexer::RebuildLocked() {
  const auto start = std::chrono::steady_clock::now();
  auto latest = store_.LatestChange();  // read first: later changes are applied later
  if (!latest.ok()) return latest.status();
  if (Status s = writer_->Clear(); !s.ok()) return s;
  PostRebuildReport report;
  long long after = 0;
  for (;;) {
    auto batch = store_.PostsAfter(after, kRebuildBatch);
    if (!batch.ok()) return batch.status();
    if (Stopping()) return Status::Unavailable("stopping");  // the next start rebuilds again
    for (const PostRecord& p : *batch) {
      if (Status s = writer_->Add(p); !s.ok()) return s;
      after = p.post_id;
    }
    report.posts += batch->size();
    if (batch->size() < static_cast<std::size_t>(kRebuildBatch)) break;
  }
  if (Status s = writer_->Commit(*latest); !s.ok()) return s;
  service_.Refresh();
  report.seconds = SecondsSince(start);
  return report;
}

Status PostIndexer::Start() {
  if (writer_->applied_change() == 0 || writer_->documents() == 0) {
    auto report = Rebuild();
    if (!report.ok()) return report.status();
    spdlog::info("search: built the posts index at {} ({} posts, {:.1f} s)", path_.string(), report->posts,
                 report->seconds);
    return Status::Ok();
  }
  auto topics = CatchUp();
  if (!topics.ok()) return topics.status();
  spdlog::info("search: the posts index at {} is current ({} posts)", path_.string(), writer_->documents());
  return Status::Ok();
}

Result<std::size_t> PostIndexer::CatchUp() {
  std::lock_guard lock(write_mutex_);
  std::size_t total = 0;
  for (;;) {
    auto changes = store_.ChangesAfter(writer_->applied_change(), kChangesPerPoll);
    if (!changes.ok()) return changes.status();
    if (changes->empty()) return total;
    std::set<long long> topics;
    bool everything = false;
    for (const TopicChange& c : *changes) {
      if (c.topic_id) topics.insert(*c.topic_id);
      else everything = true;
    }
    if (everything) {
      auto report = RebuildLocked();
      if (!report.ok()) return report.status();
      spdlog::info("search: rebuilt the posts index ({} posts, {:.1f} s)", report->posts, report->seconds);
      continue;  // changes logged during the rebuild follow
    }
    const auto start = std::chrono::steady_clock::now();
    for (long long topic : topics) {
      if (Stopping()) return total;  // not recorded as applied: the next start re-reads these topics
      auto posts = store_.TopicPosts(topic);
      if (!posts.ok()) return posts.status();
      if (Status s = writer_->ReplaceTopic(topic, *posts); !s.ok()) return s;
    }
    if (Status s = writer_->Commit(changes->back().id); !s.ok()) return s;
    service_.Refresh();
    spdlog::info("search: updated {} topic(s) in the posts index ({:.3f} s)", topics.size(), SecondsSince(start));
    total += topics.size();
    if (changes->size() < static_cast<std::size_t>(kChangesPerPoll)) return total;
  }
}

bool PostIndexer::Stopping() {
  std::lock_guard lock(mutex_);
  return stopping_;
}

void PostIndexer::Watch(std::chrono::milliseconds interval) {
  thread_ = std::thread([this, interval] { Loop(interval); });
}

void PostIndexer::Loop(std::chrono::milliseconds interval) {
  bool failing = false;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    auto done = CatchUp();
    if (!done.ok() && !failing) {
      spdlog::warn("search: cannot update the posts index ({}); will retry", done.status().message());
    }
    if (done.ok() && failing) spdlog::info("search: the posts index is updating again");
    failing = !done.ok();
    lock.lock();
    wake_.wait_for(lock, interval, [this] { return stopping_ || woken_; });
    woken_ = false;
  }
}

void PostIndexer::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

}  // namespace diseasemaps::search
