#include "platform/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <unordered_map>

#include <spdlog/spdlog.h>

#include "platform/text.h"

namespace diseasemaps {
namespace {

// Base letters of U+0100..U+017F (Latin Extended-A), as runs of one replacement.
struct Run {
  int count;
  const char* base;
};
constexpr Run kLatinExtendedA[] = {
    {6, "a"}, {8, "c"}, {4, "d"}, {10, "e"}, {8, "g"}, {4, "h"}, {10, "i"}, {2, "ij"},
    {2, "j"}, {3, "k"}, {10, "l"}, {9, "n"}, {6, "o"}, {2, "oe"}, {6, "r"}, {8, "s"},
    {6, "t"}, {12, "u"}, {2, "w"}, {3, "y"}, {6, "z"}, {1, "s"}};

// Base letters of U+00C0..U+00FF (Latin-1 Supplement letters); "" for × and ÷.
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

const char* LatinBase(char32_t c) {
  if (c >= 0xC0 && c <= 0xFF) return kLatin1[c - 0xC0];
  if (c >= 0x100 && c <= 0x17F) {
    int offset = static_cast<int>(c - 0x100);
    for (const Run& run : kLatinExtendedA) {
      if (offset < run.count) return run.base;
      offset -= run.count;
    }
  }
  return nullptr;
}

// Decodes one UTF-8 sequence at text[at]; advances `at`. Invalid bytes decode as U+FFFD.
char32_t NextCodePoint(std::string_view text, std::size_t& at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  int extra = lead < 0x80 ? 0 : (lead >> 5) == 6 ? 1 : (lead >> 4) == 14 ? 2 : (lead >> 3) == 30 ? 3 : -1;
  if (extra < 0 || at + extra >= text.size()) {
    ++at;
    return 0xFFFD;
  }
  char32_t c = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int i = 1; i <= extra; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) {
      ++at;
      return 0xFFFD;
    }
    c = (c << 6) | (byte(at + i) & 0x3F);
  }
  at += extra + 1;
  return c;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

bool ParseInteger(std::string_view text, long long& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

std::string FoldForSearch(std::string_view text) {
  std::string out;
  bool pending_space = false;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t start = at;
    const char32_t c = NextCodePoint(text, at);
    if (c == ' ' || c == '\t' || c == '-' || c == '\'' || c == '.' || c == 0x2019 || c == '\n' ||
        c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (c >= 0x300 && c <= 0x36F) continue;  // combining accents
    std::string piece;
    if (c < 0x80) {
      piece.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else if (const char* base = LatinBase(c)) {
      piece = base;
    } else if (c == 0xFFFD) {
      piece = "\xEF\xBF\xBD";  // what invalid bytes decode to; the output stays valid UTF-8
    } else {
      piece.assign(text.substr(start, at - start));
    }
    if (piece.empty()) continue;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out += piece;
  }
  return out;
}

Result<Gazetteer> Gazetteer::Parse(std::string text) {
  Gazetteer g;
  g.text_ = std::make_shared<const std::string>(std::move(text));
  const std::string_view all = *g.text_;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < all.size()) {
    std::size_t end = all.find('\n', start);
    if (end == std::string_view::npos) end = all.size();
    const std::string_view line = all.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string_view> f = SplitOn(line, "\t");
    const auto bad = [&] {
      return Status::InvalidArgument("gazetteer line " + std::to_string(line_number) + " is malformed");
    };
    if (f[0] == "C" && f.size() == 5) {
      Country country{f[1], f[2], 0, 0};
      if (f[1].size() != 2 || !ParseDouble(f[3], country.latitude) || !ParseDouble(f[4], country.longitude)) {
        return bad();
      }
      g.countries_.push_back(country);
    } else if (f[0] == "P" && (f.size() == 8 || f.size() == 10)) {  // 8: without population and names
      City city;
      city.name = f[2];
      city.admin_area = f[3];
      city.country_code = f[4];
      city.seat = f[7] == "1";
      if (f.size() == 10) {
        city.other_names = f[9];
        if (!ParseInteger(f[8], city.population) || city.population < 0) return bad();
      }
      if (!ParseInteger(f[1], city.id) || city.name.empty() || f[4].size() != 2 ||
          !ParseDouble(f[5], city.latitude) || !ParseDouble(f[6], city.longitude) ||
          city.latitude < -90 || city.latitude > 90 || city.longitude < -180 || city.longitude > 180) {
        return bad();
      }
      g.cities_.push_back(city);
    } else {
      return bad();
    }
  }
  std::sort(g.countries_.begin(), g.countries_.end(),
            [](const Country& a, const Country& b) { return a.name < b.name; });
  g.by_name_.reserve(g.cities_.size());
  g.by_id_.reserve(g.cities_.size());
  for (std::uint32_t i = 0; i < g.cities_.size(); ++i) {
    g.by_name_.push_back({FoldForSearch(g.cities_[i].name), i});
    if (!g.cities_[i].other_names.empty()) {
      for (std::string_view other : SplitOn(g.cities_[i].other_names, "|")) {
        if (!other.empty()) g.by_name_.push_back({FoldForSearch(other), i});
      }
    }
    g.by_id_.push_back(i);
  }
  std::sort(g.by_name_.begin(), g.by_name_.end(),
            [](const Entry& a, const Entry& b) { return a.folded_name < b.folded_name; });
  std::sort(g.by_id_.begin(), g.by_id_.end(),
            [&](std::uint32_t a, std::uint32_t b) { return g.cities_[a].id < g.cities_[b].id; });
  for (std::size_t i = 1; i < g.by_id_.size(); ++i) {
    if (g.cities_[g.by_id_[i]].id == g.cities_[g.by_id_[i - 1]].id) {
      return Status::InvalidArgument("gazetteer id " + std::to_string(g.cities_[g.by_id_[i]].id) +
                                     " is used twice");
    }
  }
  return g;
}

const City* Gazetteer::FindCity(long long id) const {
  auto it = std::lower_bound(by_id_.begin(), by_id_.end(), id,
                             [&](std::uint32_t index, long long value) { return cities_[index].id < value; });
  if (it == by_id_.end() || cities_[*it].id != id) return nullptr;
  return &cities_[*it];
}

const Country* Gazetteer::FindCountry(std::string_view code) const {
  for (const Country& country : countries_) {
    if (country.code == code) return &country;
  }
  return nullptr;
}

std::string Gazetteer::CountryName(std::string_view code) const {
  const Country* country = FindCountry(code);
  return std::string(country ? country->name : code);
}

std::string Gazetteer::Label(const City& city) const {
  std::string label(city.name);
  if (!city.admin_area.empty() && city.admin_area != city.name) label += ", " + std::string(city.admin_area);
  return label + ", " + CountryName(city.country_code);
}

std::vector<const City*> Gazetteer::Search(std::string_view query, std::size_t limit) const {
  return Match(query, limit, false);
}

std::vector<const City*> Gazetteer::Resolve(std::string_view text, std::size_t limit) const {
  return Match(text, limit, true);
}

std::vector<const City*> Gazetteer::Match(std::string_view query, std::size_t limit, bool whole) const {
  std::vector<std::string_view> parts = SplitOn(query, ",");
  const std::string name = FoldForSearch(parts[0]);
  if (name.empty() || limit == 0) return {};
  std::vector<std::string> qualifiers;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::string part = FoldForSearch(parts[i]);
    if (!part.empty()) qualifiers.push_back(" " + part);
  }
  auto it = std::lower_bound(by_name_.begin(), by_name_.end(), name,
                             [](const Entry& e, const std::string& value) { return e.folded_name < value; });
  struct Candidate {
    const City* city;
    bool exact;
  };
  std::vector<Candidate> found;
  std::unordered_map<std::uint32_t, std::size_t> seen;  // city -> its place in found
  for (; it != by_name_.end() && StartsWith(it->folded_name, name); ++it) {
    const bool exact = it->folded_name.size() == name.size();
    if (whole && !exact) break;  // entries with the same name come first
    if (auto known = seen.find(it->city); known != seen.end()) {  // by its name and another
      found[known->second].exact = found[known->second].exact || exact;
      continue;
    }
    const City& city = cities_[it->city];
    if (!qualifiers.empty()) {
      const std::string where =
          " " + FoldForSearch(city.admin_area) + " " + FoldForSearch(CountryName(city.country_code));
      const bool all = std::all_of(qualifiers.begin(), qualifiers.end(),
                                   [&](const std::string& q) { return where.find(q) != std::string::npos; });
      if (!all) continue;
    }
    seen.emplace(it->city, found.size());
    found.push_back({&city, exact});
  }
  const auto better = [](const Candidate& a, const Candidate& b) {
    if (a.exact != b.exact) return a.exact;
    if (a.city->population != b.city->population) return a.city->population > b.city->population;
    if (a.city->seat != b.city->seat) return a.city->seat;
    if (a.city->name.size() != b.city->name.size()) return a.city->name.size() < b.city->name.size();
    if (a.city->name != b.city->name) return a.city->name < b.city->name;
    if (a.city->country_code != b.city->country_code) return a.city->country_code < b.city->country_code;
    if (a.city->admin_area != b.city->admin_area) return a.city->admin_area < b.city->admin_area;
    return a.city->id < b.city->id;
  };
  const std::size_t keep = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(), better);
  std::vector<const City*> out;
  for (std::size_t i = 0; i < keep; ++i) out.push_back(found[i].city);
  return out;
}

std::string_view EmbeddedGazetteerText();  // gazetteer_data.cc

const Gazetteer& Gazetteer::Embedded() {
  static const Gazetteer* gazetteer = [] {
    auto parsed = Parse(std::string(EmbeddedGazetteerText()));
    if (!parsed.ok()) {
      spdlog::critical("the embedded gazetteer is broken: {}", parsed.status().message());
      std::abort();
    }
    return new Gazetteer(std::move(*parsed));
  }();
  return *gazetteer;
}

}  // namespace diseasemaps
