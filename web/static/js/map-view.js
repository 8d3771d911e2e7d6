// The community map's Leaflet map (see map.js): the country shapes as the only base
// layer, the clusters and places of /api/v1/map as keyboard-focusable markers named in
// words, and the card of a place's members under the map. The view box sent is always
// within the API's ranges; an answer overtaken by a newer request is dropped.
import * as L from '../vendor/leaflet/leaflet-src.esm.js';
import { feature } from '../vendor/topojson-client/index.js';

import { flatGeometry } from './map-countries.js';
import { apiUrl, element, fetchJson, latestOnly, memberItem, members as membersInWords, number, roleSummary, shapeSvg } from './map-common.js';
import { t } from './i18n.js';

const kCountriesUrl = '/static/vendor/world-atlas/countries-110m.json';
const kDebounceMs = 250;
const kMinZoom = 1;  // at 0 the world is 256 px wide: too small for 44-px markers
const kMaxZoom = 12;

// The API clusters like supercluster: a radius of 60 in a tile extent of 512, that is
// 60 px on 512-px tiles. Leaflet's tiles are 256 px, so Leaflet's zoom z shows the world
// at the size of the API's zoom z - 1: asking for that keeps clusters about 60 px
// apart on screen, room for markers of 44 px and more. Always an integer 0..20.
const apiZoom = (leafletZoom) => Math.max(0, Math.min(20, leafletZoom - 1));
const mapZoom = (zoomOfApi) => zoomOfApi + 1;

export function createMapView(container, roles, query) {
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
  map.attributionControl.addAttribution(t('Country shapes: <a href="https://www.naturalearthdata.com/">Natural Earth</a>'));
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
  }).catch((error) => showError(t('The country shapes could not be loaded. {reason}', { reason: error.message })));

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
      // The totals count the ticked roles only (the API's, or nobody when none is).
      view.onTotals(selected ? data.totals?.summary ?? '' : membersInWords(0));
      draw(selected ? data.items : []);
      container.dataset.zoom = String(zoom);
      if (timer === null) container.dataset.state = 'ready';  // else another load is due
    } catch (error) {
      showError(t('The map could not be updated. {reason}', { reason: error.message }));
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
    const label = t('{members}. Zoom in', { members: roleSummary(item.count, item.roles, roles) });
    // At least 44 px (a touch target), a little larger for more members; the API keeps
    // clusters about 60 px apart on screen (the radius, in the API's 512-px tiles), so larger
    // circles would hide each other.
    const size = Math.round(44 + Math.min(16, Math.log10(Math.max(1, item.count)) * 4));
    const badge = element('span', 'cluster-badge', number(item.count));
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
    const label = t('{place}: {members}. List them', { place: item.place, members: roleSummary(item.count, item.roles, roles) });
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
    cardStatus.textContent = t('Loading the members…');
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
      if (data.place) cardTitle.textContent = data.place;  // the place's name, as the server names it
      const items = data.members.map(memberItem);
      cardList.append(...items);
      const shown = cardList.children.length;
      cardStatus.textContent = data.total === 0 ? t('There are no members you can see here with these roles.')
        : shown < data.total ? t('Showing {shown} of {members}.', { shown: number(shown), members: membersInWords(data.total) })
          : t('{members}.', { members: membersInWords(data.total) });
      cardMore.hidden = shown >= data.total || items.length === 0;
      return items[0] ?? null;
    } catch (error) {
      cardStatus.textContent = t('The members could not be loaded. {reason}', { reason: error.message });
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

