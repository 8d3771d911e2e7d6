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
// A caller that knows every input of its view can key a fragment by those inputs
// instead (AppendRendered with a FragmentKey): the view is then built only when the
// fragment is not remembered. The caller promises that the key determines the view.
//
// Thread-safe: sixteen shards, each behind its own mutex; rendering happens outside it.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace diseasemaps {

// The inputs of a view written out so that two keys are equal only when every input
// is: each value with its type and, for a text, its length in front.
class FragmentKey {
 public:
  FragmentKey() { text_.reserve(1024); }
  FragmentKey& Add(bool value) {
    text_ += value ? 't' : 'f';
    return *this;
  }
  FragmentKey& Add(long long value) {
    text_ += '#';
    text_.append(reinterpret_cast<const char*>(&value), sizeof value);
    return *this;
  }
  FragmentKey& Add(std::string_view value) {
    const std::size_t size = value.size();
    text_ += 's';
    text_.append(reinterpret_cast<const char*>(&size), sizeof size);
    text_.append(value);
    return *this;
  }
  FragmentKey& Add(const char*) = delete;  // a literal would be a bool; say std::string_view
  // A whole JSON value, as FragmentMemo::Render keys a view.
  FragmentKey& AddView(const nlohmann::json& view);
  template <typename T>
  FragmentKey& Add(const std::optional<T>& value) {
    if (!value) {
      text_ += 'n';
      return *this;
    }
    return Add(*value);
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

class FragmentMemo {
 public:
  explicit FragmentMemo(std::size_t budget_bytes = std::size_t{32} << 20);
  FragmentMemo(const FragmentMemo&) = delete;
  FragmentMemo& operator=(const FragmentMemo&) = delete;

  // Templates::Render(template_name, view) in the current language, remembered.
  std::string Render(std::string_view template_name, const nlohmann::json& view);
  // The same, appended to `out`.
  void Render(std::string_view template_name, const nlohmann::json& view, std::string& out);

  // Appends to `out` Templates::Render(template_name, view()) in the current language,
  // remembered under `key`; view() is called only when it is not.
  // REQUIRES: equal keys give equal views (the key holds every input of view()).
  void AppendRendered(std::string_view template_name, const FragmentKey& key,
                      const std::function<nlohmann::json()>& view, std::string& out);

  long long hits() const { return hits_.load(std::memory_order_relaxed); }
  long long misses() const { return misses_.load(std::memory_order_relaxed); }

 private:
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, std::string> fragments;
    std::size_t bytes = 0;
  };
  static constexpr std::size_t kShards = 16;

  // The key's fragment: appended to `out` when remembered, else rendered and kept.
  void Lookup(std::string key, const std::function<std::string()>& render, std::string& out);

  std::size_t shard_budget_;
  std::array<Shard, kShards> shards_;
  std::atomic<long long> hits_{0};
  std::atomic<long long> misses_{0};
};

}  // namespace diseasemaps
