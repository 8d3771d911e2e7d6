// A sliding window of events estimated from two fixed windows' counters: how the
// database-backed rate limits (platform/db_rate_limiter.h) count without storing every
// event. Pure arithmetic; no state, no clock.
//
// Time is cut into fixed windows of `window` seconds starting at multiples of it. The
// events of the last `window` seconds, `elapsed` seconds into the current window, are
// estimated as the current window's count plus the part of the previous window's count
// still inside the sliding window, rounded up:
//   current + ceil(previous * (window - elapsed) / window).
// At the start of a window that is exactly the previous count, so a limit of N is N; it
// never counts fewer events than a fixed window would, and it forgets gradually.
#pragma once

namespace diseasemaps {

struct WindowCounts {
  long long previous = 0;  // events in the window before the current one
  long long current = 0;   // events in the current window so far
};

// The start of the fixed window holding `now`. REQUIRES: now >= 0, window > 0.
inline long long WindowStart(long long now, long long window) { return now - now % window; }

// The estimated events in the last `window` seconds. REQUIRES: 0 <= elapsed < window.
long long SlidingCount(const WindowCounts& counts, long long elapsed, long long window);

// Seconds from now until the estimate falls below max_events with no new events; 0 when
// it already is. REQUIRES: 0 <= elapsed < window, max_events >= 1.
long long SlidingRetryAfter(const WindowCounts& counts, long long elapsed, long long window, int max_events);

}  // namespace diseasemaps
