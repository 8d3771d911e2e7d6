// What an import tells the operator: progress while it runs, a summary when it ends.
//
// On a terminal, progress is one line redrawn in place (done/total, rate, time left) at
// most ten times a second; elsewhere (a log file, a pipe) it is a plain line at each
// quarter. The summary gives added, updated, obsolete and skipped counts, each skipped
// input with its name and why, and the time each phase took. Not thread-safe: one
// reporter per import, used from one thread.
#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/status.h"

namespace diseasemaps::catalog {

// Where an import writes: `out` for the summary, `err` for progress and skipped inputs.
struct ImportOutput {
  std::ostream& out;
  std::ostream& err;
  bool terminal = false;  // `err` is a terminal: redraw progress in place
};

struct SkippedInput {
  std::string name;  // "ORPHApacket_1183.json", "mondo_exactmatch_mesh.sssom.tsv line 12"
  std::string why;   // "$.Orphapacket.Label: missing"
};

struct ImportSummary {
  std::string kind;          // "orphanet", "mondo", "hpo-lay"
  std::string data_version;  // "" when unknown
  int added = 0, updated = 0, obsolete = 0, skipped = 0;
  std::vector<SkippedInput> skipped_inputs;  // what made `skipped` > 0, when worth listing
  std::vector<std::string> notes;            // further lines, e.g. "9,786 conditions not in the catalogue"
  std::vector<std::pair<std::string, double>> timings;  // phase -> seconds, in order
  double total_seconds = 0;
};

// "1500/9960 (15%), 2300/s, about 4 s left". Pure, for tests.
std::string FormatProgress(std::size_t done, std::size_t total, double elapsed_seconds);

class ProgressReporter {
 public:
  ProgressReporter(ImportOutput& output, std::string what, std::size_t total);
  // Reports that `done` of the total are finished.
  void Update(std::size_t done);
  // Ends the progress display (the terminal line is closed with a newline).
  void Finish();

 private:
  ImportOutput& output_;
  std::string what_;
  std::size_t total_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
  int quarters_printed_ = 0;
  bool drawn_ = false;
};

// A parser's InvalidArgument with the file named first ("hp-fr.babelon.tsv line 12: …");
// other statuses as they are.
Status InFile(const Status& status, std::string_view file_name);

// Prints the summary on output.out and each skipped input on output.err.
void PrintSummary(ImportOutput& output, const ImportSummary& summary);

}  // namespace diseasemaps::catalog
