// Templates: the mustache templates compiled into the binary (web/templates/*.mustache),
// rendered from a JSON view model.
//
// Text to translate is written {{#t}}Signed in as {name}{{/t}}: the section is looked up
// in the current language's catalogue (platform/i18n.h) and its {placeholders} filled
// from the view, escaped (e-mails, mail_*.mustache, are plain text and never escaped).
// A placeholder ending in "_time" ({sent_time}) is a moment (pages/moment.h): it
// becomes <time datetime="…" data-local="…">UTC text</time>, its parts escaped; a
// page with such an element loads /static/js/local-time.js.
// The layout gets the page's language fields: <html lang>, the language switcher,
// hreflang alternates and the offer of the browser's preferred language.
//
// Thread-safe: kainjow's render() is not const, so each thread compiles its own copy of
// a template on first use, one per interface language, with its {{#t}} sections already
// translated (the catalogues never change after start; only the section's text is
// written in, never a value of the view). Every value is HTML-escaped unless the
// template uses triple braces, which our templates do only for HTML the server itself
// rendered (`content`).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "platform/status.h"

namespace diseasemaps {

// Optional text for a view model: null when empty. Mustache opens a section for any
// string, even "", so `{{#field}}…{{/field}}` around an empty string would still render
// its markup (an empty link, an empty JSON-LD block).
nlohmann::json TextOrNull(const std::string& text);

class Templates {
 public:
  // Compiles every embedded template once, as written and as each interface language
  // renders it, to fail at start rather than on a request.
  static Status CheckAll();

  // Renders web/templates/<name>.mustache with view. REQUIRES: the template exists.
  static std::string Render(std::string_view name, const nlohmann::json& view);

  // Renders the page template `name` inside the layout. `page` supplies the layout's
  // fields: title (required), description, canonical, and the page's own fields; the
  // current request's layout context (below) adds the header's per-visitor fields.
  static std::string RenderPage(std::string_view name, const nlohmann::json& page);

  // Fields the layout shows for the request being handled on this thread (who is
  // signed in, the CSRF token of the sign-out form). Set by the request hooks before a
  // handler runs and cleared after; empty for anonymous visitors, so cached pages never
  // carry anyone's details.
  static void SetLayoutContext(nlohmann::json context);
  static void ClearLayoutContext();
  // Adds fields to the layout context that cost a query (the header's unread count):
  // run once, on the first RenderPage of the request, so requests that render no page
  // pay nothing. Cleared with the context, and by a new SetLayoutContext.
  static void SetLayoutFiller(std::function<void(nlohmann::json&)> filler);
};

}  // namespace diseasemaps
