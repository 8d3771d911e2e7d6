-- Small named counters shared by every server process on this database.
-- content_generation: bumped by every write that changes what anonymous visitors see
-- (imports, published answers); each server drops its page cache when it moves.
CREATE TABLE site_state (
  name TEXT NOT NULL PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO site_state (name, value) VALUES ('content_generation', 1);
