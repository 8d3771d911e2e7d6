-- wrk script for bench/map-api.sh: every request asks /api/v1/map for a random
-- 1280x800 px viewport (256-px tiles, as Leaflet draws) at a random zoom 2..12, centred
-- in the inhabited latitudes, for the scope in the environment variable MAP_SCOPE
-- ("" or "condition=CODE&"). Seeded, so every run asks the same sequence per thread.
local scope = os.getenv("MAP_SCOPE") or ""
local seeded = 0

function setup(thread)
  seeded = seeded + 1
  thread:set("seed", seeded)
end

function init(args)
  math.randomseed(seed or 1)
end

request = function()
  local zoom = math.random(2, 12)
  local degrees_per_px = 360 / (256 * 2 ^ zoom)
  local half_w = 640 * degrees_per_px
  local half_h = 400 * degrees_per_px * 0.75
  local lng = math.random() * 340 - 170
  local lat = math.random() * 115 - 50
  local west = math.max(-180, lng - half_w)
  local east = math.min(180, lng + half_w)
  local south = math.max(-85, lat - half_h)
  local north = math.min(85, lat + half_h)
  local path = string.format("/api/v1/map?%szoom=%d&bbox=%.5f,%.5f,%.5f,%.5f", scope, zoom, west, south, east, north)
  return wrk.format("GET", path)
end
