-- Synthetic members made by `diseasemaps demo-data` to show the community map with a
-- realistic crowd. A row here marks an account as synthetic: it has a pseudonymous
-- display name, an address under .invalid and an unusable password hash, so nobody can
-- sign in as it, and `diseasemaps demo-data --remove` deletes exactly these accounts
-- (their profiles and memberships go with them). While any row exists every page says
-- "Demo data: the members shown are synthetic".
CREATE TABLE synthetic_members (
  user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  seed BIGINT NOT NULL
);
