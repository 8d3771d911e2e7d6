// The country shapes of world-atlas (Natural Earth), made ready for a flat map.

// world-atlas is made for spherical drawing: a ring may cross the antimeridian (Russia,
// Fiji) or go round a pole (Antarctica), which a flat map would draw as a line across
// the world. Each ring is made continuous (longitudes may then pass ±180), a ring round
// a pole is closed through the pole, and a polygon that passes ±180 is drawn a second
// time on the other side, so both edges of the world show it.
export function flatGeometry(geometry) {
  if (!geometry) return geometry;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates : null;
  if (!polygons) return geometry;
  const out = [];
  for (const polygon of polygons) {
    const rings = polygon.map(continuousRing);
    out.push(rings);
    const xs = rings[0].map(([x]) => x);
    if (Math.max(...xs) > 180) out.push(rings.map((ring) => ring.map(([x, y]) => [x - 360, y])));
    if (Math.min(...xs) < -180) out.push(rings.map((ring) => ring.map(([x, y]) => [x + 360, y])));
  }
  return { type: 'MultiPolygon', coordinates: out };
}

function continuousRing(ring) {
  const out = [];
  let shift = 0;
  for (const [x, y] of ring) {
    if (out.length) {
      const step = x + shift - out[out.length - 1][0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    out.push([x + shift, y]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (Math.abs(last[0] - first[0]) > 180) {  // went round a pole: close through it
    const pole = out.reduce((sum, [, y]) => sum + y, 0) < 0 ? -90 : 90;
    out.push([last[0], pole], [first[0], pole], first);
  }
  return out;
}

