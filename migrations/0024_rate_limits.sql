-- Rate limits counted where every node sees them (issue 15): on PostgreSQL, several
-- `serve` processes share the counts of failed sign-ins, registrations and e-mail
-- requests (platform/db_rate_limiter.h). One row per limit, key and fixed window:
-- limit_key is "<limit>:<key>" ("login-account:account:alice@example.org"), window_start
-- the window's first second (Unix time), events how many happened in it. A counter
-- stops mattering two windows after it started (expires_at) and is then pruned. SQLite
-- servers count in memory and leave this table empty.
CREATE TABLE rate_limit_counts (
  limit_key TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  events INTEGER NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (limit_key, window_start)
);
CREATE INDEX rate_limit_counts_expiry ON rate_limit_counts (expires_at);
