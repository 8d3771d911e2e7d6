#include "accounts/account_rules.h"
#include "accounts/password_policy.h"

#include <gtest/gtest.h>

namespace diseasemaps::accounts {
namespace {

TEST(PasswordPolicy, RefusesShortCommonAndPersonalPasswords) {
  EXPECT_TRUE(PasswordProblem("short", "a@b.org", "A").has_value());
  EXPECT_TRUE(PasswordProblem("123456789", "a@b.org", "A").has_value());  // 9 characters
  EXPECT_TRUE(PasswordProblem("1234567890", "a@b.org", "A").has_value());
  EXPECT_TRUE(PasswordProblem("QwertyUIOP", "a@b.org", "A").has_value());   // listed, any case
  EXPECT_TRUE(PasswordProblem("monkey2024!", "a@b.org", "A").has_value());  // listed word + digits
  EXPECT_TRUE(PasswordProblem("!!football99", "a@b.org", "A").has_value());
  EXPECT_TRUE(PasswordProblem("aaaaaaaaaaaa", "a@b.org", "A").has_value());
  EXPECT_TRUE(PasswordProblem("DiseaseMaps2026", "a@b.org", "A").has_value());
  EXPECT_TRUE(PasswordProblem("jonathan.smith", "jonathan.smith@example.org", "J").has_value());
  EXPECT_TRUE(PasswordProblem(std::string(1025, 'x') + "y", "a@b.org", "A").has_value());
  EXPECT_FALSE(PasswordProblem("violet harbour kettle", "a@b.org", "A").has_value());
  EXPECT_FALSE(PasswordProblem("Tr0mb0ne-Ceiling", "a@b.org", "A").has_value());
}

TEST(PasswordPolicy, TheShippedListIsLoaded) {
  EXPECT_TRUE(IsListedCommonPassword("password"));
  EXPECT_TRUE(IsListedCommonPassword("PASSWORD"));
  EXPECT_TRUE(IsListedCommonPassword("trustno1"));
  EXPECT_FALSE(IsListedCommonPassword("violet harbour kettle"));
}

TEST(AccountRules, EmailAddresses) {
  EXPECT_TRUE(LooksLikeEmail("pat@example.org"));
  EXPECT_TRUE(LooksLikeEmail("pat.o'brien+maps@mail.example.co.uk"));
  for (const char* bad : {"", "pat", "@example.org", "pat@", "pat@example", "pat@@example.org", "pat @example.org",
                          "pat@example..org", "pat@example.org.", "<pat@example.org>", "pat@.org"}) {
    EXPECT_FALSE(LooksLikeEmail(bad)) << bad;
  }
  EXPECT_FALSE(LooksLikeEmail(std::string(250, 'a') + "@example.org"));
}

TEST(AccountRules, DisplayNames) {
  EXPECT_EQ(DisplayNameProblem("Pat"), "");
  EXPECT_EQ(DisplayNameProblem("Zoë Åström"), "");
  EXPECT_EQ(DisplayNameProblem(std::string(60, 'x')), "");
  EXPECT_NE(DisplayNameProblem(std::string(61, 'x')), "");
  EXPECT_EQ(DisplayNameProblem(std::string(30, 'x') + std::string(30 * 2, '\xC3')).empty(), false);  // not UTF-8
  std::string sixty_accented;
  for (int i = 0; i < 60; ++i) sixty_accented += "é";  // 120 bytes, 60 characters
  EXPECT_EQ(DisplayNameProblem(sixty_accented), "");
  EXPECT_NE(DisplayNameProblem("   "), "");
  EXPECT_NE(DisplayNameProblem("a\x01" "b"), "");
}

TEST(AccountRules, RegistrationNamesEveryWrongField) {
  const FieldErrors errors = CheckRegistration("nope", "", "");
  EXPECT_EQ(errors.size(), 3u);
  EXPECT_TRUE(errors.count("email") && errors.count("display_name") && errors.count("password"));
  EXPECT_TRUE(CheckRegistration("pat@example.org", "Pat", "violet harbour kettle").empty());
}

}  // namespace
}  // namespace diseasemaps::accounts
