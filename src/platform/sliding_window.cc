#include "platform/sliding_window.h"

#include <algorithm>

namespace diseasemaps {
namespace {

// The smallest x in [0, window] with ceil(count * (window - x) / window) <= allowed.
long long FirstSecondAtMost(long long count, long long allowed, long long window) {
  if (count <= allowed) return 0;
  if (allowed < 0) return window;
  return window - (allowed * window) / count;
}

}  // namespace

long long SlidingCount(const WindowCounts& counts, long long elapsed, long long window) {
  const long long remaining = window - elapsed;
  return counts.current + (counts.previous * remaining + window - 1) / window;
}

long long SlidingRetryAfter(const WindowCounts& counts, long long elapsed, long long window, int max_events) {
  if (SlidingCount(counts, elapsed, window) < max_events) return 0;
  const long long allowed = max_events - 1;
  if (counts.current > allowed) {
    // The current window must end and then slide far enough past its events.
    return (window - elapsed) + FirstSecondAtMost(counts.current, allowed, window);
  }
  // The previous window's events must slide out until the current ones fit.
  return std::max(1LL, FirstSecondAtMost(counts.previous, allowed - counts.current, window) - elapsed);
}

}  // namespace diseasemaps
