// The answers shipped with the program: content/answers/<condition>/<answer>.md,
// compiled into the binary and loaded by `serve` into the database, so that a new
// server has answers to review.
//
// A file is front matter between two `---` lines, then the Markdown body:
//
//     ---
//     orphacode: 1183
//     slug: what-causes-it
//     question: What causes Opsoclonus-myoclonus syndrome?
//     short_answer: >
//       An immune reaction, often to a tumour or an infection, …
//     position: 2            (optional; else the file's rank in its folder)
//     ---
//     Markdown …
//
// Values are plain (continued on indented lines), quoted ("…" with \" \\ \n escapes,
// or '…' with ''), or blocks (`>` folds lines, `|` keeps them). `#` lines are comments;
// keys the loader does not know are ignored.
//
// Loading never claims a review: each answer is created as version 1 *submitted* for
// review by the DiseaseMaps editorial team, and a reviewer must approve it before any
// page calls it medically reviewed. Thread-safe (pure functions and the database).
#pragma once

#include <string_view>
#include <vector>

#include "articles/answer_store.h"
#include "platform/db/database.h"
#include "platform/status.h"

namespace diseasemaps::articles {

inline constexpr std::string_view kEditorialTeam = "DiseaseMaps editorial team";
inline constexpr std::string_view kAnswersFolder = "content/answers/";

// Parses one file. `name` is used in messages only. InvalidArgument naming the file
// and the line for a malformed file (no front matter, a missing or invalid field, text
// over a limit). position is the `position` field, or 0 when absent.
Result<ContentAnswer> ParseAnswerFile(std::string_view name, std::string_view text);

struct AnswerFile {
  std::string_view name;     // "content/answers/opsoclonus-myoclonus-syndrome/causes.md"
  std::string_view content;
};

// Parses every file, gives those without a `position` their rank (1, 2, …) in their
// folder by file name, and refuses two files with the same ORPHAcode and slug.
Result<std::vector<ContentAnswer>> ParseAnswerFiles(std::vector<AnswerFile> files);

// The answers compiled into this binary (every embedded file under content/answers/
// ending in .md); an empty list when there are none.
Result<std::vector<ContentAnswer>> EmbeddedAnswers();

// Parses the embedded answers and creates those missing (AnswerStore::
// CreateMissingSubmitted, as the editorial team), then logs one line with the count.
// Returns how many it created. Fails on a malformed file (naming it) or a database
// failure, creating nothing.
Result<int> LoadEmbeddedAnswers(Database& db);

}  // namespace diseasemaps::articles
