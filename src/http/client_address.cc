#include "http/client_address.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace diseasemaps::http {
namespace {

namespace ip = boost::asio::ip;

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<ip::address> ParseAddress(std::string_view text) {
  boost::system::error_code ec;
  ip::address address = ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  // An IPv4 address a dual-stack socket reports as ::ffff:a.b.c.d is that IPv4 address.
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return ip::address(ip::make_address_v4(ip::v4_mapped, address.to_v6()));
  }
  return address;
}

// The address as 16 bytes (IPv4 in the first 4), to compare prefixes of either family.
std::array<unsigned char, 16> BytesOf(const ip::address& address) {
  std::array<unsigned char, 16> bytes{};
  if (address.is_v4()) {
    const auto v4 = address.to_v4().to_bytes();
    std::copy(v4.begin(), v4.end(), bytes.begin());
  } else {
    bytes = address.to_v6().to_bytes();
  }
  return bytes;
}

bool SamePrefix(const ip::address& a, const ip::address& b, unsigned bits) {
  const auto x = BytesOf(a), y = BytesOf(b);
  for (unsigned i = 0; i < bits / 8; ++i) {
    if (x[i] != y[i]) return false;
  }
  if (bits % 8 == 0) return true;
  const auto mask = static_cast<unsigned char>(0xff << (8 - bits % 8));
  return (x[bits / 8] & mask) == (y[bits / 8] & mask);
}

}  // namespace

Result<TrustedProxies> TrustedProxies::Parse(std::string_view list) {
  TrustedProxies proxies;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t end = std::min(list.find_first_of(", \t", start), list.size());
    const std::string_view item = list.substr(start, end - start);
    start = end + 1;
    if (item.empty()) continue;
    const std::size_t slash = item.find('/');
    const auto address = ParseAddress(item.substr(0, slash));
    const auto refuse = [&] {
      return Status::InvalidArgument("--trust-proxy: '" + std::string(item) +
                                     "' is not an IP address or a CIDR range such as 10.0.0.0/8 or fd00::/8");
    };
    if (!address) return refuse();
    Range range{*address, address->is_v4() ? 32u : 128u};
    if (slash != std::string_view::npos) {
      const std::string_view bits = item.substr(slash + 1);
      unsigned value = 0;
      const auto [end_of_number, error] = std::from_chars(bits.data(), bits.data() + bits.size(), value);
      if (error != std::errc() || end_of_number != bits.data() + bits.size() || bits.empty() ||
          value > range.prefix_bits) {
        return refuse();
      }
      range.prefix_bits = value;
    }
    proxies.ranges_.push_back(range);
  }
  return proxies;
}

bool TrustedProxies::Contains(const ip::address& address) const {
  return std::any_of(ranges_.begin(), ranges_.end(), [&](const Range& range) {
    return range.network.is_v4() == address.is_v4() && SamePrefix(range.network, address, range.prefix_bits);
  });
}

std::string ClientAddress(std::string_view peer, std::string_view x_forwarded_for,
                          const TrustedProxies& trusted) {
  if (trusted.empty()) return std::string(peer);
  const auto peer_address = ParseAddress(peer);
  if (!peer_address || !trusted.Contains(*peer_address)) return std::string(peer);
  std::string client = peer_address->to_string();
  // From the right: each hop a listed proxy vouches for, until one that is not listed.
  std::string_view rest = x_forwarded_for;
  while (!rest.empty()) {
    const std::size_t comma = rest.rfind(',');
    const std::string_view hop = Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    const auto address = ParseAddress(hop);
    if (!address) break;  // garbage: believe nothing further left
    client = address->to_string();
    if (!trusted.Contains(*address)) break;
  }
  return client;
}

}  // namespace diseasemaps::http
