// A member's language (migration 0014), end to end on both databases: it is the language
// they joined in, they change it on their account page, and the e-mails the site sends
// them are written in it, with links under its prefix, whatever page caused them.
#include <gtest/gtest.h>

#include <string>

#include "http/url.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

constexpr const char* kPassword = "a long enough passphrase";

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class MemberLanguageTest : public ::testing::TestWithParam<Backend> {
 protected:
  std::string LanguageOf(const std::string& email) {
    std::string language;
    database_.db().Run([&](soci::session& sql) {
      sql << "SELECT language FROM users WHERE email = :e", soci::use(email), soci::into(language);
      return Status::Ok();
    });
    return language;
  }
  TestDatabase database_{GetParam()};
};

TEST_P(MemberLanguageTest, JoiningInFrenchMeansFrenchEmails) {
  TestServer server(database_);
  SignedIn form = OpenForm(server, "/fr/register");
  HttpResult joined = PostForm(server, "/fr/register", form.cookie,
                               "csrf=" + form.csrf + "&email=camille%40example.org&display_name=Camille&password=" +
                                   http::PercentEncode(kPassword));
  ASSERT_EQ(joined.status, 303u) << joined.body;
  EXPECT_EQ(joined.Header("location"), "/fr/register/sent");  // the language prefix kept
  EXPECT_EQ(LanguageOf("camille@example.org"), "fr");
  EXPECT_EQ(LatestSubjectTo(database_, "camille@example.org"), "Confirmez votre adresse e-mail pour DiseaseMaps");
  const std::string mail = LatestMailTo(database_, "camille@example.org");
  EXPECT_TRUE(Has(mail, "Bonjour Camille,")) << mail;
  EXPECT_TRUE(Has(mail, "/fr/account/confirm?token=")) << mail;
}

TEST_P(MemberLanguageTest, AMembersChosenLanguageWritesTheirEmails) {
  AddUser(database_, "ana@example.org", "Ana", {"member"}, kPassword);
  TestServer server(database_);
  SignedIn ana = SignIn(server, "ana@example.org", kPassword);

  HttpResult account = server.Get("/account", {{"Cookie", ana.cookie}});
  ASSERT_EQ(account.status, 200u);
  EXPECT_TRUE(Has(account.body, "<option value=\"en\" lang=\"en\" selected>English</option>"));

  HttpResult saved = PostAs(server, ana, "/account/language", "language=es");
  EXPECT_EQ(saved.status, 303u);
  EXPECT_EQ(saved.Header("location"), "/es/account?done=language");
  EXPECT_EQ(LanguageOf("ana@example.org"), "es");
  HttpResult spanish = server.Get("/es/account?done=language", {{"Cookie", ana.cookie}});
  EXPECT_TRUE(Has(spanish.body, "Tu idioma se ha guardado."));
  EXPECT_TRUE(Has(spanish.body, "<option value=\"es\" lang=\"es\" selected>Español</option>"));

  // A language we do not have changes nothing.
  EXPECT_EQ(PostAs(server, ana, "/account/language", "language=de").status, 422u);
  EXPECT_EQ(LanguageOf("ana@example.org"), "es");

  // Asked for from an English page, the reset e-mail is still in Ana's language.
  SignedIn visitor = OpenForm(server, "/password/forgot");
  PostForm(server, "/password/forgot", visitor.cookie, "csrf=" + visitor.csrf + "&email=ana%40example.org");
  EXPECT_EQ(LatestSubjectTo(database_, "ana@example.org"), "Elige una nueva contraseña para DiseaseMaps");
  const std::string mail = LatestMailTo(database_, "ana@example.org");
  EXPECT_TRUE(Has(mail, "Hola:")) << mail;
  EXPECT_TRUE(Has(mail, "/es/password/reset?token=")) << mail;
}

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

INSTANTIATE_TEST_SUITE_P(Backends, MemberLanguageTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
