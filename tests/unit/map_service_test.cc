// The map service's pure helpers: the totals sentence and place ids.
#include "map/map_service.h"

#include <gtest/gtest.h>

namespace diseasemaps::map {
namespace {

TEST(MapTotals, SummarySentence) {
  EXPECT_EQ(TotalsSummary({}), "No members yet");
  EXPECT_EQ(TotalsSummary({1, 0, 0, 0, 0, 0}), "1 member: 1 affected");
  EXPECT_EQ(TotalsSummary({36, 2, 1, 1, 0, 1}),
            "41 members: 36 affected, 2 family & friends, 1 adviser, 1 researcher, 1 organisation");
  // Each role agrees with its number (it used to read "2 healthcare professional").
  EXPECT_EQ(TotalsSummary({0, 0, 0, 0, 2, 0}), "2 members: 2 healthcare professionals");
  EXPECT_EQ(TotalsSummary({19000, 87, 0, 0, 0, 0}), "19,087 members: 19,000 affected, 87 family & friends");
}

TEST(MapPlaces, PlaceIdsRoundTrip) {
  EXPECT_EQ(PlaceIdOf(*ParsePlaceId("city:2996944")), "city:2996944");
  EXPECT_EQ(PlaceIdOf(*ParsePlaceId("country:FR")), "country:FR");
  EXPECT_TRUE(IsCountryKey(*ParsePlaceId("country:FR")));
  for (const char* bad : {"", "city:", "city:0", "city:12a", "city:-1", "country:fr", "country:FRA", "town:1",
                          "city:99999999999999999"}) {
    EXPECT_FALSE(ParsePlaceId(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace diseasemaps::map
