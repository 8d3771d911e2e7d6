// The words of our scripts in the page's language (<html lang>). Spanish and French
// come from /static/i18n/<lang>.json, made at build time from po/<lang>.po by
// scripts/build-catalogues; English is the source text and fetches nothing. A message
// missing from the file is shown in English, never blank.
//
//   t('No suggestions')                                   a message
//   t('{label} chosen.', { label })                       with named placeholders
//   tn('{count} suggestion available', '{count} suggestions available', n)
//                                                         a plural; {count} is n written
//                                                         for the language ("1 900")
// scripts/extract-messages finds t() and tn() calls, so pass them string literals.

export const language = document.documentElement.lang || 'en';

let catalogue = null;
if (language !== 'en') {
  try {
    const response = await fetch(`/static/i18n/${encodeURIComponent(language)}.json`, { credentials: 'same-origin' });
    if (response.ok) catalogue = await response.json();
  } catch {
    catalogue = null;  // English, rather than no words at all
  }
}

function fill(text, values) {
  return text.replace(/\{([A-Za-z0-9_.]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

export function t(msgid, values = {}) {
  const translated = catalogue?.messages?.[msgid];
  return fill(typeof translated === 'string' ? translated : msgid, values);
}

// The catalogue's plural rule comes as a table of form indexes for 0..199 (computed at
// build time from its Plural-Forms); past that, n % 100 + 100 picks the same form.
function pluralIndex(n) {
  const table = catalogue?.plural_index;
  if (!Array.isArray(table) || table.length < 200) return n === 1 ? 0 : 1;
  const k = Math.abs(Math.trunc(n));
  return table[k < 200 ? k : 100 + (k % 100)];
}

export function tn(singular, plural, n, values = {}) {
  const forms = catalogue?.messages?.[singular];
  const text = Array.isArray(forms) ? (forms[pluralIndex(n)] ?? forms[forms.length - 1])
                                    : (n === 1 ? singular : plural);
  return fill(text, { count: Number(n).toLocaleString(language), ...values });
}
