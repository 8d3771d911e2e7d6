#include "platform/metrics.h"

#include <gtest/gtest.h>

#include <sstream>

namespace diseasemaps {
namespace {

using std::chrono::microseconds;

constexpr std::string_view kBucketPrefix = "diseasemaps_http_request_duration_seconds_bucket{le=\"";

struct Bucket {
  std::string le;
  unsigned long long count;
};

// The histogram's bucket lines, in the order rendered.
std::vector<Bucket> Buckets(const std::string& text) {
  std::vector<Bucket> buckets;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(kBucketPrefix, 0) != 0) continue;
    const std::size_t quote = line.find('"', kBucketPrefix.size());
    buckets.push_back({line.substr(kBucketPrefix.size(), quote - kBucketPrefix.size()),
                       std::stoull(line.substr(line.rfind(' ') + 1))});
  }
  return buckets;
}

// The value of the first line starting with `name `, or "" when absent.
std::string Sample(const std::string& text, const std::string& name) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(name + " ", 0) == 0) return line.substr(name.size() + 1);
  }
  return "";
}

unsigned long long CountFor(const std::vector<Bucket>& buckets, const std::string& le) {
  for (const Bucket& b : buckets) {
    if (b.le == le) return b.count;
  }
  ADD_FAILURE() << "no bucket le=" << le;
  return 0;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Metrics, CountsRequestsByRouteAndStatus) {
  Metrics metrics;
  metrics.RecordRequest("/conditions/{slug}", 200, microseconds(300));
  metrics.RecordRequest("/conditions/{slug}", 200, microseconds(400));
  metrics.RecordRequest("/conditions/{slug}", 404, microseconds(400));
  metrics.RecordRequest("/", 200, microseconds(100));
  const std::string text = metrics.RenderPrometheus();
  EXPECT_TRUE(Contains(text, "# TYPE diseasemaps_http_requests_total counter\n"));
  EXPECT_TRUE(Contains(text, "diseasemaps_http_requests_total{route=\"/conditions/{slug}\","
                             "status=\"200\"} 2\n")) << text;
  EXPECT_TRUE(Contains(text, "diseasemaps_http_requests_total{route=\"/conditions/{slug}\","
                             "status=\"404\"} 1\n")) << text;
  EXPECT_TRUE(Contains(text, "diseasemaps_http_requests_total{route=\"/\",status=\"200\"} 1\n"))
      << text;
}

TEST(Metrics, EscapesQuotesAndBackslashesInRouteLabels) {
  Metrics metrics;
  metrics.RecordRequest("/a\"b\\c", 200, microseconds(1));
  EXPECT_TRUE(Contains(metrics.RenderPrometheus(),
                       "diseasemaps_http_requests_total{route=\"/a\\\"b\\\\c\",status=\"200\"} 1\n"));
}

TEST(Metrics, HistogramIsCumulativeAndEndsWithInfEqualToCount) {
  Metrics metrics;
  metrics.RecordRequest("/", 200, microseconds(300));       // <= 0.0005
  metrics.RecordRequest("/", 200, microseconds(300));       // <= 0.0005
  metrics.RecordRequest("/", 200, microseconds(3000));      // <= 0.005
  metrics.RecordRequest("/", 200, microseconds(200000));    // <= 0.25
  metrics.RecordRequest("/", 200, microseconds(20000000));  // past 10 s: only +Inf
  const std::string text = metrics.RenderPrometheus();
  EXPECT_TRUE(Contains(text, "# TYPE diseasemaps_http_request_duration_seconds histogram\n"));

  const std::vector<Bucket> buckets = Buckets(text);
  ASSERT_EQ(buckets.size(), Metrics::kLatencyBuckets.size() + 1) << text;
  EXPECT_EQ(buckets.back().le, "+Inf");
  for (std::size_t i = 1; i < buckets.size(); ++i) {
    EXPECT_GE(buckets[i].count, buckets[i - 1].count) << "le=" << buckets[i].le;
  }
  EXPECT_EQ(CountFor(buckets, "0.0005"), 2u);
  EXPECT_EQ(CountFor(buckets, "0.001"), 2u);
  EXPECT_EQ(CountFor(buckets, "0.0025"), 2u);
  EXPECT_EQ(CountFor(buckets, "0.005"), 3u);
  EXPECT_EQ(CountFor(buckets, "0.1"), 3u);
  EXPECT_EQ(CountFor(buckets, "0.25"), 4u);
  EXPECT_EQ(CountFor(buckets, "10"), 4u);
  EXPECT_EQ(CountFor(buckets, "+Inf"), 5u);

  EXPECT_EQ(Sample(text, "diseasemaps_http_request_duration_seconds_count"), "5");
  EXPECT_EQ(buckets.back().count, 5u);
  const double sum = std::stod(Sample(text, "diseasemaps_http_request_duration_seconds_sum"));
  EXPECT_NEAR(sum, 20.2036, 1e-4);
}

TEST(Metrics, BucketUpperBoundIsInclusive) {
  Metrics metrics;
  metrics.RecordRequest("/", 200, microseconds(1000));  // exactly 0.001 s
  const std::vector<Bucket> buckets = Buckets(metrics.RenderPrometheus());
  EXPECT_EQ(CountFor(buckets, "0.0005"), 0u);
  EXPECT_EQ(CountFor(buckets, "0.001"), 1u);
}

TEST(Metrics, EmptyHistogramIsAllZero) {
  Metrics metrics;
  const std::string text = metrics.RenderPrometheus();
  const std::vector<Bucket> buckets = Buckets(text);
  ASSERT_EQ(buckets.size(), Metrics::kLatencyBuckets.size() + 1);
  for (const Bucket& b : buckets) EXPECT_EQ(b.count, 0u) << b.le;
  EXPECT_EQ(Sample(text, "diseasemaps_http_request_duration_seconds_count"), "0");
}

TEST(Metrics, GaugesAreReadWhenRendered) {
  Metrics metrics;
  double queue = 7;
  metrics.AddGauge("diseasemaps_worker_queue_length", "Tasks waiting for a worker.",
                   [&queue] { return queue; });
  std::string text = metrics.RenderPrometheus();
  EXPECT_TRUE(Contains(text, "# HELP diseasemaps_worker_queue_length Tasks waiting for a worker.\n"));
  EXPECT_TRUE(Contains(text, "# TYPE diseasemaps_worker_queue_length gauge\n"));
  EXPECT_EQ(Sample(text, "diseasemaps_worker_queue_length"), "7");

  queue = 3;
  EXPECT_EQ(Sample(metrics.RenderPrometheus(), "diseasemaps_worker_queue_length"), "3");
}

}  // namespace
}  // namespace diseasemaps
