-- The stories an experiences page shows (ExperienceStore::SharedStories): the newest
-- submitted experiences of a condition with consent (b). Without this index a page
-- view for a signed-in member read every experience of the condition (100,000 in the
-- benchmark) to find a handful of stories; a partial index holds only those that
-- consented, newest first, on both databases.
CREATE INDEX experiences_stories ON experiences (condition_id, submitted_at, id) WHERE consent_story = 1;
