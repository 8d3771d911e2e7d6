// Progress lines and the end-of-import summary. See import_report.h.
#include "catalog/import/import_report.h"

#include <cmath>
#include <cstdio>

namespace diseasemaps::catalog {
namespace {

std::string Seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, seconds < 10 ? "%.2f s" : "%.1f s", seconds);
  return text;
}

}  // namespace

std::string FormatProgress(std::size_t done, std::size_t total, double elapsed_seconds) {
  std::string line = std::to_string(done) + "/" + std::to_string(total);
  if (total > 0) line += " (" + std::to_string(done * 100 / total) + "%)";
  if (elapsed_seconds > 0 && done > 0) {
    const double rate = static_cast<double>(done) / elapsed_seconds;
    line += ", " + std::to_string(static_cast<long long>(std::llround(rate))) + "/s";
    if (done < total) {
      const double left = static_cast<double>(total - done) / rate;
      line += ", about " + std::to_string(static_cast<long long>(std::ceil(left))) + " s left";
    }
  }
  return line;
}

ProgressReporter::ProgressReporter(ImportOutput& output, std::string what, std::size_t total)
    : output_(output), what_(std::move(what)), total_(total) {}

void ProgressReporter::Update(std::size_t done) {
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (output_.terminal) {
    if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    drawn_ = true;
    // \r returns to the line's start; \x1b[K clears what a longer line left behind.
    output_.err << "\r" << what_ << ": " << FormatProgress(done, total_, elapsed) << "\x1b[K"
                << std::flush;
    return;
  }
  const int quarter = total_ == 0 ? 4 : static_cast<int>(done * 4 / total_);
  if (quarter > quarters_printed_ && quarter < 4) {
    quarters_printed_ = quarter;
    output_.err << what_ << ": " << FormatProgress(done, total_, elapsed) << std::endl;
  }
}

void ProgressReporter::Finish() {
  if (output_.terminal && drawn_) output_.err << "\n" << std::flush;
  drawn_ = false;
}

Status InFile(const Status& status, std::string_view file_name) {
  if (status.code() != Status::Code::kInvalidArgument) return status;
  return Status::InvalidArgument(std::string(file_name) + " " + status.message());
}

void PrintSummary(ImportOutput& output, const ImportSummary& s) {
  for (const SkippedInput& input : s.skipped_inputs) {
    output.err << "skipped " << input.name << ": " << input.why << "\n";
  }
  output.err.flush();
  output.out << s.kind << " import: added " << s.added << ", updated " << s.updated
             << ", obsolete " << s.obsolete << ", skipped " << s.skipped << " in "
             << Seconds(s.total_seconds) << "\n";
  if (!s.data_version.empty()) output.out << "  data version: " << s.data_version << "\n";
  for (const std::string& note : s.notes) output.out << "  " << note << "\n";
  if (!s.timings.empty()) {
    output.out << "  timings:";
    for (std::size_t i = 0; i < s.timings.size(); ++i) {
      output.out << (i == 0 ? " " : ", ") << s.timings[i].first << " " << Seconds(s.timings[i].second);
    }
    output.out << "\n";
  }
  output.out.flush();
}

}  // namespace diseasemaps::catalog
