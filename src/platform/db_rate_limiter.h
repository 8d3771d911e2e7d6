// Rate limits counted in the database (table rate_limit_counts, migration 0024), so
// that every `serve` process on one PostgreSQL database counts the same events: a limit
// of 8 failed sign-ins is 8 across a cluster, whichever node each attempt reached.
//
// Each limiter keeps, per key, one counter per fixed window of its length, moved by one
// INSERT … ON CONFLICT DO UPDATE … RETURNING (atomic on both databases, whatever the
// number of nodes); the events of the last window are estimated from the current and
// the previous counters (platform/sliding_window.h). Counters older than two windows are
// pruned, at most once a minute per process. Thread-safe; every call blocks on the
// database, so it belongs on the worker pool. When the database does not answer, a
// limiter allows (CanPerform true, RetryAfter 0) and logs it: limits protect the site,
// they never take it down.
#pragma once

#include "platform/db/database.h"
#include "platform/rate_limiter.h"

namespace diseasemaps {

// Limiters counting in `db`. REQUIRES: db outlives every limiter made.
RateLimiterFactory DatabaseRateLimiters(Database& db);

// The limiters a server on `db` uses: in the database on PostgreSQL (several nodes may
// share it), in memory on SQLite (one server process).
RateLimiterFactory RateLimitersFor(Database& db);

}  // namespace diseasemaps
