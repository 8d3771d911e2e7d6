#include "platform/templates.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include <kainjow/mustache.hpp>

#include "platform/crypto.h"
#include "platform/embedded_files.h"
#include "platform/fragment_memo.h"
#include "platform/i18n.h"
#include "platform/json_text.h"
#include "platform/replace_all.h"
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

// kainjow's data has no moving insert: set() and push_back() copy their argument,
// deeply, so a view built bottom-up would be copied once per level. Its containers are
// reached through operator[] (objects) and through list_value(), whose vector is
// owned by the data and not const itself (lists).
mustache::data ToData(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data object{mustache::data::type::object};
      for (auto it = value.begin(); it != value.end(); ++it) object[it.key()] = ToData(it.value());
      return object;
    }
    case nlohmann::json::value_t::array: {
      mustache::data list{mustache::data::type::list};
      auto& items = const_cast<mustache::list&>(list.list_value());
      items.reserve(value.size());  // basic_data's move may throw: a growing vector would copy
      for (const auto& item : value) items.push_back(ToData(item));
      return list;
    }
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? mustache::data(mustache::data::type::bool_true)
                               : mustache::data(mustache::data::type::bool_false);
    case nlohmann::json::value_t::string:
      return mustache::data(value.get_ref<const std::string&>());
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return mustache::data(mustache::data::type::bool_false);
    default:
      return mustache::data(JsonText(value));
  }
}

// {{#t}}Signed in as {name}{{/t}}: the section's text, whitespace collapsed (as
// scripts/i18n/extract-templates.mjs collapses it), is the message to translate.
std::string MessageOf(std::string_view text) {
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
  return msgid;
}

// The translated message as mustache: each {name} becomes {{name}} (or {{{name}}} in a
// plain-text e-mail), which kainjow renders from the view in the section's own context.
std::string MustacheOf(const std::string& translated, bool plain_text) {
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

// The `t` lambda: the section translated into the current language when it is
// rendered. kainjow parses what it returns on every call; most sections never get here,
// being translated once into the template itself (Translated() below).
std::string TranslateSection(const std::string& text, bool plain_text) {
  return MustacheOf(i18n::Translate(i18n::CurrentLanguage(), MessageOf(text)), plain_text);
}

// True when a translated message is text and {placeholders} only, each placeholder a
// name kainjow reads as a plain variable, with something other than spaces outside
// them and on one line: written into the template, it renders exactly what the lambda
// renders from it.
bool IsPlainMessage(std::string_view message) {
  bool visible = false;
  for (std::size_t i = 0; i < message.size(); ++i) {
    const char c = message[i];
    if (c == '\n' || c == '\r' || c == '}') return false;
    if (c != '{') {
      if (c != ' ' && c != '\t') visible = true;
      continue;
    }
    const std::size_t end = message.find('}', i);
    if (end == std::string_view::npos || end == i + 1) return false;
    for (std::size_t j = i + 1; j < end; ++j) {
      const char n = message[j];
      const bool word = (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || (n >= '0' && n <= '9') || n == '_' ||
                        n == '.';
      if (!word) return false;
    }
    i = end;
  }
  return visible;
}

constexpr std::string_view kOpenT = "{{#t}}";
constexpr std::string_view kCloseT = "{{/t}}";

// The template's source with its {{#t}} sections translated into `language`, once, so
// rendering parses nothing. A section stays a lambda call (the result is the same,
// only slower) where writing it in could change the output: kainjow's lambda first ends
// the line so far, dropping it when it holds only spaces after a section tag, so a
// section whose line may hold only spaces and tags before it stays a lambda; so does
// one whose message is not plain text and placeholders (IsPlainMessage), one touching a
// brace, and every section of a template that changes its delimiters.
std::string Translated(std::string_view source, std::string_view language, bool plain_text) {
  if (source.find("{{=") != std::string_view::npos) return std::string(source);
  std::string out;
  out.reserve(source.size() + source.size() / 4);
  std::size_t pos = 0;
  std::size_t line_start = 0;       // of the line the next section is on
  std::size_t last_lambda_end = 0;  // just past the last section left as a lambda
  while (true) {
    const std::size_t open = source.find(kOpenT, pos);
    if (open == std::string_view::npos) break;
    const std::size_t text_start = open + kOpenT.size();
    const std::size_t close = source.find(kCloseT, text_start);
    if (close == std::string_view::npos) break;  // kainjow reports it (CheckAll)
    const std::size_t end = close + kCloseT.size();
    const std::string_view text = source.substr(text_start, close - text_start);
    // The line: from the last line break before the section. One inside an earlier
    // section never reaches the output: then the line starts where that one started.
    const std::size_t last_break = source.find_last_of("\r\n", open);
    if (last_break != std::string_view::npos && last_break + 1 > pos) line_start = last_break + 1;
    // The line so far is sure to hold more than spaces when the section is reached if it
    // has no tag (nothing can have marked it as a section's line), or text after its last
    // tag (rendered whenever the section is), or text before its first tag (rendered
    // too, unless a lambda on the line sent it out already).
    const std::string_view prefix = source.substr(line_start, open - line_start);
    const auto has_text = [](std::string_view part) { return part.find_first_not_of(" \t") != std::string_view::npos; };
    const std::size_t first_tag = prefix.find("{{");
    const std::size_t last_tag_end = prefix.rfind("}}");
    const bool line_safe =
        first_tag == std::string_view::npos ||
        (last_tag_end != std::string_view::npos && has_text(prefix.substr(last_tag_end + 2))) ||
        (has_text(prefix.substr(0, first_tag)) && last_lambda_end <= line_start);
    const bool touches_brace = (open > 0 && source[open - 1] == '{') || (end < source.size() && source[end] == '}');
    std::string message;
    bool inline_it = line_safe && !touches_brace && text.find("{{") == std::string_view::npos &&
                     text.find("}}") == std::string_view::npos;
    if (inline_it) {
      message = i18n::Translate(language, MessageOf(text));
      inline_it = IsPlainMessage(message);
    }
    out.append(source.substr(pos, open - pos));
    if (inline_it) {
      out += MustacheOf(message, plain_text);
    } else {
      out.append(source.substr(open, end - open));
      last_lambda_end = end;
    }
    pos = end;
  }
  out.append(source.substr(pos));
  return out;
}

// REQUIRES: the template exists. Each thread compiles its own copy of a template per
// interface language (kainjow's render() is not const), with its sections translated.
// The catalogues never change after start, so a copy never goes stale.
mustache::mustache& Compiled(std::string_view name, std::string_view language) {
  thread_local std::unordered_map<std::string, std::unique_ptr<mustache::mustache>> compiled;
  thread_local std::string key;
  key.assign(language);
  key += '/';
  key += name;
  auto it = compiled.find(key);
  if (it == compiled.end()) {
    auto tmpl = std::make_unique<mustache::mustache>(Translated(SourceOf(name), language, name.starts_with("mail_")));
    it = compiled.emplace(key, std::move(tmpl)).first;
  }
  return *it->second;
}

// The template in the current language.
mustache::mustache& CompiledForCurrentLanguage(std::string_view name) {
  return Compiled(name, i18n::InterfaceLanguage(i18n::CurrentLanguage()));
}

// Renders into a string; kainjow's own render(data) writes through an ostringstream.
// The buffer starts as large as the largest page this thread wrote (up to 1 MiB), so a
// page is not copied again each time the string outgrows itself.
std::string RenderData(mustache::mustache& tmpl, const mustache::data& data) {
  thread_local std::size_t largest = 16 * 1024;
  std::string out;
  out.reserve(largest);
  tmpl.render(data, [&out](const std::string& text) { out += text; });
  if (out.size() > largest) largest = std::min<std::size_t>(out.size() + out.size() / 8, std::size_t{1} << 20);
  return out;
}

// Adds the `t` section to a view (an object): the sections left to the lambda. E-mails
// (mail_*.mustache) are plain text, not HTML.
void AddTranslator(std::string_view name, mustache::data& data) {
  const bool plain_text = name.starts_with("mail_");
  data["t"] = mustache::data(mustache::lambda{[plain_text](const std::string& text) { return TranslateSection(text, plain_text); }});
}

// The view with the `t` section.
mustache::data ViewData(std::string_view name, const nlohmann::json& view) {
  mustache::data data = ToData(view);
  if (data.is_object()) AddTranslator(name, data);
  return data;
}

// The layout's language fields: <html lang>, the switcher and the hreflang alternates
// (every language, this page's address in each), and the one-line offer of the
// language the browser prefers, written in that language. A page may name the address
// to offer instead of the request's (`language_address`: error pages leave out the
// query, which may be what went wrong); `given_address` is that field, or null.
void AddLanguageFields(const nlohmann::json* given_address, nlohmann::json& layout) {
  i18n::Context context = i18n::Current();
  layout["lang"] = i18n::InterfaceLanguage(context.language);
  if (given_address != nullptr && given_address->is_string()) context.address = given_address->get<std::string>();
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
    // And as each interface language renders it, its sections translated.
    const bool plain_text = file.name.starts_with("web/templates/mail_");
    for (const auto& language : i18n::Languages()) {
      if (!language.interface) continue;
      mustache::mustache translated{Translated(file.content, language.code, plain_text)};
      if (!translated.is_valid()) {
        return Status::Internal(std::string(file.name) + " (" + std::string(language.code) +
                                "): " + translated.error_message());
      }
    }
  }
  return Status::Ok();
}

std::string Templates::Render(std::string_view name, const nlohmann::json& view) {
  return RenderData(CompiledForCurrentLanguage(name), ViewData(name, view));
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

namespace {

// The page's field `key`, or the layout context's.
const nlohmann::json* PageField(const nlohmann::json& page, const char* key) {
  if (page.is_object()) {
    if (auto it = page.find(key); it != page.end()) return &*it;
  }
  if (auto it = layout_context.find(key); it != layout_context.end()) return &*it;
  return nullptr;
}

// Adds the request's costly fields to the layout context, once (SetLayoutFiller).
void RunLayoutFiller() {
  if (layout_filler) {
    auto filler = std::move(layout_filler);
    layout_filler = nullptr;
    filler(layout_context);
  }
}

// The layout's own fields for `page` (which win over the page's and the context's):
// the banner, the language links, the notices region. Runs the request's filler first.
nlohmann::json LayoutFields(const nlohmann::json& page) {
  RunLayoutFiller();
  nlohmann::json fields = nlohmann::json::object();
  if (auto banner = site_banner.load(); !banner->empty()) fields["site_banner"] = i18n::Tr(*banner);
  AddLanguageFields(PageField(page, "language_address"), fields);
  // The banner and the language offer sit in a labelled region: every piece of a page
  // belongs to a landmark, so a screen reader's list of them reaches it.
  fields["has_notices"] = fields.contains("site_banner") || fields.contains("language_offer") ||
                          PageField(page, "site_banner") != nullptr || PageField(page, "language_offer") != nullptr;
  return fields;
}

// A page that shows a moment (pages/moment.h) loads the script that writes it in the
// visitor's time zone; other pages load nothing more.
void AddTimeScript(const std::string& content, const nlohmann::json& page, nlohmann::json& fields) {
  if (content.find(" data-local=\"") == std::string::npos) return;
  const nlohmann::json* scripts = PageField(page, "scripts");
  nlohmann::json with_time = scripts != nullptr && scripts->is_array() ? *scripts : nlohmann::json::array();
  with_time.push_back(kLocalTimeScript);
  fields["scripts"] = std::move(with_time);
}

}  // namespace

std::string Templates::RenderPage(std::string_view name, const nlohmann::json& page) {
  // The layout's view is the page's with the layout context's fields the page lacks,
  // then the layout's own fields (which win): built from the page's own data once
  // converted, not from a copy of the page converted a second time.
  nlohmann::json fields = LayoutFields(page);
  mustache::data layout = ViewData(name, page);
  std::string content = RenderData(CompiledForCurrentLanguage(name), layout);
  AddTimeScript(content, page, fields);

  if (!layout.is_object()) layout = mustache::data(mustache::data::type::object);
  for (const auto& [key, value] : layout_context.items()) {
    if (!page.is_object() || !page.contains(key)) layout[key] = ToData(value);
  }
  for (const auto& [key, value] : fields.items()) layout[key] = ToData(value);
  mustache::data content_data{mustache::data::type::string};
  const_cast<std::string&>(content_data.string_value()).swap(content);  // owned, not const: no copy
  layout["content"] = std::move(content_data);
  AddTranslator("layout", layout);
  return RenderData(CompiledForCurrentLanguage("layout"), layout);
}

const std::string& Templates::Slot(std::size_t index) {
  // Unguessable, so no text of a view can hold one; a control character first, so
  // escaping never changes it and the search for it stops only where it is.
  static const std::array<std::string, kSlots + 1> slots = [] {
    std::array<std::string, kSlots + 1> made;
    for (std::string& slot : made) slot = "\x02" + RandomToken();
    return made;
  }();
  return slots.at(index);
}

std::string Templates::RenderPage(std::string_view name, const nlohmann::json& page, FragmentMemo& memo,
                                  const std::vector<std::string>& slot_html) {
  RunLayoutFiller();
  std::string content;
  memo.Render(name, page, content);
  for (std::size_t i = 0; i < slot_html.size() && i < kSlots; ++i) ReplaceAll(content, Slot(i), slot_html[i]);
  // The layout's view is the page's, the context's and the layout's own fields, and
  // those are a function of the page, the context, the banner, the request's language
  // context and whether the page shows a moment: the key, so the view is built only
  // when the layout is not remembered.
  const bool shows_moment = content.find(" data-local=\"") != std::string::npos;
  const i18n::Context& language = i18n::Current();
  const auto banner = site_banner.load();
  FragmentKey key;
  key.AddView(page).AddView(layout_context).Add(std::string_view(*banner));
  key.Add(std::string_view(language.language)).Add(std::string_view(language.address));
  key.Add(std::string_view(language.offered)).Add(shows_moment);
  const std::string& content_slot = Slot(kSlots);
  std::string shell;
  memo.AppendRendered(
      "layout", key,
      [&] {
        nlohmann::json fields = LayoutFields(page);
        AddTimeScript(content, page, fields);
        nlohmann::json layout = page.is_object() ? page : nlohmann::json::object();
        for (const auto& [field, value] : layout_context.items()) {
          if (!layout.contains(field)) layout[field] = value;
        }
        for (auto& [field, value] : fields.items()) layout[field] = std::move(value);
        layout["content"] = content_slot;
        return layout;
      },
      shell);
  ReplaceAll(shell, content_slot, content);
  return shell;
}

}  // namespace diseasemaps
