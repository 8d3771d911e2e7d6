// The community map's privacy rules as a table: viewer (anonymous, member, suspended
// member, admin) × visibility (public, members, hidden) × city size against k.
#include "map/map_privacy.h"

#include <gtest/gtest.h>

namespace diseasemaps::map {
namespace {

using guard::Visibility;

guard::Viewer Anonymous() { return {}; }
guard::Viewer Member() {
  guard::Viewer v;
  v.user_id = 7;
  v.roles = {guard::Role::kMember};
  return v;
}
guard::Viewer Suspended() {
  guard::Viewer v = Member();
  v.suspended = true;
  return v;
}
guard::Viewer Admin() {
  guard::Viewer v = Member();
  v.roles.insert(guard::Role::kAdmin);
  return v;
}

struct Row {
  const char* viewer_name;
  guard::Viewer viewer;
  Visibility visibility;
  bool shown;
};

TEST(MapPrivacy, WhoSeesWhomIsATable) {
  const Row rows[] = {
      {"anonymous", Anonymous(), Visibility::kPublic, true},
      {"anonymous", Anonymous(), Visibility::kMembers, false},
      {"anonymous", Anonymous(), Visibility::kHidden, false},
      {"member", Member(), Visibility::kPublic, true},
      {"member", Member(), Visibility::kMembers, true},
      {"member", Member(), Visibility::kHidden, false},
      {"suspended member", Suspended(), Visibility::kPublic, true},
      {"suspended member", Suspended(), Visibility::kMembers, false},
      {"suspended member", Suspended(), Visibility::kHidden, false},
      {"admin", Admin(), Visibility::kPublic, true},
      {"admin", Admin(), Visibility::kMembers, true},
      {"admin", Admin(), Visibility::kHidden, false},  // hidden: totals only, even for admins
  };
  for (const Row& row : rows) {
    const ViewerClass c = ClassOf(row.viewer);
    EXPECT_EQ(ShownOnMap(c, row.visibility, true), row.shown)
        << row.viewer_name << " / " << guard::VisibilityName(row.visibility);
    // The map never disagrees with the guard's lists.
    EXPECT_EQ(ShownOnMap(c, row.visibility, true), guard::CanListMember(row.viewer, row.visibility))
        << row.viewer_name << " / " << guard::VisibilityName(row.visibility);
    // A suspended or deleted account is never on the map, whoever looks.
    EXPECT_FALSE(ShownOnMap(c, row.visibility, false)) << row.viewer_name;
  }
}

TEST(MapPrivacy, ViewerClasses) {
  EXPECT_EQ(ClassOf(Anonymous()), ViewerClass::kAnonymous);
  EXPECT_EQ(ClassOf(Suspended()), ViewerClass::kAnonymous);
  EXPECT_EQ(ClassOf(Member()), ViewerClass::kMember);
  EXPECT_EQ(ClassOf(Admin()), ViewerClass::kMember);
}

TEST(MapPrivacy, SmallCitiesShowAtTheirCountryForVisitorsOnly) {
  struct SizeRow {
    ViewerClass viewer;
    uint32_t members, k;
    bool as_city;
  };
  const SizeRow rows[] = {
      {ViewerClass::kAnonymous, 0, 3, false}, {ViewerClass::kAnonymous, 1, 3, false},
      {ViewerClass::kAnonymous, 2, 3, false}, {ViewerClass::kAnonymous, 3, 3, true},
      {ViewerClass::kAnonymous, 40, 3, true}, {ViewerClass::kAnonymous, 1, 1, true},
      {ViewerClass::kAnonymous, 9, 10, false}, {ViewerClass::kMember, 1, 3, true},
      {ViewerClass::kMember, 2, 3, true},     {ViewerClass::kMember, 3, 3, true},
  };
  for (const SizeRow& row : rows) {
    EXPECT_EQ(CityShownAsCity(row.viewer, row.members, row.k), row.as_city)
        << (row.viewer == ViewerClass::kAnonymous ? "anonymous" : "member") << " " << row.members << " vs k="
        << row.k;
  }
}

TEST(MapPrivacy, HiddenMembersCountInTotalsOnly) {
  EXPECT_TRUE(CountedInTotals(true));
  EXPECT_FALSE(CountedInTotals(false));
}

// Regression (security probe): a profile named the city the map hid. A city is named
// beside a member only when every scope the page ties them to shows it as a city.
TEST(MapPrivacy, ACityIsNamedOnlyWhereEveryScopeShowsItAsACity) {
  const std::vector<uint32_t> enough = {3, 5}, one_small = {7, 2}, alone = {1};
  EXPECT_TRUE(CityNameable(ViewerClass::kAnonymous, enough, 3));
  EXPECT_FALSE(CityNameable(ViewerClass::kAnonymous, one_small, 3));
  EXPECT_FALSE(CityNameable(ViewerClass::kAnonymous, alone, 3));
  EXPECT_TRUE(CityNameable(ViewerClass::kAnonymous, alone, 1));
  EXPECT_TRUE(CityNameable(ViewerClass::kMember, alone, 3));
  EXPECT_TRUE(CityNameable(ViewerClass::kMember, one_small, 3));
}

}  // namespace
}  // namespace diseasemaps::map
