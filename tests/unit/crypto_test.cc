#include "platform/crypto.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

namespace diseasemaps {
namespace {

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitCrypto().ok()); }
};

TEST_F(CryptoTest, PasswordHashVerifiesOnlyTheSamePassword) {
  PasswordHasher hasher(2);
  auto hash = hasher.Hash("correct horse battery staple");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(hasher.Verify("correct horse battery staple", *hash));
  EXPECT_FALSE(hasher.Verify("correct horse battery stapl", *hash));
  EXPECT_FALSE(hasher.Verify("", *hash));
  EXPECT_FALSE(hasher.Verify("anything", ""));
  EXPECT_FALSE(hasher.Verify("anything", "not a hash"));
}

TEST_F(CryptoTest, SamePasswordHashesDifferentlyEachTime) {
  PasswordHasher hasher(1);
  EXPECT_NE(*hasher.Hash("same password"), *hasher.Hash("same password"));  // salted
}

TEST_F(CryptoTest, ConcurrentHashesAreBoundedButAllFinish) {
  PasswordHasher hasher(1);
  std::vector<std::thread> threads;
  std::vector<bool> ok(4, false);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      auto hash = hasher.Hash("password " + std::to_string(i));
      ok[static_cast<std::size_t>(i)] = hash.ok() && hasher.Verify("password " + std::to_string(i), *hash);
    });
  }
  for (auto& t : threads) t.join();
  for (bool each : ok) EXPECT_TRUE(each);
}

TEST_F(CryptoTest, TokensAreUrlSafeAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string token = RandomToken();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    EXPECT_TRUE(seen.insert(token).second);
  }
}

TEST_F(CryptoTest, TokenDigestIsSha256Hex) {
  EXPECT_EQ(TokenDigest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(TokenDigest("").size(), 64u);
}

TEST_F(CryptoTest, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("token", "token"));
  EXPECT_FALSE(ConstantTimeEquals("token", "tokem"));
  EXPECT_FALSE(ConstantTimeEquals("token", "token2"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

}  // namespace
}  // namespace diseasemaps
