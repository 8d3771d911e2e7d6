// The charts of a condition's shared experiences, pure: server-rendered SVG bar charts
// and the same numbers as a table, built from the SUPPRESSED aggregates the API serves
// (experiences_view.h), so a page can never show a number the API would not.
//
// Guarantees: a count from 1 to 4 never appears as a number nor as a bar (it reads
// "fewer than 5" and has no bar); a hidden (complementary) cell reads "not shown" and
// has no bar; a part fewer than k people answered is a sentence saying so, with no chart;
// every chart has a title, a description and a table with the same numbers. Geometry is
// in a fixed viewBox that scales down to a 360 px phone. No state: thread-safe.
#pragma once

#include <map>
#include <utility>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "experiences/suppression.h"

namespace diseasemaps::experiences {

// One bar: its words, its shown count, and words beside it (Orphanet's band of a sign).
struct ChartRow {
  std::string label;
  ShownCount count;
  std::string beside{};       // "" when none
  std::string value_words{};  // shown instead of the count's words when not ""
  int band_low = -1, band_high = -1;  // a range in percent drawn behind the bar; -1: none
};

// Where a row's parts go in the SVG (viewBox units).
struct RowGeometry {
  int label_y = 0;    // baseline of the row's words
  int bar_y = 0;      // top of its bar
  int bar_width = 0;  // 0: no bar (not an exact count, or 0)
  int value_x = 0;    // where the count's words start
  int value_y = 0;    // their baseline
  int band_x = 0;     // the range behind the bar (Orphanet's band of a sign)
  int band_width = 0;  // 0: no range
};

inline constexpr int kChartWidth = 360;     // viewBox width
inline constexpr int kChartBarMax = 220;    // the longest bar
inline constexpr int kChartRowHeight = 40;  // words above, bar beneath
inline constexpr int kChartBarHeight = 14;

// Bars scaled to the largest shown count (or to 100 when `by_percent`, for shares of
// different totals). Rows without an exact count get no bar.
std::vector<RowGeometry> LayOutRows(const std::vector<ChartRow>& rows, bool by_percent);
int ChartHeight(size_t rows);

// A shown count back from its JSON ({"count"}|{"fewer_than"}|{"hidden"}) and `percent`.
ShownCount CountFromJson(const nlohmann::json& count, const nlohmann::json& percent);

// "12 (40%)", "fewer than 5", "not shown".
std::string CountWithPercent(const ShownCount& count);

// The names the signs chart shows beside each HPO id: plain words and Orphanet's band.
struct SignWords {
  std::string name;
  std::string orphanet_band;  // "Frequent (30 to 79 in 100 people)", "" when unknown
  int band_low = -1, band_high = -1;  // its range in percent; -1 when unknown
};

// Orphanet's frequency class rank (catalog/plain_words.h: 0 always … 5 excluded) as a
// range in percent: {low, high}, or {-1, -1} for an unknown class.
std::pair<int, int> BandOfRank(int rank);

// A label cut to `max` characters (UTF-8 aware) with "…", for the SVG; tables keep it whole.
std::string ShortLabel(const std::string& label, size_t max);

// The template's view of every chart: {"people_words", "charts": [{"id", "title",
// "desc", "shown", "not_shown_note", "height", "width", "rows": [...], "table": {...},
// "summary"}]} from SuppressedAggregatesJson's output. `signs` names the condition's
// phenotypes; a sign without a name shows its HPO id.
nlohmann::json ChartsView(const nlohmann::json& suppressed, const std::map<std::string, SignWords>& signs);

}  // namespace diseasemaps::experiences
