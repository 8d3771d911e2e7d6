#include "articles/answer_content.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include <spdlog/spdlog.h>

#include "articles/answer_rules.h"
#include "platform/embedded_files.h"
#include "platform/text.h"

namespace diseasemaps::articles {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool Blank(std::string_view s) { return TrimWhitespace(s).empty(); }
bool Indented(std::string_view s) { return !s.empty() && (s.front() == ' ' || s.front() == '\t'); }

// The text's lines, without their line ends (\n or \r\n).
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines = SplitOn(text, "\n");
  for (std::string_view& line : lines) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  }
  return lines;
}

struct Field {
  std::string value;
  int line = 0;
};

class FileError {
 public:
  explicit FileError(std::string_view name) : name_(name) {}
  Status At(int line, const std::string& what) const {
    return Status::InvalidArgument(std::string(name_) + " line " + std::to_string(line) + ": " + what);
  }
  Status Whole(const std::string& what) const { return Status::InvalidArgument(std::string(name_) + ": " + what); }

 private:
  std::string_view name_;
};

// A quoted scalar that starts at text[0] (a quote). Returns the value, or nullopt when
// the quote is not closed or something other than a comment follows it.
std::optional<std::string> Quoted(std::string_view text) {
  const char quote = text.front();
  std::string value;
  std::size_t i = 1;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quote == '\'' && c == '\'') {
      if (i + 1 < text.size() && text[i + 1] == '\'') {
        value.push_back('\'');
        ++i;
        continue;
      }
      break;
    }
    if (quote == '"' && c == '"') break;
    if (quote == '"' && c == '\\' && i + 1 < text.size()) {
      const char next = text[++i];
      switch (next) {
        case 'n': value.push_back('\n'); break;
        case 't': value.push_back('\t'); break;
        case '"': value.push_back('"'); break;
        case '\\': value.push_back('\\'); break;
        case '/': value.push_back('/'); break;
        default: return std::nullopt;  // an escape we do not read: say so rather than guess
      }
      continue;
    }
    value.push_back(c);
  }
  if (i >= text.size()) return std::nullopt;  // not closed
  const std::string_view after = TrimWhitespace(text.substr(i + 1));
  if (!after.empty() && after.front() != '#') return std::nullopt;
  return value;
}

// A plain scalar: lines joined by spaces, a " #" comment dropped.
std::string Plain(std::string_view first, const std::vector<std::string_view>& more) {
  std::string value(TrimWhitespace(first));
  for (std::string_view line : more) {
    const std::string_view piece = TrimWhitespace(line);
    if (piece.empty()) continue;
    if (!value.empty()) value.push_back(' ');
    value.append(piece);
  }
  const std::size_t comment = value.find(" #");
  if (comment != std::string::npos) value.erase(comment);
  return std::string(TrimWhitespace(value));
}

// A block scalar: `>` folds lines into one (a blank line keeps a line break), `|`
// keeps them, less their common indentation.
std::string Block(char style, const std::vector<std::string_view>& lines) {
  std::size_t indent = std::string_view::npos;
  for (std::string_view line : lines) {
    if (Blank(line)) continue;
    indent = std::min(indent, line.find_first_not_of(" \t"));
  }
  std::string value;
  bool paragraph_break = false;
  for (std::string_view line : lines) {
    if (Blank(line)) {
      if (style == '|') value.push_back('\n');
      else paragraph_break = !value.empty();
      continue;
    }
    std::string_view piece = line.substr(std::min(indent, line.size()));
    if (style == '|') {
      value.append(piece);
      value.push_back('\n');
    } else {
      if (!value.empty()) value.push_back(paragraph_break ? '\n' : ' ');
      value.append(TrimWhitespace(piece));
      paragraph_break = false;
    }
  }
  return std::string(TrimWhitespace(value));
}

std::optional<int> Number(std::string_view text) {
  if (text.size() > 6 && (text.substr(0, 6) == "ORPHA:" || text.substr(0, 6) == "orpha:")) text.remove_prefix(6);
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || text.size() > 9) return std::nullopt;
  return value;
}

std::string_view Folder(std::string_view name) {
  const std::size_t slash = name.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : name.substr(0, slash);
}

}  // namespace

Result<ContentAnswer> ParseAnswerFile(std::string_view name, std::string_view text) {
  const FileError error(name);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte order mark
  const std::vector<std::string_view> lines = Lines(text);
  if (TrimWhitespace(lines[0]) != "---") return error.At(1, "expected front matter opening with a line `---`");
  std::size_t close = 1;
  while (close < lines.size() && TrimWhitespace(lines[close]) != "---") ++close;
  if (close == lines.size()) return error.At(1, "the front matter opened here is never closed with a line `---`");

  std::map<std::string, Field, std::less<>> fields;
  for (std::size_t i = 1; i < close;) {
    const int number = static_cast<int>(i) + 1;
    const std::string_view line = lines[i];
    if (Blank(line) || TrimWhitespace(line).front() == '#') {
      ++i;
      continue;
    }
    if (Indented(line)) return error.At(number, "an indented line must continue the value of the key above it");
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return error.At(number, "expected `key: value`");
    const std::string key(TrimWhitespace(line.substr(0, colon)));
    if (key.empty() || key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789-") != std::string::npos) {
      return error.At(number, "'" + key + "' is not a key (use lower-case letters and _)");
    }
    // The value's further lines: indented ones, and blank ones between them.
    std::vector<std::string_view> more;
    std::size_t next = i + 1;
    while (next < close) {
      if (Indented(lines[next]) && !Blank(lines[next])) {
        more.push_back(lines[next]);
        ++next;
        continue;
      }
      std::size_t after = next;
      while (after < close && Blank(lines[after])) ++after;
      if (after == next || after == close || !Indented(lines[after])) break;
      more.insert(more.end(), lines.begin() + static_cast<std::ptrdiff_t>(next),
                  lines.begin() + static_cast<std::ptrdiff_t>(after));
      next = after;
    }
    const std::string_view rest = TrimWhitespace(line.substr(colon + 1));
    std::string value;
    if (rest == ">" || rest == ">-" || rest == "|" || rest == "|-") {
      value = Block(rest.front(), more);
    } else if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
      std::string joined(rest);
      for (std::string_view piece : more) {
        joined.push_back(' ');
        joined.append(TrimWhitespace(piece));
      }
      auto quoted = Quoted(joined);
      if (!quoted) {
        return error.At(number, "the quoted value of `" + key +
                                    "` is not closed, has an unknown escape, or has text after its closing quote");
      }
      value = std::move(*quoted);
    } else {
      value = Plain(rest, more);
    }
    if (auto seen = fields.find(key); seen != fields.end()) {
      return error.At(number, "`" + key + "` appears twice (first on line " + std::to_string(seen->second.line) + ")");
    }
    fields[key] = Field{std::move(value), number};
    i = next;
  }

  auto required = [&](const char* key) -> Result<Field> {
    auto found = fields.find(key);
    if (found == fields.end() || found->second.value.empty()) {
      return error.At(static_cast<int>(close) + 1,
                      std::string("the front matter has no `") + key + "` (required: orphacode, slug, question, short_answer)");
    }
    return found->second;
  };
  ContentAnswer answer;
  auto orphacode = required("orphacode");
  if (!orphacode.ok()) return orphacode.status();
  auto code = Number(orphacode->value);
  if (!code || *code < 1) return error.At(orphacode->line, "'" + orphacode->value + "' is not an ORPHAcode");
  answer.orphacode = *code;
  auto slug = required("slug");
  if (!slug.ok()) return slug.status();
  if (!IsValidAnswerSlug(slug->value)) {
    return error.At(slug->line, "'" + slug->value + "' is not a valid slug: use lower-case letters, digits and single hyphens");
  }
  answer.slug = slug->value;
  auto question = required("question");
  if (!question.ok()) return question.status();
  auto short_answer = required("short_answer");
  if (!short_answer.ok()) return short_answer.status();
  if (auto position = fields.find("position"); position != fields.end()) {
    auto value = Number(position->second.value);
    if (!value || *value < 1) {
      return error.At(position->second.line, "the position must be a whole number from 1: '" + position->second.value + "'");
    }
    answer.position = *value;
  }

  std::size_t body_start = close + 1;
  while (body_start < lines.size() && Blank(lines[body_start])) ++body_start;
  std::string body;
  for (std::size_t i = body_start; i < lines.size(); ++i) {
    body.append(lines[i]);
    body.push_back('\n');
  }
  while (!body.empty() && IsSpace(body.back())) body.pop_back();
  if (!body.empty()) body.push_back('\n');

  answer.content = {question->value, short_answer->value, std::move(body)};
  if (Status s = ValidateAnswerText(answer.content.question, "x", ""); !s.ok()) {
    return error.At(question->line, s.message());
  }
  if (Status s = ValidateAnswerText("x", answer.content.short_answer, ""); !s.ok()) {
    return error.At(short_answer->line, s.message());
  }
  if (Status s = ValidateAnswerText("x", "x", answer.content.body_markdown); !s.ok()) {
    return error.At(static_cast<int>(body_start) + 1, s.message());
  }
  return answer;
}

Result<std::vector<ContentAnswer>> ParseAnswerFiles(std::vector<AnswerFile> files) {
  std::sort(files.begin(), files.end(), [](const AnswerFile& a, const AnswerFile& b) { return a.name < b.name; });
  std::vector<ContentAnswer> answers;
  std::map<std::pair<int, std::string>, std::string_view> seen;
  std::string_view folder;
  int rank = 0;
  for (const AnswerFile& file : files) {
    if (Folder(file.name) != folder) {
      folder = Folder(file.name);
      rank = 0;
    }
    ++rank;
    auto answer = ParseAnswerFile(file.name, file.content);
    if (!answer.ok()) return answer.status();
    if (answer->position == 0) answer->position = rank;
    auto [at, inserted] = seen.emplace(std::make_pair(answer->orphacode, answer->slug), file.name);
    if (!inserted) {
      return Status::InvalidArgument(std::string(file.name) + ": ORPHA:" + std::to_string(answer->orphacode) +
                                     " already has an answer with the slug '" + answer->slug + "' (in " +
                                     std::string(at->second) + ")");
    }
    answers.push_back(std::move(*answer));
  }
  return answers;
}

Result<std::vector<ContentAnswer>> EmbeddedAnswers() {
  std::vector<AnswerFile> files;
  for (const auto& file : embedded::Files()) {
    const std::string_view name = file.name;
    if (name.substr(0, kAnswersFolder.size()) != kAnswersFolder) continue;
    if (name.size() < 3 || name.substr(name.size() - 3) != ".md") continue;
    const std::string_view base = name.substr(name.rfind('/') + 1);
    if (base == "README.md") continue;
    files.push_back({name, file.content});
  }
  return ParseAnswerFiles(std::move(files));
}

Result<int> LoadEmbeddedAnswers(Database& db) {
  auto answers = EmbeddedAnswers();
  if (!answers.ok()) return answers.status();
  if (answers->empty()) {
    spdlog::info("shipped answers: none compiled into this binary");
    return 0;
  }
  AnswerStore store(db);
  auto created = store.CreateMissingSubmitted(*answers, Actor{std::nullopt, std::string(kEditorialTeam)});
  if (!created.ok()) return created.status();
  spdlog::info("shipped answers: {} new of {} loaded as submitted for medical review (not yet reviewed); "
               "the others were already there or their condition is not in the catalogue",
               *created, answers->size());
  return created;
}

}  // namespace diseasemaps::articles
