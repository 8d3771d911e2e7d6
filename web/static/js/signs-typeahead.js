// Suggestions while typing another sign in the questionnaire's "Signs" step: the
// boxes marked data-signs-typeahead share one <datalist>, which this script fills from
// /api/v1/signs as the member types, so the browser's own suggestion list (keyboard
// and screen-reader friendly) offers signs the catalogue knows. Progressive
// enhancement: without it the boxes are plain text, resolved by the server by name.
const MIN_CHARS = 2;
const DELAY_MS = 200;

function enhance(input) {
  const list = document.getElementById(input.getAttribute('list'));
  if (!list) return;
  let timer = 0;
  let asked = '';
  let latest = 0;  // only the newest question's answer fills the list
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const typed = input.value.trim();
    if (typed.length < MIN_CHARS || typed === asked) return;
    timer = setTimeout(async () => {
      asked = typed;
      const ticket = ++latest;
      try {
        const response = await fetch(`/api/v1/signs?q=${encodeURIComponent(typed)}`, { headers: { Accept: 'application/json' } });
        if (!response.ok) return;
        const body = await response.json();
        if (ticket !== latest) return;
        list.replaceChildren(...body.signs.map((sign) => {
          const option = document.createElement('option');
          option.value = sign.name;
          return option;
        }));
      } catch {
        // No suggestions this time; the server still resolves what is typed.
      }
    }, DELAY_MS);
  });
}

document.querySelectorAll('[data-signs-typeahead]').forEach(enhance);
