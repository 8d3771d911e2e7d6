// Client addresses behind a reverse proxy (`serve --trust-proxy ADDRESSES`).
//
// A request's client is the socket's peer, unless the peer is a proxy the operator
// listed: then X-Forwarded-For is read from the right (each proxy appends the address it
// saw), skipping listed proxies, and the first address not listed is the client. A
// forged X-Forwarded-For from a client that is not a listed proxy is ignored, and what a
// client writes to the left of the first untrusted hop is never believed, so nobody can
// choose the address their rate limits are counted under. Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/address.hpp>

#include "platform/status.h"

namespace diseasemaps::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;  // trusts nobody: the socket's peer is the client

  // A comma- or space-separated list of addresses and CIDR ranges, such as
  // "127.0.0.1, 10.0.0.0/8, ::1". An empty list trusts nobody.
  static Result<TrustedProxies> Parse(std::string_view list);

  bool Contains(const boost::asio::ip::address& address) const;
  bool empty() const { return ranges_.empty(); }

 private:
  struct Range {
    boost::asio::ip::address network;
    unsigned prefix_bits = 0;
  };
  std::vector<Range> ranges_;
};

// The client's address for a request that came from peer with this X-Forwarded-For
// value ("" when absent). Returns peer unless peer is trusted.
std::string ClientAddress(std::string_view peer, std::string_view x_forwarded_for,
                          const TrustedProxies& trusted);

}  // namespace diseasemaps::http
