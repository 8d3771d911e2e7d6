-- Digests of new topics (issue 14): a member's choice (daily, weekly or never; no row is
-- weekly), how far their digests have covered, and when they last opened a page.
--
-- digest_from: the next digest lists topics created from then on. It moves to the time of
-- a digest when one is sent (or when there was nothing to send), and to the member's last
-- visit when they came to the site since the previous one (no e-mail then). Claiming a
-- digest is one conditional UPDATE of this row (or the INSERT of the first), so two
-- server nodes on one database never send the same digest twice.
-- resubscribe_to: the choice before a one-click unsubscribe, which "subscribe again"
-- restores.
CREATE TABLE member_digests (
  user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  frequency TEXT NOT NULL DEFAULT 'weekly' CHECK (frequency IN ('daily', 'weekly', 'never')),
  resubscribe_to TEXT CHECK (resubscribe_to IS NULL OR resubscribe_to IN ('daily', 'weekly')),
  digest_from BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- When a member last opened a page of the site, written at most once per few minutes per
-- member and server (notifications/visit_recorder.h).
CREATE TABLE member_visits (
  user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  visited_at BIGINT NOT NULL
);
