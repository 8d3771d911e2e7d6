// The map pages' role table: the filters must send the names the API parses, the legend
// must say the words the totals say, and no two roles may share a colour or a shape
// (the legend never relies on colour alone).
#include <gtest/gtest.h>

#include <set>

#include "map/map_pages.h"
#include "map/map_store.h"

namespace diseasemaps::map {
namespace {

TEST(MapPagesRoles, AreTheContractsSixRolesInItsOrderAndWords) {
  const auto& roles = MapRoles();
  ASSERT_EQ(roles.size(), 6u);
  const std::pair<const char*, const char*> expected[] = {
      {"affected", "affected"},         {"family", "family & friends"},
      {"adviser", "adviser"},           {"researcher", "researcher"},
      {"professional", "healthcare professional"}, {"organisation", "organisation"}};
  for (std::size_t i = 0; i < roles.size(); ++i) {
    EXPECT_EQ(roles[i].name, expected[i].first);
    EXPECT_EQ(roles[i].label, expected[i].second);
    EXPECT_TRUE(ParseRoleName(roles[i].name).has_value()) << roles[i].name;
  }
}

TEST(MapPagesRoles, EachHasItsOwnColourAndShape) {
  std::set<std::string> colours, shapes, paths;
  for (const MapRole& role : MapRoles()) {
    colours.insert(role.colour);
    shapes.insert(role.shape);
    paths.insert(role.path);
    EXPECT_EQ(role.colour.size(), 7u) << role.name;  // #RRGGBB
  }
  EXPECT_EQ(colours.size(), 6u);
  EXPECT_EQ(shapes, (std::set<std::string>{"circle", "square", "triangle", "diamond", "star", "hexagon"}));
  EXPECT_EQ(paths.size(), 6u);
}

}  // namespace
}  // namespace diseasemaps::map
