// The community map's list view (see map.js): a table of the members the viewer may
// see by country (/api/v1/map/countries), each country a button that lists its members
// page by page (/api/v1/map/members) in a row right under it, with a polite live region
// saying what is shown. Roles are counted as shape and number (words for screen
// readers), and past kFirstCountries countries the rest wait behind "Show all", so the
// page stays a reasonable height on a phone.
import { apiUrl, element, fetchJson, latestOnly, memberItem, members as membersInWords, number, roleChips } from './map-common.js';
import { t, tn } from './i18n.js';

const kFirstCountries = 20;  // shown at first when there are more than kFirstCountries + 5

export function createListView(root, roles, query) {
  const status = document.getElementById('list-status');
  const body = document.querySelector('#country-table tbody');
  const panel = document.getElementById('country-members');
  const title = document.getElementById('country-members-title');
  const list = document.getElementById('country-member-list');
  const more = document.getElementById('more-members');
  const fetchCountries = latestOnly((params) => fetchJson(apiUrl('/api/v1/map/countries', params)));
  const fetchMembers = latestOnly((params) => fetchJson(apiUrl('/api/v1/map/members', params)));
  let chosen = null;  // { code, name, place_id, page, total }
  let showAll = false;  // the reader asked for every country
  const allButton = element('button', 'secondary-button more-countries');
  allButton.type = 'button';
  allButton.hidden = true;
  document.getElementById('country-table').after(allButton);
  allButton.addEventListener('click', () => {
    showAll = true;
    // The button goes away: focus moves to the first country it brought.
    reload().then(() => body.querySelectorAll('.country-button')[kFirstCountries]?.focus());
  });
  // The chosen country's members sit in a row of their own right under its row.
  const panelRow = element('tr', 'country-members-row');
  const panelCell = element('td');
  panelCell.colSpan = 3;
  panelRow.append(panelCell);

  function say(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  async function reload() {
    const { condition, roles: selected } = query();
    if (!selected) {
      fetchCountries.forget();
      body.replaceChildren();
      allButton.hidden = true;
      panel.hidden = true;
      chosen = null;
      say(t('No role is ticked: tick at least one role to see members.'));
      return;
    }
    try {
      const data = await fetchCountries({ condition, roles: selected });
      if (data === undefined) return;
      renderCountries(data.countries);
      const members = data.countries.reduce((sum, c) => sum + c.count, 0);
      say(members === 0 ? t('There are no members you can see with these roles.')
        : tn('Showing {members} in {count} country', 'Showing {members} in {count} countries', data.countries.length,
          { members: membersInWords(members) }));
      if (chosen) {
        const still = data.countries.find((c) => c.place_id === chosen.place_id);
        if (still) showCountry(still, { focus: false });
        else {
          panel.hidden = true;
          chosen = null;
        }
      }
    } catch (error) {
      say(t('The list could not be loaded. {reason}', { reason: error.message }));
    }
  }

  function renderCountries(all) {
    const chosenLater = all.slice(kFirstCountries).some((c) => c.place_id === chosen?.place_id);
    const cut = !showAll && !chosenLater && all.length > kFirstCountries + 5;
    const countries = cut ? all.slice(0, kFirstCountries) : all;
    allButton.hidden = !cut;
    allButton.textContent = cut ? t('Show all {count} countries', { count: number(all.length) }) : '';
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
      row.append(head, element('td', 'number', number(country.count)),
        element('td', 'role-counts'));
      row.lastChild.append(roleChips(country.roles, roles));
      return row;
    });
    body.replaceChildren(...rows);
  }

  async function showCountry(country, { focus }) {
    chosen = { place_id: country.place_id, name: country.name, page: 0 };
    let row = null;
    for (const button of body.querySelectorAll('.country-button')) {
      const mine = button.dataset.place === country.place_id;
      button.setAttribute('aria-expanded', String(mine));
      if (mine) row = button.closest('tr');
    }
    panelCell.append(panel);
    if (row) row.after(panelRow);
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
      title.textContent = t('Members in {place}', { place: current.name });
      panel.hidden = false;
      more.hidden = shown >= data.total || items.length === 0;
      say(data.total === 0 ? t('There are no members you can see in {place}.', { place: current.name })
        : t('Showing {shown} of {members} in {place}',
          { shown: number(shown), members: membersInWords(data.total), place: current.name }));
      if (focus === 'first-new') items[0]?.querySelector('a')?.focus();
      else if (focus) title.focus();
    } catch (error) {
      say(t('The members could not be loaded. {reason}', { reason: error.message }));
    }
  }

  more.addEventListener('click', () => {
    if (chosen) loadMembers({ focus: 'first-new' });
  });

  return { reload };
}
