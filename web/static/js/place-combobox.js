// The city type-ahead of the profile form: an ARIA 1.2 combobox (an input with a listbox
// popup) over /api/v1/places. Progressive enhancement: without this script the field
// is plain text that the server resolves. Guarantees: arrow keys move through the
// options, Enter chooses, Escape closes (and, when closed, clears the text), a polite
// live region says how many places were found, and the hidden city_id field always
// belongs to the text shown (typing clears it).
import { t, tn } from './i18n.js';

const MIN_CHARS = 1;
const DELAY_MS = 150;

function enhance(input) {
  const form = input.form;
  const hidden = form.querySelector('[data-place-id]');
  const listbox = document.createElement('ul');
  const status = document.createElement('div');
  const listId = `${input.id}-listbox`;
  listbox.id = listId;
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', 'Cities');
  listbox.className = 'combobox-listbox';
  listbox.hidden = true;
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.after(listbox, status);

  let places = [];
  let active = -1;
  let timer = 0;
  let request = 0;

  const open = () => {
    listbox.hidden = places.length === 0;
    input.setAttribute('aria-expanded', String(!listbox.hidden));
  };
  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
    for (const li of listbox.children) li.setAttribute('aria-selected', 'false');
  };
  const highlight = (index) => {
    active = index;
    [...listbox.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) {
      const li = listbox.children[index];
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const choose = (index) => {
    const place = places[index];
    if (!place) return;
    input.value = place.label;
    hidden.value = place.id;
    status.textContent = t('{place} chosen.', { place: place.label });
    close();
  };
  const render = () => {
    listbox.replaceChildren(...places.map((place, i) => {
      const li = document.createElement('li');
      li.id = `${listId}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.textContent = place.label;  // text, never markup
      li.addEventListener('mousedown', (event) => event.preventDefault());  // keep the focus
      li.addEventListener('click', () => choose(i));
      return li;
    }));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    open();
    status.textContent = places.length === 0 ? t('No city found. Check the spelling, or choose just a country.')
      : tn('{count} city found. Use the down arrow to choose it.',
           '{count} cities found. Use the up and down arrows to choose one.', places.length);
  };
  const search = async () => {
    const query = input.value.trim();
    const mine = ++request;
    if ([...query].length < MIN_CHARS) {
      places = [];
      close();
      status.textContent = '';
      return;
    }
    try {
      const response = await fetch(`/api/v1/places?q=${encodeURIComponent(query)}`,
                                   { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const body = await response.json();
      if (mine !== request) return;  // a later search has started
      places = body.places;
      render();
    } catch {
      if (mine !== request) return;
      places = [];
      close();
      status.textContent = t('Cities cannot be looked up right now: type the city and save, or choose a country.');
    }
  };

  input.addEventListener('input', () => {
    hidden.value = '';  // the id no longer belongs to the text
    clearTimeout(timer);
    timer = setTimeout(search, DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    const expanded = !listbox.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!expanded) { if (places.length) { open(); highlight(0); } else search(); return; }
        highlight(active + 1 >= places.length ? 0 : active + 1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!expanded) { if (places.length) { open(); highlight(places.length - 1); } return; }
        highlight(active <= 0 ? places.length - 1 : active - 1);
        return;
      case 'Enter':
        if (expanded && active >= 0) {
          event.preventDefault();  // choose, do not submit
          choose(active);
        }
        return;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          hidden.value = '';
          places = [];
        }
        return;
      default:
    }
  });
  input.addEventListener('blur', () => close());
}

for (const input of document.querySelectorAll('input[data-place-combobox]')) enhance(input);
