// Demo data: the same seed makes the same members; another seed, others; every member
// is well formed (a real city or country, one to three distinct real conditions).
#include "map/demo_data.h"

#include <gtest/gtest.h>

#include <set>

namespace diseasemaps::map {
namespace {

const std::vector<int> kCodes = {1183, 558, 586, 324, 79318, 98896};

std::string Describe(const SyntheticMember& m) {
  std::string out = m.email;
  for (const std::string& part : {m.display_name, guard::VisibilityName(m.row.visibility),
                                  std::to_string(m.row.city_id), m.row.country_code,
                                  std::to_string(m.accepts_contact)}) {
    out += '|';
    out += part;
  }
  for (size_t i = 0; i < m.row.memberships.size(); ++i) {
    out += '|';
    out += std::to_string(m.row.memberships[i].first);
    out += ':';
    out += RoleName(m.row.memberships[i].second);
    out += '@';
    out += std::to_string(m.joined_at[i]);
  }
  return out;
}

TEST(DemoData, TheSameSeedMakesTheSameMembers) {
  DemoGenerator a(42, Gazetteer::Embedded(), kCodes), b(42, Gazetteer::Embedded(), kCodes);
  DemoGenerator c(43, Gazetteer::Embedded(), kCodes);
  int differ = 0;
  for (int i = 0; i < 500; ++i) {
    const std::string x = Describe(a.Next(i));
    EXPECT_EQ(x, Describe(b.Next(i))) << i;
    differ += x != Describe(c.Next(i));
  }
  EXPECT_GT(differ, 450);
}

TEST(DemoData, MembersAreWellFormedAndVaried) {
  DemoGenerator g(7, Gazetteer::Embedded(), kCodes);
  std::set<std::string> visibilities, countries;
  std::set<int> roles;
  std::map<int, int> per_condition;
  for (int i = 0; i < 2000; ++i) {
    const SyntheticMember m = g.Next(i);
    ASSERT_FALSE(m.row.memberships.empty());
    ASSERT_LE(m.row.memberships.size(), 3u);
    ASSERT_EQ(m.joined_at.size(), m.row.memberships.size());
    std::set<int> codes;
    for (const auto& [code, role] : m.row.memberships) {
      codes.insert(code);
      roles.insert(static_cast<int>(role));
      ++per_condition[code];
    }
    EXPECT_EQ(codes.size(), m.row.memberships.size());  // distinct conditions
    EXPECT_TRUE(m.email.ends_with("@synthetic.invalid"));
    if (m.row.place_kind == MemberRow::PlaceKind::kCity) {
      const City* city = Gazetteer::Embedded().FindCity(m.row.city_id);
      ASSERT_NE(city, nullptr);
      EXPECT_EQ(city->latitude, m.row.latitude);
      EXPECT_EQ(std::string(city->country_code), m.row.country_code);
    }
    if (m.row.place_kind != MemberRow::PlaceKind::kNone) countries.insert(m.row.country_code);
    visibilities.insert(guard::VisibilityName(m.row.visibility));
  }
  EXPECT_EQ(visibilities.size(), 3u);
  EXPECT_EQ(roles.size(), 6u);
  EXPECT_GT(countries.size(), 20u);
  int most = 0, least = 1 << 30;
  for (const auto& [code, n] : per_condition) {
    most = std::max(most, n);
    least = std::min(least, n);
  }
  EXPECT_GT(most, 3 * least);  // some communities draw far more members
}

}  // namespace
}  // namespace diseasemaps::map
