#include "platform/fragment_memo.h"

#include <functional>
#include <string>

#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps {
namespace {

void AppendSize(std::size_t size, std::string& key) {
  key.append(reinterpret_cast<const char*>(&size), sizeof size);
}

// The view written out so that two views give the same text only when they are equal:
// a type letter, then strings with their length in front (so no byte needs escaping:
// nlohmann's dump checks and escapes every byte, and cost more than rendering), numbers
// in full, objects in their keys' order (nlohmann keeps objects sorted).
void AppendKey(const nlohmann::json& value, std::string& key) {
  using Type = nlohmann::json::value_t;
  switch (value.type()) {
    case Type::null:
    case Type::discarded:
      key += 'n';
      return;
    case Type::boolean:
      key += value.get<bool>() ? 't' : 'f';
      return;
    case Type::string: {
      const auto& text = value.get_ref<const std::string&>();
      key += 's';
      AppendSize(text.size(), key);
      key += text;
      return;
    }
    case Type::object:
      key += '{';
      AppendSize(value.size(), key);
      for (const auto& [name, item] : value.items()) {
        AppendSize(name.size(), key);
        key += name;
        AppendKey(item, key);
      }
      return;
    case Type::array:
      key += '[';
      AppendSize(value.size(), key);
      for (const auto& item : value) AppendKey(item, key);
      return;
    default:  // numbers and binary: rare in views; nlohmann writes them exactly
      key += '#';
      key += value.dump();
      key += '\0';
      return;
  }
}

}  // namespace

FragmentKey& FragmentKey::AddView(const nlohmann::json& view) {
  text_ += 'v';
  AppendKey(view, text_);
  return *this;
}

FragmentMemo::FragmentMemo(std::size_t budget_bytes) : shard_budget_(budget_bytes / kShards) {}

void FragmentMemo::Lookup(std::string key, const std::function<std::string()>& render, std::string& out) {
  Shard& shard = shards_[std::hash<std::string>{}(key) % kShards];
  {
    std::lock_guard lock(shard.mutex);
    if (auto it = shard.fragments.find(key); it != shard.fragments.end()) {
      hits_.fetch_add(1, std::memory_order_relaxed);
      out += it->second;
      return;
    }
  }
  misses_.fetch_add(1, std::memory_order_relaxed);
  std::string fragment = render();
  out += fragment;
  const std::size_t size = key.size() + fragment.size();
  if (size > shard_budget_) return;
  std::lock_guard lock(shard.mutex);
  if (shard.bytes + size > shard_budget_) {
    shard.fragments.clear();
    shard.bytes = 0;
  }
  if (shard.fragments.emplace(std::move(key), std::move(fragment)).second) shard.bytes += size;
}

namespace {

// Which template, in which language: the start of every key.
std::string KeyStart(std::string_view template_name, std::size_t reserve) {
  std::string key;
  key.reserve(reserve);
  key.append(template_name);
  key += '\n';
  key += i18n::CurrentLanguage();
  key += '\n';
  return key;
}

}  // namespace

void FragmentMemo::Render(std::string_view template_name, const nlohmann::json& view, std::string& out) {
  std::string key = KeyStart(template_name, 4096);
  AppendKey(view, key);
  Lookup(std::move(key), [&] { return Templates::Render(template_name, view); }, out);
}

std::string FragmentMemo::Render(std::string_view template_name, const nlohmann::json& view) {
  std::string out;
  Render(template_name, view, out);
  return out;
}

void FragmentMemo::AppendRendered(std::string_view template_name, const FragmentKey& key,
                                  const std::function<nlohmann::json()>& view, std::string& out) {
  std::string full = KeyStart(template_name, template_name.size() + 8 + key.text().size());
  full += '*';  // never the first letter of a view's key (AppendKey): the two kinds never meet
  full += key.text();
  Lookup(std::move(full), [&] { return Templates::Render(template_name, view()); }, out);
}

}  // namespace diseasemaps
