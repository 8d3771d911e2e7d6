// The rules of the forums as pure functions (see forum_rules.h).
#include "forums/forum_rules.h"

#include <set>

#include "app/limits.h"
#include "catalog/import/slug.h"
#include "platform/i18n.h"
#include "platform/text.h"

namespace diseasemaps::forums {
namespace {

std::string Count(std::size_t n) { return i18n::FormatNumber(i18n::CurrentLanguage(), static_cast<long long>(n)); }

bool MentionCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.';
}

// True when html[at..] starts, case-insensitively, with `tag` followed by '>', ' ' or '/'.
bool TagIs(std::string_view html, std::size_t at, std::string_view tag) {
  if (html.size() < at + tag.size() + 1) return false;
  for (std::size_t i = 0; i < tag.size(); ++i) {
    char c = html[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != tag[i]) return false;
  }
  const char next = html[at + tag.size()];
  return next == '>' || next == ' ' || next == '/' || next == '\n' || next == '\t';
}

}  // namespace

TextCheck CheckTopicTitle(const std::string& typed) {
  TextCheck check;
  const auto count = CountCharacters(typed);
  if (!count) {
    check.error = i18n::Tr("This title holds characters we cannot read (control characters or broken text). "
                           "Please retype it.");
    return check;
  }
  const std::string title = CollapseWhitespace(typed);
  if (title.empty()) {
    check.error = i18n::Tr("Give your topic a title, so others know what it is about.");
    return check;
  }
  const std::size_t characters = CountCharacters(title).value_or(0);
  if (characters > kMaxTitleCharacters) {
    check.error = i18n::Tr("Titles can be at most {limit} characters (this one has {count}).",
                           {{"limit", Count(kMaxTitleCharacters)}, {"count", Count(characters)}});
    return check;
  }
  check.text = title;
  return check;
}

TextCheck CheckPostBody(const std::string& typed) {
  TextCheck check;
  const std::string body = UnixLineBreaks(typed);
  const auto count = CountCharacters(body);
  if (!count) {
    check.error = i18n::Tr("This post holds characters we cannot read (control characters or broken text). "
                           "Please retype it.");
    return check;
  }
  if (TrimWhitespace(body).empty()) {
    check.error = i18n::Tr("Write your post before sending it.");
    return check;
  }
  if (*count > kMaxPostCharacters) {
    check.error = i18n::Tr("Posts can be at most {limit} characters (this one has {count}).",
                           {{"limit", Count(kMaxPostCharacters)}, {"count", Count(*count)}});
    return check;
  }
  check.text = body;
  return check;
}

std::string TitleWords(const std::string& title) {
  const std::string slug = catalog::Slugify(title);
  std::string words;
  int taken = 0;
  for (std::string_view word : SplitOn(slug, "-")) {
    if (word.empty()) continue;
    if (taken == 8 || words.size() + word.size() + (words.empty() ? 0 : 1) > 60) break;
    if (!words.empty()) words.push_back('-');
    words.append(word);
    ++taken;
  }
  return words.empty() ? "topic" : words;
}

std::string TopicPath(const std::string& forum_slug, long long topic_id, const std::string& title) {
  return "/forums/" + forum_slug + "/t/" + std::to_string(topic_id) + "-" + TitleWords(title);
}

std::optional<long long> TopicIdOf(const std::string& segment) {
  const std::size_t dash = segment.find('-');
  return ParsePositiveInteger(std::string_view(segment).substr(0, dash));
}

long long PageOfPost(long long number) { return number < 1 ? 1 : (number - 1) / kPostsPerPage + 1; }

std::string PostHref(const std::string& topic_path, long long number) {
  const long long page = PageOfPost(number);
  return topic_path + (page > 1 ? "?page=" + std::to_string(page) : "") + "#post-" + std::to_string(number);
}

bool EditKeepsHistory(long long created_at, long long now) { return now - created_at > kEditGraceSeconds; }

bool IsNewForumMember(std::optional<long long> confirmed_at, long long posts_written, long long now) {
  const bool first_week = !confirmed_at || now - *confirmed_at < limits::kNewAccountSeconds;
  return first_week || posts_written < limits::kForumNewMemberPosts;
}

std::vector<std::string> MentionNames(const std::string& body) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '@') continue;
    if (i > 0) {
      const char before = body[i - 1];
      // After a letter, digit or the like it is an e-mail address ("ana@example.org").
      if (MentionCharacter(before) || static_cast<unsigned char>(before) >= 0x80) continue;
    }
    std::size_t end = i + 1;
    while (end < body.size() && MentionCharacter(body[end])) ++end;
    std::string name = body.substr(i + 1, end - i - 1);
    while (!name.empty() && name.back() == '.') name.pop_back();  // "@ana." ends a sentence
    if (name.size() < 2 || name.size() > 60) continue;
    for (char& c : name) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (seen.insert(name).second) names.push_back(name);
  }
  return names;
}

std::size_t CountMentions(const std::string& body) { return MentionNames(body).size(); }

std::string LinkMentions(const std::string& html, const std::map<std::string, std::string>& hrefs) {
  if (hrefs.empty()) return html;
  std::string out;
  out.reserve(html.size());
  int skip = 0;  // open <a>, <code> and <pre> elements around the text
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t close = html.find('>', i);
      const std::size_t end = close == std::string::npos ? html.size() : close + 1;
      const bool closing = i + 1 < html.size() && html[i + 1] == '/';
      const std::size_t name_at = i + (closing ? 2 : 1);
      if (TagIs(html, name_at, "a") || TagIs(html, name_at, "code") || TagIs(html, name_at, "pre")) {
        skip += closing ? -1 : 1;
        if (skip < 0) skip = 0;
      }
      out.append(html, i, end - i);
      i = end;
      continue;
    }
    if (c == '@' && skip == 0 && (i == 0 || (!MentionCharacter(html[i - 1]) && static_cast<unsigned char>(html[i - 1]) < 0x80))) {
      std::size_t end = i + 1;
      while (end < html.size() && MentionCharacter(html[end])) ++end;
      std::string name = html.substr(i + 1, end - i - 1);
      while (!name.empty() && name.back() == '.') name.pop_back();
      std::string key = name;
      for (char& k : key) {
        if (k >= 'A' && k <= 'Z') k = static_cast<char>(k - 'A' + 'a');
      }
      auto found = hrefs.find(key);
      if (found != hrefs.end()) {
        out += "<a class=\"mention\" href=\"" + found->second + "\">@" + name + "</a>";
        i += 1 + name.size();
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

std::optional<FlagReason> ParseFlagReason(const std::string& name) {
  if (name == "off_topic") return FlagReason::kOffTopic;
  if (name == "unkind") return FlagReason::kUnkind;
  if (name == "spam") return FlagReason::kSpam;
  if (name == "misinformation") return FlagReason::kMisinformation;
  if (name == "other") return FlagReason::kOther;
  return std::nullopt;
}

std::string FlagReasonName(FlagReason reason) {
  switch (reason) {
    case FlagReason::kOffTopic: return "off_topic";
    case FlagReason::kUnkind: return "unkind";
    case FlagReason::kSpam: return "spam";
    case FlagReason::kMisinformation: return "misinformation";
    case FlagReason::kOther: return "other";
  }
  return "other";
}

TextCheck CheckFlagNote(FlagReason reason, const std::string& typed) {
  TextCheck check;
  const std::string note = UnixLineBreaks(typed);
  const auto count = CountCharacters(note);
  if (!count) {
    check.error = i18n::Tr("This note holds characters we cannot read (control characters or broken text). "
                           "Please retype it.");
    return check;
  }
  if (reason == FlagReason::kOther && TrimWhitespace(note).empty()) {
    check.error = i18n::Tr("Please say what is wrong with this post, so moderators can act on it.");
    return check;
  }
  if (*count > kMaxFlagNoteCharacters) {
    check.error = i18n::Tr("Please keep this to {limit} characters (it has {count}).",
                           {{"limit", Count(kMaxFlagNoteCharacters)}, {"count", Count(*count)}});
    return check;
  }
  check.text = std::string(TrimWhitespace(note));
  return check;
}

}  // namespace diseasemaps::forums
