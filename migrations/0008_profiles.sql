-- Profiles and condition memberships. What a member tells others about themselves, how
-- coarse their location is, who may see it, and which condition communities they
-- belong to in which role.
--
-- Privacy by construction: a location is a gazetteer city (the city's own coordinates,
-- copied from GeoNames) or a country (the country's own point), never a person's own
-- coordinates; the CHECK below refuses any other shape. A member without a row here
-- has the defaults: members-only, no contact, no location. Text limits are counted in
-- characters on both databases (length()).
CREATE TABLE profiles (
  user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  bio TEXT NOT NULL DEFAULT '' CHECK (length(bio) <= 1000),
  languages TEXT NOT NULL DEFAULT '' CHECK (length(languages) <= 200),
  place_kind TEXT NOT NULL DEFAULT 'none' CHECK (place_kind IN ('none', 'city', 'country')),
  city_id BIGINT,             -- the gazetteer's stable id of the city
  city_name TEXT,
  admin_name TEXT,            -- first-level administrative area: "Île-de-France", "Texas"
  country_code TEXT,          -- ISO 3166-1 alpha-2
  latitude DOUBLE PRECISION,  -- the city's or the country's point, never the person's
  longitude DOUBLE PRECISION,
  visibility TEXT NOT NULL DEFAULT 'members' CHECK (visibility IN ('public', 'members', 'hidden')),
  accepts_contact SMALLINT NOT NULL DEFAULT 0 CHECK (accepts_contact IN (0, 1)),
  verified_at BIGINT,         -- set by an admin for a healthcare professional or organisation
  verified_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  updated_at BIGINT NOT NULL,
  CHECK ((place_kind = 'none' AND city_id IS NULL AND city_name IS NULL AND admin_name IS NULL
          AND country_code IS NULL AND latitude IS NULL AND longitude IS NULL)
      OR (place_kind = 'country' AND city_id IS NULL AND city_name IS NULL AND admin_name IS NULL
          AND country_code IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL)
      OR (place_kind = 'city' AND city_id IS NOT NULL AND city_name IS NOT NULL
          AND admin_name IS NOT NULL AND country_code IS NOT NULL
          AND latitude IS NOT NULL AND longitude IS NOT NULL)),
  CHECK (latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180))
);
-- The map (issue 6) reads visible members by place.
CREATE INDEX profiles_visibility_place ON profiles (visibility, country_code, city_id);

-- One role per member and condition; a member may belong to several conditions.
CREATE TABLE memberships (
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  orphacode INTEGER NOT NULL REFERENCES conditions (orphacode) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('affected', 'family', 'adviser', 'researcher',
                                     'professional', 'organisation')),
  joined_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, orphacode)
);
-- A condition's community by role (the community box, the map's filters and totals).
CREATE INDEX memberships_condition_role ON memberships (orphacode, role, user_id);
