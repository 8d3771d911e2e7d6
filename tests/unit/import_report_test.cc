// What an import prints: progress (in place on a terminal, a few lines elsewhere) and
// the summary with every skipped input.
#include "catalog/import/import_report.h"

#include <gtest/gtest.h>

#include <sstream>

namespace diseasemaps::catalog {
namespace {

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ImportReport, FormatsProgressWithRateAndTimeLeft) {
  EXPECT_EQ(FormatProgress(1500, 9960, 0.5), "1500/9960 (15%), 3000/s, about 3 s left");
  EXPECT_EQ(FormatProgress(9960, 9960, 2.0), "9960/9960 (100%), 4980/s");
  EXPECT_EQ(FormatProgress(0, 10, 0), "0/10 (0%)");
  EXPECT_EQ(FormatProgress(0, 0, 1), "0/0");
}

TEST(ImportReport, AwayFromATerminalProgressIsAFewPlainLines) {
  std::ostringstream out, err;
  ImportOutput output{out, err, false};
  ProgressReporter progress(output, "orphanet", 1000);
  for (std::size_t done = 10; done <= 1000; done += 10) progress.Update(done);
  progress.Finish();
  EXPECT_EQ(Count(err.str(), "\n"), 3u) << err.str();  // at 25, 50 and 75 %
  EXPECT_EQ(err.str().find('\r'), std::string::npos);
  EXPECT_NE(err.str().find("orphanet: 250/1000 (25%)"), std::string::npos) << err.str();
  EXPECT_TRUE(out.str().empty());
}

TEST(ImportReport, OnATerminalProgressIsRedrawnInPlace) {
  std::ostringstream out, err;
  ImportOutput output{out, err, true};
  ProgressReporter progress(output, "orphanet", 100);
  progress.Update(1);
  progress.Update(100);  // the last one is always drawn
  progress.Finish();
  EXPECT_EQ(Count(err.str(), "\r"), 2u) << err.str();
  EXPECT_NE(err.str().find("\x1b[K"), std::string::npos);
  EXPECT_EQ(err.str().back(), '\n');
  EXPECT_NE(err.str().find("100/100 (100%)"), std::string::npos);
}

TEST(ImportReport, SummaryListsCountsTimingsAndEverySkippedInput) {
  std::ostringstream out, err;
  ImportOutput output{out, err, false};
  ImportSummary summary;
  summary.kind = "orphanet";
  summary.data_version = "1.3.42";
  summary.added = 3;
  summary.updated = 2;
  summary.obsolete = 1;
  summary.skipped = 1;
  summary.skipped_inputs.push_back({"ORPHApacket_9.json", "$.Orphapacket.Label: missing"});
  summary.timings = {{"read+parse", 1.5}, {"write", 0.25}};
  summary.total_seconds = 1.75;
  PrintSummary(output, summary);
  EXPECT_NE(out.str().find("orphanet import: added 3, updated 2, obsolete 1, skipped 1 in 1.75 s"),
            std::string::npos) << out.str();
  EXPECT_NE(out.str().find("data version: 1.3.42"), std::string::npos);
  EXPECT_NE(out.str().find("timings: read+parse 1.50 s, write 0.25 s"), std::string::npos) << out.str();
  EXPECT_EQ(err.str(), "skipped ORPHApacket_9.json: $.Orphapacket.Label: missing\n");
}

}  // namespace
}  // namespace diseasemaps::catalog
