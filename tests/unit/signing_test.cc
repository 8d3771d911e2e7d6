// Signed tokens (platform/signing.h): what one key signs it accepts; a changed payload,
// signature or key, or text without a signature, it refuses.
#include "platform/signing.h"

#include <gtest/gtest.h>

namespace diseasemaps {
namespace {

TEST(SigningTest, AcceptsItsOwnTokensAndNothingChanged) {
  const std::string token = SignToken("key one", "u12");
  EXPECT_EQ(token.rfind("u12.", 0), 0u);
  EXPECT_EQ(token.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."),
            std::string::npos);
  EXPECT_EQ(VerifyToken("key one", token), "u12");
  EXPECT_FALSE(VerifyToken("key two", token));
  EXPECT_FALSE(VerifyToken("", token));
  EXPECT_FALSE(VerifyToken("key one", "u13" + token.substr(3)));
  EXPECT_FALSE(VerifyToken("key one", token.substr(0, token.size() - 1)));
  EXPECT_FALSE(VerifyToken("key one", token + "A"));
  EXPECT_FALSE(VerifyToken("key one", "u12"));
  EXPECT_FALSE(VerifyToken("key one", ".abc"));
  EXPECT_NE(SignToken("key one", "u12"), SignToken("key one", "u21"));
}

}  // namespace
}  // namespace diseasemaps
