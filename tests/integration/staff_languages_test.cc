// The staff screens and the JSON API in the visitor's language, on both databases:
// /es/admin/… is in Spanish, /fr/admin/… in French, moments as <time> elements (UTC
// text, localised by the page's script: pages/moment.h); an API
// error asked for in Spanish or French (lang=, or Accept-Language: http/api_language.h)
// comes back in that language with the same JSON shape, and English stays the default.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "test_server.h"

namespace diseasemaps::testing {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "correct horse battery staple";

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

class StaffLanguagesTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AddUser(database_, "ada@example.org", "Ada Admin", {"admin"}, kPassword);
    AddUser(database_, "rita@example.org", "Rita Reviewer", {"member"}, kPassword);
  }
  TestDatabase database_{GetParam()};
};

// The error object of an API answer, checked to have exactly the one shape every
// endpoint gives: {"error": {"status": N, "message": "…"}}. Returns the message.
std::string ErrorMessage(const HttpResult& r, unsigned status) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_TRUE(Has(r.Header("content-type"), "application/json")) << r.Header("content-type");
  const json body = json::parse(r.body, nullptr, false);
  if (!body.is_object() || body.size() != 1 || !body.contains("error")) {
    ADD_FAILURE() << "not the API's error shape: " << r.body;
    return "";
  }
  const json& error = body["error"];
  EXPECT_EQ(error.size(), 2u) << r.body;
  EXPECT_EQ(error.value("status", 0u), status) << r.body;
  if (!error.contains("message") || !error["message"].is_string()) {
    ADD_FAILURE() << "no message: " << r.body;
    return "";
  }
  return error["message"].get<std::string>();
}

TEST_P(StaffLanguagesTest, TheAdminScreensSpeakTheLanguageOfTheAddress) {
  TestServer server(database_);
  SignedIn ada = SignIn(server, "ada@example.org", kPassword);
  const std::string rita = std::to_string(UserIdOf(database_, "rita@example.org"));
  // Something for the audit log to show.
  HttpResult saved = server.Request("POST", "/es/admin/users/" + rita + "/roles",
                                    {{"Cookie", ada.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                                    "csrf=" + ada.csrf + "&role=member&role=reviewer");
  EXPECT_EQ(saved.status, 303u);
  EXPECT_EQ(saved.Header("location"), "/es/admin/users?done=roles");

  HttpResult users = server.Get("/es/admin/users?done=roles", {{"Cookie", ada.cookie}});
  ASSERT_EQ(users.status, 200u);
  EXPECT_TRUE(Has(users.body, "<html lang=\"es\">"));
  EXPECT_TRUE(Has(users.body, ">Cuentas <span class=\"count\">")) << users.body;
  EXPECT_TRUE(Has(users.body, "Los roles se han guardado."));
  EXPECT_TRUE(Has(users.body, ">Guardar roles</button>"));
  EXPECT_TRUE(Has(users.body, "Roles de Rita Reviewer"));
  // The role's word is translated; the value the form sends is not.
  EXPECT_TRUE(Has(users.body, "value=\"reviewer\" checked> revisor médico</label>")) << users.body;
  EXPECT_FALSE(Has(users.body, "Save roles"));

  HttpResult audit = server.Get("/es/admin/audit", {{"Cookie", ada.cookie}});
  ASSERT_EQ(audit.status, 200u);
  // Two accounts made on the command line (by "the system") and the roles just saved.
  EXPECT_TRUE(Has(audit.body, "Registro de auditoría <span class=\"count\">(3 entradas)</span>")) << audit.body;
  EXPECT_TRUE(Has(audit.body, "<td>el sistema</td>"));
  // The moment: a <time> in UTC for the page's script to write in the visitor's zone.
  EXPECT_TRUE(Has(audit.body, " UTC</time>"));
  EXPECT_TRUE(Has(audit.body, "<time datetime=\""));
  EXPECT_TRUE(Has(audit.body, "data-local=\"minute\""));

  HttpResult outbox = server.Get("/fr/admin/outbox", {{"Cookie", ada.cookie}});
  ASSERT_EQ(outbox.status, 200u);
  EXPECT_TRUE(Has(outbox.body, "Boîte d’envoi")) << outbox.body;
  EXPECT_TRUE(Has(outbox.body, "Aucun serveur SMTP n’est configuré"));

  // English is unchanged at the address without a prefix.
  HttpResult english = server.Get("/admin/users", {{"Cookie", ada.cookie}});
  EXPECT_TRUE(Has(english.body, ">Save roles</button>"));
  EXPECT_TRUE(Has(english.body, "value=\"reviewer\" checked> medical reviewer</label>"));
  EXPECT_TRUE(Has(server.Get("/admin/audit", {{"Cookie", ada.cookie}}).body, "(3 entries)"));

  // An error page of the staff screens, in Spanish.
  HttpResult self = server.Request("POST", "/es/admin/users/" + std::to_string(UserIdOf(database_, "ada@example.org")) + "/suspend",
                                   {{"Cookie", ada.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                                   "csrf=" + ada.csrf + "&reason=prueba");
  EXPECT_EQ(self.status, 409u);
  EXPECT_TRUE(Has(self.body, "No puedes suspender tu propia cuenta.")) << self.body;
}

TEST_P(StaffLanguagesTest, AnApiErrorAskedForInSpanishComesBackInSpanishWithTheSameShape) {
  TestServer server(database_);
  // lang= picks the language of the words.
  EXPECT_EQ(ErrorMessage(server.Get("/api/v1/map"), 400), "zoom is required: a whole number from 0 to 20.");
  EXPECT_EQ(ErrorMessage(server.Get("/api/v1/map?lang=es"), 400),
            "zoom es obligatorio: un número entero de 0 a 20.");
  const std::string french = ErrorMessage(server.Get("/api/v1/map?lang=fr"), 400);
  EXPECT_TRUE(Has(french, "zoom est obligatoire")) << french;
  EXPECT_TRUE(Has(french, ": un nombre entier de 0 à 20.")) << french;
  // Without lang=, Accept-Language; lang= wins over it.
  HttpResult by_browser = server.Get("/api/v1/conditions/abc", {{"Accept-Language", "es-MX,es;q=0.9,en;q=0.5"}});
  EXPECT_EQ(ErrorMessage(by_browser, 400), "Un ORPHAcode es un número entero positivo, como 1183.");
  EXPECT_TRUE(Has(by_browser.Header("vary"), "Accept-Language"));
  EXPECT_EQ(ErrorMessage(server.Get("/api/v1/conditions/abc?lang=en", {{"Accept-Language", "es"}}), 400),
            "An ORPHAcode is a positive whole number, such as 1183.");
  // The placeholder is filled; the code stays as typed.
  EXPECT_EQ(ErrorMessage(server.Get("/api/v1/conditions/99999999?lang=es"), 404),
            "No hay ninguna enfermedad con el ORPHAcode 99999999.");
  // Search's own lang= (the names' language) also gives the messages: a bad one is
  // refused in the browser's language, since it names no language of ours.
  const std::string refused = ErrorMessage(server.Get("/api/v1/search?q=x&lang=xx", {{"Accept-Language", "es"}}), 400);
  EXPECT_TRUE(Has(refused, "lang debe ser uno de cs, de, en, es, fr, it, nl, pl, pt")) << refused;
  EXPECT_TRUE(Has(ErrorMessage(server.Get("/api/v1/search?q=x&lang=xx"), 400), "lang must be one of")) << "English by default";

  // A bad condition= is remembered for a while; each request still gets its own language.
  EXPECT_TRUE(Has(ErrorMessage(server.Get("/api/v1/map?zoom=3&condition=no-such-thing&lang=es"), 400),
                  "no hay ninguna enfermedad «no-such-thing»"));
  EXPECT_TRUE(Has(ErrorMessage(server.Get("/api/v1/map?zoom=3&condition=no-such-thing"), 400),
                  "there is no condition ‘no-such-thing’"));

  // Field names and keys are never translated: a good answer in Spanish has the same keys.
  HttpResult ok_en = server.Get("/api/v1/map/countries");
  HttpResult ok_es = server.Get("/api/v1/map/countries?lang=es");
  ASSERT_EQ(ok_en.status, 200u);
  ASSERT_EQ(ok_es.status, 200u);
  const json en = json::parse(ok_en.body), es = json::parse(ok_es.body);
  ASSERT_TRUE(en.is_object() && es.is_object());
  for (auto it = en.begin(); it != en.end(); ++it) EXPECT_TRUE(es.contains(it.key())) << it.key();
  EXPECT_EQ(en.size(), es.size());
}

TEST_P(StaffLanguagesTest, TheSignInPagesNoticesAreInTheLanguageOfTheAddress) {
  TestServer server(database_);
  EXPECT_TRUE(Has(server.Get("/es/login?signed_out=1").body, "Se cerró tu sesión en todos los dispositivos."));
  EXPECT_TRUE(Has(server.Get("/fr/login?expired=1").body, "Votre session a pris fin."));
  EXPECT_TRUE(Has(server.Get("/login?expired=1").body, "Your session has ended."));
  EXPECT_FALSE(Has(server.Get("/login").body, "class=\"notice\""));  // no notice, no empty box
}

INSTANTIATE_TEST_SUITE_P(Backends, StaffLanguagesTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
