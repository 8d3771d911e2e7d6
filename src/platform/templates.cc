#include "platform/templates.h"

#include <atomic>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include <kainjow/mustache.hpp>

#include "platform/embedded_files.h"
#include "platform/i18n.h"
#include "platform/json_text.h"
#include "platform/site_banner.h"

namespace diseasemaps {

nlohmann::json TextOrNull(const std::string& text) { return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text); }

namespace {

namespace mustache = kainjow::mustache;

std::string_view SourceOf(std::string_view name) {
  const std::string path = "web/templates/" + std::string(name) + ".mustache";
  for (const auto& file : embedded::Files()) {
    if (file.name == path) return file.content;
  }
  throw std::logic_error("no template named " + std::string(name));
}

mustache::mustache& Compiled(std::string_view name) {
  thread_local std::unordered_map<std::string, std::unique_ptr<mustache::mustache>> compiled;
  auto it = compiled.find(std::string(name));
  if (it == compiled.end()) {
    auto tmpl = std::make_unique<mustache::mustache>(std::string(SourceOf(name)));
    it = compiled.emplace(std::string(name), std::move(tmpl)).first;
  }
  return *it->second;
}

mustache::data ToData(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data object{mustache::data::type::object};
      for (const auto& [key, item] : value.items()) object.set(key, ToData(item));
      return object;
    }
    case nlohmann::json::value_t::array: {
      mustache::data list{mustache::data::type::list};
      for (const auto& item : value) list.push_back(ToData(item));
      return list;
    }
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? mustache::data(mustache::data::type::bool_true)
                               : mustache::data(mustache::data::type::bool_false);
    case nlohmann::json::value_t::string:
      return mustache::data(value.get<std::string>());
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return mustache::data(mustache::data::type::bool_false);
    default:
      return mustache::data(JsonText(value));
  }
}

// {{#t}}Signed in as {name}{{/t}}: the section's text, whitespace collapsed (as
// scripts/i18n/extract-templates.mjs collapses it), translated into the current
// language; each {name} then becomes {{name}} (or {{{name}}} in a plain-text e-mail),
// which kainjow renders from the view in the section's own context.
std::string TranslateSection(const std::string& text, bool plain_text) {
  std::string msgid;
  msgid.reserve(text.size());
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!msgid.empty() && msgid.back() != ' ') msgid += ' ';
    } else {
      msgid += c;
    }
  }
  if (!msgid.empty() && msgid.back() == ' ') msgid.pop_back();
  const std::string translated = i18n::Translate(i18n::CurrentLanguage(), msgid);
  const char* open = plain_text ? "{{{" : "{{";
  const char* close = plain_text ? "}}}" : "}}";
  std::string out;
  out.reserve(translated.size() + 16);
  for (std::size_t i = 0; i < translated.size(); ++i) {
    const char c = translated[i];
    if (c == '{') {
      // {sent_time}: a moment (pages/moment.h), written as a <time> element whose parts
      // are escaped like any other value; plain text shows its UTC text.
      const std::size_t end = translated.find('}', i);
      const std::string name = end == std::string::npos ? "" : translated.substr(i + 1, end - i - 1);
      if (name.size() > 5 && name.ends_with("_time")) {
        out += plain_text ? "{{{" + name + ".text}}}"
                          : "<time datetime=\"{{" + name + ".iso}}\" data-local=\"{{" + name + ".kind}}\">{{" +
                                name + ".text}}</time>";
        i = end;
        continue;
      }
      out += open;
    } else if (c == '}') {
      out += close;
    } else {
      out += c;
    }
  }
  return out;
}

// The view with the `t` section; e-mails (mail_*.mustache) are plain text, not HTML.
mustache::data ViewData(std::string_view name, const nlohmann::json& view) {
  mustache::data data = ToData(view);
  const bool plain_text = name.starts_with("mail_");
  if (data.is_object()) {
    data.set("t", mustache::lambda{[plain_text](const std::string& text) { return TranslateSection(text, plain_text); }});
  }
  return data;
}

// The layout's language fields: <html lang>, the switcher and the hreflang alternates
// (every language, this page's address in each), and the one-line offer of the
// language the browser prefers, written in that language. A page may name the address
// to offer instead of the request's (`language_address`: error pages leave out the
// query, which may be what went wrong).
void AddLanguageFields(nlohmann::json& layout) {
  i18n::Context context = i18n::Current();
  layout["lang"] = i18n::InterfaceLanguage(context.language);
  if (auto given = layout.find("language_address"); given != layout.end() && given->is_string()) {
    context.address = given->get<std::string>();
  }
  if (context.address.empty()) return;
  // The switcher: the interface languages, then those that name conditions and
  // symptoms only. The alternates: the interface languages (a page "in German" with an
  // English interface is not a German page).
  nlohmann::json languages = nlohmann::json::array();
  nlohmann::json name_languages = nlohmann::json::array();
  for (const auto& language : i18n::Languages()) {
    nlohmann::json link = {{"code", language.code},
                           {"name", language.native_name},
                           {"href", i18n::PrefixPath(language.code, context.address)},
                           {"current", language.code == context.language}};
    (language.interface ? languages : name_languages).push_back(std::move(link));
  }
  layout["languages"] = languages;
  layout["name_languages"] = name_languages;
  layout["has_name_languages"] = !name_languages.empty();
  layout["has_languages"] = true;
  layout["x_default_href"] = context.address;
  if (!context.offered.empty()) {
    layout["language_offer"] = {
        {"lang", context.offered},
        {"href", i18n::PrefixPath(context.offered, context.address)},
        // TRANSLATORS: offered to readers whose browser prefers YOUR language: name your
        // language here, not English ("Ver esta página en español").
        {"text", i18n::Translate(context.offered, i18n::N_("View this page in English"))}};
  }
}

}  // namespace

Status Templates::CheckAll() {
  for (const auto& file : embedded::Files()) {
    if (file.name.rfind("web/templates/", 0) != 0) continue;
    mustache::mustache tmpl{std::string(file.content)};
    if (!tmpl.is_valid()) {
      return Status::Internal(std::string(file.name) + ": " + tmpl.error_message());
    }
  }
  return Status::Ok();
}

std::string Templates::Render(std::string_view name, const nlohmann::json& view) {
  return Compiled(name).render(ViewData(name, view));
}

namespace {
thread_local nlohmann::json layout_context = nlohmann::json::object();
thread_local std::function<void(nlohmann::json&)> layout_filler;
}  // namespace

void Templates::SetLayoutContext(nlohmann::json context) {
  layout_context = std::move(context);
  layout_filler = nullptr;  // a new request: no filler of an earlier one may survive
}

void Templates::ClearLayoutContext() {
  layout_context = nlohmann::json::object();
  layout_filler = nullptr;
}

void Templates::SetLayoutFiller(std::function<void(nlohmann::json&)> filler) { layout_filler = std::move(filler); }

namespace {
constexpr const char* kLocalTimeScript = "/static/js/local-time.js";
std::atomic<std::shared_ptr<const std::string>> site_banner{std::make_shared<const std::string>()};
}  // namespace

void SetSiteBanner(std::string text) {
  site_banner.store(std::make_shared<const std::string>(std::move(text)));
}

std::string Templates::RenderPage(std::string_view name, const nlohmann::json& page) {
  if (layout_filler) {
    auto filler = std::move(layout_filler);
    layout_filler = nullptr;
    filler(layout_context);
  }
  nlohmann::json layout = page;
  for (const auto& [key, value] : layout_context.items()) {
    if (!layout.contains(key)) layout[key] = value;
  }
  if (auto banner = site_banner.load(); !banner->empty()) layout["site_banner"] = i18n::Tr(*banner);
  AddLanguageFields(layout);
  // The banner and the language offer sit in a labelled region: every piece of a page
  // belongs to a landmark, so a screen reader's list of them reaches it.
  layout["has_notices"] = layout.contains("site_banner") || layout.contains("language_offer");
  layout["content"] = Render(name, page);
  // A page that shows a moment (pages/moment.h) loads the script that writes it in the
  // visitor's time zone; other pages load nothing more.
  if (layout["content"].get_ref<const std::string&>().find(" data-local=\"") != std::string::npos) {
    if (!layout.contains("scripts") || !layout["scripts"].is_array()) layout["scripts"] = nlohmann::json::array();
    layout["scripts"].push_back(kLocalTimeScript);
  }
  return Render("layout", layout);
}

}  // namespace diseasemaps
