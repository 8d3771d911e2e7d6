// Part of bench/nodes.sh: how long a change made on one node takes to show on another.
// A member, signed in on node A and placed in Lyon (public), joins and then leaves one
// condition's community on A, CHANGES times in all; after each change node B's
// /api/v1/map for that condition is read every 2 ms until its count has moved (each
// node keeps the map in memory; only the change notice, or the minute's re-sync, tells
// B). Prints one line: "CHANGES P50 P99 MAX" in milliseconds, from the acknowledgement
// on A to the first answer from B that shows the change.
// Usage: node bench/nodes-propagation.mjs A_URL B_URL EMAIL PASSWORD SLUG ORPHACODE [CHANGES]
const [aUrl, bUrl, email, password, slug, orphacode, changesArg] = process.argv.slice(2);
const changes = Number(changesArg ?? 200);
const kPollMs = 2;
const kGiveUpMs = 70000;  // longer than the map's re-sync: a missing notice shows as a outlier, not a hang

const cookies = new Map();
function remember(response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
}
const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');

async function get(url) {
  const response = await fetch(url, { headers: { cookie: cookieHeader() }, redirect: 'manual' });
  remember(response);
  return response;
}
async function csrfOf(url) {
  const html = await (await get(url)).text();
  const match = html.match(/name="csrf" value="([^"]+)"/);
  if (!match) throw new Error(`no csrf field in ${url}`);
  return match[1];
}
async function post(url, fields) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  remember(response);
  await response.arrayBuffer();
  if (response.status !== 303) throw new Error(`POST ${url}: ${response.status}`);
}
async function mapCount(base) {
  const response = await fetch(`${base}api/v1/map?condition=${orphacode}&zoom=2`);
  const body = await response.json();
  return body.items.reduce((sum, item) => sum + (item.count ?? 0), 0);
}

let csrf = await csrfOf(`${aUrl}login`);
await post(`${aUrl}login`, { csrf, email, password, next: '/' });
csrf = await csrfOf(`${aUrl}account/profile`);
const places = await (await get(`${aUrl}api/v1/places?q=Lyon`)).json();
const lyon = places.places[0];
await post(`${aUrl}account/profile`, {
  csrf, display_name: 'Propagation probe', city: lyon.label, city_id: lyon.id, country: '', visibility: 'public',
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let member = false;
const times = [];
for (let i = 0; i < changes; i++) {
  const before = await mapCount(bUrl);
  const fields = member ? { csrf, action: 'leave' } : { csrf, action: 'join', role: 'affected' };
  await post(`${aUrl}conditions/${slug}/membership`, fields);
  const acknowledged = performance.now();
  member = !member;
  const expected = before + (member ? 1 : -1);
  while ((await mapCount(bUrl)) !== expected) {
    if (performance.now() - acknowledged > kGiveUpMs) throw new Error(`node B never showed change ${i + 1}`);
    await sleep(kPollMs);
  }
  times.push(performance.now() - acknowledged);
}
times.sort((x, y) => x - y);
const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
console.log(`${times.length} ${at(0.5).toFixed(1)} ${at(0.99).toFixed(1)} ${times[times.length - 1].toFixed(1)}`);
