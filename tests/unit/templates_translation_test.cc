// Templates compiled per thread and interface language, with their {{#t}} sections
// translated once: each language keeps its own text, a value of the view is never
// written into a compiled copy (the next render shows its own), and values are escaped
// in HTML, not in plain-text e-mails, as before.
#include <string>

#include <gtest/gtest.h>

#include "platform/i18n.h"
#include "platform/templates.h"

namespace diseasemaps {
namespace {

constexpr auto npos = std::string::npos;

std::string RenderIn(const std::string& language, std::string_view name, const nlohmann::json& view) {
  i18n::ScopedLanguage scoped{language};
  return Templates::Render(name, view);
}

std::string RenderPageIn(const std::string& language, std::string_view name, const nlohmann::json& view) {
  i18n::ScopedLanguage scoped{language};
  return Templates::RenderPage(name, view);
}

TEST(TemplatesInLanguages, EachLanguageRendersItsOwnTextOnOneThread) {
  const nlohmann::json view = {{"title", "T"}, {"message", "m"}};
  const std::string english = RenderIn("en", "error", view);
  const std::string spanish = RenderIn("es", "error", view);
  const std::string french = RenderIn("fr", "error", view);
  EXPECT_NE(english.find("Go to the home page"), npos);
  EXPECT_NE(spanish.find("Ir a la página de inicio"), npos);
  EXPECT_EQ(spanish.find("Go to the home page"), npos);
  EXPECT_NE(french.find("Aller à la page d’accueil"), npos);
  EXPECT_EQ(french.find("Ir a la página de inicio"), npos);
  // Back and forth: each language's copy stays its own.
  EXPECT_EQ(RenderIn("en", "error", view), english);
  EXPECT_EQ(RenderIn("es", "error", view), spanish);
  // German names conditions only: its pages have the English interface.
  EXPECT_EQ(RenderIn("de", "error", view), english);
}

TEST(TemplatesInLanguages, APlaceholderValueIsNeverKeptForTheNextRender) {
  for (const std::string language : {"en", "es"}) {
    Templates::SetLayoutContext({{"signed_in", true}, {"viewer_name", "<b>Ann</b>"}, {"csrf", "t"}});
    const std::string ann = RenderPageIn(language, "error", {{"title", "One"}, {"message", "m"}});
    Templates::SetLayoutContext({{"signed_in", true}, {"viewer_name", "Ben"}, {"csrf", "t"}});
    const std::string ben = RenderPageIn(language, "error", {{"title", "Two"}, {"message", "m"}});
    Templates::ClearLayoutContext();
    const std::string signed_in = language == "en" ? "Signed in as " : "Sesión iniciada: ";
    EXPECT_NE(ann.find(signed_in + "&lt;b&gt;Ann&lt;/b&gt;</a>"), npos) << language;
    EXPECT_EQ(ann.find("<b>Ann"), npos) << language;
    EXPECT_NE(ben.find(signed_in + "Ben</a>"), npos) << language;
    EXPECT_EQ(ben.find("Ann"), npos) << language;
  }
}

TEST(TemplatesInLanguages, AMomentIsATimeElementWithItsPartsEscaped) {
  const nlohmann::json view = {
      {"status",
       {{"search",
         {{"age_seconds", "5"},
          {"conditions_label", "c"},
          {"refreshed_time", {{"iso", "2026-11-24T23:05:00Z"}, {"kind", "minute"}, {"text", "<23:05> UTC"}}}}}}}};
  const std::string english = RenderIn("en", "admin_home", view);
  EXPECT_NE(english.find("last refreshed <time datetime=\"2026-11-24T23:05:00Z\" data-local=\"minute\">"
                         "&lt;23:05&gt; UTC</time>"),
            npos);
  const std::string spanish = RenderIn("es", "admin_home", view);
  EXPECT_NE(spanish.find("actualizado por última vez <time datetime=\"2026-11-24T23:05:00Z\" "
                         "data-local=\"minute\">&lt;23:05&gt; UTC</time>"),
            npos);
  // A page with a moment loads the script that writes it in local time.
  nlohmann::json page_view = view;
  page_view["title"] = "Status";
  const std::string page = RenderPageIn("en", "admin_home", page_view);
  EXPECT_NE(page.find("/static/js/local-time.js"), npos);
}

TEST(TemplatesInLanguages, AnEmailIsPlainTextInEveryLanguage) {
  const nlohmann::json first = {{"login", "https://example.org/login?a=1&b=<2>"}, {"forgot", "f"}};
  const nlohmann::json second = {{"login", "https://example.org/other"}, {"forgot", "g"}};
  EXPECT_NE(RenderIn("en", "mail_address_taken", first).find("To sign in: https://example.org/login?a=1&b=<2>\n"),
            npos);
  EXPECT_NE(RenderIn("es", "mail_address_taken", first)
                .find("Para iniciar sesión: https://example.org/login?a=1&b=<2>\n"),
            npos);
  const std::string again = RenderIn("es", "mail_address_taken", second);
  EXPECT_NE(again.find("Para iniciar sesión: https://example.org/other\n"), npos);
  EXPECT_EQ(again.find("login?a=1"), npos);
}

TEST(TemplatesInLanguages, EveryTemplateCompilesInEveryLanguage) { EXPECT_TRUE(Templates::CheckAll().ok()); }

}  // namespace
}  // namespace diseasemaps
