// The rules of notifications (see notification_rules.h).
#include "notifications/notification_rules.h"

#include <string_view>
#include <unordered_map>

#include "catalog/import/slug.h"
#include "forums/forum_rules.h"
#include "platform/text.h"

namespace diseasemaps::notifications {

namespace {

// The handle's words: pure, and asked for each post of every topic page, so each thread
// keeps the last few thousand it made.
std::string HandleWords(const std::string& display_name) {
  thread_local std::unordered_map<std::string, std::string> kept;
  if (auto it = kept.find(display_name); it != kept.end()) return it->second;
  const std::string slug = catalog::Slugify(display_name);
  std::string words;
  int taken = 0;
  for (std::string_view word : SplitOn(slug, "-")) {
    if (word.empty()) continue;
    if (taken == 4 || words.size() + word.size() + (words.empty() ? 0 : 1) > 30) break;
    if (!words.empty()) words.push_back('-');
    words.append(word);
    ++taken;
  }
  if (words.empty()) words = "member";
  if (kept.size() >= 4096) kept.clear();
  kept.emplace(display_name, words);
  return words;
}

}  // namespace

std::string MemberHandle(const std::string& display_name, long long user_id) {
  return HandleWords(display_name) + "-" + std::to_string(user_id);
}

std::vector<Mention> ParseMentions(const std::string& body) {
  std::vector<Mention> mentions;
  for (const std::string& name : forums::MentionNames(body)) {
    const std::size_t dash = name.rfind('-');
    if (dash == std::string::npos || dash == 0) continue;
    auto id = ParsePositiveInteger(std::string_view(name).substr(dash + 1));
    if (!id) continue;
    mentions.push_back({name, *id});
    if (mentions.size() == kMaxMentionsRead) break;
  }
  return mentions;
}

std::set<long long> QuotedNumbers(const std::string& body) {
  std::set<long long> numbers;
  for (std::string_view line : SplitOn(body, "\n")) {
    std::size_t i = 0;
    while (i < line.size() && i < 3 && line[i] == ' ') ++i;
    if (i >= line.size() || line[i] != '>') continue;
    constexpr std::string_view kAnchor = "(#post-";
    for (std::size_t at = line.find(kAnchor); at != std::string_view::npos; at = line.find(kAnchor, at + 1)) {
      std::size_t end = at + kAnchor.size();
      while (end < line.size() && line[end] >= '0' && line[end] <= '9') ++end;
      if (end >= line.size() || line[end] != ')') continue;
      auto n = ParsePositiveInteger(line.substr(at + kAnchor.size(), end - at - kAnchor.size()));
      if (n && numbers.size() < kMaxQuotesRead) numbers.insert(*n);
    }
  }
  return numbers;
}

std::string EscapeMarkdownText(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]()<>#!|~").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c == '\n' || c == '\r' ? ' ' : c);
  }
  return out;
}

std::string QuoteMarkdown(const std::string& attribution, const std::string& body) {
  std::string out = "> " + attribution + "\n>\n";
  for (std::string_view line : SplitOn(body, "\n")) {
    out += line.empty() ? ">" : "> ";
    out.append(line);
    out.push_back('\n');
  }
  out += "\n";
  return out;
}

std::optional<WatchLevel> ParseWatchLevel(const std::string& name) {
  if (name == "watching") return WatchLevel::kWatching;
  if (name == "tracking") return WatchLevel::kTracking;
  if (name == "normal") return WatchLevel::kNormal;
  if (name == "muted") return WatchLevel::kMuted;
  return std::nullopt;
}

std::string WatchLevelName(WatchLevel level) {
  switch (level) {
    case WatchLevel::kWatching: return "watching";
    case WatchLevel::kTracking: return "tracking";
    case WatchLevel::kNormal: return "normal";
    case WatchLevel::kMuted: return "muted";
  }
  return "normal";
}

WatchLevel EffectiveLevel(std::optional<WatchLevel> topic, std::optional<WatchLevel> forum) {
  if (topic) return *topic;
  if (forum) return *forum;
  return WatchLevel::kNormal;
}

std::string KindName(Kind kind) {
  switch (kind) {
    case Kind::kReply: return "reply";
    case Kind::kQuote: return "quote";
    case Kind::kMention: return "mention";
    case Kind::kWatched: return "watched";
  }
  return "watched";
}

std::optional<Kind> ParseKind(const std::string& name) {
  for (Kind k : {Kind::kReply, Kind::kQuote, Kind::kMention, Kind::kWatched}) {
    if (KindName(k) == name) return k;
  }
  return std::nullopt;
}

std::optional<Kind> KindFor(const Relation& relation, WatchLevel level) {
  if (level == WatchLevel::kMuted) return std::nullopt;
  if (relation.quoted) return Kind::kQuote;
  if (relation.replied_to) return Kind::kReply;
  if (relation.mentioned) return Kind::kMention;
  if (level == WatchLevel::kWatching) return Kind::kWatched;
  return std::nullopt;
}

}  // namespace diseasemaps::notifications
