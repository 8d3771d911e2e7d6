// Regression (security probe): multi-byte text in API parameters answered 500. The map
// API echoed a parameter cut by bytes, splitting a character, and the JSON error could
// not be written. This sweep puts text in 1-, 2-, 3- and 4-byte characters, and malformed
// bytes, at many lengths (around every cut the handlers make: 40, 100, 200 characters or
// bytes) into every parameter of every API endpoint, on SQLite and PostgreSQL: each
// answer is below 500 and is valid JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/url.h"
#include "test_server.h"

namespace diseasemaps::testing {
namespace {

std::string Backends(const ::testing::TestParamInfo<Backend>& info) { return BackendName(info.param); }

class ApiInputTest : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase database_{GetParam()};
};

// Every endpoint with the parameters it reads; each parameter is swept while the others
// keep the valid values given here.
struct Endpoint {
  std::string path;
  std::vector<std::pair<std::string, std::string>> parameters;
};

const std::vector<Endpoint>& Endpoints() {
  static const std::vector<Endpoint> endpoints = {
      {"/api/v1/map", {{"zoom", "3"}, {"bbox", "-180,-85,180,85"}, {"condition", ""}, {"roles", ""}}},
      {"/api/v1/map/members", {{"place", "country:FR"}, {"condition", ""}, {"roles", ""}, {"page", "1"}}},
      {"/api/v1/map/countries", {{"condition", ""}, {"roles", ""}}},
      {"/api/v1/search", {{"q", "cystic"}, {"page", "1"}}},
      {"/api/v1/suggest", {{"q", "cys"}}},
      {"/api/v1/conditions", {{"page", "1"}, {"per_page", "10"}}},
      {"/api/v1/places", {{"q", "Lyon"}}},
      {"/api/v1/places/countries", {}},
  };
  return endpoints;
}

std::string Repeated(const std::string& unit, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

std::string Target(const Endpoint& endpoint, const std::string& swept, const std::string& value) {
  std::string target = endpoint.path;
  char separator = '?';
  for (const auto& [name, fallback] : endpoint.parameters) {
    target += separator + name + "=" + http::PercentEncode(name == swept ? value : fallback);
    separator = '&';
  }
  return target;
}

TEST_P(ApiInputTest, MultiByteTextOfAnyLengthInAnyParameterIsAnsweredWithoutA500) {
  TestServer server(database_);
  ASSERT_TRUE(server.started());
  // "é" 2 bytes, "€" 3, "😀" 4; "\xFF" and a lone continuation byte are not UTF-8 at all.
  const std::vector<std::string> units = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xFF", "a\x80"};
  std::vector<size_t> lengths;
  for (size_t n = 1; n <= 45; ++n) lengths.push_back(n);
  for (size_t n : {66, 67, 98, 99, 100, 101, 102, 199, 200, 201}) lengths.push_back(n);
  int requests = 0;
  for (const Endpoint& endpoint : Endpoints()) {
    std::vector<std::string> swept;
    for (const auto& parameter : endpoint.parameters) swept.push_back(parameter.first);
    if (swept.empty()) swept.push_back("unexpected");  // an endpoint that reads none ignores it
    for (const std::string& parameter : swept) {
      for (const std::string& unit : units) {
        for (size_t length : lengths) {
          const std::string target = Target(endpoint, parameter, Repeated(unit, length));
          HttpResult r = server.Get(endpoint.parameters.empty() ? target + "?unexpected=" +
                                                                       http::PercentEncode(Repeated(unit, length))
                                                                 : target);
          ++requests;
          ASSERT_LT(r.status, 500u) << target << "\n" << r.body;
          ASSERT_FALSE(nlohmann::json::parse(r.body, nullptr, false).is_discarded()) << target << "\n" << r.body;
        }
      }
    }
  }
  EXPECT_GT(requests, 4000);
  // The echo is cut by characters: the message still quotes the start of what was sent.
  HttpResult echoed = server.Get("/api/v1/map?zoom=1&condition=" + http::PercentEncode(Repeated("\xE2\x82\xAC", 140)));
  EXPECT_EQ(echoed.status, 400u);
  EXPECT_NE(echoed.body.find(Repeated("\xE2\x82\xAC", 100) + "\xE2\x80\xA6"), std::string::npos) << echoed.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiInputTest, ::testing::ValuesIn(AllBackends()), Backends);

}  // namespace
}  // namespace diseasemaps::testing
