// The community map and its list view (/map, /conditions/{slug}/map; map.mustache).
//
// Draws Natural Earth's country shapes (world-atlas, decoded by topojson-client) as the
// map's only base layer, so no tile server is ever asked; then, after every move or zoom
// (debounced), asks /api/v1/map for the clusters and places in view and draws them as
// keyboard-focusable markers with accessible names. A cluster zooms in when activated;
// a place opens a card under the map listing its members (/api/v1/map/members). Beside the map, a
// table of members by country (/api/v1/map/countries) whose countries list their
// members page by page. The role checkboxes filter the map and the list alike, and
// polite live regions say what changed.
//
// Guarantees: text from the server is only ever set with textContent (never as HTML);
// links from the server are followed only when they are paths on this site; the view
// box sent to the API is always within its ranges (longitudes -180..180, latitudes
// -90..90, west < east, south < north, an integer zoom 0..20); an answer that arrives
// after a newer request was made is dropped.
import * as L from '../vendor/leaflet/leaflet-src.esm.js';
import { feature } from '../vendor/topojson-client/index.js';

const kCountriesUrl = '/static/vendor/world-atlas/countries-110m.json';
const kDebounceMs = 250;
const kMinZoom = 1;  // at 0 the world is 256 px wide: too small for 44-px markers
const kMaxZoom = 12;
const kSvgNs = 'http://www.w3.org/2000/svg';

const app = document.getElementById('map-app');
if (app) start(app);

function start(root) {
  root.hidden = false;
  const condition = root.dataset.condition || '';
  const checkboxes = [...root.querySelectorAll('input[name=roles]')];
  // The roles as the page lists them: API name, words, colour and shape (map_pages.cc).
  const roles = checkboxes.map((box) => ({
    name: box.value,
    label: box.dataset.label,
    colour: box.dataset.colour,
    path: box.dataset.path,
  }));
  const selectedRoles = () => checkboxes.filter((box) => box.checked).map((box) => box.value);
  const query = () => ({ condition, roles: selectedRoles().join(',') });

  // The address keeps the filter (?roles=affected,family), so a filtered view can be
  // shared or reloaded; without it every role is shown. Unknown names are ignored.
  const asked = new URLSearchParams(window.location.search).get('roles');
  if (asked !== null) {
    const names = new Set(asked.split(','));
    for (const box of checkboxes) box.checked = names.has(box.value);
  }
  const remember = () => {
    const url = new URL(window.location.href);
    const chosen = selectedRoles();
    if (chosen.length === checkboxes.length) url.searchParams.delete('roles');
    else url.searchParams.set('roles', chosen.join(','));
    window.history.replaceState(null, '', url);
  };

  const mapView = createMapView(document.getElementById('map'), roles, query);
  const listView = createListView(root, roles, query);
  const totals = document.getElementById('map-totals');
  mapView.onTotals = (summary) => {
    if (totals.textContent !== summary) totals.textContent = summary;
  };

  for (const box of checkboxes) {
    box.addEventListener('change', () => {
      remember();
      mapView.reload();
      mapView.rolesChanged();
      listView.reload();
    });
  }
  mapView.reload();
  listView.reload();
}

// ---------------------------------------------------------------------------------------
// Talking to the API.

// The URL of an API path with the non-empty parameters of `params`.
function apiUrl(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== '' && value !== undefined && value !== null) url.searchParams.set(name, String(value));
  }
  return url;
}

// Fetches JSON; throws an Error whose message is the server's own sentence on failure.
async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = body && (typeof body.error === 'string' ? body.error : body.error?.message);
    throw new Error(error || `The server answered ${response.status}.`);
  }
  return body;
}

// A path on this site, or null: what the API gives as a link is used only when it is one.
function sitePath(value) {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : null;
}

// Wraps `load` so that only the newest call's answer (or failure) comes back: an older
// call that ends later resolves to undefined instead.
function latestOnly(load) {
  let generation = 0;
  return async (...args) => {
    const mine = ++generation;
    try {
      const result = await load(...args);
      return mine === generation ? result : undefined;
    } catch (error) {
      if (mine === generation) throw error;
      return undefined;
    }
  };
}

// ---------------------------------------------------------------------------------------
// Words.

const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

// "12 members: 10 affected, 2 family & friends", as the API's totals say it.
function roleSummary(count, counts, roles) {
  const parts = roles.filter((r) => (counts?.[r.name] ?? 0) > 0).map((r) => `${counts[r.name].toLocaleString('en')} ${r.label}`);
  return plural(count, 'member', 'members') + (parts.length ? `: ${parts.join(', ')}` : '');
}

// "10 affected, 2 family & friends" (no total), or "" when every count is 0.
function roleCounts(counts, roles) {
  return roles.filter((r) => (counts?.[r.name] ?? 0) > 0).map((r) => `${counts[r.name].toLocaleString('en')} ${r.label}`).join(', ');
}

// ---------------------------------------------------------------------------------------
// Elements.

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// The role's shape as an SVG picture, hidden from screen readers (the words say it).
function shapeSvg(role, size = 20) {
  const svg = document.createElementNS(kSvgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(kSvgNs, 'path');
  path.setAttribute('d', role.path);
  path.setAttribute('fill', role.colour);
  svg.append(path);
  return svg;
}

// One member of a card or of the list: their name (a link to the profile), their role,
// and "Send a message" when the API says the viewer may contact them.
function memberItem(member) {
  const item = element('li', 'member');
  const profile = sitePath(member.url);
  const name = profile ? element('a', 'member-name', member.display_name) : element('span', 'member-name', member.display_name);
  if (profile) name.href = profile;
  const role = element('span', 'member-role', member.role_label + (member.verified ? ', verified' : ''));
  item.append(name, ' ', role);
  const contact = sitePath(member.contact_url);
  if (contact) {
    const link = element('a', 'contact-link', 'Send a message');
    link.href = contact;
    link.append(element('span', 'visually-hidden', ` to ${member.display_name}`));
    item.append(' ', link);
  }
  return item;
}

// ---------------------------------------------------------------------------------------
// The country shapes on a flat map.

// world-atlas is made for spherical drawing: a ring may cross the antimeridian (Russia,
// Fiji) or go round a pole (Antarctica), which a flat map would draw as a line across
// the world. Each ring is made continuous (longitudes may then pass ±180), a ring round
// a pole is closed through the pole, and a polygon that passes ±180 is drawn a second
// time on the other side, so both edges of the world show it.
function flatGeometry(geometry) {
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

// ---------------------------------------------------------------------------------------
// The map.

// The API clusters like supercluster: a radius of 60 in a tile extent of 512, that is
// 60 px on 512-px tiles. Leaflet's tiles are 256 px, so Leaflet's zoom z shows the world
// at the size of the API's zoom z - 1: asking for that keeps clusters about 60 px
// apart on screen, room for markers of 44 px and more. Always an integer 0..20.
const apiZoom = (leafletZoom) => Math.max(0, Math.min(20, leafletZoom - 1));
const mapZoom = (zoomOfApi) => zoomOfApi + 1;

function createMapView(container, roles, query) {
  const errorBox = document.getElementById('map-error');
  // Visitors who ask for less motion get no zoom, fade or marker animations.
  const animate = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const map = L.map(container, {
    zoomAnimation: animate,
    fadeAnimation: animate,
    markerZoomAnimation: animate,
    minZoom: kMinZoom,
    maxZoom: kMaxZoom,
    zoomSnap: 1,
    worldCopyJump: false,
    maxBounds: [[-85, -180], [85, 180]],
    maxBoundsViscosity: 1,
    keyboard: true,
  });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
  map.attributionControl.addAttribution('Country shapes: <a href="https://www.naturalearthdata.com/">Natural Earth</a>');
  map.fitBounds([[-50, -160], [72, 170]]);

  const view = { onTotals: () => {}, reload: () => schedule(0), rolesChanged: () => {} };

  // The base layer: one SVG path per country, not interactive.
  fetchJson(kCountriesUrl).then((topology) => {
    const countries = feature(topology, topology.objects.countries);
    for (const country of countries.features) country.geometry = flatGeometry(country.geometry);
    L.geoJSON(countries, {
      interactive: false,
      style: { color: '#7d8b99', weight: 0.7, fillColor: '#f6f3ec', fillOpacity: 1 },
    }).addTo(map);
    container.dataset.baseLayer = 'ready';
  }).catch((error) => showError(`The country shapes could not be loaded. ${error.message}`));

  const markers = L.layerGroup().addTo(map);
  let drawn = new Map();  // key → marker, so markers that stay keep their focus
  let focusNear = null;   // after a cluster opens: focus the marker nearest this point

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
  }

  // The view box in the API's ranges: Leaflet reports longitudes past ±180 when the
  // view is wider than the world.
  function viewBox() {
    const b = map.getBounds();
    let west = Math.max(-180, b.getWest());
    let east = Math.min(180, b.getEast());
    let south = Math.max(-90, b.getSouth());
    let north = Math.min(90, b.getNorth());
    if (!(west < east)) [west, east] = [-180, 180];
    if (!(south < north)) [south, north] = [-90, 90];
    return [west, south, east, north].map((v) => Number(v.toFixed(5))).join(',');
  }

  const fetchItems = latestOnly((params) => fetchJson(apiUrl('/api/v1/map', params)));

  async function load() {
    const { condition, roles: selected } = query();
    const zoom = Math.round(map.getZoom());
    try {
      // No role ticked: nothing to draw (an empty `roles` would mean all six).
      const data = await fetchItems({ condition, roles: selected || undefined, bbox: viewBox(), zoom: apiZoom(zoom) });
      if (data === undefined) return;
      errorBox.hidden = true;
      view.onTotals(data.totals?.summary ?? '');
      draw(selected ? data.items : []);
      container.dataset.zoom = String(zoom);
      if (timer === null) container.dataset.state = 'ready';  // else another load is due
    } catch (error) {
      showError(`The map could not be updated. ${error.message}`);
    }
  }

  let timer = null;
  function schedule(delay = kDebounceMs) {
    clearTimeout(timer);
    container.dataset.state = 'loading';
    timer = setTimeout(() => {
      timer = null;
      load();
    }, delay);
  }
  map.on('moveend', () => schedule());

  function itemKey(item) {
    const where = item.type === 'place' ? item.place_id : `${item.lat},${item.lng},${map.getZoom()}`;
    return `${item.type}|${where}|${item.count}|${roles.map((r) => item.roles?.[r.name] ?? 0).join('.')}`;
  }

  function draw(items) {
    const next = new Map();
    for (const item of items) {
      const key = itemKey(item);
      const marker = drawn.get(key) ?? (item.type === 'cluster' ? clusterMarker(item) : placeMarker(item));
      next.set(key, marker);
    }
    for (const [key, marker] of drawn) {
      if (!next.has(key)) markers.removeLayer(marker);
    }
    for (const marker of next.values()) {
      if (!markers.hasLayer(marker)) markers.addLayer(marker);
    }
    drawn = next;
    container.dataset.clusters = String(items.filter((i) => i.type === 'cluster').length);
    container.dataset.places = String(items.filter((i) => i.type === 'place').length);
    if (focusNear) {
      const near = focusNear;
      focusNear = null;
      let best = null;
      let bestDistance = Infinity;
      for (const marker of drawn.values()) {
        const distance = map.distance(near, marker.getLatLng());
        if (distance < bestDistance) [best, bestDistance] = [marker, distance];
      }
      (best?.getElement() ?? container).focus({ preventScroll: true });
    }
  }

  // Enter or Space on a focused marker acts like a click (Leaflet gives it role=button).
  function onActivate(marker, action) {
    marker.on('click', action);
    marker.on('keydown', (event) => {
      const key = event.originalEvent.key;
      if (key === 'Enter' || key === ' ') {
        event.originalEvent.preventDefault();
        action();
      }
    });
  }

  function withLabel(marker, label) {
    marker.on('add', () => marker.getElement()?.setAttribute('aria-label', label));
    return marker;
  }

  function clusterMarker(item) {
    const label = `${roleSummary(item.count, item.roles, roles)}. Zoom in`;
    // At least 44 px (a touch target), a little larger for more members; the API keeps
    // clusters about 30 px apart, so larger circles would hide each other.
    const size = Math.round(44 + Math.min(16, Math.log10(Math.max(1, item.count)) * 4));
    const badge = element('span', 'cluster-badge', item.count.toLocaleString('en'));
    const icon = L.divIcon({ html: badge, className: 'map-cluster', iconSize: [size, size] });
    const marker = withLabel(L.marker([item.lat, item.lng], { icon, keyboard: true, title: label, riseOnHover: true }), label);
    onActivate(marker, () => {
      focusNear = L.latLng(item.lat, item.lng);
      map.setView(focusNear, Math.min(kMaxZoom, Math.max(map.getZoom() + 1, mapZoom(item.expansion_zoom))));
    });
    return marker;
  }

  function majorityRole(counts) {
    let best = roles[0];
    for (const role of roles) {
      if ((counts?.[role.name] ?? 0) > (counts?.[best.name] ?? 0)) best = role;
    }
    return best;
  }

  function placeMarker(item) {
    const label = `${item.place}: ${roleSummary(item.count, item.roles, roles)}. List them`;
    const badge = element('span', 'place-badge');
    badge.append(shapeSvg(majorityRole(item.roles), 30), element('span', 'place-count', String(item.count)));
    const icon = L.divIcon({ html: badge, className: 'map-place', iconSize: [44, 44] });
    const marker = withLabel(L.marker([item.lat, item.lng], { icon, keyboard: true, title: label, riseOnHover: true }), label);
    marker.placeId = item.place_id;
    onActivate(marker, () => showCard(marker, item));
    return marker;
  }

  // The card of a place: a panel under the map (map.mustache), not a popup, so it is
  // never clipped by the map's edges or hidden under markers, at any zoom and width.
  // Focus moves to its heading, and back to the place when it closes.
  const card = document.getElementById('place-card');
  const cardTitle = document.getElementById('place-card-title');
  const cardStatus = card.querySelector('.place-card-status');
  const cardList = card.querySelector('.member-list');
  const cardMore = card.querySelector('.place-card-more');
  const fetchMembers = latestOnly((params) => fetchJson(apiUrl('/api/v1/map/members', params)));
  let cardItem = null;  // the place shown
  let cardPage = 0;

  function showCard(marker, item) {
    cardItem = item;
    cardPage = 0;
    cardTitle.textContent = item.place;
    cardStatus.textContent = 'Loading the members…';
    cardList.replaceChildren();
    cardMore.hidden = true;
    card.hidden = false;
    for (const m of drawn.values()) m.getElement()?.removeAttribute('aria-expanded');
    marker.getElement()?.setAttribute('aria-expanded', 'true');
    cardTitle.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
    loadCardPage();
  }

  function closeCard() {
    if (!cardItem) return;
    const place = cardItem.place_id;
    const hadFocus = card.contains(document.activeElement);
    cardItem = null;
    card.hidden = true;
    const marker = [...drawn.values()].find((m) => m.placeId === place);
    marker?.getElement()?.removeAttribute('aria-expanded');
    if (hadFocus) (marker?.getElement() ?? container).focus();
  }

  // Loads the next page of the place's members; returns the first new list item.
  async function loadCardPage() {
    const item = cardItem;
    const { condition, roles: selected } = query();
    try {
      const data = await fetchMembers({ condition, roles: selected, place: item.place_id, page: cardPage + 1 });
      if (data === undefined || cardItem !== item) return null;
      cardPage = data.page;
      const items = data.members.map(memberItem);
      cardList.append(...items);
      const shown = cardList.children.length;
      cardStatus.textContent = data.total === 0 ? 'There are no members you can see here with these roles.'
        : shown < data.total ? `Showing ${shown} of ${plural(data.total, 'member', 'members')}.`
          : `${plural(data.total, 'member', 'members')}.`;
      cardMore.hidden = shown >= data.total || items.length === 0;
      return items[0] ?? null;
    } catch (error) {
      cardStatus.textContent = `The members could not be loaded. ${error.message}`;
      return null;
    }
  }

  cardMore.addEventListener('click', async () => {
    const first = await loadCardPage();
    first?.querySelector('a')?.focus();
  });
  card.querySelector('.place-card-close').addEventListener('click', closeCard);
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeCard();
  });
  // A new role filter lists the place's members again, keeping the focus where it is.
  view.rolesChanged = () => {
    if (!cardItem) return;
    cardPage = 0;
    cardList.replaceChildren();
    loadCardPage();
  };

  return view;
}

// ---------------------------------------------------------------------------------------
// The list view.

function createListView(root, roles, query) {
  const status = document.getElementById('list-status');
  const body = document.querySelector('#country-table tbody');
  const panel = document.getElementById('country-members');
  const title = document.getElementById('country-members-title');
  const list = document.getElementById('country-member-list');
  const more = document.getElementById('more-members');
  const fetchCountries = latestOnly((params) => fetchJson(apiUrl('/api/v1/map/countries', params)));
  const fetchMembers = latestOnly((params) => fetchJson(apiUrl('/api/v1/map/members', params)));
  let chosen = null;  // { code, name, place_id, page, total }

  function say(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  async function reload() {
    const { condition, roles: selected } = query();
    if (!selected) {
      body.replaceChildren();
      panel.hidden = true;
      chosen = null;
      say('No role is ticked: tick at least one role to see members.');
      return;
    }
    try {
      const data = await fetchCountries({ condition, roles: selected });
      if (data === undefined) return;
      renderCountries(data.countries);
      const members = data.countries.reduce((sum, c) => sum + c.count, 0);
      say(members === 0 ? 'There are no members you can see with these roles.'
        : `Showing ${plural(members, 'member', 'members')} in ${plural(data.countries.length, 'country', 'countries')}`);
      if (chosen) {
        const still = data.countries.find((c) => c.place_id === chosen.place_id);
        if (still) showCountry(still, { focus: false });
        else {
          panel.hidden = true;
          chosen = null;
        }
      }
    } catch (error) {
      say(`The list could not be loaded. ${error.message}`);
    }
  }

  function renderCountries(countries) {
    const rows = countries.map((country) => {
      const row = element('tr');
      const head = element('th');
      head.scope = 'row';
      const button = element('button', 'country-button', country.name);
      button.type = 'button';
      button.dataset.place = country.place_id;
      button.setAttribute('aria-controls', 'country-members');
      button.setAttribute('aria-expanded', String(chosen?.place_id === country.place_id && !panel.hidden));
      button.addEventListener('click', () => showCountry(country, { focus: true }));
      head.append(button);
      row.append(head, element('td', 'number', country.count.toLocaleString('en')),
        element('td', 'role-counts', roleCounts(country.roles, roles)));
      return row;
    });
    body.replaceChildren(...rows);
  }

  async function showCountry(country, { focus }) {
    chosen = { place_id: country.place_id, name: country.name, page: 0 };
    for (const button of body.querySelectorAll('.country-button')) {
      button.setAttribute('aria-expanded', String(button.dataset.place === country.place_id));
    }
    list.replaceChildren();
    await loadMembers({ focus });
  }

  async function loadMembers({ focus }) {
    const { condition, roles: selected } = query();
    const current = chosen;
    try {
      const data = await fetchMembers({ condition, roles: selected, place: current.place_id, page: current.page + 1 });
      if (data === undefined || chosen !== current) return;
      current.page = data.page;
      const items = data.members.map(memberItem);
      list.append(...items);
      const shown = list.children.length;
      title.textContent = `Members in ${current.name}`;
      panel.hidden = false;
      more.hidden = shown >= data.total || items.length === 0;
      say(data.total === 0 ? `There are no members you can see in ${current.name}.`
        : `Showing ${shown} of ${plural(data.total, 'member', 'members')} in ${current.name}`);
      if (focus === 'first-new') items[0]?.querySelector('a')?.focus();
      else if (focus) title.focus();
    } catch (error) {
      say(`The members could not be loaded. ${error.message}`);
    }
  }

  more.addEventListener('click', () => {
    if (chosen) loadMembers({ focus: 'first-new' });
  });

  return { reload };
}
