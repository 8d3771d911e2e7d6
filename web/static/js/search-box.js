// Type-ahead for every search box marked data-suggest: an ARIA 1.2 combobox (an input
// with a listbox popup). Arrow keys move through the suggestions, Enter opens the one
// chosen (or submits the form as typed), Escape closes the list (a second Escape
// clears the box). A polite live region says how many suggestions there are. Without
// JavaScript the box is a plain search field whose form submits to /search.
//
// An input marked data-suggest="pick" picks a condition instead of opening its page
// (the editorial screen's condition finder): choosing a suggestion writes the
// condition's name in the box and its ORPHAcode in the field named by
// data-suggest-target, then sends the form. Typing again clears that field, so the
// server reads what was typed (a name, a synonym or an ORPHAcode) when nothing is chosen.
// Suggestions are asked for in the page's language (lang=).
//
// A box with data-suggest-then="/map" opens the chosen condition's page under that path
// (/conditions/x/map): the community map's condition chooser.

import { language, t, tn } from './i18n.js';

const kDelayMs = 120;
const kMinChars = 2;

// A page's address in the language of this page ("/conditions/x" -> "/es/conditions/x").
const inLanguage = (path) => (language === 'en' ? path : `/${language}${path}`);

function enhance(input, index) {
  const form = input.form;
  const picks = input.dataset.suggest === 'pick';
  const target = picks ? document.getElementById(input.dataset.suggestTarget) : null;
  const then = input.dataset.suggestThen === '/map' ? '/map' : '';  // the only one allowed
  const listId = `${input.id || `search-box-${index}`}-suggestions`;
  const wrap = document.createElement('div');
  wrap.className = 'combobox';
  input.parentNode.insertBefore(wrap, input);
  wrap.appendChild(input);
  const list = document.createElement('ul');
  list.id = listId;
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', t('Suggestions'));
  list.hidden = true;
  wrap.appendChild(list);
  const status = document.createElement('div');
  status.className = 'visually-hidden';
  // A polite live region without role="status": the page's own status messages stay
  // the only "status" landmark-like element a page has.
  status.setAttribute('aria-live', 'polite');
  status.setAttribute('aria-atomic', 'true');
  wrap.appendChild(status);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);

  let items = [];
  let active = -1;
  let timer = 0;
  let latest = 0;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  // Opens the suggestion's page, or, in a picker, fills the form with it and sends it.
  function choose(s) {
    if (!picks) {
      window.location.assign(inLanguage(s.url + then));
      return;
    }
    input.value = s.name;
    if (target) target.value = String(s.orphacode);
    close();
    status.textContent = t('{label} chosen.', { label: s.name });
    if (form) form.requestSubmit();
  }

  function highlight(next) {
    const options = list.querySelectorAll('[role="option"]');
    options.forEach((o, i) => o.setAttribute('aria-selected', i === next ? 'true' : 'false'));
    active = next;
    if (next >= 0) {
      input.setAttribute('aria-activedescendant', options[next].id);
      options[next].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function render(suggestions) {
    items = suggestions;
    list.replaceChildren();
    suggestions.forEach((s, i) => {
      const li = document.createElement('li');
      li.id = `${listId}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.textContent = s.label;
      if (!s.is_name) {
        const name = document.createElement('span');
        name.className = 'suggestion-name';
        name.textContent = ` — ${s.name}`;
        li.appendChild(name);
      }
      li.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(s);
      });
      list.appendChild(li);
    });
    const n = suggestions.length;
    status.textContent = n === 0 ? t('No suggestions') : tn('{count} suggestion available', '{count} suggestions available', n);
    if (n === 0) {
      close();
    } else {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    }
  }

  async function fetchSuggestions() {
    const q = input.value.trim();
    const ticket = ++latest;
    if (q.length < kMinChars) {
      items = [];
      close();
      return;
    }
    try {
      const response = await fetch(`/api/v1/suggest?q=${encodeURIComponent(q)}&lang=${encodeURIComponent(language)}`, {
        headers: { Accept: 'application/json' },
      });
      if (!response.ok || ticket !== latest) return;
      const body = await response.json();
      if (ticket === latest) render(body.suggestions || []);
    } catch {
      // Offline or refused: the form still submits to /search.
    }
  }

  input.addEventListener('input', () => {
    if (target) target.value = '';
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, kDelayMs);
  });
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden && items.length > 0;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open && items.length > 0) render(items);
      else if (open) highlight(active + 1 >= items.length ? 0 : active + 1);
    } else if (event.key === 'ArrowUp') {
      if (!open) return;
      event.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      if (open && active >= 0) {
        event.preventDefault();
        choose(items[active]);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        close();
      } else if (input.value !== '') {
        event.preventDefault();
        input.value = '';
        items = [];
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  if (form) form.addEventListener('submit', close);
}

document.querySelectorAll('input[data-suggest]').forEach(enhance);
