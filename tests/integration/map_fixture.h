// The community map's integration fixture, shared by the map's API tests (map_test.cc)
// and the place-privacy tests (place_privacy_test.cc): a test database with two
// conditions, members made straight in the database (name, visibility, place, role,
// status), a member joining from Lyon through the pages, and polling helpers.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <thread>

#include <nlohmann/json.hpp>

#include "http/url.h"
#include "platform/gazetteer.h"
#include "test_server.h"

namespace diseasemaps::testing {

inline constexpr const char* kPassword = "correct horse battery staple";
inline constexpr int kOrphacode = 900001;
inline constexpr int kOther = 900002;
inline constexpr const char* kConditionPath = "/conditions/testing-syndrome-900001";
inline constexpr const char* kWorld = "&bbox=-180,-85,180,85";

inline bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

inline const City& CityNamed(const std::string& text) {
  auto found = Gazetteer::Embedded().Resolve(text, 1);
  if (found.empty()) throw std::runtime_error("no city " + text);
  return *found.front();
}

class MapTest : public ::testing::TestWithParam<Backend> {
 protected:
  using json = nlohmann::json;

  void SetUp() override {
    InsertCondition(database_.db(), kOrphacode, "Testing syndrome");
    InsertCondition(database_.db(), kOther, "Other syndrome");
    lyon_ = &CityNamed("Lyon, Auvergne");
    marseille_ = &CityNamed("Marseille");
  }

  // A member made straight in the database (they never sign in): name, visibility,
  // place ("" none, a city, or "country:CC"), role in kOrphacode, status.
  long long AddMember(const std::string& name, const std::string& visibility, const City* city,
                      const std::string& country, const std::string& role, bool active = true,
                      bool accepts_contact = false, long long joined_at = 1700000000) {
    const std::string email = name + "@example.org";
    auto id = database_.db().InTransaction([&](soci::session& sql) -> Result<long long> {
      const std::string status = active ? "active" : "suspended";
      sql << "INSERT INTO users (email, email_key, display_name, password_hash, status, created_at)"
             " VALUES (:e, :k, :n, '!', :s, 1700000000)",
          soci::use(email), soci::use(email), soci::use(name), soci::use(status);
      long long user = 0;
      sql << "SELECT id FROM users WHERE email_key = :k", soci::use(email), soci::into(user);
      const int contact = accepts_contact ? 1 : 0;
      if (city != nullptr) {
        const std::string cname(city->name), admin(city->admin_area), cc(city->country_code);
        const long long city_id = city->id;
        const double lat = city->latitude, lng = city->longitude;
        sql << "INSERT INTO profiles (user_id, place_kind, city_id, city_name, admin_name, country_code,"
               " latitude, longitude, visibility, accepts_contact, updated_at)"
               " VALUES (:u, 'city', :cid, :cn, :an, :cc, :lat, :lng, :v, :c, 1)",
            soci::use(user), soci::use(city_id), soci::use(cname), soci::use(admin), soci::use(cc),
            soci::use(lat), soci::use(lng), soci::use(visibility), soci::use(contact);
      } else if (!country.empty()) {
        const Country* c = Gazetteer::Embedded().FindCountry(country);
        const double lat = c->latitude, lng = c->longitude;
        sql << "INSERT INTO profiles (user_id, place_kind, country_code, latitude, longitude, visibility,"
               " accepts_contact, updated_at) VALUES (:u, 'country', :cc, :lat, :lng, :v, :c, 1)",
            soci::use(user), soci::use(country), soci::use(lat), soci::use(lng), soci::use(visibility),
            soci::use(contact);
      } else {
        sql << "INSERT INTO profiles (user_id, visibility, updated_at) VALUES (:u, :v, 1)", soci::use(user),
            soci::use(visibility);
      }
      const int code = kOrphacode;
      sql << "INSERT INTO memberships (user_id, orphacode, role, joined_at) VALUES (:u, :o, :r, :j)",
          soci::use(user), soci::use(code), soci::use(role), soci::use(joined_at);
      return user;
    });
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  void AlsoJoin(long long user, int orphacode, const std::string& role, long long joined_at) {
    auto done = database_.db().Run([&](soci::session& sql) {
      sql << "INSERT INTO memberships (user_id, orphacode, role, joined_at) VALUES (:u, :o, :r, :j)",
          soci::use(user), soci::use(orphacode), soci::use(role), soci::use(joined_at);
      return Status::Ok();
    });
    EXPECT_TRUE(done.ok());
  }

  // The community of the fixture:
  //   Lyon: 3 public affected (one accepts contact), 1 hidden, 1 suspended public;
  //   Marseille: 2 public family, 1 members-only adviser;
  //   France without a city: 1 public researcher; nowhere: 1 members-only organisation.
  void AddCommunity() {
    lyon_ids_.push_back(AddMember("lyon1", "public", lyon_, "", "affected", true, true));
    lyon_ids_.push_back(AddMember("lyon2", "public", lyon_, "", "affected"));
    lyon_ids_.push_back(AddMember("lyon3", "public", lyon_, "", "affected"));
    AddMember("lyonhidden", "hidden", lyon_, "", "affected");
    AddMember("lyonsuspended", "public", lyon_, "", "affected", /*active=*/false);
    AddMember("mars1", "public", marseille_, "", "family");
    AddMember("mars2", "public", marseille_, "", "family");
    AddMember("mars3", "members", marseille_, "", "adviser");
    AddMember("france", "public", nullptr, "FR", "researcher");
    AddMember("nowhere", "members", nullptr, "", "organisation");
  }

  std::string LyonId() const { return "city:" + std::to_string(lyon_->id); }
  std::string MarseilleId() const { return "city:" + std::to_string(marseille_->id); }

  static json Parse(const HttpResult& r) {
    EXPECT_EQ(r.status, 200u) << r.body;
    return json::parse(r.body, nullptr, false);
  }
  // The item with that place_id, or null.
  static json Place(const json& map, const std::string& place_id) {
    for (const json& item : map["items"]) {
      if (item.value("place_id", "") == place_id) return item;
    }
    return nullptr;
  }
  static long long Visible(const json& map) {
    long long n = 0;
    for (const json& item : map["items"]) n += item["count"].get<long long>();
    return n;
  }

  // The member says they live in Lyon, publicly, and joins kOrphacode as affected.
  void JoinFromLyon(TestServer& server, const SignedIn& who, const std::string& name) {
    ASSERT_EQ(PostAs(server, who, "/account/profile",
                     "display_name=" + name + "&city=" + http::PercentEncode(Gazetteer::Embedded().Label(*lyon_)) +
                         "&city_id=" + std::to_string(lyon_->id) + "&country=&visibility=public")
                  .status,
              303u);
    ASSERT_EQ(PostAs(server, who, std::string(kConditionPath) + "/membership", "action=join&role=affected").status,
              303u);
  }

  // Polls until check(map answer) holds, for at most 15 s.
  bool Eventually(TestServer& server, const std::string& target, const std::map<std::string, std::string>& headers,
                  const std::function<bool(const json&)>& check) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (true) {
      HttpResult r = server.Get(target, headers);
      if (r.status == 200u && check(json::parse(r.body, nullptr, false))) return true;
      if (std::chrono::steady_clock::now() > deadline) {
        ADD_FAILURE() << "still, after 15 s, " << target << " answers " << r.status << " " << r.body;
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  TestDatabase database_{GetParam()};
  const City* lyon_ = nullptr;
  const City* marseille_ = nullptr;
  std::vector<long long> lyon_ids_;
};

}  // namespace diseasemaps::testing
