#include "experiences/experience_charts.h"

#include <algorithm>
#include <utility>

#include "experiences/questionnaire_words.h"
#include "platform/i18n.h"

namespace diseasemaps::experiences {
namespace {

using nlohmann::json;
using i18n::N_;
using i18n::Tr;

constexpr size_t kSvgLabelChars = 46;

json NullIfEmpty(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// One chart as the builder fills it.
struct Chart {
  std::string id;
  std::string title;
  std::string desc;
  std::string label_header;
  std::string value_header;
  std::string beside_header;  // "" when the rows have nothing beside them
  bool shown = false;
  std::string note{};           // why it is not shown, or how to read it
  std::string summary{};        // "People who answered: 12"
  std::vector<ChartRow> rows{};
  bool by_percent = false;
};

json RowsView(const std::vector<ChartRow>& rows, bool by_percent) {
  const std::vector<RowGeometry> geometry = LayOutRows(rows, by_percent);
  json out = json::array();
  for (size_t i = 0; i < rows.size(); ++i) {
    const ChartRow& row = rows[i];
    const RowGeometry& g = geometry[i];
    out.push_back({{"label", row.label},
                   {"short_label", ShortLabel(row.label, kSvgLabelChars)},
                   {"beside", NullIfEmpty(row.beside)},
                   {"value", row.value_words.empty() ? CountWithPercent(row.count) : row.value_words},
                   {"label_y", g.label_y},
                   {"bar_y", g.bar_y},
                   {"bar_width", g.bar_width},
                   {"has_bar", g.bar_width > 0},
                   {"bar_height", kChartBarHeight},
                   {"value_x", g.value_x},
                   {"value_y", g.value_y},
                   {"band_x", g.band_x},
                   {"band_y", g.bar_y - 3},
                   {"band_height", kChartBarHeight + 6},
                   {"band_width", g.band_width},
                   {"has_band", g.band_width > 0}});
  }
  return out;
}

json ChartView(const Chart& chart) {
  json view = {{"id", chart.id},
               {"title", chart.title},
               {"desc", chart.desc},
               {"shown", chart.shown && !chart.rows.empty()},
               {"note", NullIfEmpty(chart.note)},
               {"summary", NullIfEmpty(chart.summary)},
               {"label_header", chart.label_header},
               {"value_header", chart.value_header},
               {"beside_header", NullIfEmpty(chart.beside_header)},
               {"width", kChartWidth},
               {"height", ChartHeight(chart.rows.size())},
               {"rows", RowsView(chart.rows, chart.by_percent)}};
  return view;
}

std::string NotShownNote(int k) {
  return i18n::Plural("Fewer than {count} person has shared this part yet, so it is not shown.",
                      "Fewer than {count} people have shared this part yet, so it is not shown.", k);
}

std::string AnsweredSummary(const json& q) {
  if (!q.contains("answered")) return "";
  return Tr("People who answered: {count}", {{"count", CountInWords(CountFromJson(q["answered"], nullptr))}});
}

const json& Question(const json& suppressed, const char* id) {
  static const json kEmpty = {{"shown", false}};
  const json& questions = suppressed.contains("questions") ? suppressed["questions"] : kEmpty;
  return questions.contains(id) ? questions[id] : kEmpty;
}

Chart ChoiceChart(const json& suppressed, const char* id, std::string title, std::string desc,
                  std::string label_header, int k) {
  const json& q = Question(suppressed, id);
  Chart chart{id, std::move(title), std::move(desc), std::move(label_header), Tr("People"), ""};
  chart.shown = q.value("shown", false);
  if (!chart.shown) {
    chart.note = NotShownNote(k);
    return chart;
  }
  chart.summary = AnsweredSummary(q);
  for (const json& cell : q["cells"]) {
    chart.rows.push_back({AnswerWords(id, cell["answer"].get<std::string>()),
                          CountFromJson(cell["people"], cell.value("percent", json(nullptr))), ""});
  }
  return chart;
}

std::string SignName(const std::map<std::string, SignWords>& signs, const std::string& hpo) {
  auto it = signs.find(hpo);
  return it == signs.end() || it->second.name.empty() ? hpo : it->second.name;
}

}  // namespace

std::pair<int, int> BandOfRank(int rank) {
  switch (rank) {
    case 0: return {100, 100};
    case 1: return {80, 99};
    case 2: return {30, 79};
    case 3: return {5, 29};
    case 4: return {1, 4};
    case 5: return {0, 0};
    default: return {-1, -1};
  }
}

std::string ShortLabel(const std::string& label, size_t max) {
  size_t chars = 0;
  for (size_t i = 0; i < label.size(); ++i) {
    if ((static_cast<unsigned char>(label[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (chars == max - 1) {
      // Is there more than one character left?
      size_t rest = 0;
      for (size_t j = i; j < label.size(); ++j) {
        if ((static_cast<unsigned char>(label[j]) & 0xC0) != 0x80) ++rest;
      }
      if (rest > 1) return label.substr(0, i) + "…";
      return label;
    }
    ++chars;
  }
  return label;
}

std::vector<RowGeometry> LayOutRows(const std::vector<ChartRow>& rows, bool by_percent) {
  long long largest = 0;
  for (const ChartRow& row : rows) {
    if (row.count.exact()) largest = std::max(largest, by_percent ? row.count.percent.value_or(0) : row.count.value);
  }
  if (by_percent) largest = 100;
  std::vector<RowGeometry> out;
  out.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const ChartRow& row = rows[i];
    RowGeometry g;
    const int top = static_cast<int>(i) * kChartRowHeight + 4;
    g.label_y = top + 14;
    g.bar_y = top + 20;
    long long value = 0;
    if (row.count.exact()) value = by_percent ? row.count.percent.value_or(0) : row.count.value;
    if (largest > 0 && value > 0) {
      g.bar_width = std::max(1, static_cast<int>((value * kChartBarMax + largest / 2) / largest));
    }
    if (row.band_low >= 0 && row.band_high >= row.band_low) {
      g.band_x = row.band_low * kChartBarMax / 100;
      g.band_width = std::max(2, row.band_high * kChartBarMax / 100 - g.band_x);
    }
    g.value_x = std::max(g.bar_width, g.band_x + g.band_width) + 6;
    g.value_y = g.bar_y + 11;
    out.push_back(g);
  }
  return out;
}

int ChartHeight(size_t rows) { return static_cast<int>(rows) * kChartRowHeight + 8; }

ShownCount CountFromJson(const json& count, const json& percent) {
  ShownCount out;
  if (count.contains("count")) {
    out = ShownCount::Exact(count["count"].get<long long>());
    if (percent.is_number_integer()) out.percent = percent.get<int>();
  } else if (count.contains("fewer_than")) {
    out.kind = ShownCount::Kind::kFewerThanFive;
  }
  return out;
}

std::string CountWithPercent(const ShownCount& count) {
  if (count.exact() && count.percent) {
    return Tr("{count} ({percent}%)", {{"count", CountInWords(count)}, {"percent", std::to_string(*count.percent)}});
  }
  return CountInWords(count);
}

json ChartsView(const json& suppressed, const std::map<std::string, SignWords>& signs) {
  const int k = suppressed.value("min_people", kDefaultMinPeople);
  std::vector<Chart> charts;
  charts.push_back(ChoiceChart(suppressed, "onset_age", Tr("Age at the first signs"),
                               Tr("How old people were when the first signs appeared, by age group."), Tr("Age"), k));
  {
    const json& q = Question(suppressed, "first_signs");
    Chart chart{"first_signs", Tr("The first signs people noticed"),
                Tr("How many people named each sign among the first they noticed."), Tr("Sign"), Tr("People"), ""};
    chart.shown = q.value("shown", false);
    if (chart.shown) {
      chart.summary = AnsweredSummary(q);
      for (const json& cell : q["cells"]) {
        chart.rows.push_back({SignName(signs, cell["hpo_id"].get<std::string>()),
                              CountFromJson(cell["people"], cell.value("percent", json(nullptr))), ""});
      }
    } else {
      chart.note = NotShownNote(k);
    }
    charts.push_back(std::move(chart));
  }
  charts.push_back(ChoiceChart(suppressed, "diagnosis_age", Tr("Age at diagnosis"),
                               Tr("How old people were when they were diagnosed, by age group."), Tr("Age"), k));
  {
    const json& q = Question(suppressed, "years_to_diagnosis");
    Chart chart{"years_to_diagnosis", Tr("Years from the first signs to a diagnosis"),
                Tr("The median number of years people waited for a diagnosis, with the middle half of them between "
                   "the first and third quarters."),
                Tr("Measure"), Tr("Years"), ""};
    chart.shown = q.value("shown", false) && q.contains("median");
    if (chart.shown) {
      chart.summary = AnsweredSummary(q);
      const long long q1 = q["quartiles"][0].get<long long>(), median = q["median"].get<long long>(),
                      q3 = q["quartiles"][1].get<long long>();
      auto years = [](long long n) { return i18n::Plural("{count} year", "{count} years", n); };
      chart.rows.push_back({Tr("A quarter of people waited at most"), ShownCount::Exact(q1), "", years(q1)});
      chart.rows.push_back({Tr("Half of people waited at most (the median)"), ShownCount::Exact(median), "",
                            years(median)});
      chart.rows.push_back({Tr("Three quarters of people waited at most"), ShownCount::Exact(q3), "", years(q3)});
    } else {
      chart.note = NotShownNote(std::max(k, static_cast<int>(kSmallCount)));
    }
    charts.push_back(std::move(chart));
  }
  charts.push_back(ChoiceChart(suppressed, "doctors_seen", Tr("Doctors seen before the diagnosis"),
                               Tr("How many doctors people saw before they were diagnosed."), Tr("Doctors"), k));
  charts.push_back(ChoiceChart(suppressed, "wrong_diagnoses", Tr("Another diagnosis first"),
                               Tr("Whether people were first told they had something else."), Tr("Answer"), k));
  {
    const json& q = Question(suppressed, "phenotypes");
    Chart chart{"phenotypes", Tr("Signs: the community and Orphanet side by side"),
                Tr("For each sign of the condition, the share of people who said they have it (the bar), beside the "
                   "range Orphanet gives for how often it occurs (the shaded band)."),
                Tr("Sign"), Tr("People who have it"), Tr("Orphanet says")};
    chart.by_percent = true;
    chart.shown = q.value("shown", false);
    if (chart.shown) {
      chart.summary = AnsweredSummary(q);
      for (const json& sign : q.value("signs", json::array())) {
        if (!sign.value("shown", false)) continue;
        const std::string hpo = sign["hpo_id"].get<std::string>();
        ChartRow row{SignName(signs, hpo), {}, ""};
        for (const json& cell : sign["cells"]) {
          if (cell["answer"] == "has") row.count = CountFromJson(cell["people"], cell.value("percent", json(nullptr)));
        }
        auto it = signs.find(hpo);
        if (it != signs.end()) {
          row.beside = it->second.orphanet_band;
          row.band_low = it->second.band_low;
          row.band_high = it->second.band_high;
        }
        chart.rows.push_back(std::move(row));
      }
    } else {
      chart.note = NotShownNote(k);
    }
    charts.push_back(std::move(chart));
  }
  {
    const json& q = Question(suppressed, "treatments");
    if (!q.value("shown", false)) {
      Chart chart{"treatments", Tr("Treatments and how they helped"), "", Tr("Effect"), Tr("People"), ""};
      chart.note = NotShownNote(k);
      charts.push_back(std::move(chart));
    } else {
      int n = 0;
      for (const json& treatment : q.value("treatments", json::array())) {
        if (!treatment.value("shown", false)) continue;
        const std::string name = treatment["name"].get<std::string>();
        Chart chart{"treatment-" + std::to_string(++n), Tr("How {name} helped", {{"name", name}}),
                    Tr("How much people who used {name} said it helped.", {{"name", name}}), Tr("Effect"),
                    Tr("People"), ""};
        chart.shown = true;
        chart.summary = Tr("People who used it: {count}",
                           {{"count", CountInWords(CountFromJson(treatment["people"], nullptr))}});
        for (const json& cell : treatment["cells"]) {
          chart.rows.push_back({AnswerWords("treatments", cell["effect"].get<std::string>()),
                                CountFromJson(cell["people"], cell.value("percent", json(nullptr))), ""});
        }
        charts.push_back(std::move(chart));
      }
      if (n == 0) {
        Chart chart{"treatments", Tr("Treatments and how they helped"), "", Tr("Effect"), Tr("People"), ""};
        chart.note = Tr("No treatment has been named by 5 people or more yet, so none is shown.");
        charts.push_back(std::move(chart));
      }
    }
  }
  charts.push_back(ChoiceChart(suppressed, "compared_with_worst", Tr("How things are now"),
                               Tr("How people feel now compared with when things were at their worst."),
                               Tr("Compared with the worst"), k));
  charts.push_back(ChoiceChart(suppressed, "daily_life_effect", Tr("Effect on daily life"),
                               Tr("How much the condition affects daily life now, from 0 (not at all) to 10 (completely)."),
                               Tr("Effect"), k));
  json list = json::array();
  for (const Chart& chart : charts) list.push_back(ChartView(chart));
  const ShownCount people = CountFromJson(suppressed.value("people", json::object()), nullptr);
  return {{"charts", std::move(list)},
          {"people", people.exact() ? json(people.value) : json(nullptr)},
          {"people_words", CountInWords(people)},
          {"min_people", k}};
}

}  // namespace diseasemaps::experiences
