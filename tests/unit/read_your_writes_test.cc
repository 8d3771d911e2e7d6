#include "http/read_your_writes.h"

#include <gtest/gtest.h>

#include "platform/db/replica_scope.h"
#include "platform/page_cache.h"

namespace diseasemaps::http {
namespace {

class ReadYourWritesTest : public ::testing::Test {
 protected:
  ReadYourWrites policy_{"a-key-of-thirty-two-bytes-length", std::chrono::seconds(5), false, [this] { return now_; }};
  long long now_ = 1'000'000;

  // A request carrying `cookie` (none when empty).
  static bool ReadsPrimary(const ReadYourWrites& policy, beast_http::verb method, const std::string& cookie) {
    RawRequest raw;
    if (!cookie.empty()) raw.set(beast_http::field::cookie, cookie);
    Request request;
    request.raw = &raw;
    request.method = method;
    return policy.ReadsPrimary(request);
  }
  // The dm_primary cookie ("dm_primary=…") set after `method` answered `status`, or "".
  std::string CookieAfter(beast_http::verb method, unsigned status) {
    Request request;
    request.method = method;
    Response response = Response::Html("ok");
    response.status = status;
    policy_.AfterRequest(request, response);
    const std::string set(response.HeaderValue("Set-Cookie"));
    return set.substr(0, set.find(';'));
  }
};

TEST_F(ReadYourWritesTest, AWriteMakesTheNextReadsGoToThePrimaryForTheWindow) {
  const std::string cookie = CookieAfter(beast_http::verb::post, 303);
  ASSERT_EQ(cookie.rfind("dm_primary=", 0), 0u);
  EXPECT_TRUE(ReadsPrimary(policy_, beast_http::verb::get, "dm_session=abc; " + cookie));
  now_ += 4;
  EXPECT_TRUE(ReadsPrimary(policy_, beast_http::verb::get, cookie));
  now_ += 1;  // the window has ended
  EXPECT_FALSE(ReadsPrimary(policy_, beast_http::verb::get, cookie));
}

TEST_F(ReadYourWritesTest, ReadsAndRefusedWritesSetNoCookie) {
  EXPECT_EQ(CookieAfter(beast_http::verb::get, 200), "");
  EXPECT_EQ(CookieAfter(beast_http::verb::head, 200), "");
  EXPECT_EQ(CookieAfter(beast_http::verb::post, 422), "");
  EXPECT_EQ(CookieAfter(beast_http::verb::post, 403), "");
  EXPECT_NE(CookieAfter(beast_http::verb::post, 200), "");
}

TEST_F(ReadYourWritesTest, AForgedAlteredOrForeignCookieIsIgnored) {
  EXPECT_FALSE(ReadsPrimary(policy_, beast_http::verb::get, ""));
  EXPECT_FALSE(ReadsPrimary(policy_, beast_http::verb::get, "dm_primary=99999999999"));
  const std::string cookie = CookieAfter(beast_http::verb::post, 303);
  const std::string signature = cookie.substr(cookie.find('.'));
  EXPECT_FALSE(ReadsPrimary(policy_, beast_http::verb::get, "dm_primary=99999999999" + signature));
  ReadYourWrites other_site{"another-key-of-thirty-two-bytes!", std::chrono::seconds(5), false,
                            [this] { return now_; }};
  EXPECT_FALSE(ReadsPrimary(other_site, beast_http::verb::get, cookie));
}

TEST(ReplicaReadScope, NestsAndPrimaryOnlySuspendsIt) {
  using Clock = std::chrono::steady_clock;
  EXPECT_FALSE(ReplicaReadScope::Current());
  {
    ReplicaReadScope outer;
    ASSERT_TRUE(ReplicaReadScope::Current());
    EXPECT_EQ(*ReplicaReadScope::Current(), Clock::time_point{});
    const Clock::time_point moment = Clock::now();
    {
      ReplicaReadScope inner(moment);
      EXPECT_EQ(*ReplicaReadScope::Current(), moment);
      PrimaryOnly exact;
      EXPECT_FALSE(ReplicaReadScope::Current());
    }
    EXPECT_EQ(*ReplicaReadScope::Current(), Clock::time_point{});
  }
  EXPECT_FALSE(ReplicaReadScope::Current());
}

TEST(PageCacheForReplica, RemembersWhenItWasLastEmptied) {
  PageCache cache(1 << 20);
  EXPECT_EQ(cache.last_invalidated(), std::chrono::steady_clock::time_point{});
  const auto before = std::chrono::steady_clock::now();
  cache.Invalidate();
  EXPECT_GE(cache.last_invalidated(), before);
  EXPECT_LE(cache.last_invalidated(), std::chrono::steady_clock::now());
}

}  // namespace
}  // namespace diseasemaps::http
