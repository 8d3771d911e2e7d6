// The supercluster side of bench/cluster.sh: the same points and viewports as
// cluster_bench (DIR/points.f64, DIR/viewports.f64), the same radius and extent, and
// the same `key value` lines. supercluster takes GeoJSON features, so making them is
// part of its input, not of its build time; its peak RSS counts them, as ours counts
// our input vector.
// Usage: node bench/cluster-supercluster.mjs DIR [RADIUS EXTENT]
import { readFileSync } from 'node:fs';
import Supercluster from 'supercluster';

const [dir, radius = '60', extent = '512'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node bench/cluster-supercluster.mjs DIR [RADIUS EXTENT]');
  process.exit(2);
}
const doubles = (name) => {
  const buf = readFileSync(`${dir}/${name}`);
  return new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8);
};
const raw = doubles('points.f64');
const viewports = doubles('viewports.f64');
const features = new Array(raw.length / 2);
for (let i = 0; i < features.length; i++) {
  features[i] = {
    type: 'Feature', id: i, properties: { role: i % 6 },
    geometry: { type: 'Point', coordinates: [raw[2 * i], raw[2 * i + 1]] },
  };
}
const mib = (kib) => (kib / 1024).toFixed(0);
const rssBefore = process.resourceUsage().maxRSS;
const index = new Supercluster({ radius: Number(radius), extent: Number(extent), minZoom: 0, maxZoom: 16 });
const t0 = performance.now();
index.load(features);
const t1 = performance.now();
console.log(`points ${features.length}`);
console.log(`build_s ${((t1 - t0) / 1000).toFixed(3)}`);
console.log(`rss_before_build_mib ${mib(rssBefore)}`);
console.log(`peak_rss_mib ${mib(process.resourceUsage().maxRSS)}`);

const seconds = new Map();
const items = new Map();
for (let v = 0; v + 4 < viewports.length; v += 5) {
  const z = viewports[v];
  const q0 = performance.now();
  const out = index.getClusters([viewports[v + 1], viewports[v + 2], viewports[v + 3], viewports[v + 4]], z);
  seconds.set(z, (seconds.get(z) ?? 0) + (performance.now() - q0) / 1000);
  items.set(z, (items.get(z) ?? 0) + out.length);
}
for (const z of [2, 5, 8]) {
  console.log(`query_z${z}_ms ${(seconds.get(z) * 1000).toFixed(3)}`);
  console.log(`items_z${z} ${items.get(z)}`);
}
