// The community map and its list view (/map, /conditions/{slug}/map; map.mustache).
//
// Draws Natural Earth's country shapes (world-atlas, decoded by topojson-client) as the
// map's only base layer, so no tile server is ever asked; then, after every move or zoom
// (debounced), asks /api/v1/map for the clusters and places in view and draws them as
// keyboard-focusable markers with accessible names (map-view.js). A cluster zooms in
// when activated; a place opens a card under the map listing its members
// (/api/v1/map/members). Beside the map, a table of members by country
// (/api/v1/map/countries) whose countries list their members page by page
// (map-list.js). The role checkboxes filter the map and the list alike, and polite live
// regions say what changed. This module wires them to the page.
//
// Guarantees: text from the server is only ever set with textContent (never as HTML);
// links from the server are followed only when they are paths on this site; the view
// box sent to the API is always within its ranges (longitudes -180..180, latitudes
// -90..90, west < east, south < north, an integer zoom 0..20); an answer that arrives
// after a newer request was made is dropped.
import { createListView } from './map-list.js';
import { createMapView } from './map-view.js';

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

