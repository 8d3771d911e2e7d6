// Moments in the visitor's time zone. The server writes every moment as
// <time datetime="2026-11-24T23:05:00Z" data-local="minute">2026-11-24 23:05 UTC</time>
// (pages/moment.h): true for everyone, and what a reader without script sees. This
// script rewrites each such text with Intl.DateTimeFormat in the page's language
// (<html lang>) and the browser's time zone, naming the zone ("24 Nov 2026, 18:05 EST"),
// and keeps the UTC text as the element's title. data-local="day" writes the local
// day only. A moment the browser cannot read keeps its UTC text.

const language = document.documentElement.lang || 'en';

const kFormats = {
  minute: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' },
  day: { year: 'numeric', month: 'long', day: 'numeric' },
};

const formatters = {};
function formatter(kind) {
  if (!(kind in formatters)) {
    try {
      formatters[kind] = new Intl.DateTimeFormat(language, kFormats[kind]);
    } catch {
      formatters[kind] = new Intl.DateTimeFormat(undefined, kFormats[kind]);
    }
  }
  return formatters[kind];
}

export function localise(root = document) {
  for (const element of root.querySelectorAll('time[datetime][data-local]')) {
    const kind = element.dataset.local;
    if (!(kind in kFormats) || element.dataset.localised) continue;
    const at = new Date(element.getAttribute('datetime'));
    if (Number.isNaN(at.getTime())) continue;
    if (!element.title) element.title = element.textContent;
    element.textContent = formatter(kind).format(at);
    element.dataset.localised = 'true';
  }
}

localise();
