#include "platform/db/sql_script.h"

#include <cctype>

namespace diseasemaps {
namespace {

constexpr std::string_view kSqliteMarker = "--@sqlite";
constexpr std::string_view kPostgresqlMarker = "--@postgresql";

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// True when the statement holds something besides white space and comments.
bool HasCode(std::string_view statement) {
  for (std::size_t i = 0; i < statement.size(); ++i) {
    const char c = statement[i];
    const char next = i + 1 < statement.size() ? statement[i + 1] : '\0';
    if (c == '-' && next == '-') {
      const std::size_t end = statement.find('\n', i);
      if (end == std::string_view::npos) return false;
      i = end;
    } else if (c == '/' && next == '*') {
      const std::size_t end = statement.find("*/", i + 2);
      if (end == std::string_view::npos) return false;
      i = end + 1;
    } else if (!std::isspace(static_cast<unsigned char>(c))) {
      return true;
    }
  }
  return false;
}

std::string Trim(std::string_view s) {
  std::size_t begin = 0;
  while (begin < s.size() && std::isspace(static_cast<unsigned char>(s[begin]))) ++begin;
  return std::string(TrimRight(s.substr(begin)));
}

}  // namespace

std::string SqlForBackend(std::string_view script, Backend backend) {
  std::string out;
  out.reserve(script.size());
  while (!script.empty()) {
    const std::size_t end = script.find('\n');
    std::string_view line = script.substr(0, end);
    script = end == std::string_view::npos ? std::string_view() : script.substr(end + 1);
    const std::string_view trimmed = TrimRight(line);
    if (EndsWith(trimmed, kSqliteMarker)) {
      if (backend != Backend::kSqlite) continue;
      line = trimmed.substr(0, trimmed.size() - kSqliteMarker.size());
    } else if (EndsWith(trimmed, kPostgresqlMarker)) {
      if (backend != Backend::kPostgresql) continue;
      line = trimmed.substr(0, trimmed.size() - kPostgresqlMarker.size());
    }
    out.append(line);
    out.push_back('\n');
  }
  return out;
}

std::vector<std::string> SplitSqlStatements(std::string_view script) {
  std::vector<std::string> statements;
  std::size_t start = 0;
  char quote = 0;            // ' or " while inside a quoted run
  bool line_comment = false;
  bool block_comment = false;
  for (std::size_t i = 0; i < script.size(); ++i) {
    const char c = script[i];
    const char next = i + 1 < script.size() ? script[i + 1] : '\0';
    if (line_comment) {
      if (c == '\n') line_comment = false;
    } else if (block_comment) {
      if (c == '*' && next == '/') {
        block_comment = false;
        ++i;
      }
    } else if (quote) {
      if (c == quote) {
        if (next == quote) ++i;  // doubled quote stays inside
        else quote = 0;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '-' && next == '-') {
      line_comment = true;
      ++i;
    } else if (c == '/' && next == '*') {
      block_comment = true;
      ++i;
    } else if (c == ';') {
      std::string_view statement = script.substr(start, i - start);
      if (HasCode(statement)) statements.push_back(Trim(statement));
      start = i + 1;
    }
  }
  std::string_view rest = script.substr(start);
  if (HasCode(rest)) statements.push_back(Trim(rest));
  return statements;
}

}  // namespace diseasemaps
