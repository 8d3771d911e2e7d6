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
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/status.h"

namespace diseasemaps {

// Optional text for a view model: null when empty. Mustache opens a section for any
// string, even "", so `{{#field}}…{{/field}}` around an empty string would still render
// its markup (an empty link, an empty JSON-LD block).
nlohmann::json TextOrNull(const std::string& text);

class FragmentMemo;

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

  // The same page, for a page that readers ask for again and again alike (a topic's
  // page): the page's HTML and the layout's around it are remembered in `memo`, each
  // keyed by its whole view (FragmentMemo::Render). Large HTML rendered beforehand (a
  // topic's posts) goes in slots: the view holds Slot(i) where slot_html[i] goes, and
  // it is written there after rendering, so it is neither a part of the key nor copied
  // through the template engine. REQUIRES: the template writes a slot's field raw
  // ({{{field}}}); slot_html.size() <= kSlots. The HTML is byte for byte what
  // RenderPage(name, page with the slots' HTML in their fields) gives.
  static constexpr std::size_t kSlots = 4;
  static const std::string& Slot(std::size_t index);
  static std::string RenderPage(std::string_view name, const nlohmann::json& page, FragmentMemo& memo,
                                const std::vector<std::string>& slot_html);

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
