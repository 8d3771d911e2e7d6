// FragmentMemo: HTML fragments rendered from a template and a view, remembered, so a
// part of a page that many requests show alike (a forum post) is rendered once.
//
// What it guarantees: Render() returns exactly what Templates::Render would, byte for
// byte. A template reads nothing but its view and the language, so the key is those
// three, the view written out whole (every string with its length, so nothing needs
// escaping) and compared whole, never a hash alone: a hit can be neither stale nor
// another viewer's fragment, and nothing needs to be told of changes (a changed post
// is a new key; the old one ages out).
// Memory is bounded: when a shard holds more than its share of the budget it is emptied,
// and the next requests render again.
//
// Thread-safe: sixteen shards, each behind its own mutex; rendering happens outside it.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace diseasemaps {

class FragmentMemo {
 public:
  explicit FragmentMemo(std::size_t budget_bytes = std::size_t{32} << 20);
  FragmentMemo(const FragmentMemo&) = delete;
  FragmentMemo& operator=(const FragmentMemo&) = delete;

  // Templates::Render(template_name, view) in the current language, remembered.
  std::string Render(std::string_view template_name, const nlohmann::json& view);

  long long hits() const { return hits_.load(std::memory_order_relaxed); }
  long long misses() const { return misses_.load(std::memory_order_relaxed); }

 private:
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, std::string> fragments;
    std::size_t bytes = 0;
  };
  static constexpr std::size_t kShards = 16;

  std::size_t shard_budget_;
  std::array<Shard, kShards> shards_;
  std::atomic<long long> hits_{0};
  std::atomic<long long> misses_{0};
};

}  // namespace diseasemaps
