// ClientAddress and TrustedProxies: X-Forwarded-For is believed only from listed
// proxies, read from the right, and never past the first hop nobody vouches for.
#include "http/client_address.h"

#include <gtest/gtest.h>

namespace diseasemaps::http {
namespace {

TrustedProxies Trust(std::string_view list) {
  auto parsed = TrustedProxies::Parse(list);
  EXPECT_TRUE(parsed.ok()) << list;
  return parsed.ok() ? *parsed : TrustedProxies();
}

TEST(TrustedProxies, ParsesAddressesAndRanges) {
  const TrustedProxies proxies = Trust("127.0.0.1, 10.0.0.0/8 fd00::/8,::1");
  const auto at = [](const char* text) { return boost::asio::ip::make_address(text); };
  EXPECT_TRUE(proxies.Contains(at("127.0.0.1")));
  EXPECT_FALSE(proxies.Contains(at("127.0.0.2")));
  EXPECT_TRUE(proxies.Contains(at("10.200.3.4")));
  EXPECT_FALSE(proxies.Contains(at("11.0.0.1")));
  EXPECT_TRUE(proxies.Contains(at("fd12::5")));
  EXPECT_FALSE(proxies.Contains(at("fe80::1")));
  EXPECT_TRUE(proxies.Contains(at("::1")));
  EXPECT_TRUE(Trust("").empty());
  EXPECT_TRUE(Trust("192.168.1.0/23").Contains(at("192.168.0.77")));
  EXPECT_FALSE(Trust("192.168.1.0/23").Contains(at("192.168.2.1")));
  EXPECT_TRUE(Trust("0.0.0.0/0").Contains(at("8.8.8.8")));
}

TEST(TrustedProxies, RefusesWhatIsNotAnAddressOrRangeByName) {
  for (const char* bad : {"localhost", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/8x", "1.2.3", "10.0.0.0/-1"}) {
    auto parsed = TrustedProxies::Parse(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_NE(parsed.status().message().find(bad), std::string::npos) << parsed.status().message();
  }
}

TEST(ClientAddress, IsThePeerUnlessThePeerIsATrustedProxy) {
  const TrustedProxies proxies = Trust("127.0.0.1, 10.0.0.0/8");
  struct Case {
    const char* peer;
    const char* forwarded;
    const char* client;
  };
  for (const Case& c : {
           Case{"203.0.113.9", "198.51.100.1", "203.0.113.9"},          // not a proxy: forged header ignored
           Case{"127.0.0.1", "", "127.0.0.1"},                           // a proxy with no header
           Case{"127.0.0.1", "198.51.100.1", "198.51.100.1"},            // one proxy
           Case{"127.0.0.1", "198.51.100.1, 10.1.1.1", "198.51.100.1"},  // two proxies
           Case{"127.0.0.1", "6.6.6.6, 198.51.100.1", "198.51.100.1"},   // the client's own forgery, left of it
           Case{"127.0.0.1", "10.0.0.5, 10.0.0.6", "10.0.0.5"},          // all hops trusted: the leftmost
           Case{"127.0.0.1", "not-an-ip, 198.51.100.1", "198.51.100.1"},
           Case{"127.0.0.1", "198.51.100.1, garbage", "127.0.0.1"},      // garbage next to us: believe nothing
           Case{"127.0.0.1", " 2001:db8::7 ", "2001:db8::7"},
           Case{"::ffff:127.0.0.1", "198.51.100.1", "198.51.100.1"},     // IPv4 seen by a dual-stack socket
       }) {
    EXPECT_EQ(ClientAddress(c.peer, c.forwarded, proxies), c.client) << c.peer << " / " << c.forwarded;
  }
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1", TrustedProxies()), "127.0.0.1");
}

}  // namespace
}  // namespace diseasemaps::http
